// SMS texts as the network sees them: GSM 03.38 7-bit when every character is in the GSM
// alphabet (160 per message, 153 per part of a long one), else UCS-2 (70, or 67 per part).
// Kazakh and Russian are always UCS-2, so their texts are written to fit 70 or 134.

// The GSM 03.38 default alphabet in code order, and the extension table (escape 0x1B + code).
const GSM_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXT: Record<string, number> = { '\f': 0x0a, '^': 0x14, '{': 0x28, '}': 0x29, '\\': 0x2f, '[': 0x3c, '~': 0x3d, ']': 0x3e, '|': 0x40, '€': 0x65 };
const GSM_CODE = new Map([...GSM_BASIC].map((c, i) => [c, i]));

export type SmsEncoding = 'gsm7' | 'ucs2';

/** SMPP data_coding: 0 = the SMSC's default alphabet (GSM 7-bit), 8 = UCS-2. */
export const DATA_CODING: Record<SmsEncoding, number> = { gsm7: 0x00, ucs2: 0x08 };

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = { gsm7: { single: 160, part: 153 }, ucs2: { single: 70, part: 67 } };

export function smsEncodingOf(text: string): SmsEncoding {
  for (const c of text) if (c !== '\x1b' && !GSM_CODE.has(c) && !(c in GSM_EXT)) return 'ucs2';
  return 'gsm7';
}

/** Units a character costs: septets in GSM 7-bit, UTF-16 code units in UCS-2. */
function cost(c: string, enc: SmsEncoding): number {
  if (enc === 'ucs2') return c.length;
  return c in GSM_EXT ? 2 : 1;
}

export interface SmsSplit {
  encoding: SmsEncoding;
  /** Septets (GSM) or UTF-16 units (UCS-2) of the whole text. */
  units: number;
  /** The text of each part; one part when it fits a single message. */
  parts: string[];
}

/** Split a text into the parts the network carries, never inside a character or an escape pair. */
export function splitSms(text: string): SmsSplit {
  const encoding = smsEncodingOf(text);
  const chars = [...text];
  const units = chars.reduce((n, c) => n + cost(c, encoding), 0);
  const { single, part } = LIMITS[encoding];
  if (units <= single) return { encoding, units, parts: [text] };
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const c of chars) {
    const n = cost(c, encoding);
    if (used + n > part) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += c;
    used += n;
  }
  if (current) parts.push(current);
  return { encoding, units, parts };
}

/** The bytes of one part: unpacked GSM septets (one per octet, as SMPP carries them) or UTF-16BE. */
export function encodeSms(text: string, encoding: SmsEncoding): Buffer {
  if (encoding === 'ucs2') {
    const le = Buffer.from(text, 'utf16le');
    return le.swap16();
  }
  const out: number[] = [];
  for (const c of text) {
    if (c in GSM_EXT) out.push(0x1b, GSM_EXT[c]);
    else out.push(GSM_CODE.get(c) ?? 0x20);
  }
  return Buffer.from(out);
}

/** Decode what `encodeSms` wrote (tests, the SMPP test server). */
export function decodeSms(bytes: Buffer, dataCoding: number): string {
  if ((dataCoding & 0x0f) === DATA_CODING.ucs2) return Buffer.from(bytes).swap16().toString('utf16le');
  const extBack = new Map(Object.entries(GSM_EXT).map(([c, code]) => [code, c]));
  let s = '';
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x1b && i + 1 < bytes.length) s += extBack.get(bytes[++i]) ?? ' ';
    else s += GSM_BASIC[bytes[i]] ?? ' ';
  }
  return s;
}

/** The concatenation header (UDH, 8-bit reference) of part `seq` of `total`. */
export function concatUdh(ref: number, total: number, seq: number): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, ref & 0xff, total, seq]);
}
