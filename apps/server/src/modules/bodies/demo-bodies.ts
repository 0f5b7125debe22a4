// Demo content: the 21 bodies the study examined (6 ministries, 15 akimats), with their units,
// competence and public channels. Heads, deputies, phones and addresses are fictional.

type Localized = { kk: string; ru: string; en: string };

export interface UnitSeed {
  code: string;
  name: Localized;
  topics: string[];
}

export interface BodySeed {
  code: string;
  kind: 'ministry' | 'committee' | 'city_republican_akimat' | 'oblast_akimat' | 'city_oblast_akimat' | 'district_akimat' | 'rural_okrug_akimat';
  parentCode: string | null;
  name: Localized;
  numberPrefix: string;
  competence: string[];
  units: UnitSeed[];
  head: { name: string };
  deputy: { name: string };
  contacts: { address: Localized; phone: string; email: string; hours: Localized };
  channels: Array<{ channel: string; phone?: string; url?: string; hours?: Localized; address?: Localized }>;
}

type Channel = BodySeed['channels'][number];

const t = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });

const unit = (code: string, topics: string[], kk: string, ru: string, en: string): UnitSeed => ({ code, name: t(kk, ru, en), topics });

const OFFICE_HOURS = t('Дс–Жм 09:00–18:30, түскі үзіліс 13:00–14:30', 'Пн–Пт 09:00–18:30, обед 13:00–14:30', 'Mon–Fri 09:00–18:30, lunch 13:00–14:30');
const NO_BREAK_HOURS = t('Дс–Жм 09:00–18:30, үзіліссіз', 'Пн–Пт 09:00–18:30, без перерыва', 'Mon–Fri 09:00–18:30, no lunch break');
const RECEPTION_HOURS = t('Бекітілген кесте бойынша, алдын ала жазылу арқылы', 'По утверждённому графику, по предварительной записи', 'By the approved schedule, by appointment');
const ALL_DAY = t('Тәулік бойы', 'Круглосуточно', '24/7');

const HEAD_BLOG: Channel = { channel: 'head_blog', url: 'https://dialog.egov.kz/blogs' };
const OPEN_GOVERNMENT: Channel = { channel: 'open_government', url: 'https://dialog.egov.kz' };
const ONLINE_QA: Channel = { channel: 'online_qa' };
const SOCIAL_MEDIA: Channel = { channel: 'social_media' };
const trustPhone = (phone: string): Channel => ({ channel: 'trust_phone', phone, hours: OFFICE_HOURS });

/** Every body receives appeals in person, on paper, on its website, on eGov and in E-Otinish; the rest are listed per body. */
function body(seed: Omit<BodySeed, 'channels'> & { extraChannels: Channel[] }): BodySeed {
  const { extraChannels, ...rest } = seed;
  const { address, phone, hours } = rest.contacts;
  return {
    ...rest,
    channels: [
      { channel: 'personal_reception', phone, address, hours: RECEPTION_HOURS },
      { channel: 'hand_delivered', address, hours },
      { channel: 'website', url: `https://${rest.code}.example.kz` },
      { channel: 'egov', url: 'https://egov.kz', phone: '1414' },
      { channel: 'eotinish', url: 'https://eotinish.kz' },
      ...extraChannels,
    ],
  };
}

const contacts = (code: string, address: Localized, phone: string) => ({ address, phone, email: `kense@${code}.example.kz`, hours: OFFICE_HOURS });

const houseOfMinistries = (entrance: number) =>
  t(
    `Астана қ., Мәңгілік Ел даңғылы, 8, Министрліктер үйі, ${entrance}-кіреберіс`,
    `г. Астана, пр. Мангилик Ел, 8, Дом министерств, подъезд ${entrance}`,
    `House of Ministries, entrance ${entrance}, 8 Mangilik Yel Ave, Astana`,
  );

const GENERAL_MINISTRY_UNIT = unit('general', ['other'], 'Құжаттамалық қамтамасыз ету басқармасы', 'Управление документационного обеспечения', 'Records Management Division');

const CITY_REPUBLICAN_COMPETENCE = ['housing', 'land', 'construction', 'roads_transport', 'improvement', 'social', 'labour', 'education', 'ecology', 'public_order', 'other'];
const cityRepublicanUnits = (transport: UnitSeed): UnitSeed[] => [
  unit('general', ['other', 'public_order'], 'Құжат айналымы және азаматтарды қабылдау бөлімі', 'Отдел документооборота и приёма граждан', "Records and Citizens' Reception Department"),
  unit('housing', ['housing'], 'Энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы', 'Управление энергетики и жилищно-коммунального хозяйства', 'Department of Energy, Housing and Utilities'),
  unit('urban', ['land', 'construction'], 'Сәулет, қала құрылысы және жер қатынастары басқармасы', 'Управление архитектуры, градостроительства и земельных отношений', 'Department of Architecture, Urban Planning and Land Relations'),
  transport,
  unit('environment', ['improvement', 'ecology'], 'Экология және абаттандыру басқармасы', 'Управление экологии и благоустройства', 'Department of Ecology and Public Improvement'),
  unit('social', ['social', 'labour', 'education'], 'Әлеуметтік даму басқармасы', 'Управление социального развития', 'Department of Social Development'),
];

const OBLAST_COMPETENCE = ['roads_transport', 'social', 'health', 'education', 'labour', 'ecology', 'public_order', 'other'];
const OBLAST_UNITS: UnitSeed[] = [
  unit('general', ['other', 'public_order'], 'Құжаттамалық қамтамасыз ету бөлімі', 'Отдел документационного обеспечения', 'Records Management Department'),
  unit('roads', ['roads_transport'], 'Жолаушылар көлігі және автомобиль жолдары басқармасы', 'Управление пассажирского транспорта и автомобильных дорог', 'Department of Passenger Transport and Motorways'),
  unit('health', ['health'], 'Денсаулық сақтау басқармасы', 'Управление здравоохранения', 'Health Department'),
  unit('education', ['education'], 'Білім басқармасы', 'Управление образования', 'Education Department'),
  unit('social', ['social', 'labour'], 'Жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы', 'Управление координации занятости и социальных программ', 'Department of Employment Coordination and Social Programmes'),
  unit('nature', ['ecology'], 'Табиғи ресурстар және табиғат пайдалануды реттеу басқармасы', 'Управление природных ресурсов и регулирования природопользования', 'Department of Natural Resources and Environmental Management'),
];

const LOCAL_COMPETENCE = ['housing', 'land', 'construction', 'roads_transport', 'improvement', 'social', 'labour', 'education', 'public_order', 'other'];
const localUnits = (land: UnitSeed): UnitSeed[] => [
  unit('general', ['other', 'public_order'], 'Құжаттамалық қамтамасыз ету бөлімі', 'Отдел документационного обеспечения', 'Records Management Department'),
  unit('housing', ['housing', 'roads_transport', 'improvement'], 'Тұрғын үй-коммуналдық шаруашылық, жолаушылар көлігі және автомобиль жолдары бөлімі', 'Отдел жилищно-коммунального хозяйства, пассажирского транспорта и автомобильных дорог', 'Department of Housing and Utilities, Passenger Transport and Motorways'),
  unit('construction', ['construction'], 'Құрылыс, сәулет және қала құрылысы бөлімі', 'Отдел строительства, архитектуры и градостроительства', 'Department of Construction, Architecture and Urban Planning'),
  land,
  unit('social', ['social', 'labour'], 'Жұмыспен қамту және әлеуметтік бағдарламалар бөлімі', 'Отдел занятости и социальных программ', 'Department of Employment and Social Programmes'),
  unit('education', ['education'], 'Білім бөлімі', 'Отдел образования', 'Education Department'),
];
const CITY_OBLAST_UNITS = localUnits(unit('land', ['land'], 'Жер қатынастары бөлімі', 'Отдел земельных отношений', 'Land Relations Department'));
const DISTRICT_UNITS = localUnits(unit('land', ['land'], 'Ауыл шаруашылығы және жер қатынастары бөлімі', 'Отдел сельского хозяйства и земельных отношений', 'Department of Agriculture and Land Relations'));

const RURAL_COMPETENCE = ['housing', 'land', 'roads_transport', 'improvement', 'social', 'public_order', 'other'];
const RURAL_UNITS: UnitSeed[] = [
  unit('general', ['other', 'public_order'], 'Жалпы бөлім', 'Общий отдел', 'General Office'),
  unit('utilities', ['improvement', 'housing', 'roads_transport'], 'Абаттандыру және коммуналдық шаруашылық секторы', 'Сектор благоустройства и коммунального хозяйства', 'Public Improvement and Utilities Section'),
  unit('land', ['land'], 'Жер және ауыл шаруашылығы мәселелері секторы', 'Сектор земельных и сельскохозяйственных вопросов', 'Land and Agriculture Section'),
  unit('social', ['social'], 'Әлеуметтік мәселелер секторы', 'Сектор социальных вопросов', 'Social Affairs Section'),
];

export const DEMO_BODIES: BodySeed[] = [
  body({
    code: 'min-info',
    kind: 'ministry',
    parentCode: null,
    name: t('Қазақстан Республикасы Ақпарат және қоғамдық даму министрлігі', 'Министерство информации и общественного развития Республики Казахстан', 'Ministry of Information and Social Development of the Republic of Kazakhstan'),
    numberPrefix: 'MIOR',
    competence: ['media', 'other'],
    units: [
      GENERAL_MINISTRY_UNIT,
      unit('information', ['media', 'media.mass_media', 'media.access_to_information', 'media.misinformation'], 'Ақпараттық саясат департаменті', 'Департамент информационной политики', 'Information Policy Department'),
      unit('civil_society', ['media.civil_society'], 'Азаматтық қоғаммен өзара іс-қимыл департаменті', 'Департамент по взаимодействию с гражданским обществом', 'Civil Society Engagement Department'),
      unit('religion', ['media.religion'], 'Дін істері департаменті', 'Департамент по делам религий', 'Religious Affairs Department'),
    ],
    head: { name: 'Тоқтаров Дәурен Асқарұлы' },
    deputy: { name: 'Сейітова Айгерім Болатқызы' },
    contacts: contacts('min-info', houseOfMinistries(15), '+7 7172 74 05 10'),
    extraChannels: [trustPhone('+7 7172 74 05 99'), HEAD_BLOG, ONLINE_QA, OPEN_GOVERNMENT, SOCIAL_MEDIA],
  }),
  body({
    code: 'min-health',
    kind: 'ministry',
    parentCode: null,
    name: t('Қазақстан Республикасы Денсаулық сақтау министрлігі', 'Министерство здравоохранения Республики Казахстан', 'Ministry of Health of the Republic of Kazakhstan'),
    numberPrefix: 'MZ',
    competence: ['health', 'other'],
    units: [
      GENERAL_MINISTRY_UNIT,
      unit('medical_care', ['health.clinic', 'health.ambulance', 'health.hospital'], 'Медициналық көмекті ұйымдастыру департаменті', 'Департамент организации медицинской помощи', 'Department of Medical Care Organisation'),
      unit('medicines', ['health.medicines'], 'Дәрілік саясат департаменті', 'Департамент лекарственной политики', 'Department of Medicines Policy'),
      unit('insurance', ['health.insurance'], 'Міндетті әлеуметтік медициналық сақтандыруды үйлестіру департаменті', 'Департамент координации обязательного социального медицинского страхования', 'Department of Compulsory Health Insurance Coordination'),
      unit('quality', ['health', 'health.quality'], 'Медициналық көмектің сапасы және қолжетімділігі департаменті', 'Департамент качества и доступности медицинской помощи', 'Department of Quality and Accessibility of Medical Care'),
    ],
    head: { name: 'Әбілқасымов Ғалымжан Нұрланұлы' },
    deputy: { name: 'Омарова Динара Серікқызы' },
    contacts: contacts('min-health', houseOfMinistries(5), '+7 7172 74 36 20'),
    extraChannels: [{ channel: 'call_centre', phone: '1406', hours: ALL_DAY }, trustPhone('+7 7172 74 36 99'), HEAD_BLOG, ONLINE_QA, OPEN_GOVERNMENT, SOCIAL_MEDIA],
  }),
  body({
    code: 'min-education',
    kind: 'ministry',
    parentCode: null,
    name: t('Қазақстан Республикасы Оқу-ағарту министрлігі', 'Министерство просвещения Республики Казахстан', 'Ministry of Education of the Republic of Kazakhstan'),
    numberPrefix: 'MP',
    competence: ['education', 'other'],
    units: [
      GENERAL_MINISTRY_UNIT,
      unit('preschool', ['education.kindergarten_queue'], 'Мектепке дейінгі тәрбие және оқыту департаменті', 'Департамент дошкольного воспитания и обучения', 'Preschool Education Department'),
      unit('secondary', ['education', 'education.school', 'education.admission'], 'Орта білім беру департаменті', 'Департамент среднего образования', 'Secondary Education Department'),
      unit('teachers', ['education.teachers'], 'Педагогтік кадрлар департаменті', 'Департамент педагогических кадров', 'Teaching Staff Department'),
      unit('extracurricular', ['education.extracurricular'], 'Қосымша білім беру және тәрбие жұмысы департаменті', 'Департамент дополнительного образования и воспитательной работы', 'Extracurricular Education and Upbringing Department'),
    ],
    head: { name: 'Бекмағамбетова Гүлнар Қайратқызы' },
    deputy: { name: 'Исабеков Нұржан Ержанұлы' },
    contacts: contacts('min-education', houseOfMinistries(11), '+7 7172 74 24 40'),
    extraChannels: [{ channel: 'call_centre', phone: '1433', hours: OFFICE_HOURS }, trustPhone('+7 7172 74 24 99'), HEAD_BLOG, ONLINE_QA, OPEN_GOVERNMENT, SOCIAL_MEDIA],
  }),
  body({
    code: 'min-labour',
    kind: 'ministry',
    parentCode: null,
    name: t('Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі', 'Министерство труда и социальной защиты населения Республики Казахстан', 'Ministry of Labour and Social Protection of Population of the Republic of Kazakhstan'),
    numberPrefix: 'MTSZ',
    competence: ['labour', 'social', 'other'],
    units: [
      GENERAL_MINISTRY_UNIT,
      unit('labour', ['labour', 'labour.wage_arrears', 'labour.rights', 'labour.safety'], 'Еңбек және әлеуметтік әріптестік департаменті', 'Департамент труда и социального партнёрства', 'Labour and Social Partnership Department'),
      unit('employment', ['labour.jobs', 'labour.job_loss_benefit', 'labour.migration'], 'Халықты жұмыспен қамту департаменті', 'Департамент занятости населения', 'Employment Department'),
      unit('pensions', ['social.pension'], 'Зейнетақымен қамсыздандыру департаменті', 'Департамент пенсионного обеспечения', 'Pensions Department'),
      unit('social_assistance', ['social', 'social.family_benefits', 'social.targeted_assistance', 'social.veterans'], 'Әлеуметтік көмек саясаты департаменті', 'Департамент политики социальной помощи', 'Social Assistance Policy Department'),
      unit('disability', ['social.disability', 'social.special_services'], 'Мүгедектігі бар адамдардың құқықтарын қамтамасыз ету департаменті', 'Департамент обеспечения прав лиц с инвалидностью', 'Department for the Rights of Persons with Disabilities'),
    ],
    head: { name: 'Құдайбергенов Марат Тілекұлы' },
    deputy: { name: 'Ахметова Сәуле Жандосқызы' },
    contacts: contacts('min-labour', houseOfMinistries(2), '+7 7172 74 30 60'),
    extraChannels: [{ channel: 'contact_centre', phone: '1460', hours: NO_BREAK_HOURS }, trustPhone('+7 7172 74 30 99'), HEAD_BLOG, ONLINE_QA, OPEN_GOVERNMENT, SOCIAL_MEDIA],
  }),
  body({
    code: 'min-ecology',
    kind: 'ministry',
    parentCode: null,
    name: t('Қазақстан Республикасы Экология және табиғи ресурстар министрлігі', 'Министерство экологии и природных ресурсов Республики Казахстан', 'Ministry of Ecology and Natural Resources of the Republic of Kazakhstan'),
    numberPrefix: 'MEPR',
    competence: ['ecology', 'other'],
    units: [
      GENERAL_MINISTRY_UNIT,
      unit('policy', ['ecology', 'ecology.air', 'ecology.emissions'], 'Экологиялық саясат және тұрақты даму департаменті', 'Департамент экологической политики и устойчивого развития', 'Environmental Policy and Sustainable Development Department'),
      unit('waste', ['ecology.illegal_dumps'], 'Қалдықтарды басқару департаменті', 'Департамент управления отходами', 'Waste Management Department'),
      unit('water', ['ecology.water_bodies'], 'Су ресурстарын реттеу, қорғау және пайдалану департаменті', 'Департамент регулирования, охраны и использования водных ресурсов', 'Water Resources Regulation, Protection and Use Department'),
      unit('forests', ['ecology.forests'], 'Орман шаруашылығы және жануарлар дүниесі департаменті', 'Департамент лесного хозяйства и животного мира', 'Forestry and Wildlife Department'),
    ],
    head: { name: 'Жанқожин Асқар Бауыржанұлы' },
    deputy: { name: 'Тұрсынова Мөлдір Ерланқызы' },
    contacts: contacts('min-ecology', houseOfMinistries(14), '+7 7172 74 08 80'),
    extraChannels: [trustPhone('+7 7172 74 08 99'), HEAD_BLOG, ONLINE_QA, OPEN_GOVERNMENT, SOCIAL_MEDIA],
  }),
  body({
    code: 'min-finance',
    kind: 'ministry',
    parentCode: null,
    name: t('Қазақстан Республикасы Қаржы министрлігі', 'Министерство финансов Республики Казахстан', 'Ministry of Finance of the Republic of Kazakhstan'),
    numberPrefix: 'MF',
    competence: ['finance', 'other'],
    units: [
      GENERAL_MINISTRY_UNIT,
      unit('tax', ['finance', 'finance.taxes'], 'Салық саясаты департаменті', 'Департамент налоговой политики', 'Tax Policy Department'),
      unit('customs', ['finance.customs'], 'Кеден саясаты департаменті', 'Департамент таможенной политики', 'Customs Policy Department'),
      unit('procurement', ['finance.public_procurement'], 'Мемлекеттік сатып алу саясаты департаменті', 'Департамент политики государственных закупок', 'Public Procurement Policy Department'),
      unit('budget', ['finance.budget'], 'Бюджет заңнамасы департаменті', 'Департамент бюджетного законодательства', 'Budget Legislation Department'),
      unit('bankruptcy', ['finance.bankruptcy'], 'Оңалту және банкроттық департаменті', 'Департамент реабилитации и банкротства', 'Rehabilitation and Bankruptcy Department'),
    ],
    head: { name: 'Сәрсенбаев Ерболат Қанатұлы' },
    deputy: { name: 'Кенжебекова Әлия Мұратқызы' },
    contacts: contacts('min-finance', t('Астана қ., Жеңіс даңғылы, 11', 'г. Астана, пр. Победы, 11', '11 Zhenis Ave, Astana'), '+7 7172 71 77 00'),
    extraChannels: [
      { channel: 'call_centre', phone: '1448', hours: NO_BREAK_HOURS },
      { channel: 'front_office', address: t('Астана қ., Жеңіс даңғылы, 11, 1-қабат', 'г. Астана, пр. Победы, 11, 1 этаж', '11 Zhenis Ave, ground floor, Astana'), hours: NO_BREAK_HOURS },
      trustPhone('+7 7172 71 77 99'),
      HEAD_BLOG,
      ONLINE_QA,
      OPEN_GOVERNMENT,
      SOCIAL_MEDIA,
    ],
  }),

  body({
    code: 'akimat-astana',
    kind: 'city_republican_akimat',
    parentCode: null,
    name: t('Астана қаласының әкімдігі', 'Акимат города Астаны', 'Akimat of Astana City'),
    numberPrefix: 'AST',
    competence: CITY_REPUBLICAN_COMPETENCE,
    units: cityRepublicanUnits(unit('transport', ['roads_transport'], 'Көлік және жол-көлік инфрақұрылымын дамыту басқармасы', 'Управление транспорта и развития дорожно-транспортной инфраструктуры', 'Department of Transport and Road Infrastructure Development')),
    head: { name: 'Оспанов Бақытжан Серікұлы' },
    deputy: { name: 'Нұрпейісов Ерлан Әділұлы' },
    contacts: contacts('akimat-astana', t('Астана қ., Бейбітшілік көшесі, 11', 'г. Астана, ул. Бейбитшилик, 11', '11 Beibitshilik St, Astana'), '+7 7172 55 64 00'),
    extraChannels: [
      { channel: 'public_reception', address: t('Астана қ., Бейбітшілік көшесі, 11, 1-қабат', 'г. Астана, ул. Бейбитшилик, 11, 1 этаж', '11 Beibitshilik St, ground floor, Astana'), hours: NO_BREAK_HOURS },
      { channel: 'front_office', address: t('Астана қ., Бейбітшілік көшесі, 11, 1-қабат', 'г. Астана, ул. Бейбитшилик, 11, 1 этаж', '11 Beibitshilik St, ground floor, Astana'), hours: NO_BREAK_HOURS },
      { channel: 'call_centre', phone: '109', hours: ALL_DAY },
      { channel: 'contact_centre', phone: '+7 7172 55 01 09', hours: ALL_DAY },
      { channel: 'mobile_app', url: 'https://app.akimat-astana.example.kz' },
      trustPhone('+7 7172 55 64 99'),
      HEAD_BLOG,
      ONLINE_QA,
      OPEN_GOVERNMENT,
      SOCIAL_MEDIA,
    ],
  }),
  body({
    code: 'akimat-almaty',
    kind: 'city_republican_akimat',
    parentCode: null,
    name: t('Алматы қаласының әкімдігі', 'Акимат города Алматы', 'Akimat of Almaty City'),
    numberPrefix: 'ALA',
    competence: CITY_REPUBLICAN_COMPETENCE,
    units: cityRepublicanUnits(unit('mobility', ['roads_transport'], 'Қалалық мобильділік басқармасы', 'Управление городской мобильности', 'Department of Urban Mobility')),
    head: { name: 'Байжанов Тимур Рахымжанұлы' },
    deputy: { name: 'Есенова Жанар Талғатқызы' },
    contacts: contacts('akimat-almaty', t('Алматы қ., Республика алаңы, 4', 'г. Алматы, пл. Республики, 4', '4 Republic Square, Almaty'), '+7 727 271 65 00'),
    extraChannels: [
      { channel: 'public_reception', address: t('Алматы қ., Республика алаңы, 4, 1-қабат', 'г. Алматы, пл. Республики, 4, 1 этаж', '4 Republic Square, ground floor, Almaty'), hours: NO_BREAK_HOURS },
      { channel: 'front_office', address: t('Алматы қ., Республика алаңы, 4, 1-қабат', 'г. Алматы, пл. Республики, 4, 1 этаж', '4 Republic Square, ground floor, Almaty'), hours: NO_BREAK_HOURS },
      { channel: 'call_centre', phone: '109', hours: ALL_DAY },
      { channel: 'contact_centre', phone: '+7 727 300 01 09', hours: ALL_DAY },
      { channel: 'mobile_app', url: 'https://open.akimat-almaty.example.kz' },
      trustPhone('+7 727 271 65 99'),
      HEAD_BLOG,
      ONLINE_QA,
      OPEN_GOVERNMENT,
      SOCIAL_MEDIA,
    ],
  }),
  body({
    code: 'akimat-shymkent',
    kind: 'city_republican_akimat',
    parentCode: null,
    name: t('Шымкент қаласының әкімдігі', 'Акимат города Шымкент', 'Akimat of Shymkent City'),
    numberPrefix: 'SHY',
    competence: CITY_REPUBLICAN_COMPETENCE,
    units: cityRepublicanUnits(unit('transport', ['roads_transport'], 'Жолаушылар көлігі және автомобиль жолдары басқармасы', 'Управление пассажирского транспорта и автомобильных дорог', 'Department of Passenger Transport and Motorways')),
    head: { name: 'Жолдасбеков Нұрлан Әбдіразақұлы' },
    deputy: { name: 'Мырзахметов Бауыржан Өмірзақұлы' },
    contacts: contacts('akimat-shymkent', t('Шымкент қ., Тәуке хан даңғылы, 33', 'г. Шымкент, пр. Тауке хана, 33', '33 Tauke Khan Ave, Shymkent'), '+7 7252 55 10 00'),
    extraChannels: [
      { channel: 'public_reception', address: t('Шымкент қ., Тәуке хан даңғылы, 33, 1-қабат', 'г. Шымкент, пр. Тауке хана, 33, 1 этаж', '33 Tauke Khan Ave, ground floor, Shymkent'), hours: NO_BREAK_HOURS },
      { channel: 'call_centre', phone: '109', hours: ALL_DAY },
      { channel: 'contact_centre', phone: '+7 7252 55 01 09', hours: NO_BREAK_HOURS },
      { channel: 'mobile_app', url: 'https://app.akimat-shymkent.example.kz' },
      trustPhone('+7 7252 55 10 99'),
      HEAD_BLOG,
      ONLINE_QA,
      OPEN_GOVERNMENT,
      SOCIAL_MEDIA,
    ],
  }),

  body({
    code: 'nko',
    kind: 'oblast_akimat',
    parentCode: null,
    name: t('Солтүстік Қазақстан облысының әкімдігі', 'Акимат Северо-Казахстанской области', 'Akimat of North Kazakhstan Region'),
    numberPrefix: 'SKO',
    competence: OBLAST_COMPETENCE,
    units: OBLAST_UNITS,
    head: { name: 'Сүлейменов Қайрат Бекұлы' },
    deputy: { name: 'Ильин Андрей Викторович' },
    contacts: contacts('nko', t('Петропавл қ., Қазақстан Конституциясы көшесі, 58', 'г. Петропавловск, ул. Конституции Казахстана, 58', '58 Konstitutsii Kazakhstana St, Petropavlovsk'), '+7 7152 46 56 00'),
    extraChannels: [
      { channel: 'public_reception', address: t('Петропавл қ., Қазақстан Конституциясы көшесі, 58, 1-қабат', 'г. Петропавловск, ул. Конституции Казахстана, 58, 1 этаж', '58 Konstitutsii Kazakhstana St, ground floor, Petropavlovsk'), hours: NO_BREAK_HOURS },
      { channel: 'front_office', address: t('Петропавл қ., Қазақстан Конституциясы көшесі, 58, 1-қабат', 'г. Петропавловск, ул. Конституции Казахстана, 58, 1 этаж', '58 Konstitutsii Kazakhstana St, ground floor, Petropavlovsk'), hours: NO_BREAK_HOURS },
      { channel: 'call_centre', phone: '109', hours: ALL_DAY },
      trustPhone('+7 7152 46 56 99'),
      HEAD_BLOG,
      ONLINE_QA,
      OPEN_GOVERNMENT,
      SOCIAL_MEDIA,
    ],
  }),
  body({
    code: 'nko-petropavlovsk',
    kind: 'city_oblast_akimat',
    parentCode: 'nko',
    name: t('Петропавл қаласының әкімдігі', 'Акимат города Петропавловска', 'Akimat of Petropavlovsk City'),
    numberPrefix: 'PTR',
    competence: LOCAL_COMPETENCE,
    units: CITY_OBLAST_UNITS,
    head: { name: 'Смағұлов Арман Серікұлы' },
    deputy: { name: 'Ковалёва Ирина Николаевна' },
    contacts: contacts('nko-petropavlovsk', t('Петропавл қ., Жамбыл көшесі, 141', 'г. Петропавловск, ул. Жамбыла, 141', '141 Zhambyl St, Petropavlovsk'), '+7 7152 34 02 00'),
    extraChannels: [
      { channel: 'public_reception', address: t('Петропавл қ., Жамбыл көшесі, 141, 1-қабат', 'г. Петропавловск, ул. Жамбыла, 141, 1 этаж', '141 Zhambyl St, ground floor, Petropavlovsk'), hours: NO_BREAK_HOURS },
      { channel: 'call_centre', phone: '109', hours: ALL_DAY },
      trustPhone('+7 7152 34 02 99'),
      HEAD_BLOG,
      SOCIAL_MEDIA,
    ],
  }),
  body({
    code: 'nko-kyzylzhar',
    kind: 'district_akimat',
    parentCode: 'nko',
    name: t('Солтүстік Қазақстан облысы Қызылжар ауданының әкімдігі', 'Акимат Кызылжарского района Северо-Казахстанской области', 'Akimat of Kyzylzhar District, North Kazakhstan Region'),
    numberPrefix: 'KZH',
    competence: LOCAL_COMPETENCE,
    units: DISTRICT_UNITS,
    head: { name: 'Ерғалиев Жасұлан Маратұлы' },
    deputy: { name: 'Петренко Сергей Иванович' },
    contacts: contacts('nko-kyzylzhar', t('Қызылжар ауданы, Бескөл ауылы, Ыбырай Алтынсарин көшесі, 169', 'Кызылжарский район, с. Бишкуль, ул. Ибрая Алтынсарина, 169', '169 Ybyrai Altynsarin St, Bishkul village, Kyzylzhar District'), '+7 71538 2 12 00'),
    extraChannels: [{ channel: 'front_office', address: t('Қызылжар ауданы, Бескөл ауылы, Ыбырай Алтынсарин көшесі, 169, 1-қабат', 'Кызылжарский район, с. Бишкуль, ул. Ибрая Алтынсарина, 169, 1 этаж', '169 Ybyrai Altynsarin St, ground floor, Bishkul village, Kyzylzhar District'), hours: OFFICE_HOURS }, trustPhone('+7 71538 2 12 99'), HEAD_BLOG, SOCIAL_MEDIA],
  }),
  body({
    code: 'nko-kyzylzhar-bishkul',
    kind: 'rural_okrug_akimat',
    parentCode: 'nko-kyzylzhar',
    name: t('Бескөл ауылдық округі әкімінің аппараты', 'Аппарат акима Бишкульского сельского округа', 'Office of the Akim of Bishkul Rural Okrug'),
    numberPrefix: 'BSH',
    competence: RURAL_COMPETENCE,
    units: RURAL_UNITS,
    head: { name: 'Қасымов Бекзат Ерланұлы' },
    deputy: { name: 'Жүнісова Ақмарал Сағатқызы' },
    contacts: contacts('nko-kyzylzhar-bishkul', t('Қызылжар ауданы, Бескөл ауылы, Абай көшесі, 12', 'Кызылжарский район, с. Бишкуль, ул. Абая, 12', '12 Abai St, Bishkul village, Kyzylzhar District'), '+7 71538 2 20 40'),
    extraChannels: [SOCIAL_MEDIA],
  }),
  body({
    code: 'nko-ualikhanov',
    kind: 'district_akimat',
    parentCode: 'nko',
    name: t('Солтүстік Қазақстан облысы Уәлиханов ауданының әкімдігі', 'Акимат Уалихановского района Северо-Казахстанской области', 'Akimat of Ualikhanov District, North Kazakhstan Region'),
    numberPrefix: 'UAL',
    competence: LOCAL_COMPETENCE,
    units: DISTRICT_UNITS,
    head: { name: 'Тәжібаев Серік Әмірұлы' },
    deputy: { name: 'Бейсенова Гүлмира Төлегенқызы' },
    contacts: contacts('nko-ualikhanov', t('Уәлиханов ауданы, Кішкенекөл ауылы, Шоқан Уәлиханов көшесі, 83', 'Уалихановский район, с. Кишкенеколь, ул. Шокана Уалиханова, 83', '83 Shokan Ualikhanov St, Kishkenekol village, Ualikhanov District'), '+7 71542 2 13 00'),
    extraChannels: [trustPhone('+7 71542 2 13 99'), HEAD_BLOG, SOCIAL_MEDIA],
  }),
  body({
    code: 'nko-ualikhanov-kishkenekol',
    kind: 'rural_okrug_akimat',
    parentCode: 'nko-ualikhanov',
    name: t('Кішкенекөл ауылдық округі әкімінің аппараты', 'Аппарат акима Кишкенекольского сельского округа', 'Office of the Akim of Kishkenekol Rural Okrug'),
    numberPrefix: 'KSK',
    competence: RURAL_COMPETENCE,
    units: RURAL_UNITS,
    head: { name: 'Ыбыраев Данияр Жомартұлы' },
    deputy: { name: 'Сапарова Айнұр Қуанышқызы' },
    contacts: contacts('nko-ualikhanov-kishkenekol', t('Уәлиханов ауданы, Кішкенекөл ауылы, Абай көшесі, 20', 'Уалихановский район, с. Кишкенеколь, ул. Абая, 20', '20 Abai St, Kishkenekol village, Ualikhanov District'), '+7 71542 2 21 50'),
    extraChannels: [SOCIAL_MEDIA],
  }),

  body({
    code: 'wko',
    kind: 'oblast_akimat',
    parentCode: null,
    name: t('Батыс Қазақстан облысының әкімдігі', 'Акимат Западно-Казахстанской области', 'Akimat of West Kazakhstan Region'),
    numberPrefix: 'ZKO',
    competence: OBLAST_COMPETENCE,
    units: OBLAST_UNITS,
    head: { name: 'Ғұмаров Нұрбек Қайыржанұлы' },
    deputy: { name: 'Мұқашев Азамат Тұрарұлы' },
    contacts: contacts('wko', t('Орал қ., Достық даңғылы, 201', 'г. Уральск, пр. Достык, 201', '201 Dostyk Ave, Uralsk'), '+7 7112 24 18 00'),
    extraChannels: [
      { channel: 'public_reception', address: t('Орал қ., Достық даңғылы, 201, 1-қабат', 'г. Уральск, пр. Достык, 201, 1 этаж', '201 Dostyk Ave, ground floor, Uralsk'), hours: NO_BREAK_HOURS },
      { channel: 'front_office', address: t('Орал қ., Достық даңғылы, 201, 1-қабат', 'г. Уральск, пр. Достык, 201, 1 этаж', '201 Dostyk Ave, ground floor, Uralsk'), hours: NO_BREAK_HOURS },
      { channel: 'call_centre', phone: '109', hours: ALL_DAY },
      trustPhone('+7 7112 24 18 99'),
      HEAD_BLOG,
      ONLINE_QA,
      OPEN_GOVERNMENT,
      SOCIAL_MEDIA,
    ],
  }),
  body({
    code: 'wko-uralsk',
    kind: 'city_oblast_akimat',
    parentCode: 'wko',
    name: t('Орал қаласының әкімдігі', 'Акимат города Уральска', 'Akimat of Uralsk City'),
    numberPrefix: 'URA',
    competence: LOCAL_COMPETENCE,
    units: CITY_OBLAST_UNITS,
    head: { name: 'Имашев Ербол Қуатұлы' },
    deputy: { name: 'Дүйсенғалиева Әсел Ерболқызы' },
    contacts: contacts('wko-uralsk', t('Орал қ., Сырым Датұлы көшесі, 68', 'г. Уральск, ул. Сырыма Датова, 68', '68 Syrym Datuly St, Uralsk'), '+7 7112 50 12 00'),
    extraChannels: [
      { channel: 'public_reception', address: t('Орал қ., Сырым Датұлы көшесі, 68, 1-қабат', 'г. Уральск, ул. Сырыма Датова, 68, 1 этаж', '68 Syrym Datuly St, ground floor, Uralsk'), hours: NO_BREAK_HOURS },
      { channel: 'call_centre', phone: '109', hours: ALL_DAY },
      trustPhone('+7 7112 50 12 99'),
      HEAD_BLOG,
      SOCIAL_MEDIA,
    ],
  }),
  body({
    code: 'wko-terekti',
    kind: 'district_akimat',
    parentCode: 'wko',
    name: t('Батыс Қазақстан облысы Теректі ауданының әкімдігі', 'Акимат Теректинского района Западно-Казахстанской области', 'Akimat of Terekti District, West Kazakhstan Region'),
    numberPrefix: 'TRK',
    competence: LOCAL_COMPETENCE,
    units: DISTRICT_UNITS,
    head: { name: 'Қажығалиев Талғат Есенұлы' },
    deputy: { name: 'Хайруллина Гульнара Рашитовна' },
    contacts: contacts('wko-terekti', t('Теректі ауданы, Федоровка ауылы, Абай көшесі, 21', 'Теректинский район, с. Федоровка, ул. Абая, 21', '21 Abai St, Fedorovka village, Terekti District'), '+7 71134 2 10 00'),
    extraChannels: [trustPhone('+7 71134 2 10 99'), HEAD_BLOG, SOCIAL_MEDIA],
  }),
  body({
    code: 'wko-terekti-fedorovka',
    kind: 'rural_okrug_akimat',
    parentCode: 'wko-terekti',
    name: t('Федоровка ауылдық округі әкімінің аппараты', 'Аппарат акима Федоровского сельского округа', 'Office of the Akim of Fedorovka Rural Okrug'),
    numberPrefix: 'FED',
    competence: RURAL_COMPETENCE,
    units: RURAL_UNITS,
    head: { name: 'Шәкенов Ержан Болатұлы' },
    deputy: { name: 'Медетова Салтанат Нұрланқызы' },
    contacts: contacts('wko-terekti-fedorovka', t('Теректі ауданы, Федоровка ауылы, Достық көшесі, 7', 'Теректинский район, с. Федоровка, ул. Достык, 7', '7 Dostyk St, Fedorovka village, Terekti District'), '+7 71134 2 31 20'),
    extraChannels: [SOCIAL_MEDIA],
  }),
  body({
    code: 'wko-baiterek',
    kind: 'district_akimat',
    parentCode: 'wko',
    name: t('Батыс Қазақстан облысы Бәйтерек ауданының әкімдігі', 'Акимат Байтерекского района Западно-Казахстанской области', 'Akimat of Baiterek District, West Kazakhstan Region'),
    numberPrefix: 'BTR',
    competence: LOCAL_COMPETENCE,
    units: DISTRICT_UNITS,
    head: { name: 'Өтепов Бауыржан Қадырұлы' },
    deputy: { name: 'Сисенғалиев Мақсат Жанбырбайұлы' },
    contacts: contacts('wko-baiterek', t('Бәйтерек ауданы, Переметное ауылы, Гагарин көшесі, 20', 'Байтерекский район, с. Переметное, ул. Гагарина, 20', '20 Gagarin St, Peremetnoye village, Baiterek District'), '+7 71130 2 10 00'),
    extraChannels: [trustPhone('+7 71130 2 10 99'), HEAD_BLOG, SOCIAL_MEDIA],
  }),
  body({
    code: 'wko-baiterek-peremetnoye',
    kind: 'rural_okrug_akimat',
    parentCode: 'wko-baiterek',
    name: t('Переметный ауылдық округі әкімінің аппараты', 'Аппарат акима Переметного сельского округа', 'Office of the Akim of Peremetnoye Rural Okrug'),
    numberPrefix: 'PRM',
    competence: RURAL_COMPETENCE,
    units: RURAL_UNITS,
    head: { name: 'Қайыпов Нұрсұлтан Ғабитұлы' },
    deputy: { name: 'Гордеева Елена Александровна' },
    contacts: contacts('wko-baiterek-peremetnoye', t('Бәйтерек ауданы, Переметное ауылы, Мектеп көшесі, 3', 'Байтерекский район, с. Переметное, ул. Школьная, 3', '3 Shkolnaya St, Peremetnoye village, Baiterek District'), '+7 71130 2 24 60'),
    extraChannels: [SOCIAL_MEDIA],
  }),
];
