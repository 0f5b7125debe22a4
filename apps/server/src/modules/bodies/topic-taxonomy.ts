// Demo content: a two-level taxonomy of what citizens write about, modelled on the
// appeals the study examined. Array order is the display order.

export interface TopicSeed {
  code: string;
  parentCode: string | null;
  name: { kk: string; ru: string; en: string };
  defaultDifficulty: 'light' | 'medium' | 'heavy';
}

type Difficulty = TopicSeed['defaultDifficulty'];

const topic = (
  code: string,
  difficulty: Difficulty,
  kk: string,
  ru: string,
  en: string,
): TopicSeed => ({
  code,
  parentCode: code.includes('.') ? code.slice(0, code.indexOf('.')) : null,
  name: { kk, ru, en },
  defaultDifficulty: difficulty,
});

export const TOPICS: TopicSeed[] = [
  topic('housing', 'medium', 'Тұрғын үй-коммуналдық шаруашылық', 'Жилищно-коммунальное хозяйство', 'Housing and utilities'),
  topic('housing.heating', 'medium', 'Жылумен жабдықтау', 'Теплоснабжение', 'Heating'),
  topic('housing.water', 'medium', 'Сумен жабдықтау және су бұру', 'Водоснабжение и водоотведение', 'Water supply and sewerage'),
  topic('housing.power', 'medium', 'Электрмен және газбен жабдықтау', 'Электро- и газоснабжение', 'Electricity and gas supply'),
  topic('housing.repair', 'medium', 'Көппәтерлі тұрғын үйлерді жөндеу', 'Ремонт многоквартирных домов', 'Repair of apartment buildings'),
  topic('housing.management_company', 'medium', 'Басқарушы компаниялар, МИБ және ПИК', 'Управляющие компании, ОСИ и КСК', "Management companies and homeowners' associations"),
  topic('housing.housing_queue', 'medium', 'Тұрғын үй кезегі және әлеуметтік тұрғын үй', 'Очередь на жильё и социальное жильё', 'Housing waiting list and social housing'),
  topic('housing.tariffs', 'light', 'Коммуналдық қызметтердің тарифтері', 'Тарифы на коммунальные услуги', 'Utility tariffs'),

  topic('land', 'medium', 'Жер қатынастары', 'Земельные отношения', 'Land relations'),
  topic('land.allocation', 'medium', 'Жер учаскелерін беру', 'Предоставление земельных участков', 'Allocation of land plots'),
  topic('land.disputes', 'heavy', 'Жер даулары', 'Земельные споры', 'Land disputes'),
  topic('land.agricultural', 'medium', 'Ауыл шаруашылығы мақсатындағы жерлер және жайылымдар', 'Земли сельскохозяйственного назначения и пастбища', 'Agricultural land and pastures'),
  topic('land.cadastre', 'light', 'Жер кадастры және құқық белгілейтін құжаттар', 'Земельный кадастр и правоустанавливающие документы', 'Land cadastre and title documents'),
  topic('land.unused_return', 'heavy', 'Пайдаланылмай жатқан жерлерді мемлекетке қайтару', 'Возврат государству неиспользуемых земель', 'Return of unused land to the state'),

  topic('construction', 'medium', 'Құрылыс және сәулет', 'Строительство и архитектура', 'Construction and architecture'),
  topic('construction.permits', 'heavy', 'Құрылысқа рұқсат беру', 'Разрешения на строительство', 'Construction permits'),
  topic('construction.illegal', 'heavy', 'Өз бетінше салынған құрылыс', 'Самовольное строительство', 'Unauthorised construction'),
  topic('construction.shared_equity', 'heavy', 'Үлестік құрылыс', 'Долевое строительство', 'Shared-equity housing construction'),
  topic('construction.quality', 'medium', 'Құрылыс сапасы', 'Качество строительства', 'Construction quality'),
  topic('construction.urban_planning', 'medium', 'Сәулет және қала құрылысы', 'Архитектура и градостроительство', 'Architecture and urban planning'),

  topic('roads_transport', 'medium', 'Жолдар және қоғамдық көлік', 'Дороги и общественный транспорт', 'Roads and public transport'),
  topic('roads_transport.potholes', 'medium', 'Жолдарды жөндеу және шұңқырлар', 'Ремонт дорог и ямы', 'Road repair and potholes'),
  topic('roads_transport.bus_routes', 'medium', 'Автобус бағыттары және қозғалыс кестесі', 'Автобусные маршруты и расписание', 'Bus routes and timetables'),
  topic('roads_transport.fares', 'light', 'Жол жүру ақысы және көлік карталары', 'Оплата проезда и транспортные карты', 'Fares and transport cards'),
  topic('roads_transport.traffic', 'medium', 'Жол жүрісін ұйымдастыру (бағдаршамдар, белгілер)', 'Организация дорожного движения (светофоры, знаки)', 'Traffic management (traffic lights, signs)'),
  topic('roads_transport.parking', 'medium', 'Көлік тұрақтары', 'Парковки', 'Parking'),
  topic('roads_transport.intercity', 'medium', 'Қалааралық және қала маңындағы тасымалдар', 'Междугородние и пригородные перевозки', 'Intercity and suburban transport'),

  topic('improvement', 'medium', 'Аулалар мен көшелерді абаттандыру', 'Благоустройство дворов и улиц', 'Improvement of courtyards and streets'),
  topic('improvement.lighting', 'light', 'Көше жарығы', 'Уличное освещение', 'Street lighting'),
  topic('improvement.playgrounds', 'medium', 'Балалар және спорт алаңдары', 'Детские и спортивные площадки', 'Playgrounds and sports grounds'),
  topic('improvement.snow', 'light', 'Қар тазалау', 'Уборка снега', 'Snow clearing'),
  topic('improvement.garbage', 'light', 'Қоқыс шығару', 'Вывоз мусора', 'Waste collection'),
  topic('improvement.greenery', 'medium', 'Көгалдандыру және ағаш кесу', 'Озеленение и вырубка деревьев', 'Greenery and tree felling'),
  topic('improvement.stray_animals', 'medium', 'Иесіз жануарлар', 'Безнадзорные животные', 'Stray animals'),
  topic('improvement.courtyards', 'medium', 'Аулаларды жөндеу', 'Ремонт дворов', 'Courtyard repair'),

  topic('social', 'medium', 'Әлеуметтік қолдау және зейнетақы', 'Социальная поддержка и пенсии', 'Social support and pensions'),
  topic('social.pension', 'medium', 'Зейнетақымен қамсыздандыру', 'Пенсионное обеспечение', 'Pensions'),
  topic('social.disability', 'medium', 'Мүгедектігі бар адамдарды қолдау', 'Поддержка лиц с инвалидностью', 'Support for persons with disabilities'),
  topic('social.family_benefits', 'medium', 'Балалы отбасыларға арналған жәрдемақылар', 'Пособия семьям с детьми', 'Family and child benefits'),
  topic('social.targeted_assistance', 'medium', 'Атаулы әлеуметтік көмек', 'Адресная социальная помощь', 'Targeted social assistance'),
  topic('social.veterans', 'medium', 'Ардагерлерді қолдау', 'Поддержка ветеранов', 'Support for veterans'),
  topic('social.special_services', 'medium', 'Арнаулы әлеуметтік қызметтер', 'Специальные социальные услуги', 'Special social services'),

  topic('health', 'medium', 'Денсаулық сақтау', 'Здравоохранение', 'Health care'),
  topic('health.clinic', 'medium', 'Емханалар және дәрігерге жазылу', 'Поликлиники и запись к врачу', 'Outpatient clinics and doctor appointments'),
  topic('health.medicines', 'medium', 'Дәрілік қамтамасыз ету', 'Лекарственное обеспечение', 'Supply of medicines'),
  topic('health.insurance', 'light', 'Міндетті әлеуметтік медициналық сақтандыру', 'Обязательное социальное медицинское страхование', 'Compulsory social health insurance'),
  topic('health.ambulance', 'medium', 'Жедел медициналық жәрдем', 'Скорая медицинская помощь', 'Emergency medical services'),
  topic('health.hospital', 'medium', 'Стационарлық және жоғары технологиялық медициналық көмек', 'Стационарная и высокотехнологичная медицинская помощь', 'Inpatient and high-tech medical care'),
  topic('health.quality', 'heavy', 'Медициналық көмектің сапасы', 'Качество медицинской помощи', 'Quality of medical care'),

  topic('education', 'medium', 'Білім беру', 'Образование', 'Education'),
  topic('education.kindergarten_queue', 'light', 'Балабақшаға кезек', 'Очередь в детский сад', 'Kindergarten waiting list'),
  topic('education.school', 'medium', 'Мектептегі білім беру', 'Школьное образование', 'School education'),
  topic('education.admission', 'light', 'Мектептер мен колледждерге қабылдау', 'Приём в школы и колледжи', 'Admission to schools and colleges'),
  topic('education.higher', 'medium', 'Жоғары білім және гранттар', 'Высшее образование и гранты', 'Higher education and grants'),
  topic('education.teachers', 'medium', 'Педагогтердің мәртебесі мен жалақысы', 'Статус и заработная плата педагогов', "Teachers' status and pay"),
  topic('education.extracurricular', 'light', 'Қосымша білім беру және үйірмелер', 'Дополнительное образование и кружки', 'Extracurricular education and clubs'),

  topic('labour', 'medium', 'Еңбек және жұмыспен қамту', 'Труд и занятость', 'Labour and employment'),
  topic('labour.wage_arrears', 'heavy', 'Жалақы бойынша берешек', 'Задолженность по заработной плате', 'Wage arrears'),
  topic('labour.jobs', 'medium', 'Жұмысқа орналасу және бос жұмыс орындары', 'Трудоустройство и вакансии', 'Job placement and vacancies'),
  topic('labour.rights', 'heavy', 'Еңбек құқықтарының бұзылуы', 'Нарушение трудовых прав', 'Violations of labour rights'),
  topic('labour.safety', 'medium', 'Еңбекті қорғау', 'Охрана труда', 'Occupational safety'),
  topic('labour.job_loss_benefit', 'light', 'Жұмысынан айырылған жағдайдағы әлеуметтік төлем', 'Социальная выплата на случай потери работы', 'Job-loss social benefit'),
  topic('labour.migration', 'medium', 'Еңбек көші-қоны және қандастар', 'Трудовая миграция и кандасы', 'Labour migration and kandas (ethnic Kazakh returnees)'),

  topic('ecology', 'medium', 'Экология және табиғи ресурстар', 'Экология и природные ресурсы', 'Ecology and natural resources'),
  topic('ecology.air', 'medium', 'Ауаның ластануы', 'Загрязнение воздуха', 'Air pollution'),
  topic('ecology.illegal_dumps', 'medium', 'Рұқсат етілмеген қоқыс үйінділері', 'Несанкционированные свалки', 'Illegal dumps'),
  topic('ecology.water_bodies', 'medium', 'Су объектілерін қорғау', 'Охрана водных объектов', 'Protection of water bodies'),
  topic('ecology.forests', 'medium', 'Ормандар, жануарлар дүниесі және аңшылық', 'Леса, животный мир и охота', 'Forests, wildlife and hunting'),
  topic('ecology.emissions', 'heavy', 'Кәсіпорындардың шығарындылары', 'Выбросы предприятий', 'Industrial emissions'),

  topic('finance', 'medium', 'Қаржы және салықтар', 'Финансы и налоги', 'Finance and taxes'),
  topic('finance.taxes', 'medium', 'Салықтар және салықтық әкімшілендіру', 'Налоги и налоговое администрирование', 'Taxes and tax administration'),
  topic('finance.customs', 'medium', 'Кеден ісі', 'Таможенное дело', 'Customs'),
  topic('finance.public_procurement', 'heavy', 'Мемлекеттік сатып алу', 'Государственные закупки', 'Public procurement'),
  topic('finance.budget', 'medium', 'Бюджет және бюджеттік бағдарламалар', 'Бюджет и бюджетные программы', 'Budget and budget programmes'),
  topic('finance.bankruptcy', 'heavy', 'Берешекті өндіріп алу және банкроттық', 'Взыскание задолженности и банкротство', 'Debt recovery and bankruptcy'),

  topic('media', 'medium', 'Ақпарат және БАҚ', 'Информация и СМИ', 'Information and media'),
  topic('media.mass_media', 'medium', 'БАҚ қызметі және журналистердің құқықтары', 'Деятельность СМИ и права журналистов', "Media outlets and journalists' rights"),
  topic('media.access_to_information', 'light', 'Ақпаратқа қол жеткізу', 'Доступ к информации', 'Access to information'),
  topic('media.misinformation', 'medium', 'Жалған ақпарат', 'Недостоверная информация', 'Misinformation'),
  topic('media.civil_society', 'medium', 'Азаматтық қоғам және ҮЕҰ', 'Гражданское общество и НПО', 'Civil society and NGOs'),
  topic('media.religion', 'medium', 'Дін істері', 'Религиозные вопросы', 'Religious affairs'),

  topic('public_order', 'medium', 'Қоғамдық тәртіп', 'Общественный порядок', 'Public order'),
  topic('public_order.noise', 'light', 'Шу және тыныштықты бұзу', 'Шум и нарушение тишины', 'Noise and disturbing the peace'),
  topic('public_order.corruption', 'heavy', 'Сыбайлас жемқорлық туралы хабарламалар', 'Сообщения о коррупции', 'Corruption reports'),
  topic('public_order.crime_prevention', 'medium', 'Құқық бұзушылықтардың алдын алу', 'Профилактика правонарушений', 'Crime prevention'),
  topic('public_order.ethics', 'medium', 'Мемлекеттік қызметшілердің әдебі', 'Этика государственных служащих', "Civil servants' ethics"),
  topic('public_order.emergencies', 'medium', 'Төтенше жағдайлар және су тасқыны', 'Чрезвычайные ситуации и паводки', 'Emergencies and floods'),

  topic('other', 'light', 'Басқа мәселелер', 'Прочие вопросы', 'Other matters'),
  topic('other.public_services', 'medium', 'Мемлекеттік қызметтер көрсету', 'Оказание государственных услуг', 'Delivery of public services'),
  topic('other.gratitude', 'light', 'Алғыс', 'Благодарности', 'Thanks'),
  topic('other.proposals', 'light', 'Мемлекеттік органның жұмысы бойынша ұсыныстар', 'Предложения по работе госоргана', "Suggestions on the body's work"),
  topic('other.general', 'light', 'Жалпы сұрақтар', 'Общие вопросы', 'General questions'),
];
