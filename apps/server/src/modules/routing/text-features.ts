// What the routing model reads in a text: lower-cased words of Cyrillic (Russian and Kazakh)
// and Latin letters, stripped of HTML, cut to a fixed-length stem, plus word pairs.
//
// The stem is the word's first STEM_LENGTH letters. For Russian and Kazakh, where endings
// carry case and number (труба, трубы, трубой; жол, жолдар, жолдың), a prefix is a crude but
// language-neutral stemmer: it needs no dictionary, treats both languages alike and on the
// St Petersburg appeals scores as well as a Snowball stemmer would for a bag-of-words model
// (bench/routing.ts measures it).
const STEM_LENGTH = 6;
const MIN_WORD = 2;

/** Words too common to tell topics apart (Russian, Kazakh, English). */
const STOP = new Set(
  (
    'и в во на не что с со по к ко у за из от до о об а но или же ли бы то как так это этот эта эти мы вы они он она оно я ' +
    'мне нас вас их его ее её для при про без над под уже еще ещё очень все всё весь просим прошу просьба пожалуйста ' +
    'здравствуйте добрый день уважаемые уважаемый есть был была было были будет который которая которые ' +
    'және мен бен пен да де бұл осы сол біз сіз олар ол үшін туралы бар жоқ емес еді болып сәлеметсіз құрметті ' +
    'the a an and or of to in on at for is are was be this that with by from it we you please'
  ).split(' '),
);

/** The text's plain words: tags and entities out, lower case, letters only. */
export function words(text: string): string[] {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .toLowerCase()
    .replaceAll('ё', 'е');
  return plain.match(/[\p{L}]+/gu)?.filter((w) => w.length >= MIN_WORD && !STOP.has(w)) ?? [];
}

export const stem = (word: string) => (word.length > STEM_LENGTH ? word.slice(0, STEM_LENGTH) : word);

/** Features: the stems and each pair of neighbouring stems (a pair keeps "горячей воды" apart from "холодной воды"). */
export function features(text: string): string[] {
  const stems = words(text).map(stem);
  const out = stems.slice();
  for (let i = 1; i < stems.length; i++) out.push(`${stems[i - 1]}_${stems[i]}`);
  return out;
}
