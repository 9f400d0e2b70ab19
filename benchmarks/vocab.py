"""Domain vocabulary for the synthetic knowledge base (see generate.py).

Every phrase comes in English and Russian, so that synthetic projects look like the real ones
(which are bilingual) and Russian questions have something to match against as well. Placeholders:
`{c}` the country's English name (with "the" where English needs it), `{adj}` its adjective,
`{cg}` / `{cp}` / `{ca}` its Russian genitive, prepositional and accusative forms, `{cn}` its
Russian nominative, `{cap}` / `{capr}` the capital in English / Russian.
"""

from __future__ import annotations

from typing import NamedTuple


class CountryWords(NamedTuple):
    en: str  # the name the validator knows
    the: bool  # English needs "the" before it
    adj: str
    ru: str  # nominative
    ru_gen: str
    ru_prep: str
    capital: str
    capital_ru: str
    region: str


def _acc(nominative: str) -> str:
    """Russian accusative of a country name, word by word ("Российская Федерация" -> "Российскую Федерацию")."""
    out = []
    for w in nominative.split(" "):
        if w.endswith("ая"):
            w = w[:-2] + "ую"
        elif w.endswith("я"):
            w = w[:-1] + "ю"
        elif w.endswith("а"):
            w = w[:-1] + "у"
        out.append(w)
    return " ".join(out)


# Countries where IOM runs migration projects; grouped by region so partner countries cluster.
COUNTRIES: tuple[CountryWords, ...] = (
    CountryWords(
        "Russian Federation",
        True,
        "Russian",
        "Российская Федерация",
        "Российской Федерации",
        "Российской Федерации",
        "Moscow",
        "Москва",
        "eeca",
    ),
    CountryWords(
        "Moldova", False, "Moldovan", "Молдова", "Молдовы", "Молдове", "Chisinau", "Кишинёв", "eeca"
    ),
    CountryWords(
        "Ukraine", False, "Ukrainian", "Украина", "Украины", "Украине", "Kyiv", "Киев", "eeca"
    ),
    CountryWords(
        "Belarus", False, "Belarusian", "Беларусь", "Беларуси", "Беларуси", "Minsk", "Минск", "eeca"
    ),
    CountryWords(
        "Armenia",
        False,
        "Armenian",
        "Армения",
        "Армении",
        "Армении",
        "Yerevan",
        "Ереван",
        "caucasus",
    ),
    CountryWords(
        "Georgia", False, "Georgian", "Грузия", "Грузии", "Грузии", "Tbilisi", "Тбилиси", "caucasus"
    ),
    CountryWords(
        "Azerbaijan",
        False,
        "Azerbaijani",
        "Азербайджан",
        "Азербайджана",
        "Азербайджане",
        "Baku",
        "Баку",
        "caucasus",
    ),
    CountryWords(
        "Kazakhstan",
        False,
        "Kazakh",
        "Казахстан",
        "Казахстана",
        "Казахстане",
        "Astana",
        "Астана",
        "central-asia",
    ),
    CountryWords(
        "Kyrgyzstan",
        False,
        "Kyrgyz",
        "Киргизия",
        "Киргизии",
        "Киргизии",
        "Bishkek",
        "Бишкек",
        "central-asia",
    ),
    CountryWords(
        "Tajikistan",
        False,
        "Tajik",
        "Таджикистан",
        "Таджикистана",
        "Таджикистане",
        "Dushanbe",
        "Душанбе",
        "central-asia",
    ),
    CountryWords(
        "Uzbekistan",
        False,
        "Uzbek",
        "Узбекистан",
        "Узбекистана",
        "Узбекистане",
        "Tashkent",
        "Ташкент",
        "central-asia",
    ),
    CountryWords(
        "Turkmenistan",
        False,
        "Turkmen",
        "Туркменистан",
        "Туркменистана",
        "Туркменистане",
        "Ashgabat",
        "Ашхабад",
        "central-asia",
    ),
    CountryWords(
        "Mongolia",
        False,
        "Mongolian",
        "Монголия",
        "Монголии",
        "Монголии",
        "Ulaanbaatar",
        "Улан-Батор",
        "central-asia",
    ),
    CountryWords(
        "Afghanistan",
        False,
        "Afghan",
        "Афганистан",
        "Афганистана",
        "Афганистане",
        "Kabul",
        "Кабул",
        "south-asia",
    ),
    CountryWords(
        "Pakistan",
        False,
        "Pakistani",
        "Пакистан",
        "Пакистана",
        "Пакистане",
        "Islamabad",
        "Исламабад",
        "south-asia",
    ),
    CountryWords(
        "Bangladesh",
        False,
        "Bangladeshi",
        "Бангладеш",
        "Бангладеш",
        "Бангладеш",
        "Dhaka",
        "Дакка",
        "south-asia",
    ),
    CountryWords(
        "Nepal", False, "Nepali", "Непал", "Непала", "Непале", "Kathmandu", "Катманду", "south-asia"
    ),
    CountryWords(
        "Sri Lanka",
        False,
        "Sri Lankan",
        "Шри-Ланка",
        "Шри-Ланки",
        "Шри-Ланке",
        "Colombo",
        "Коломбо",
        "south-asia",
    ),
    CountryWords(
        "Vietnam",
        False,
        "Vietnamese",
        "Вьетнам",
        "Вьетнама",
        "Вьетнаме",
        "Hanoi",
        "Ханой",
        "east-asia",
    ),
    CountryWords(
        "Thailand",
        False,
        "Thai",
        "Таиланд",
        "Таиланда",
        "Таиланде",
        "Bangkok",
        "Бангкок",
        "east-asia",
    ),
    CountryWords(
        "Indonesia",
        False,
        "Indonesian",
        "Индонезия",
        "Индонезии",
        "Индонезии",
        "Jakarta",
        "Джакарта",
        "east-asia",
    ),
    CountryWords(
        "Philippines",
        True,
        "Philippine",
        "Филиппины",
        "Филиппин",
        "Филиппинах",
        "Manila",
        "Манила",
        "east-asia",
    ),
    CountryWords(
        "Serbia", False, "Serbian", "Сербия", "Сербии", "Сербии", "Belgrade", "Белград", "balkans"
    ),
    CountryWords(
        "Albania", False, "Albanian", "Албания", "Албании", "Албании", "Tirana", "Тирана", "balkans"
    ),
    CountryWords(
        "Bosnia and Herzegovina",
        False,
        "Bosnian",
        "Босния и Герцеговина",
        "Боснии и Герцеговины",
        "Боснии и Герцеговине",
        "Sarajevo",
        "Сараево",
        "balkans",
    ),
    CountryWords(
        "Montenegro",
        False,
        "Montenegrin",
        "Черногория",
        "Черногории",
        "Черногории",
        "Podgorica",
        "Подгорица",
        "balkans",
    ),
    CountryWords(
        "North Macedonia",
        False,
        "Macedonian",
        "Северная Македония",
        "Северной Македонии",
        "Северной Македонии",
        "Skopje",
        "Скопье",
        "balkans",
    ),
    CountryWords(
        "Turkey", False, "Turkish", "Турция", "Турции", "Турции", "Ankara", "Анкара", "balkans"
    ),
    CountryWords(
        "Morocco",
        False,
        "Moroccan",
        "Марокко",
        "Марокко",
        "Марокко",
        "Rabat",
        "Рабат",
        "north-africa",
    ),
    CountryWords(
        "Tunisia", False, "Tunisian", "Тунис", "Туниса", "Тунисе", "Tunis", "Тунис", "north-africa"
    ),
    CountryWords(
        "Egypt", False, "Egyptian", "Египет", "Египта", "Египте", "Cairo", "Каир", "north-africa"
    ),
    CountryWords(
        "Libya", False, "Libyan", "Ливия", "Ливии", "Ливии", "Tripoli", "Триполи", "north-africa"
    ),
    CountryWords(
        "Niger", False, "Nigerien", "Нигер", "Нигера", "Нигере", "Niamey", "Ниамей", "west-africa"
    ),
    CountryWords(
        "Mali", False, "Malian", "Мали", "Мали", "Мали", "Bamako", "Бамако", "west-africa"
    ),
    CountryWords(
        "Senegal",
        False,
        "Senegalese",
        "Сенегал",
        "Сенегала",
        "Сенегале",
        "Dakar",
        "Дакар",
        "west-africa",
    ),
    CountryWords(
        "Nigeria",
        False,
        "Nigerian",
        "Нигерия",
        "Нигерии",
        "Нигерии",
        "Abuja",
        "Абуджа",
        "west-africa",
    ),
    CountryWords(
        "Ghana", False, "Ghanaian", "Гана", "Ганы", "Гане", "Accra", "Аккра", "west-africa"
    ),
    CountryWords(
        "Ethiopia",
        False,
        "Ethiopian",
        "Эфиопия",
        "Эфиопии",
        "Эфиопии",
        "Addis Ababa",
        "Аддис-Абеба",
        "east-africa",
    ),
    CountryWords(
        "Kenya", False, "Kenyan", "Кения", "Кении", "Кении", "Nairobi", "Найроби", "east-africa"
    ),
    CountryWords(
        "Somalia",
        False,
        "Somali",
        "Сомали",
        "Сомали",
        "Сомали",
        "Mogadishu",
        "Могадишо",
        "east-africa",
    ),
    CountryWords(
        "Jordan",
        False,
        "Jordanian",
        "Иордания",
        "Иордании",
        "Иордании",
        "Amman",
        "Амман",
        "middle-east",
    ),
    CountryWords(
        "Lebanon", False, "Lebanese", "Ливан", "Ливана", "Ливане", "Beirut", "Бейрут", "middle-east"
    ),
    CountryWords(
        "Iraq", False, "Iraqi", "Ирак", "Ирака", "Ираке", "Baghdad", "Багдад", "middle-east"
    ),
    CountryWords(
        "Guatemala",
        False,
        "Guatemalan",
        "Гватемала",
        "Гватемалы",
        "Гватемале",
        "Guatemala City",
        "Гватемала",
        "americas",
    ),
    CountryWords(
        "Honduras",
        False,
        "Honduran",
        "Гондурас",
        "Гондураса",
        "Гондурасе",
        "Tegucigalpa",
        "Тегусигальпа",
        "americas",
    ),
    CountryWords(
        "Ecuador",
        False,
        "Ecuadorian",
        "Эквадор",
        "Эквадора",
        "Эквадоре",
        "Quito",
        "Кито",
        "americas",
    ),
    CountryWords(
        "Colombia",
        False,
        "Colombian",
        "Колумбия",
        "Колумбии",
        "Колумбии",
        "Bogota",
        "Богота",
        "americas",
    ),
    CountryWords(
        "Haiti",
        False,
        "Haitian",
        "Гаити",
        "Гаити",
        "Гаити",
        "Port-au-Prince",
        "Порт-о-Пренс",
        "americas",
    ),
)


def country_fill(c: CountryWords) -> dict[str, str]:
    return {
        "c": ("the " if c.the else "") + c.en,
        "name": c.en,
        "adj": c.adj,
        "cn": c.ru,
        "cg": c.ru_gen,
        "cp": c.ru_prep,
        "ca": _acc(c.ru),
        "cap": c.capital,
        "capr": c.capital_ru,
    }


class Donor(NamedTuple):
    id: str
    en: str
    ru: str
    short: tuple[str, ...]
    country: str | None
    kind: str


# Funders. The real ids (eu, ec, germany, finland) are reused so that funder questions get harder.
DONORS: tuple[Donor, ...] = (
    Donor("eu", "", "", (), None, ""),
    Donor("ec", "", "", (), None, ""),
    Donor("germany", "", "", (), None, ""),
    Donor("finland", "", "", (), None, ""),
    Donor(
        "norway",
        "Government of Norway",
        "Правительство Норвегии",
        ("Norway", "Норвегия"),
        "Norway",
        "government",
    ),
    Donor(
        "switzerland",
        "Government of Switzerland",
        "Правительство Швейцарии",
        ("Switzerland", "SDC", "Швейцария"),
        "Switzerland",
        "government",
    ),
    Donor(
        "sweden",
        "Government of Sweden",
        "Правительство Швеции",
        ("Sweden", "Sida", "Швеция"),
        "Sweden",
        "government",
    ),
    Donor(
        "netherlands",
        "Government of the Netherlands",
        "Правительство Нидерландов",
        ("the Netherlands", "Нидерланды"),
        "Netherlands",
        "government",
    ),
    Donor(
        "denmark",
        "Government of Denmark",
        "Правительство Дании",
        ("Denmark", "Дания"),
        "Denmark",
        "government",
    ),
    Donor(
        "japan",
        "Government of Japan",
        "Правительство Японии",
        ("Japan", "Япония"),
        "Japan",
        "government",
    ),
    Donor(
        "usa-prm",
        "US Department of State, Bureau of Population, Refugees and Migration",
        "Бюро по вопросам народонаселения, беженцев и миграции Государственного департамента США",
        ("PRM", "US State Department"),
        "United States",
        "government agency",
    ),
    Donor(
        "usaid",
        "United States Agency for International Development",
        "Агентство США по международному развитию",
        ("USAID", "ЮСАИД"),
        "United States",
        "government agency",
    ),
    Donor(
        "uk-fcdo",
        "UK Foreign, Commonwealth and Development Office",
        "Министерство иностранных дел, по делам Содружества и развития Великобритании",
        ("FCDO",),
        "United Kingdom",
        "government agency",
    ),
    Donor(
        "italy",
        "Government of Italy",
        "Правительство Италии",
        ("Italy", "Италия"),
        "Italy",
        "government",
    ),
    Donor(
        "austria",
        "Government of Austria",
        "Правительство Австрии",
        ("Austria", "Австрия"),
        "Austria",
        "government",
    ),
    Donor(
        "belgium",
        "Government of Belgium",
        "Правительство Бельгии",
        ("Belgium", "Бельгия"),
        "Belgium",
        "government",
    ),
    Donor(
        "canada",
        "Government of Canada",
        "Правительство Канады",
        ("Canada", "Канада"),
        "Canada",
        "government",
    ),
    Donor(
        "korea",
        "Government of the Republic of Korea",
        "Правительство Республики Корея",
        ("KOICA",),
        "South Korea",
        "government",
    ),
    Donor(
        "world-bank",
        "World Bank",
        "Всемирный банк",
        ("WB", "Всемирный банк"),
        None,
        "international organisation",
    ),
)


class Ministry(NamedTuple):
    key: str
    en: str
    ru: str
    short: str  # English abbreviation, followed by the country
    kind: str


MINISTRIES: tuple[Ministry, ...] = (
    Ministry(
        "mia",
        "Ministry of Internal Affairs of {c}",
        "Министерство внутренних дел {cg}",
        "MIA",
        "government agency",
    ),
    Ministry(
        "sms",
        "State Migration Service of {c}",
        "Государственная миграционная служба {cg}",
        "SMS",
        "government agency",
    ),
    Ministry(
        "bgs",
        "State Border Guard Service of {c}",
        "Государственная пограничная служба {cg}",
        "SBGS",
        "government agency",
    ),
    Ministry(
        "mol",
        "Ministry of Labour and Social Protection of {c}",
        "Министерство труда и социальной защиты {cg}",
        "MLSP",
        "government agency",
    ),
    Ministry(
        "moh",
        "Ministry of Health of {c}",
        "Министерство здравоохранения {cg}",
        "MoH",
        "government agency",
    ),
    Ministry(
        "mfa",
        "Ministry of Foreign Affairs of {c}",
        "Министерство иностранных дел {cg}",
        "MFA",
        "government agency",
    ),
    Ministry(
        "customs", "Customs Service of {c}", "Таможенная служба {cg}", "CS", "government agency"
    ),
)

NGO_PATTERNS: tuple[tuple[str, str], ...] = (
    ("{cap} Centre for Migrant Rights", "Центр защиты прав мигрантов ({capr})"),
    (
        "{adj} Red Crescent and Red Cross Society",
        "Общество Красного Креста и Красного Полумесяца {cg}",
    ),
    ("{cap} Women's Support Network", "Сеть поддержки женщин ({capr})"),
    ("{adj} Association of Returning Migrants", "Ассоциация вернувшихся мигрантов {cg}"),
    ("{cap} Legal Aid Foundation", "Фонд юридической помощи ({capr})"),
)


class Theme(NamedTuple):
    slug: str
    alias_en: str  # "the {adj} <alias_en> project"
    alias_ru: str  # "проект по <alias_ru> в {cp}"
    titles: tuple[tuple[str, str], ...]
    summary: tuple[str, str]
    objectives: tuple[tuple[str, str], ...]
    activities: tuple[tuple[str, str, str], ...]  # en, ru, kind
    results: tuple[tuple[str, str, str], ...]  # en, ru, kind
    ministries: tuple[str, ...]
    acronym_words: tuple[str, ...]


THEMES: tuple[Theme, ...] = (
    Theme(
        "readmission",
        "readmission",
        "реадмиссии",
        (
            (
                "Support to the Implementation of the EU Readmission Agreement with {c}",
                "Поддержка реализации Соглашения ЕС о реадмиссии в {cp}",
            ),
            (
                "Development of Administrative Mechanisms in Support of Readmission of Migrants in {c}",
                "Развитие административных механизмов в поддержку реадмиссии мигрантов в {cp}",
            ),
            (
                "Assistance to the Government of {c} in Establishing Legal and Administrative Framework for the Implementation of Readmission Agreements",
                "Содействие Правительству {cg} в создании правовой и административной базы для реализации соглашений о реадмиссии",
            ),
            (
                "Strengthening the Capacity of {c} to Implement Readmission Agreements",
                "Укрепление потенциала {cg} в реализации соглашений о реадмиссии",
            ),
        ),
        (
            "Practical help to {c} in meeting its readmission obligations and in receiving and returning third-country nationals.",
            "Практическая помощь {cp} в выполнении обязательств по реадмиссии, в приёме и возвращении граждан третьих стран.",
        ),
        (
            (
                "further development of the administrative and legal mechanisms of readmission in {c}",
                "дальнейшее развитие административных и правовых механизмов реадмиссии в {cp}",
            ),
            (
                "enhancing the capacity of the migration authorities of {c} to implement readmission agreements",
                "укрепление потенциала миграционных органов {cg} в реализации соглашений о реадмиссии",
            ),
            (
                "ensuring the humane reception and accommodation of third-country nationals transferred under readmission",
                "обеспечение гуманного приёма и размещения граждан третьих стран, передаваемых в порядке реадмиссии",
            ),
        ),
        (
            (
                "needs assessment of the readmission procedures of {c}",
                "оценка потребностей в процедурах реадмиссии {cg}",
                "report",
            ),
            (
                "trainings on readmission case management for migration officers",
                "тренинги по работе с делами о реадмиссии для сотрудников миграционной службы",
                "training",
            ),
            (
                "refurbishment of a migrant accommodation centre near {cap}",
                "ремонт центра размещения мигрантов под городом {capr}",
                "centre support",
            ),
            (
                "a study tour to EU Member States on return and readmission practice",
                "учебная поездка в государства — члены ЕС по практике возвращения и реадмиссии",
                "study tour",
            ),
            (
                "technical meetings with European experts on readmission applications",
                "технические встречи с европейскими экспертами по запросам о реадмиссии",
                "meeting",
            ),
        ),
        (
            (
                "a readmission manual was published for the migration service of {c}",
                "для миграционной службы {cg} издано руководство по реадмиссии",
                "manual",
            ),
            (
                "direct contacts established between readmission officers of {c} and the EU",
                "установлены прямые контакты между сотрудниками {cg} и ЕС, занимающимися реадмиссией",
                "dialogue",
            ),
            (
                "the workflow of readmission applications was shortened",
                "сокращены сроки рассмотрения запросов о реадмиссии",
                "policy",
            ),
        ),
        ("mia", "sms", "mfa"),
        ("Readmission", "Return", "Agreement", "Support", "Implementation"),
    ),
    Theme(
        "avrr",
        "voluntary return",
        "добровольному возвращению",
        (
            (
                "Facilitation of Assisted Voluntary Return and Reintegration of Migrants to {c}",
                "Содействие добровольному возвращению и реинтеграции мигрантов в {ca}",
            ),
            (
                "Assisted Voluntary Return and Reintegration of Stranded Migrants in {c}",
                "Добровольное возвращение и реинтеграция мигрантов, оказавшихся в трудной ситуации в {cp}",
            ),
            (
                "Sustainable Reintegration of Returnees in {c}",
                "Устойчивая реинтеграция вернувшихся мигрантов в {cp}",
            ),
            (
                "Support to the Implementation of Readmission Agreements with {c}: Facilitation of Assisted Voluntary Return and Reintegration",
                "Поддержка реализации соглашений о реадмиссии с {cp}: содействие добровольному возвращению и реинтеграции",
            ),
        ),
        (
            "Help for migrants returning voluntarily to {c} and for their sustainable reintegration.",
            "Помощь мигрантам, добровольно возвращающимся в {ca}, и их устойчивая реинтеграция.",
        ),
        (
            (
                "facilitation of assisted voluntary return of irregular migrants to {c}",
                "содействие добровольному возвращению мигрантов с неурегулированным статусом в {ca}",
            ),
            (
                "sustainable reintegration of returnees through small business grants and vocational training",
                "устойчивая реинтеграция вернувшихся через гранты на малый бизнес и профессиональное обучение",
            ),
            (
                "counselling of potential returnees on their options",
                "консультирование потенциальных возвращенцев об их возможностях",
            ),
        ),
        (
            (
                "individual reintegration plans for returnees",
                "индивидуальные планы реинтеграции вернувшихся",
                "counselling",
            ),
            (
                "small business grants for returnees in {cap}",
                "гранты на малый бизнес для вернувшихся в городе {capr}",
                "grant",
            ),
            (
                "an information campaign on voluntary return options",
                "информационная кампания о возможностях добровольного возвращения",
                "information materials",
            ),
            (
                "a hotline for migrants wishing to return home",
                "горячая линия для мигрантов, желающих вернуться домой",
                "hotline",
            ),
        ),
        (
            (
                "migrants returned voluntarily to {c} and received reintegration assistance",
                "мигранты добровольно вернулись в {ca} и получили помощь в реинтеграции",
                "return",
            ),
            (
                "a referral network of NGO partners was set up",
                "создана сеть перенаправления с участием НКО-партнёров",
                "network",
            ),
        ),
        ("mia", "sms", "mol"),
        ("Voluntary", "Return", "Reintegration", "Assisted"),
    ),
    Theme(
        "border",
        "border management",
        "управлению границами",
        (
            (
                "Enhancement of Management of the {name} Border Checkpoints",
                "Совершенствование управления пунктами пропуска через государственную границу {cg}",
            ),
            ("Integrated Border Management in {c}", "Комплексное управление границами в {cp}"),
            (
                "Strengthening Border Control Capacity at the Land Borders of {c}",
                "Укрепление потенциала пограничного контроля на сухопутных границах {cg}",
            ),
            (
                "Modernisation of Border Crossing Points in {c}",
                "Модернизация пунктов пропуска через границу в {cp}",
            ),
        ),
        (
            "Technical and institutional help to {c} in managing its borders and border crossing points.",
            "Техническая и институциональная помощь {cp} в управлении границами и пунктами пропуска.",
        ),
        (
            (
                "methodological and technical assistance in building effective state border management in {c}",
                "методическая и техническая помощь в создании эффективного управления государственной границей {cg}",
            ),
            (
                "improving border control procedures at the checkpoints of {c}",
                "совершенствование процедур пограничного контроля в пунктах пропуска {cg}",
            ),
            (
                "optimizing data sharing between border agencies",
                "оптимизация обмена данными между пограничными ведомствами",
            ),
        ),
        (
            (
                "training of border guards in document examination",
                "обучение пограничников проверке документов",
                "training",
            ),
            (
                "provision of document examination equipment to border checkpoints",
                "поставка оборудования для проверки документов в пункты пропуска",
                "equipment",
            ),
            (
                "a study tour to the border agencies of EU Member States",
                "учебная поездка в пограничные ведомства государств — членов ЕС",
                "study tour",
            ),
            (
                "a gap analysis of border crossing procedures",
                "анализ пробелов в процедурах пересечения границы",
                "report",
            ),
        ),
        (
            (
                "standard operating procedures for border checkpoints were adopted",
                "приняты стандартные операционные процедуры для пунктов пропуска",
                "policy",
            ),
            (
                "border officers of {c} were trained in integrated border management",
                "пограничники {cg} обучены комплексному управлению границами",
                "training",
            ),
        ),
        ("bgs", "customs", "mia"),
        ("Border", "Management", "Checkpoints", "Control", "Integrated"),
    ),
    Theme(
        "ct",
        "counter-trafficking",
        "противодействию торговле людьми",
        (
            (
                "Prevention of Trafficking in Human Beings in {c}",
                "Предотвращение торговли людьми в {cp}",
            ),
            (
                "Strengthening the Counter-Trafficking Response in {c}",
                "Укрепление мер противодействия торговле людьми в {cp}",
            ),
            (
                "Protection and Reintegration of Victims of Trafficking in {c}",
                "Защита и реинтеграция жертв торговли людьми в {cp}",
            ),
        ),
        (
            "Prevention of human trafficking in {c} and protection of its victims.",
            "Предотвращение торговли людьми в {cp} и защита её жертв.",
        ),
        (
            (
                "raising awareness of the risks of trafficking in human beings among potential migrants",
                "повышение осведомлённости потенциальных мигрантов о рисках торговли людьми",
            ),
            (
                "improving the identification and referral of victims of trafficking in {c}",
                "совершенствование выявления и перенаправления жертв торговли людьми в {cp}",
            ),
            (
                "strengthening the prosecution of traffickers",
                "усиление уголовного преследования торговцев людьми",
            ),
        ),
        (
            (
                "an awareness-raising campaign on safe migration",
                "кампания по повышению осведомлённости о безопасной миграции",
                "information materials",
            ),
            (
                "training of police and prosecutors on trafficking cases",
                "обучение полицейских и прокуроров работе с делами о торговле людьми",
                "training",
            ),
            (
                "a shelter for victims of trafficking in {cap}",
                "приют для жертв торговли людьми в городе {capr}",
                "centre support",
            ),
            (
                "a national hotline on trafficking",
                "национальная горячая линия по вопросам торговли людьми",
                "hotline",
            ),
            (
                "a film on the risks of irregular migration",
                "фильм о рисках незаконной миграции",
                "film",
            ),
        ),
        (
            (
                "a national referral mechanism for victims of trafficking was adopted",
                "принят национальный механизм перенаправления жертв торговли людьми",
                "policy",
            ),
            (
                "victims of trafficking received medical, legal and psychological help",
                "жертвы торговли людьми получили медицинскую, юридическую и психологическую помощь",
                "assistance",
            ),
        ),
        ("mia", "mol"),
        ("Trafficking", "Prevention", "Protection", "Victims", "Counter"),
    ),
    Theme(
        "labour",
        "labour migration",
        "трудовой миграции",
        (
            (
                "Enhancing Labour Migration Management in {c}",
                "Совершенствование управления трудовой миграцией в {cp}",
            ),
            (
                "Safe and Regular Labour Migration from {c}",
                "Безопасная и законная трудовая миграция из {cg}",
            ),
            (
                "Pre-Departure Orientation for Labour Migrants from {c}",
                "Предотъездная подготовка трудовых мигрантов из {cg}",
            ),
        ),
        (
            "Safer and better-managed labour migration from and to {c}.",
            "Более безопасная и упорядоченная трудовая миграция из {cg} и в {ca}.",
        ),
        (
            (
                "strengthening the labour migration policy of {c}",
                "укрепление политики {cg} в области трудовой миграции",
            ),
            (
                "protecting the rights of labour migrants abroad",
                "защита прав трудовых мигрантов за рубежом",
            ),
            (
                "improving the recognition of migrants' skills and qualifications",
                "совершенствование признания навыков и квалификаций мигрантов",
            ),
        ),
        (
            (
                "migrant resource centres in {cap}",
                "ресурсные центры для мигрантов в городе {capr}",
                "centre support",
            ),
            (
                "pre-departure orientation courses for labour migrants",
                "курсы предотъездной подготовки для трудовых мигрантов",
                "training",
            ),
            (
                "a study of remittances and their use",
                "исследование денежных переводов и их использования",
                "study",
            ),
            (
                "a conference on labour mobility in the region",
                "конференция по трудовой мобильности в регионе",
                "conference",
            ),
        ),
        (
            (
                "a bilateral labour agreement was drafted",
                "подготовлен проект двустороннего соглашения о трудовой миграции",
                "legislation",
            ),
            (
                "labour migrants were counselled before departure",
                "трудовые мигранты получили консультации перед отъездом",
                "counselling",
            ),
        ),
        ("mol", "sms", "mfa"),
        ("Labour", "Migration", "Mobility", "Safe", "Regular"),
    ),
    Theme(
        "health",
        "migrant health",
        "здоровью мигрантов",
        (
            (
                "Migrant Health Assessment and Tuberculosis Control in {c}",
                "Медицинское освидетельствование мигрантов и борьба с туберкулёзом в {cp}",
            ),
            (
                "Improving Access to Health Services for Migrants in {c}",
                "Расширение доступа мигрантов к медицинским услугам в {cp}",
            ),
            (
                "HIV Prevention among Mobile Populations in {c}",
                "Профилактика ВИЧ среди мобильного населения в {cp}",
            ),
        ),
        (
            "Better access to health care for migrants in {c}, with a focus on infectious diseases.",
            "Улучшение доступа мигрантов к медицинской помощи в {cp} с упором на инфекционные заболевания.",
        ),
        (
            (
                "improving migrants' access to primary health care in {c}",
                "улучшение доступа мигрантов к первичной медицинской помощи в {cp}",
            ),
            (
                "preventing tuberculosis and HIV among labour migrants",
                "профилактика туберкулёза и ВИЧ среди трудовых мигрантов",
            ),
        ),
        (
            (
                "mobile health clinics for migrants",
                "мобильные медицинские пункты для мигрантов",
                "health services",
            ),
            (
                "training of medical staff on migrant health",
                "обучение медицинского персонала вопросам здоровья мигрантов",
                "training",
            ),
            (
                "a survey of migrants' health needs",
                "обследование потребностей мигрантов в медицинской помощи",
                "study",
            ),
        ),
        (
            (
                "migrants were screened for tuberculosis",
                "мигранты прошли обследование на туберкулёз",
                "health services",
            ),
            (
                "a national migrant health strategy was drafted",
                "подготовлен проект национальной стратегии охраны здоровья мигрантов",
                "policy",
            ),
        ),
        ("moh", "mol"),
        ("Health", "Migrant", "Access", "Tuberculosis"),
    ),
    Theme(
        "integration",
        "integration",
        "интеграции мигрантов",
        (
            (
                "Integration of Migrants and Refugees in {c}",
                "Интеграция мигрантов и беженцев в {cp}",
            ),
            (
                "Social Cohesion and Migrant Integration in {c}",
                "Социальная сплочённость и интеграция мигрантов в {cp}",
            ),
            (
                "Language and Orientation Courses for Newcomers in {c}",
                "Языковые и ориентационные курсы для вновь прибывших в {cp}",
            ),
        ),
        (
            "Help for migrants to settle in {c} and for communities to receive them.",
            "Помощь мигрантам в обустройстве в {cp} и принимающим сообществам.",
        ),
        (
            (
                "supporting the social and economic integration of migrants in {c}",
                "поддержка социальной и экономической интеграции мигрантов в {cp}",
            ),
            (
                "preventing discrimination and xenophobia",
                "предотвращение дискриминации и ксенофобии",
            ),
        ),
        (
            ("language courses for migrants", "языковые курсы для мигрантов", "training"),
            (
                "information centres for newcomers in {cap}",
                "информационные центры для вновь прибывших в городе {capr}",
                "centre support",
            ),
            (
                "a media campaign against xenophobia",
                "кампания в СМИ против ксенофобии",
                "information materials",
            ),
        ),
        (
            (
                "an integration strategy was adopted by the government of {c}",
                "правительство {cg} приняло стратегию интеграции",
                "policy",
            ),
            (
                "migrants completed language and orientation courses",
                "мигранты прошли языковые и ориентационные курсы",
                "training",
            ),
        ),
        ("sms", "mol"),
        ("Integration", "Cohesion", "Newcomers", "Social"),
    ),
    Theme(
        "capacity",
        "migration management",
        "управлению миграцией",
        (
            (
                "Capacity Building of the Migration Authorities of {c}",
                "Укрепление потенциала миграционных органов {cg}",
            ),
            (
                "Assistance to the Government of {c} in Establishing Legal and Administrative Framework for Migration Management",
                "Содействие Правительству {cg} в создании правовой и административной базы управления миграцией",
            ),
            (
                "International Migration Law Training for Officials of {c}",
                "Обучение должностных лиц {cg} международному миграционному праву",
            ),
            ("Migration Data and Statistics in {c}", "Миграционные данные и статистика в {cp}"),
        ),
        (
            "Stronger migration authorities in {c}: laws, procedures, data and trained staff.",
            "Укрепление миграционных органов {cg}: законы, процедуры, данные и обученный персонал.",
        ),
        (
            (
                "building the capacity of the migration authorities of {c}",
                "укрепление потенциала миграционных органов {cg}",
            ),
            (
                "bringing the migration legislation of {c} closer to international standards",
                "приближение миграционного законодательства {cg} к международным стандартам",
            ),
            (
                "improving the collection and sharing of migration data",
                "совершенствование сбора и обмена миграционными данными",
            ),
        ),
        (
            (
                "International Migration Law (IML) training courses for senior officials",
                "учебные курсы по международному миграционному праву (ММП) для руководящих сотрудников",
                "training",
            ),
            (
                "a review of the migration legislation of {c}",
                "обзор миграционного законодательства {cg}",
                "report",
            ),
            (
                "an electronic training module on migration management",
                "электронный учебный модуль по управлению миграцией",
                "manual",
            ),
            (
                "a regional conference on migration management in {cap}",
                "региональная конференция по управлению миграцией в городе {capr}",
                "conference",
            ),
            (
                "a study tour to Germany and Austria",
                "учебная поездка в Германию и Австрию",
                "study tour",
            ),
        ),
        (
            (
                "draft amendments to the migration law of {c} were prepared",
                "подготовлены проекты поправок к миграционному закону {cg}",
                "legislation",
            ),
            (
                "a migration profile of {c} was published",
                "опубликован миграционный профиль {cg}",
                "report",
            ),
        ),
        ("sms", "mia", "mfa"),
        ("Capacity", "Migration", "Authorities", "Building", "Management"),
    ),
)

QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("", ""),
    (" for Vulnerable Migrants", " для уязвимых мигрантов"),
    (" for Women and Children", " для женщин и детей"),
    (" for Unaccompanied Migrant Children", " для несопровождаемых детей-мигрантов"),
    (" in Rural Areas", " в сельских районах"),
    (" through Inter-Agency Cooperation", " на основе межведомственного сотрудничества"),
    (" through Community-Based Approaches", " на основе подходов на уровне сообществ"),
    (" and Neighbouring Countries", " и соседних странах"),
)

PHASES: tuple[tuple[str, str], ...] = (
    (" – Phase II", " – этап II"),
    (" – Phase III", " – этап III"),
    (" – Phase IV", " – этап IV"),
)

PROGRAMMES: tuple[tuple[str, str], ...] = (
    (
        "EC Thematic Programme for Cooperation with Third Countries in the Areas of Migration and Asylum",
        "Тематическая программа ЕК по сотрудничеству с третьими странами в области миграции и убежища",
    ),
    ("EU Mobility Partnership", "Партнёрство ЕС по вопросам мобильности"),
    (
        "Global Programme on Migration and Development",
        "Глобальная программа по миграции и развитию",
    ),
    ("Prague Process", "Пражский процесс"),
)

PLACES: tuple[str, ...] = (
    "Netherlands",
    "Germany",
    "Austria",
    "Poland",
    "Finland",
    "Sweden",
    "Italy",
    "Spain",
    "Belgium",
    "Switzerland",
)

EVENT_TEXTS: tuple[tuple[str, str], ...] = (
    (
        "the project was launched at a round table in {cap}",
        "проект был представлен на круглом столе в городе {capr}",
    ),
    (
        "IOM signed the grant agreement with the donor",
        "МОМ подписала соглашение о гранте с донором",
    ),
    (
        "a final conference presented the results in {cap}",
        "итоговая конференция представила результаты в городе {capr}",
    ),
)

DESCRIPTION_TAIL: tuple[tuple[str, str], ...] = (
    (
        "The project was implemented by IOM {cap} together with the national authorities.",
        "Проект осуществляло Бюро МОМ в городе {capr} совместно с национальными органами власти.",
    ),
    (
        "It drew on the experience of EU Member States and of earlier IOM projects in the region.",
        "Он опирался на опыт государств — членов ЕС и предыдущих проектов МОМ в регионе.",
    ),
    (
        "Civil society organisations took part in its activities.",
        "В его мероприятиях участвовали организации гражданского общества.",
    ),
)
