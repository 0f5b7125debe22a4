// What each stable error code says to a person, in the three languages of the platform.
import type { Language, Localized } from '@tyndau/contracts';

export const ERROR_MESSAGES: Record<string, Localized> = {
  VALIDATION_FAILED: { kk: 'Деректер дұрыс толтырылмаған.', ru: 'Данные заполнены неверно.', en: 'The data is not valid.' },
  INVALID_JSON: { kk: 'Сұрау дұрыс JSON емес.', ru: 'Запрос не является корректным JSON.', en: 'The request is not valid JSON.' },
  BAD_REQUEST: { kk: 'Сұрауды оқу мүмкін емес (мекенжайдағы таңбалар кодталмаған ба?).', ru: 'Запрос не удаётся прочитать (символы в адресе не закодированы?).', en: 'The request cannot be read (are the characters in the URL encoded?).' },
  REQUEST_TIMEOUT: { kk: 'Сұрау тым ұзақ келді.', ru: 'Запрос шёл слишком долго.', en: 'The request took too long to arrive.' },
  HEADERS_TOO_LARGE: { kk: 'Сұраудың тақырыптары тым үлкен.', ru: 'Заголовки запроса слишком велики.', en: 'The request headers are too large.' },
  PAYLOAD_TOO_LARGE: { kk: 'Сұрау тым үлкен.', ru: 'Запрос слишком большой.', en: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { kk: 'Бұл мазмұн түрі қабылданбайды.', ru: 'Этот тип содержимого не поддерживается.', en: 'This content type is not supported.' },
  UNAUTHENTICATED: { kk: 'Жүйеге кіріңіз.', ru: 'Войдите в систему.', en: 'Please sign in.' },
  INVALID_CREDENTIALS: { kk: 'Электрондық пошта немесе құпиясөз қате.', ru: 'Неверный адрес почты или пароль.', en: 'Wrong e-mail or password.' },
  ACCOUNT_LOCKED: {
    kk: 'Қате әрекеттер тым көп болды: кіру уақытша бұғатталды. Кейінірек қайталаңыз.',
    ru: 'Слишком много неудачных попыток: вход временно заблокирован. Повторите позже.',
    en: 'Too many failed attempts: sign-in is locked for a while. Try again later.',
  },
  INVALID_CODE: { kk: 'Код қате немесе мерзімі өтіп кетті.', ru: 'Неверный или устаревший код.', en: 'Wrong or expired code.' },
  SIGN_IN_EXPIRED: { kk: 'Кіру уақыты өтіп кетті. Қайта кіріңіз.', ru: 'Время входа истекло. Войдите заново.', en: 'The sign-in has expired. Please sign in again.' },
  WEAK_PASSWORD: {
    kk: 'Құпиясөз кемінде 10 таңбадан тұруы керек, жиі қолданылатын құпиясөз не электрондық пошта болмауы керек.',
    ru: 'Пароль должен быть не короче 10 символов и не быть распространённым паролем или адресом почты.',
    en: 'A password needs at least 10 characters and may not be a common password or the e-mail.',
  },
  WRONG_CURRENT_PASSWORD: { kk: 'Ағымдағы құпиясөз қате.', ru: 'Текущий пароль неверен.', en: 'The current password is wrong.' },
  TOTP_REQUIRED: { kk: 'Сіздің рөліңіз үшін екінші фактор міндетті.', ru: 'Для вашей роли второй фактор обязателен.', en: 'Your role must keep a second factor.' },
  TOTP_ALREADY_ENABLED: { kk: 'Екінші фактор қосулы.', ru: 'Второй фактор уже включён.', en: 'The second factor is already on.' },
  TOTP_NOT_ENABLED: { kk: 'Екінші фактор қосылмаған.', ru: 'Второй фактор не включён.', en: 'The second factor is not on.' },
  OIDC_NOT_CONFIGURED: { kk: 'Бірыңғай кіру баптаулары жоқ.', ru: 'Единый вход не настроен.', en: 'Single sign-on is not configured.' },
  OIDC_FAILED: { kk: 'Бірыңғай кіру сәтсіз аяқталды.', ru: 'Единый вход не удался.', en: 'Single sign-on failed.' },
  OIDC_NO_ACCOUNT: { kk: 'Бұл электрондық поштаға қызметкер есептік жазбасы жоқ.', ru: 'Для этой почты нет учётной записи сотрудника.', en: 'There is no staff account for this e-mail.' },
  FORBIDDEN: { kk: 'Бұл әрекетке рұқсатыңыз жоқ.', ru: 'У вас нет прав на это действие.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { kk: 'Табылмады.', ru: 'Не найдено.', en: 'Not found.' },
  APPEAL_NOT_FOUND: { kk: 'Өтініш табылмады.', ru: 'Обращение не найдено.', en: 'Appeal not found.' },
  BODY_NOT_FOUND: { kk: 'Мемлекеттік орган табылмады.', ru: 'Государственный орган не найден.', en: 'Government body not found.' },
  TOPIC_NOT_FOUND: { kk: 'Мұндай тақырып жоқ.', ru: 'Такой темы нет.', en: 'No such topic.' },
  UNIT_NOT_FOUND: { kk: 'Мұндай бөлім жоқ.', ru: 'Такого подразделения нет.', en: 'No such unit.' },
  USER_NOT_FOUND: { kk: 'Қызметкер табылмады.', ru: 'Сотрудник не найден.', en: 'Staff member not found.' },
  STAFF_EXISTS: { kk: 'Бұл электрондық поштамен қызметкер тіркелген.', ru: 'Сотрудник с такой электронной почтой уже есть.', en: 'A staff account with this e-mail already exists.' },
  INVALID_TRANSITION: { kk: 'Өтініштің қазіргі күйінде бұл әрекет мүмкін емес.', ru: 'В текущем статусе обращения это действие невозможно.', en: 'This action is not possible in the appeal’s current status.' },
  IDEMPOTENCY_KEY_REUSED: { kk: 'Бұл Idempotency-Key басқа сұрауда қолданылған.', ru: 'Этот Idempotency-Key уже использован для другого запроса.', en: 'This Idempotency-Key was already used for a different request.' },
  INVALID_IIN: { kk: 'ЖСН қате: 12 сан және дұрыс бақылау саны болуы керек.', ru: 'Неверный ИИН: нужно 12 цифр с верной контрольной цифрой.', en: 'Invalid IIN: 12 digits with a correct check digit are required.' },
  INVALID_BIN: { kk: 'БСН қате: 12 сан және дұрыс бақылау саны болуы керек.', ru: 'Неверный БИН: нужно 12 цифр с верной контрольной цифрой.', en: 'Invalid BIN: 12 digits with a correct check digit are required.' },
  ANONYMOUS_NOT_ALLOWED: { kk: 'Бұл арна арқылы жасырын өтініш қабылданбайды.', ru: 'Анонимные обращения по этому каналу не принимаются.', en: 'Anonymous appeals are not accepted on this channel.' },
  CONTACT_REQUIRED: { kk: 'Жауап алу тәсіліне сәйкес байланыс деректерін көрсетіңіз.', ru: 'Укажите контакт для выбранного способа ответа.', en: 'Give a contact for the chosen answer method.' },
  EXTENSION_TOO_LONG: { kk: 'Мерзімді екі айдан артық ұзартуға болмайды.', ru: 'Срок нельзя продлить более чем на два месяца.', en: 'The term cannot be extended beyond two months.' },
  ANSWER_NOT_ACCEPTABLE: { kk: 'Жауап сыпайы қаратпадан басталуы керек және жай формула болмауы керек.', ru: 'Ответ должен начинаться с вежливого обращения и не может быть формальной отпиской.', en: 'An answer must begin with a respectful address and cannot be a bare formula.' },
  REDIRECT_TO_SELF: { kk: 'Өтінішті өз органыңызға қайта жолдауға болмайды.', ru: 'Нельзя переадресовать обращение в свой же орган.', en: 'An appeal cannot be redirected to its own body.' },
  EXECUTOR_NOT_ELIGIBLE: { kk: 'Бұл қызметкерге өтінішті тапсыруға болмайды: рөлі немесе бөлімі сәйкес емес.', ru: 'Этому сотруднику нельзя поручить обращение: не подходит роль или подразделение.', en: 'This staff member cannot be given the appeal: wrong role or unit.' },
  EXTENSION_NOT_LATER: { kk: 'Жаңа мерзім қазіргі мерзімнен кейін болуы керек.', ru: 'Новый срок должен быть позже текущего.', en: 'The new term must end after the current one.' },
  TERM_EXPIRED: { kk: 'Мерзім өтіп кетті: оны енді ұзартуға болмайды.', ru: 'Срок уже истёк: продлить его нельзя.', en: 'The term has already expired and cannot be extended.' },
  NO_ANSWER_DRAFT: { kk: 'Қол қоятын жауап жобасы жоқ.', ru: 'Нет проекта ответа для подписи.', en: 'There is no draft answer to sign.' },
  FEEDBACK_ALREADY_GIVEN: { kk: 'Бұл жауапқа баға бұрын берілген.', ru: 'Оценка этому ответу уже дана.', en: 'This answer has already been rated.' },
  SLOT_FULL: { kk: 'Бұл уақытқа орын қалмады.', ru: 'На это время мест больше нет.', en: 'This slot is full.' },
  SLOT_NOT_FOUND: { kk: 'Қабылдау уақыты табылмады.', ru: 'Время приёма не найдено.', en: 'Reception slot not found.' },
  SLOT_IN_PAST: { kk: 'Бұл қабылдау уақыты өтіп кетті, басқа уақытты таңдаңыз.', ru: 'Это время приёма уже прошло, выберите другое.', en: 'This reception time has passed; choose another.' },
  SLOT_OUTSIDE_QUARTER: { kk: 'Қабылдау уақыты кестенің тоқсанына кірмейді.', ru: 'Время приёма не входит в квартал графика.', en: 'The slot is outside the schedule’s quarter.' },
  SLOT_OVERLAP: { kk: 'Лауазымды тұлғаның қабылдау уақыттары бір-біріне сәйкес келмеуі керек.', ru: 'Время приёма должностного лица не может пересекаться.', en: 'An official’s reception slots may not overlap.' },
  SCHEDULE_NOT_FOUND: { kk: 'Қабылдау кестесі табылмады.', ru: 'График приёма не найден.', en: 'Reception schedule not found.' },
  SCHEDULE_EXISTS: { kk: 'Бұл лауазымды тұлғаның осы тоқсанға кестесі бар.', ru: 'У этого должностного лица уже есть график на этот квартал.', en: 'This official already has a schedule for this quarter.' },
  SCHEDULE_EMPTY: { kk: 'Қабылдау уақыты жоқ кестені бекітуге болмайды.', ru: 'Нельзя утвердить график без времени приёма.', en: 'A schedule without slots cannot be approved.' },
  OFFICIAL_NOT_FOUND: { kk: 'Қабылдауды органның басшысы немесе орынбасары жүргізеді.', ru: 'Приём ведёт руководитель органа или его заместитель.', en: 'Receptions are held by the body’s head or a deputy.' },
  BOOKING_NOT_FOUND: { kk: 'Қабылдауға жазылу табылмады.', ru: 'Запись на приём не найдена.', en: 'Reception booking not found.' },
  MEETING_NOT_STARTED: { kk: 'Қабылдау әлі басталған жоқ.', ru: 'Приём ещё не начался.', en: 'The reception has not begun yet.' },
  FOREIGN_ORIGIN: { kk: 'Сұрау басқа сайттан келді, сондықтан орындалмады.', ru: 'Запрос пришёл с другого сайта и не выполнен.', en: 'The request came from another site and was not carried out.' },
  FILE_TYPE_MISMATCH: { kk: 'Файлдың мазмұны оның түріне сәйкес келмейді.', ru: 'Содержимое файла не соответствует его типу.', en: 'The file’s content does not match its type.' },
  RATE_LIMITED: { kk: 'Тым көп әрекет. Біраздан кейін қайталаңыз.', ru: 'Слишком много попыток. Повторите позже.', en: 'Too many attempts. Please try again later.' },
  NOTIFICATION_NOT_FOUND: { kk: 'Хабар табылмады.', ru: 'Сообщение не найдено.', en: 'Message not found.' },
  LETTER_NOT_FOUND: { kk: 'Хат табылмады.', ru: 'Письмо не найдено.', en: 'Letter not found.' },
  TELEGRAM_NOT_CONFIGURED: { kk: 'Бұл орнатуда Telegram қосылмаған.', ru: 'Telegram в этой установке не подключён.', en: 'Telegram is not set up on this installation.' },
  TELEGRAM_NOT_LINKED: { kk: 'Алдымен Telegram чатын байланыстырыңыз.', ru: 'Сначала привяжите чат Telegram.', en: 'Link a Telegram chat first.' },
  CHANNEL_UNAVAILABLE: { kk: 'Байланыс арнасы уақытша қолжетімсіз. Кейінірек қайталаңыз.', ru: 'Канал связи временно недоступен. Повторите позже.', en: 'The channel is unavailable for now. Please try again later.' },
  CALENDAR_YEAR_UNSUPPORTED: { kk: 'Күнтізбе бұл жылды қамтымайды.', ru: 'Календарь не охватывает этот год.', en: 'The calendar does not cover this year.' },
  CALENDAR_DAY_NOT_FOUND: { kk: 'Бұл күн үшін күнтізбеде жазба жоқ.', ru: 'Для этой даты в календаре нет записи.', en: 'The calendar has no entry for this date.' },
  ARTICLE_NOT_FOUND: { kk: 'Білім қорының мақаласы табылмады.', ru: 'Статья базы знаний не найдена.', en: 'Knowledge-base article not found.' },
  CALL_NOT_FOUND: { kk: 'Қоңырау табылмады.', ru: 'Звонок не найден.', en: 'Call not found.' },
  CALLBACK_NOT_FOUND: { kk: 'Бұл қоңырауға кері қоңырау жоспарланбаған.', ru: 'Обратный звонок по этому звонку не запланирован.', en: 'No callback is scheduled for this call.' },
  CALLBACK_DONE: { kk: 'Кері қоңырау аяқталған.', ru: 'Обратный звонок уже завершён.', en: 'The callback is already done.' },
  CTI_LINE_EXISTS: { kk: 'Бұл нөмір бұрыннан желі ретінде тіркелген.', ru: 'Этот номер уже зарегистрирован как линия.', en: 'This number is already a line.' },
  CTI_LINE_NOT_FOUND: { kk: 'Телефон желісі табылмады.', ru: 'Телефонная линия не найдена.', en: 'Phone line not found.' },
  CTI_BLOCK_NOT_FOUND: { kk: 'Бұғатталған нөмір табылмады.', ru: 'Заблокированный номер не найден.', en: 'Blocked number not found.' },
  CTI_TOKEN_SECRET_CHANGED: { kk: 'Платформаның кілті өзгерген: жаңа CTI токенін жасаңыз (--rotate).', ru: 'Ключ платформы изменился: создайте новый токен CTI (--rotate).', en: 'The platform’s key has changed: make a new CTI token (--rotate).' },
  EXCHANGE_SIGNATURE_INVALID: {
    kk: 'Сұраудың қолтаңбасы жоқ немесе қате (X-Tyndau-Signature); ештеңе жазылған жоқ.',
    ru: 'Подпись запроса отсутствует или неверна (X-Tyndau-Signature); ничего не записано.',
    en: 'The request’s signature is missing or wrong (X-Tyndau-Signature); nothing was written.',
  },
  EXCHANGE_SYSTEM_NOT_CONFIGURED: {
    kk: 'Бұл ұлттық жүйемен алмасу бапталмаған (npm run tyndau -- exchange add).',
    ru: 'Обмен с этой национальной системой не настроен (npm run tyndau -- exchange add).',
    en: 'The exchange with this national system is not configured (npm run tyndau -- exchange add).',
  },
  EXCHANGE_SECRET_UNREADABLE: {
    kk: 'Алмасу жүйесінің құпиясын платформа кілтімен ашу мүмкін емес: оны қайта қосыңыз (exchange add).',
    ru: 'Секрет системы обмена не открывается ключом платформы: добавьте систему заново (exchange add).',
    en: 'The exchange system’s secret cannot be opened with the platform’s key: add the system again (exchange add).',
  },
  INTERNAL: { kk: 'Ішкі қате.', ru: 'Внутренняя ошибка.', en: 'Internal Server Error' },
  DATABASE_UNAVAILABLE: {
    kk: 'Тізілім қазір жауап бермей тұр; ештеңе жазылған жоқ. Біраздан кейін қайталаңыз.',
    ru: 'Реестр сейчас не отвечает; ничего не записано. Повторите немного позже.',
    en: 'The register is not answering right now; nothing was written. Please try again shortly.',
  },
  SERVICE_BUSY: {
    kk: 'Сервер қазір бос емес. Біраздан кейін қайталаңыз.',
    ru: 'Сервер сейчас перегружен. Повторите немного позже.',
    en: 'The server is busy right now. Please try again shortly.',
  },
};

export function messageFor(code: string, lang: Language, fallback?: string): string {
  return ERROR_MESSAGES[code]?.[lang] ?? fallback ?? ERROR_MESSAGES.VALIDATION_FAILED[lang];
}

/** The caller's language: `?lang=`, then Accept-Language, else Kazakh (the state language). */
export function pickLanguage(query: unknown, acceptLanguage: string | undefined): Language {
  const q = typeof query === 'object' && query && 'lang' in query ? String((query as { lang: unknown }).lang) : '';
  if (q === 'kk' || q === 'ru' || q === 'en') return q;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'kk' || tag === 'ru' || tag === 'en') return tag;
  }
  return 'kk';
}
