// Phone numbers as the PBX and the register write them: "+7 7172 55-10-00", "87172551000",
// "77172551000" are one number. Stored digits only, Kazakhstan's trunk prefix 8 read as 7.

export function normalizeNumber(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let digits = String(raw).replace(/\D/g, '');
  if (!digits) return null;
  if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`;
  else if (digits.length === 10 && /^[67]/.test(digits)) digits = `7${digits}`;
  return digits;
}

/** How a stored number is shown: E.164 with a plus for full numbers, else as dialled (an extension). */
export function displayNumber(digits: string | null): string | null {
  if (!digits) return null;
  return digits.length >= 10 ? `+${digits}` : digits;
}

/** The spellings an appeal's phone may have been typed in, for the screen pop's index lookup. */
export function phoneSpellings(digits: string): string[] {
  const out = new Set([digits, `+${digits}`]);
  if (digits.length === 11 && digits.startsWith('7')) {
    const rest = digits.slice(1);
    out.add(`8${rest}`);
    out.add(`+7 ${rest.slice(0, 3)} ${rest.slice(3, 6)} ${rest.slice(6, 8)} ${rest.slice(8)}`);
    out.add(`+7 (${rest.slice(0, 3)}) ${rest.slice(3, 6)}-${rest.slice(6, 8)}-${rest.slice(8)}`);
    out.add(`8 (${rest.slice(0, 3)}) ${rest.slice(3, 6)}-${rest.slice(6, 8)}-${rest.slice(8)}`);
  }
  return [...out];
}
