// The receipt a visitor takes away from the desk: a page that prints on A4 or a receipt
// printer, with the number and access code to track the appeal and its legal due date.
import type { Language, Localized } from '@tyndau/contracts';

export interface ReceiptInput {
  lang: Language;
  number: string;
  accessCode: string;
  bodyName: Localized;
  channel: string;
  receivedAt: Date;
  legalDueAt: Date | null;
  trackUrl: string;
}

const L = {
  title: { kk: 'Өтінішті қабылдау туралы талон', ru: 'Талон о приёме обращения', en: 'Receipt of your appeal' },
  number: { kk: 'Тіркеу нөмірі', ru: 'Регистрационный номер', en: 'Registration number' },
  code: { kk: 'Қолжетімділік коды', ru: 'Код доступа', en: 'Access code' },
  received: { kk: 'Қабылданды', ru: 'Принято', en: 'Received' },
  due: { kk: 'Заң бойынша жауап беру мерзімі', ru: 'Срок ответа по закону', en: 'Legal deadline for the answer' },
  dueNote: {
    kk: 'ӘРПК 76-бабы: қабылданған күннен бастап 15 жұмыс күні.',
    ru: 'Ст. 76 АППК: 15 рабочих дней со дня поступления.',
    en: 'Art. 76 of the Administrative Procedural Code: 15 working days from receipt.',
  },
  track: { kk: 'Өтініштің барысын мына жерден қадағалаңыз', ru: 'Следите за обращением по адресу', en: 'Follow your appeal at' },
  keep: {
    kk: 'Нөмір мен кодты сақтаңыз: олар өтініштің күйін білу үшін қажет. Кодты ешкімге бермеңіз.',
    ru: 'Сохраните номер и код: они нужны, чтобы узнать статус обращения. Не сообщайте код посторонним.',
    en: 'Keep the number and the code: you need them to check your appeal. Do not share the code.',
  },
  print: { kk: 'Басып шығару', ru: 'Печать', en: 'Print' },
  channel: {
    kk: { front_office: 'Фронт-офис', public_reception: 'Қоғамдық қабылдау бөлмесі', personal_reception: 'Жеке қабылдау' },
    ru: { front_office: 'Фронт-офис', public_reception: 'Общественная приёмная', personal_reception: 'Личный приём' },
    en: { front_office: 'Front office', public_reception: 'Public reception', personal_reception: 'Personal reception' },
  } as Record<Language, Record<string, string>>,
} satisfies Record<string, unknown>;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function almaty(at: Date): { date: string; time: string } {
  const d = new Date(at.getTime() + 5 * 3_600_000).toISOString();
  return { date: `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`, time: d.slice(11, 16) };
}

export function renderReceipt(r: ReceiptInput): string {
  const t = (k: Exclude<keyof typeof L, 'channel'>) => escapeHtml(L[k][r.lang]);
  const received = almaty(r.receivedAt);
  const due = r.legalDueAt ? almaty(r.legalDueAt).date : '—';
  const channel = L.channel[r.lang][r.channel] ?? r.channel;
  return `<!doctype html>
<html lang="${r.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('title')} ${escapeHtml(r.number)}</title>
<style>
  body { font-family: Arial, Helvetica, sans-serif; color: #111; max-width: 480px; margin: 24px auto; padding: 0 16px; font-size: 16px; line-height: 1.45; }
  h1 { font-size: 20px; margin: 4px 0 16px; }
  .body { color: #444; font-size: 14px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0 0 16px; }
  dt { color: #444; }
  dd { margin: 0; font-weight: bold; }
  .big { font-size: 22px; letter-spacing: 1px; font-family: "DejaVu Sans Mono", monospace; }
  .note { font-size: 13px; color: #444; }
  button { font-size: 16px; padding: 8px 20px; margin-top: 12px; }
  @media print { button { display: none; } body { margin: 0; } }
</style>
</head>
<body>
<p class="body">${escapeHtml(r.bodyName[r.lang])} · ${escapeHtml(channel)}</p>
<h1>${t('title')}</h1>
<dl>
  <dt>${t('number')}</dt><dd class="big">${escapeHtml(r.number)}</dd>
  <dt>${t('code')}</dt><dd class="big">${escapeHtml(r.accessCode)}</dd>
  <dt>${t('received')}</dt><dd>${received.date} ${received.time}</dd>
  <dt>${t('due')}</dt><dd>${due}</dd>
</dl>
<p class="note">${t('dueNote')}</p>
<p>${t('track')}: <br><strong>${escapeHtml(r.trackUrl)}</strong></p>
<p class="note">${t('keep')}</p>
<button type="button" onclick="window.print()">${t('print')}</button>
</body>
</html>
`;
}
