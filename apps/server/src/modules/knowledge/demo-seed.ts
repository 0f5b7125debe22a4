// Demo articles: what a city akimat's contact line is asked every day, in the three
// languages, some shared by every body (written by the central body's administrator),
// some the akimat's own, and one draft to show the editors' view.
import type { AppContext } from '../../app-context.ts';

interface DemoArticle {
  /** null: shared */
  body: string | null;
  language: 'kk' | 'ru' | 'en';
  topic?: string;
  status: 'draft' | 'published';
  title: string;
  text: string;
}

const ARTICLES: DemoArticle[] = [
  {
    body: null,
    language: 'ru',
    status: 'published',
    title: 'Как получить справку через портал eGov',
    text: 'Большинство справок (о наличии или отсутствии недвижимости, о регистрации по месту жительства, об отсутствии судимости) выдаются на портале egov.kz бесплатно и сразу. Войдите с ЭЦП или одноразовым паролем из SMS (номер должен быть в базе мобильных граждан), выберите услугу в разделе «Справки», подпишите запрос. Готовая справка приходит в «Личный кабинет» и имеет ту же силу, что и бумажная. Если справка не пришла в течение рабочего дня, обратитесь в ЦОН или по номеру 1414.',
  },
  {
    body: null,
    language: 'kk',
    status: 'published',
    title: 'eGov порталы арқылы анықтаманы қалай алуға болады',
    text: 'Анықтамалардың көбі (жылжымайтын мүліктің бар-жоғы, тұрғылықты жері бойынша тіркеу, сотталмағандығы туралы) egov.kz порталында тегін және бірден беріледі. ЭЦҚ немесе SMS арқылы келетін бір реттік құпиясөзбен кіріңіз (нөміріңіз азаматтардың ұялы байланыс базасында болуы керек), «Анықтамалар» бөлімінен қызметті таңдап, сұрауға қол қойыңыз. Дайын анықтама «Жеке кабинетке» түседі және қағаз анықтамамен бірдей күші бар. Жұмыс күні ішінде келмесе, ХҚКО-ға немесе 1414 нөміріне хабарласыңыз.',
  },
  {
    body: null,
    language: 'en',
    status: 'published',
    title: 'How to get a certificate through eGov',
    text: 'Most certificates (of property, of registered address, of no criminal record) are issued on egov.kz free of charge and at once. Sign in with a digital signature or a one-time SMS password (the phone must be in the mobile citizens database), choose the service under "Certificates" and sign the request. The certificate arrives in the personal account and has the same force as a paper one. If it has not arrived within a working day, contact a Public Service Centre or call 1414.',
  },
  {
    body: null,
    language: 'ru',
    status: 'published',
    title: 'Сроки рассмотрения обращений',
    text: 'Обращение рассматривается в течение 15 рабочих дней со дня поступления (ст. 76 АППК). Если для ответа нужна проверка или запрос в другие органы, руководитель может продлить срок, но не более чем на два месяца, и заявителю сообщают об этом. Если вопрос не входит в компетенцию органа, обращение в течение 3 рабочих дней направляется в компетентный орган, и заявитель получает новый номер. Статус можно проверить по номеру и коду доступа на сайте.',
  },
  {
    body: 'akimat-astana',
    language: 'ru',
    topic: 'housing.tariffs',
    status: 'published',
    title: 'Тарифы на коммунальные услуги в Астане',
    text: 'Тарифы на тепло, воду, водоотведение и электроэнергию утверждает Департамент Комитета по регулированию естественных монополий по городу Астане, а не акимат. Действующие тарифы опубликованы на сайтах поставщиков (Астана-Теплотранзит, Астана Су Арнасы, Астана-ЕнергоСбыт) и в квитанции. Перерасчёт за недопоставку услуги делает поставщик по заявлению жильца с актом ОСИ или управляющей компании. Жалоба на завышенный тариф подаётся в Департамент КРЕМ.',
  },
  {
    body: 'akimat-astana',
    language: 'kk',
    status: 'published',
    title: 'Әкімдіктің жұмыс уақыты және құжат қабылдау',
    text: 'Астана қаласының әкімдігі дүйсенбі – жұма күндері 09:00-ден 18:30-ға дейін жұмыс істейді, түскі үзіліс 13:00–14:30. Кеңсе (Бейбітшілік көшесі, 11) өтініштерді 09:00–18:00 аралығында қабылдайды. Сенбі, жексенбі және мереке күндері демалыс. Өтінішті кез келген уақытта сайт, eOtinish немесе 109 байланыс орталығы арқылы беруге болады; демалыс күні түскен өтініш келесі жұмыс күні тіркеледі.',
  },
  {
    body: 'akimat-astana',
    language: 'ru',
    status: 'published',
    title: 'Запись на личный приём к акиму',
    text: 'Аким и его заместители ведут личный приём по утверждённому графику (не реже раза в месяц). Записаться можно на сайте в разделе «Личный приём», по телефону 109 или в канцелярии. При записи укажите ФИО, ИИН, телефон и кратко суть вопроса; если вопрос можно решить без встречи, сотрудник свяжется заранее. На приём возьмите удостоверение личности. Отменить или перенести запись можно по ссылке из SMS.',
  },
  {
    body: 'akimat-astana',
    language: 'en',
    status: 'published',
    title: 'Opening hours of the akimat',
    text: 'The Astana city akimat works Monday to Friday, 09:00 to 18:30, lunch break 13:00 to 14:30. The registry office (11 Beibitshilik Street) accepts letters 09:00 to 18:00. Appeals can be sent at any time through the website, eOtinish or the 109 contact centre; an appeal received on a day off is registered on the next working day.',
  },
  {
    body: 'akimat-astana',
    language: 'ru',
    topic: 'improvement.snow',
    status: 'draft',
    title: 'Уборка снега во дворах',
    text: 'Дворовые территории убирает ОСИ или управляющая компания дома; улицы и тротуары — подрядчики акимата. Заявку на уборку улицы принимает 109, срок выполнения — 24 часа после окончания снегопада.',
  },
];

export async function seedDemoKnowledge(ctx: AppContext): Promise<{ articles: number }> {
  const authors = await ctx.db
    .selectFrom('staffUser as u')
    .innerJoin('body as b', 'b.id', 'u.bodyId')
    .select(['u.id', 'u.bodyId', 'b.code', 'u.role'])
    .where((eb) => eb.or([eb.and([eb('b.code', '=', ctx.config.knowledgeCentralBody), eb('u.role', '=', 'admin')]), eb('u.role', '=', 'comms_officer')]))
    .execute();
  const sharedAuthor = authors.find((a) => a.code === ctx.config.knowledgeCentralBody && a.role === 'admin');
  const now = ctx.clock.now();
  const rows = ARTICLES.flatMap((a) => {
    const author = a.body === null ? sharedAuthor : authors.find((x) => x.code === a.body && x.role === 'comms_officer');
    if (!author) return []; // no accounts (seed --bodies): no articles
    return [
      {
        bodyId: a.body === null ? null : author.bodyId,
        language: a.language,
        title: a.title,
        body: a.text,
        topicCode: a.topic ?? null,
        status: a.status,
        createdBy: author.id,
        createdAt: now,
        updatedBy: author.id,
        updatedAt: now,
        publishedAt: a.status === 'published' ? now : null,
      },
    ];
  });
  if (rows.length) await ctx.db.insertInto('knowledgeArticle').values(rows).execute();
  return { articles: rows.length };
}
