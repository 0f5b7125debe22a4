// A printable poster for a city object: what to do, in the poster's language, the object's
// name, the QR code of its link and the link itself for those who cannot scan. Only the
// poster is printed (styles: qr-poster.module.css).
import type { CityObject } from '../api.ts';
import { qrSvgUrl } from '../api.ts';
import classes from './qr-poster.module.css';

type Lang = 'kk' | 'ru' | 'en';

// The poster's words are in its own language, whatever the page's language is.
const WORDS: Record<Lang, { title: string; scan: string; or: string; code: string; body: string }> = {
  kk: { title: 'Мәселе байқадыңыз ба? Хабарлаңыз!', scan: 'Телефонның камерасымен QR кодты сканерлеңіз: өтініш нысаны осы орынмен толтырылып ашылады.', or: 'Немесе мекенжайды ашыңыз:', code: 'Нысан коды', body: 'Өтінішті қарайтын орган' },
  ru: { title: 'Заметили проблему? Сообщите!', scan: 'Наведите камеру телефона на QR-код: откроется форма обращения, уже заполненная этим местом.', or: 'Или откройте адрес:', code: 'Код объекта', body: 'Обращение рассмотрит' },
  en: { title: 'Seen a problem? Report it!', scan: 'Point your phone’s camera at the QR code: the appeal form opens with this place filled in.', or: 'Or open the address:', code: 'Object code', body: 'Your appeal goes to' },
};

export function QrPoster({ object, lang, origin }: { object: CityObject; lang: Lang; origin: string }) {
  const w = WORDS[lang];
  const link = `${origin}/${lang}/appeal?object=${encodeURIComponent(object.code)}`;
  return (
    <section className={classes.poster} lang={lang} aria-label={w.title} data-testid="qr-poster">
      <p className={classes.title}>{w.title}</p>
      <p className={classes.name}>{object.name}</p>
      {object.address && <p>{object.address}</p>}
      <img className={classes.qr} src={qrSvgUrl(object.code, lang)} alt={`QR: ${link}`} width={320} height={320} />
      <p>{w.scan}</p>
      <p>
        {w.or} <span className={classes.link}>{link}</span>
      </p>
      <p>
        {w.code}: <strong>{object.code}</strong> · {w.body}: {object.body.name[lang]}
      </p>
    </section>
  );
}
