// The DCAT-AP catalogue in JSON-LD (/open-data/catalog.jsonld): a dcat:Catalog whose
// dcat:dataset entries each carry two dcat:Distribution (CSV and JSON) with download URLs,
// daily accrual, licence, publisher and contact point — what CKAN's DCAT harvester
// (ckanext-dcat, JSON-LD profile) reads. Titles in kk, ru and en as language-tagged values.
import type { DatasetInfo } from './opendata.service.ts';

const EU = 'http://publications.europa.eu/resource/authority';

export const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const tagged = (v: { kk: string; ru: string; en: string }) => (['kk', 'ru', 'en'] as const).map((l) => ({ '@value': v[l], '@language': l }));

export function buildCatalog(base: string, sets: readonly DatasetInfo[], modified: string) {
  const root = base.replace(/\/+$/, '');
  const date = { '@value': modified, '@type': 'xsd:date' };
  return {
    '@context': CONTEXT,
    '@id': `${root}/open-data/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': tagged({ kk: 'Tyndau: өтініштердің ашық деректері', ru: 'Tyndau: открытые данные обращений', en: 'Tyndau: open data of appeals' }),
    'dct:description': tagged({
      kk: 'Азаматтар өтініштерінің иесіздендірілген тізілімі, күн сайын жарияланады.',
      ru: 'Обезличенный реестр обращений граждан, публикуется ежедневно.',
      en: 'The de-identified register of citizens’ appeals, published daily.',
    }),
    'dct:language': [{ '@id': `${EU}/language/KAZ` }, { '@id': `${EU}/language/RUS` }, { '@id': `${EU}/language/ENG` }],
    'dct:modified': date,
    'foaf:homepage': { '@id': `${root}/` },
    'dct:license': { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
    'dcat:dataset': sets.map((s) => {
      const id = `${root}/open-data/datasets/${s.id}`;
      const dist = (format: 'csv' | 'json', media: string, eu: string) => ({
        '@id': `${id}.${format}`,
        '@type': 'dcat:Distribution',
        'dct:title': format.toUpperCase(),
        'dcat:accessURL': { '@id': `${id}.${format}` },
        'dcat:downloadURL': { '@id': `${id}.${format}` },
        'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${media}` },
        'dct:format': { '@id': `${EU}/file-type/${eu}` },
        'dct:license': { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
        'dct:modified': date,
      });
      return {
        '@id': id,
        '@type': 'dcat:Dataset',
        'dct:identifier': s.id,
        'dct:title': tagged(s.title),
        'dct:description': tagged({
          kk: 'Бір жол — бір өтініш: нөмір, күндер, орган, тақырып, арна, мәртебе, нәтиже, аудан, ~100 м дейін дөңгелектенген нүкте. Құпия және анонимдік өтініштер жоқ, шағын топтар жасырылған.',
          ru: 'Одна строка — одно обращение: номер, даты, орган, тема, канал, статус, результат, район, точка с округлением до ~100 м. Без конфиденциальных и анонимных обращений, малые группы скрыты.',
          en: 'One row per appeal: number, dates, body, topic, channel, status, resolution class, district, point rounded to ~100 m. No confidential or anonymous appeals; small groups suppressed.',
        }),
        'dcat:keyword': [{ '@value': 'обращения', '@language': 'ru' }, { '@value': 'өтініштер', '@language': 'kk' }, { '@value': 'appeals', '@language': 'en' }],
        'dcat:theme': { '@id': `${EU}/data-theme/GOVE` },
        'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': tagged(s.publisher) },
        'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': s.publisher.ru, 'vcard:hasURL': { '@id': `${root}/ru/bodies/${s.bodyCode}` } },
        'dct:accrualPeriodicity': { '@id': `${EU}/frequency/DAILY` },
        'dct:modified': date,
        'dcat:landingPage': { '@id': `${root}/ru/open-data#${s.id}` },
        'dcat:distribution': [dist('csv', 'text/csv', 'CSV'), dist('json', 'application/json', 'JSON')],
      };
    }),
  };
}
