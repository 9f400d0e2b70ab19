"""The words the question parser listens for, in English and Russian.

Each entry is a list of patterns. A plain pattern matches a word with the same Snowball stem
("funded" matches "fund"); a pattern ending in `*` matches any word that starts with it, which is
how Russian endings are handled ("финансир*" matches финансировал, финансирование ...); a
pattern starting with `!` is a word that never matches, though it shares a stem ("!officers":
the stem of "offices" is also that of "officers").
Adding a word here is how the bot learns a new way of asking: no other code changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

from bot.core import fields as F
from bot.core.text import stem

#: The first half of "don't", "wasn't" (the words of a text split at the apostrophe).
NEGATED_AUXILIARIES: Final = frozenset(
    "don doesn didn isn aren wasn weren haven hasn hadn wouldn couldn shouldn".split()
)
#: The same, typed without the apostrophe ("wich projcts wernt funded only by the EU").
NEGATED_WORDS: Final = frozenset(
    "dont doesnt didnt isnt arent wasnt werent wernt havent hasnt hadnt wouldnt couldnt".split()
)

#: The concept key of a number word ("three", "третий" and "3" are all "num:3").
NUMBER_PREFIX: Final = "num:"

# Words that carry no meaning for matching.
STOPWORDS: Final = frozenset(
    """
    a an the of to in on at by for from with and or but as is are was were be been being it its
    this that these those there their they them he she his her we our you your i me my do does
    did done doing have has had having can could would should will shall may might must so than
    then too very just also only any some all each every other such no nor not same into over
    under about above after again against before below between both during further here how more
    most off once out through until up what when where which while who whom why whose yes ok
    okay please pls hi hello hey thanks thank there s t d ll re ve whats what's wats wat tell
    give show know say let like want need get got ever still already really actually going go
    goes gone supposed meant kind sort type exactly basically besides apart thing things
    something someone somebody anyone yeah yep together alone one и в во на с со к ко по о об от
    до из у за для при про что как ли же бы то это этот эта эти был была были было быть есть а
    но или да нет не ни его ее их них ними они он она этих этим тех того мы вы я мне нам вам нас вас меня тебя тебе ты ваш ваша ваши наш наша наши какой какая какие каких каком
    какому каким ком кто чем чего том тот та те так там тут где когда ещё еще уже также тоже
    только все всё всех всего весь вся же ли вот подскажите скажите расскажите пожалуйста прошу сообщить сообщите укажите уточните question questions вопрос вопросик привет
    здравствуйте спасибо можно рамках рамки co make made makes making take taken carry carried
    give gave given come came кого кому кем чей чья чье чьи зачем почему такое такой такая
    таком everything anything nothing total altogether overall page listed including включая числе via whether conduct conducted conducting held
    undertake undertaken undertook проводить проводил проводила проводили проводился проводилась
    проводилось проводились провели провел проведен проведена проведено проведены осуществлялся
    осуществлялась осуществлялось осуществлялись deal deals dealt dealing concern concerned
    concerning tackle tackled tackling cover covered covering look looked looks looking prepare prepared preparing
    подготовить подготовил подготовила подготовили подготовило помог помогла помогли помогло
    помогал помогала помогали оказывал оказывала оказывали оказывался оказывалась оказывалось
    оказывались оказана оказано оказаны оказать provide provided providing doesn didn isn
    aren wasn weren haven hasn hadn wouldn couldn shouldn m write writing wrote exist exists
    existed available database databases db bot оно ваш ваша ваше ваши ваших вашем вашей ведомство
    ведомства authority authorities разработать разработали разработал разработала разработано
    разработаны dont doesnt didnt isnt arent wasnt werent wernt havent hasnt specifically
    specially precisely particularly exact конкретно именно am dear colleague colleagues good
    morning afternoon evening kindly greetings regards коллеги уважаемые добрый доброе день утро
    вечер include includes included officially general generally overall вообще касался
    касалась касалось касались касается касаются касаться specify types интересно
    интересует wonder wondering curious address addressed addressing attend attended attending
    contribute contributed contributing
    времени way ways right correct верно
    advise advised confirm просьба предоставить предоставьте
    который которая которое которые которого которой котором которому которым которыми которых
    которую among amongst среди main principal primary major основные основная основной
    основное главные главная главный главное рассчитан рассчитана рассчитано рассчитаны
    предназначен предназначена предназначено предназначены ой имел имела имели виду oops sorry
    каждый каждая каждое каждого каждому каждом каждым каждую сразу dedicated devoted
    посвящен посвящён посвящена посвящено посвящены посвящался посвящалась посвящалось
    посвящались никак никоим образом
    if think thought believe guess remember recall sure unsure quite yet maybe perhaps probably
    honestly если помню помнится кажется думаю вроде наверное наверно хотя правильно теме тему
    topic topics
    """.split()
)

#: Numbers written as words that count things ("five courses", "4 components" has a digit):
#: not the ordinals, which pick one ("the fourth component").
CARDINALS: Final = frozenset(
    "two three four five six seven eight nine ten eleven twelve два три четыре пять шесть семь "
    "восемь девять десять".split()
)

# Chat shorthand, read as the word it stands for before any spelling correction ("ws there a
# film", "wen did it end"): too short, or too far from the word, for the corrector.
SHORTHAND: Final = {
    "ws": "was",
    "wz": "was",
    "wen": "when",
    "whn": "when",
    "wht": "what",
    "wut": "what",
    "u": "you",
    "r": "are",
    "n": "and",
    "abt": "about",
    "bc": "because",
    "b4": "before",
    "thx": "thanks",
    "plz": "please",
    "prj": "project",
    "proj": "project",
    "programm": "programme",
    "programms": "programmes",
    "realisation": "implementation",
    "realization": "implementation",
    "projs": "projects",
    "prjs": "projects",
    "prog": "programme",
    "progs": "programmes",
    "прога": "программа",
    "проги": "программы",
    "прогу": "программу",
    "проге": "программе",
    "anythin": "anything",
    "rite": "right",
    "fed": "federal",
    "щас": "сейчас",
    "ppl": "people",
    "q": "question",
    "mny": "many",
    "les": "less",
    "yr": "year",
    "yrs": "years",
    "thn": "than",
    "mor": "more",
    "hw": "how",
    "скока": "сколько",
    "скоко": "сколько",
    "чё": "что",
    "че": "что",
}

#: "several donors", "more than one …": a number of organisations or countries, never a topic
#: (kept out of the function words, so that "sevral" is still corrected to it).
SEVERAL: Final = frozenset("several multiple несколько нескольких".split())

# Words that name the things the knowledge base is about in general; they never pick one project.
GENERIC: Final = frozenset(
    stem(w)
    for w in [
        "project",
        "projects",
        "programme",
        "programmes",
        "program",
        "programs",
        "initiative",
        "iom",
        "проект",
        "проекты",
        "проекта",
        "проектов",
        "программа",
        "программы",
        "программе",
        "программу",
        "мом",
        # "неправительственные организации": the kind says it all
        "организация",
        "организации",
        "организаций",
    ]
)


_MEMO_SIZE: Final = 20_000


@dataclass(frozen=True)
class Lexicon:
    """A set of patterns (see the module docstring) that can be tested against a word."""

    stems: frozenset[str]
    prefixes: tuple[str, ...]
    words: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()
    #: Words already tested (a question tests each word against every lexicon); cleared when
    #: it grows past `_MEMO_SIZE`, so odd input cannot fill the memory.
    _memo: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, patterns: Iterable[str]) -> Lexicon:
        patterns = list(patterns)
        plain = [p for p in patterns if not p.endswith("*") and not p.startswith("!")]
        return cls(
            stems=frozenset(stem(p) for p in plain),
            prefixes=tuple(p[:-1] for p in patterns if p.endswith("*")),
            words=frozenset(plain),
            excluded=frozenset(p[1:] for p in patterns if p.startswith("!")),
        )

    def matches(self, word: str) -> bool:
        found = self._memo.get(word)
        if found is None:
            found = word not in self.excluded and (
                stem(word) in self.stems or word.startswith(self.prefixes)
            )
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[word] = found
        return found


def _lexicons(table: Mapping[str, str]) -> dict[str, Lexicon]:
    return {key: Lexicon.of(patterns.split()) for key, patterns in table.items()}


class FirstMatch:
    """Which of several lexicons, in their order, is the first to match a word: the same as
    testing them one by one, with the word's stem worked out once and looked up in one table,
    and its beginnings in another (a knowledge base's thousands of new words each tested
    against every lexicon took a tenth of a second at start-up)."""

    def __init__(self, lexicons: Mapping[str, Lexicon]) -> None:
        self._lexicons = list(lexicons.items())
        self._by_stem: dict[str, list[int]] = {}
        self._by_prefix: dict[str, list[int]] = {}
        for i, (_key, lexicon) in enumerate(self._lexicons):
            for s in lexicon.stems:
                self._by_stem.setdefault(s, []).append(i)
            for prefix in lexicon.prefixes:
                self._by_prefix.setdefault(prefix, []).append(i)
        self._prefix_lengths = sorted({len(prefix) for prefix in self._by_prefix})

    def key(self, word: str) -> str | None:
        """The key of the first lexicon that matches `word`, if any."""
        found = set(self._by_stem.get(stem(word), ()))
        for n in self._prefix_lengths:
            if n > len(word):
                break
            found.update(self._by_prefix.get(word[:n], ()))
        for i in sorted(found):
            key, lexicon = self._lexicons[i]
            if word not in lexicon.excluded:
                return key
        return None


# Which field a question asks for. Checked in this order; the first field with a match wins
# unless a later, more specific one also matches (see understand.py).
FIELD_CUES: Final = _lexicons(
    {
        F.FUNDERS: """fund funds funded funding funder funders donor donors financed financing
            pay paid paying payer
            finance sponsor sponsored sponsors paid bankrolled money co-funded cofunded
            финансир* профинансир* софинансир* донор* спонсир* оплачив* оплатил* деньг*
            платил* заплатил*""",
        F.PARTNERS: """partner partners partnered counterpart counterparts cooperate cooperated
            ngo ngos nongovernmental нко нпо неправительствен*
            cooperation collaborate collaborated collaboration worked involved involvement
            participated !participant !participants
            coordinate coordinated coordination coordinating
            партнер* госпартнер* сотруднич* взаимодейств* контрагент* работал* вместе совместн*
            координир* координац*""",
        F.BENEFICIARY: """beneficiary beneficiaries benefited бенефициар* выгодоприобрет*""",
        F.IMPLEMENTERS: """implemented implementer implementers implementing contracted contractor
            выполнял* выполнил*
            contracting реализовывал* реализовал* осуществлял* исполнител* подрядч* заказчик*
            контракт*""",
        F.DATES: """when date dates start started starting begin began begun beginning launch
            launched end ended ending finish finished close closed concluded period timeframe
            timeline
            range ranges
            когда дат* начал* запущ* старт* заверш* закончил* окончил* окончан* срок* период*""",
        F.DURATION: """long lng duration durations last lasted months years length lengths
            долго длил* продолжительн* длительн* месяц*""",
        F.COUNTRIES: """country countries where nations страна страны стран странах где""",
        F.OBJECTIVES: """aim aims aimed aiming goal goals objective objectives purpose purposes
            intend intended target цел* задач* направлен* !направления !направлений
            !направлениям !направлениях !направлениями""",
        F.COMPONENTS: """component components компонент*""",
        F.ACTIVITIES: """activit* деятельност* мероприят* делал* сделал* занимал*""",
        F.RESULTS: """result results achieve achieved achievement achievements output outputs outcome
            outcomes accomplish accomplished produced deliverables deliver delivered
            результат* достиг* достижен* итог*""",
        F.PROGRAMME: """thematic belong belonged framework
            тематическ* входил* относил*""",
        F.OFFICES: """office offices !officer !officers mission missions офис* представительств* миссия миссии""",
        F.RELATED: """follow followup predecessor successor previous preceded preceding continuation
            linked link connected continued continue earlier-programme
            продолжен* продолжил* предшеств* преемник*""",
        F.SUMMARY: """summary summarise summarize summarised overview describe description brief
            info information rundown recap gist lowdown
            кратк* описан* опиши* расскаж* расскажи информация информацию информации обзор""",
        F.MEANING: """stand stands mean means meaning abbreviation abbreviations acronym expand spell
            decode decipher
            расшифр* означа* аббревиатур* сокращен*""",
        F.TITLE: """title titles titled called named название названия названии наименовани* называл*
            называет*""",
    }
)

# "Which projects ...", "list ...": the answer is a set of projects.
LIST_CUES: Final = Lexicon.of(
    [
        "which",
        "list",
        "projects",
        "programmes",
        "any",
        "anything",
        "all",
        "какие",
        "каких",
        "какой",
        "список",
        "перечисл*",
        "проекты",
        "проектов",
    ]
)
# "How many projects ...": the answer is a number.
COUNT_CUES: Final = Lexicon.of(["how", "many", "number", "count", "сколько", "число", "количеств*"])
# Words that turn a list into its complement.
NEGATION: Final = Lexicon.of(
    ["not", "without", "didn't", "never", "except", "excluding", "кроме", "без", "не"]
)
# Comparisons between two projects.
COMPARE: Final = Lexicon.of(
    [
        "difference",
        "differ",
        "different",
        "compare",
        "comparison",
        "versus",
        "vs",
        "between",
        "both",
        "similar",
        "same",
        "отлич*",
        "разниц*",
        "сравн*",
        "сходств*",
        "общего",
    ]
)
#: Everyday subjects that are never the projects': asked right after a project, "and the
#: weather in Moscow?" is not about it.
EVERYDAY: Final = Lexicon.of(
    """weather forecast temperature rain snow restaurant restaurants cafe lunch dinner hotel
    hotels football soccer joke jokes taxi погод* прогноз* ресторан* кафе поесть пообедать
    обед* ужин* гостиниц* отел* футбол* анекдот* шутк* такси""".split()
)
LONGER: Final = Lexicon.of(["longer", "longest", "longer", "lasted", "дольше", "длиннее", "самый"])
SHORTER: Final = Lexicon.of(["shorter", "shortest", "короче"])
OVERLAP: Final = Lexicon.of(
    [
        "overlap",
        "overlapped",
        "parallel",
        "simultaneously",
        "concurrently",
        "same",
        "одновременно",
        "параллельн*",
        "пересек*",
    ]
)
GAP: Final = Lexicon.of(["gap", "after", "later", "between", "перерыв*", "спустя", "разрыв*"])
# ("больше всего": "больше" says it; "всего проектов" is "in all")
MOST: Final = Lexicon.of(
    ["most", "largest", "biggest", "greatest", "highest", "больше", "наибольш*", "самое"]
)
LEAST: Final = Lexicon.of("fewest least smallest lowest меньше наименьш* меньш*".split())
CONJUNCTIONS: Final = frozenset("and or vs versus than и или чем".split())
ONLY: Final = Lexicon.of("only solely exclusively entirely alone только исключительно".split())
# "involved Germany in any way": a country tied to a project in any role (funder, study tour)
INVOLVED: Final = Lexicon.of(
    "involve* involvement connected connection related linked participat* связан* участвовал* "
    "участи* причаст* задействован* отношени*".split()
)
# "in chronological order", "sorted by date": how to order a list, not a topic
ORDERING: Final = Lexicon.of(
    "chronolog* хронолог* order ordered sort sorted порядк* порядок сортир* упорядоч* oldest "
    "newest".split()
)
# "where is EECA mentioned": where on the page, not in which country
MENTIONED: Final = Lexicon.of(
    "mention* appear* feature* featured referred cited occur* упомина* упомян* встреча*".split()
)
ANOTHER: Final = Lexicon.of(["another", "other", "else", "другой", "другие", "ещё"])
ROLE_CHECK: Final = Lexicon.of(
    [
        "involved",
        "involve",
        "involvement",
        "participate",
        "participated",
        "took",
        "part",
        "role",
        "участвовал*",
        "участи*",
        "участник*",
        "роль",
    ]
)
PLANNED: Final = Lexicon.of(
    ["planned", "plan", "plans", "held", "actually", "really", "implemented", "запланир*", "план*"]
)
HELP: Final = Lexicon.of(
    ["help", "start", "commands", "can", "помощь", "помоги", "умеешь", "умеете", "команды"]
)
GREETING: Final = Lexicon.of(
    [
        "hi",
        "hello",
        "hey",
        "hallo",
        "greetings",
        "morning",
        "evening",
        "thanks",
        "thank",
        "привет",
        "здравствуй*",
        "добрый",
        "спасибо",
    ]
)

# Time words: which end of a project's period a question speaks of, and how.
START_WORDS: Final = Lexicon.of(
    [
        "start",
        "started",
        "starts",
        "starting",
        "begin",
        "began",
        "begun",
        "beginning",
        "launch",
        "launched",
        "launches",
        "open",
        "opened",
        "kick",
        "commenced",
        "older",
        "earlier",
        "newer",
        "начал*",
        "стартовал*",
        "запущ*",
        "открыт*",
        "старт",
        "начат*",  # "было начато в 2009 году"
        "начина*",  # "не начинались в сентябре"
    ]
)
END_WORDS: Final = Lexicon.of(
    [
        "end",
        "ended",
        "ends",
        "ending",
        "close",
        "closed",
        "closes",
        "finish",
        "finished",
        "complete",
        "completed",
        "conclude",
        "concluded",
        "completion",
        "terminated",
        "wrapped",
        "заверш*",
        "закончил*",
        "заканчива*",
        "окончил*",
        "окончани*",
        "закрыт*",
        "конец",
    ]
)
BEFORE_WORDS: Final = Lexicon.of(
    ["before", "until", "prior", "earlier", "older", "до", "раньше", "ранее", "прежде"]
)
AFTER_WORDS: Final = Lexicon.of(["after", "since", "later", "newer", "после", "позже", "позднее"])
END_OF_WORDS: Final = Lexicon.of(["end", "late", "конец", "конце"])
START_OF_WORDS: Final = Lexicon.of(["beginning", "early", "start", "начало", "начале"])
ACTIVE_WORDS: Final = Lexicon.of(
    [
        "running",
        "run",
        "ran",
        "going",  # "still going when SIREADA started"
        "active",
        "ongoing",
        "underway",
        "operating",
        "шли",
        "шел",
        "шла",
        "действовал*",
        "реализовывал*",
        "работал*",
        "работе",  # "в работе": under way
        "велся",
        "велась",
        "велись",
        "проходил*",
    ]
)


# Things the knowledge base never holds: asking for them gets an honest "I don't have that".
NO_INFO: Final = _lexicons(
    {
        "budget": """budget budgets cost costs costed euro euros eur usd dollars rubles
            roubles amount amounts spent spend price salary salaries wage wages expensive
            cheap cheaper cheapest costly pricey бюджет* стоимост* стоил* стоило стоит дорог*
            дешев* дешёв* затрат* потрач* евро рубл* сумм* зарплат* оклад*""",
        "people": """name names named coordinator coordinators manager managers director
            directors head heads staff person people persons expert experts chief
            who's имя имена зовут фамили* координатор* руководител* директор* глав* эксперт*
            сотрудник* режиссер*""",
        # ("addressed to migrants", "адресован мигрантам": whom a film was for, no address)
        "contact": """phone telephone hotline email address adress !addressed !addressing website fax
            телефон* почт* адрес* !адресован !адресована !адресовано !адресованы сайт*""",
        "company": """company companies firm firms contractor contractors supplier suppliers vendor
            компани* фирм* подрядчик*""",
        "future": """next upcoming future forthcoming new current ongoing news планируем* будущ*
            следующ* текущ* нов* новост*""",
        "statistics": """many number numbers statistics figures percent percentage migrants
            returnees people persons applications participants viewers watched beneficiaries
            cases сколько статистик* процент* человек* мигрант*""",
    }
)
# "How many X": X among these is something the knowledge base can count.
COUNTABLE: Final = _lexicons(
    {
        F.FUNDERS: "donor donors funder funders sponsor sponsors доноров донор* спонсор*",
        F.PARTNERS: """partner partners organisations organizations counterpart counterparts
            bodies agencies ministries партнер* организац* ведомств* органов""",
        F.COUNTRIES: "country countries стран* государств*",
        F.COMPONENTS: "component components компонент*",
        F.OFFICES: "office offices !officer !officers mission missions офис* миссий",
        "projects": "project projects programme programmes проект* программ*",
        F.DURATION: "months month years year time месяц* лет года год длил* продолжал* времени",
        "ngo": "ngo ngos нко нпо неправительствен*",
    }
)

# Synonyms folded into one concept key, across wordings and languages. Keys are what the index
# stores in place of each member's stem.
CONCEPTS: Final = _lexicons(
    {
        "film": "film films movie movies video videos фильм* видео* кино* снимать снять сняли съемк* съёмк*",
        "report": """report reports study studies analysis analyses analytical assessment overview
            research survey snapshot исследован* доклад* отчет* обзор* анализ* аналитическ*""",
        "training": """training trainings trained train course courses teach taught teaching
            educate education learning learn lesson lessons class classes обучен* тренинг* курс*
            учеб* занятия занятий занятиях урок*""",
        "seminar": "seminar seminars workshop workshops семинар*",
        "tour": "tour tours trip trips visit visits visited visiting поездк* поездок визит* тур*",
        "refurbish": """refurbish refurbished refurbishment refurbishing renovate renovated renovation
            repair repaired rebuilt ремонт* реконструкц* отремонтир* обновлен*""",
        "centre": "centre centres center centers facility facilities центр*",
        "ngo": """ngo ngos non-governmental non-government nongovernmental civil society нко нпо
            неправительствен* общественн*""",
        "electronic": "electronic online e digital computer электрон* онлайн*",
        "manual": "manual manuals handbook handbooks guide guidebook руководств* пособи* методичк*",
        "volume": "volume volumes том тома томов томах",
        "material": "material materials product products материал* продукт* продукц*",
        "official": "official officials officer officers чиновник* должностн*",
        # (the forms of "закон", not every word it begins: "закончились" is no law)
        "law": "law laws legislation legislative закон закона закону законом законе законы "
        "законов законам законами законах законодательств* законопроект*",
        "detainee": "detainee detainees detained detention задержан*",
        "border": "border borders frontier граница границ* пограничн* погранич* погран погранц*",
        "checkpoint": "checkpoint checkpoints crossing пропуск* кпп",
        "readmission": "readmission readmissions реадмисси*",
        "return": "return returns returned returnee returnees возвращ* возврат*",
        "reintegration": "reintegration reintegrate реинтеграц*",
        "migrant": "migrant migrants мигрант*",
        "migration": "migration миграц* миграцион*",
        "accommodation": "accommodation accommodate housing shelter размещен* содержан*",
        "reception": "reception receiving !received !receive !receives прием* прием",
        "cooperation": "cooperation collaboration сотрудничеств*",
        "dialogue": "dialogue dialog диалог*",
        "expulsion": "expulsion expel выдворен*",
        "deportation": "deportation deport депортац*",
        "trafficking": "trafficking торговл*",
        "humanitarian": "humanitarian гуманитарн* гуманитарк*",
        "voluntary": "voluntary voluntarily добровольн*",
        "agreement": "agreement agreements соглашен* договор*",
        "government": "government governmental governments правительств* государствен*",
        "ministry": "ministry ministries министерств*",
        "foreign": "foreign foreigner foreigners иностранн* иностранц* внешн*",
        "own": "own свой своя свое свои своих своим своими своего своей собственн*",
        "internal": "internal interior внутренн*",
        "expert": "expert experts expertise эксперт* экспертиз*",
        "capacity": "capacity capacities потенциал*",
        "awareness": "awareness inform informational осведомлен* информирован* информацион*",
        "english": "english английск*",
        "language": "language languages язык*",
        # (the forms of "права", not every word it begins: "правовой" is legal, "правильно" none)
        "human_rights": "rights прав права правам правами правах правозащит*",
        "stateless": "stateless апатрид* безгражданств*",
        "data": "data information данн*",
        "sharing": "sharing exchange обмен*",
        "policy": "policy policies политик*",
        "legal": "legal правов*",
        "administrative": "administrative административн*",
        "mechanism": "mechanism mechanisms механизм*",
        "framework": "framework рамк* основ*",
        "management": "management managing manage управлен*",
        "interest": "interest interests интерес* заинтересован*",
        "origin": "origin происхожден*",
        "transit": "transit транзит*",
        "destination": "destination назначен*",
        "advantage": "advantage advantages strength преимуществ*",
        "profile": "profile profiles профил*",
        "irregular": "irregular undocumented illegal нелегальн* неурегулирован* незаконн*",
        "nationals": "nationals national people persons individuals граждан*",
        "third": "third трет*",
        "deportee": "forced !force !forces принудительн*",  # (not "came into force")
        "consultation": "consultation consultations консультац*",
        "focus": """focus focused focusing emphasis emphasise emphasize emphasised emphasized
            emphasising emphasizing акцент* упор*""",
        "contact": "contacts contact контакт*",
        **{
            f"{NUMBER_PREFIX}{n}": words
            for n, words in enumerate(
                [
                    "zero",
                    "1 one first один одна одного первый первая первого первом",
                    "2 two second два две двух второй второго втором",
                    "3 three third три трех трёх третий третьего третьем",
                    "4 four fourth четыре четырех четвертый четвертого четвертом",
                    "5 five fifth пять пяти пятый",
                    "6 six sixth шесть шести шестой",
                    "7 seven seventh семь семи седьмой",
                    "8 eight eighth восемь восьми восьмой",
                    "9 nine ninth девять девяти девятый",
                    "10 ten tenth десять десяти десятый",
                    "11 eleven одиннадцать",
                    "12 twelve двенадцать",
                ]
            )
        },
        "effect": "effect effective force вступил* действу* силу",
        "assistance": "assistance assist assisted aid help helped помощ* содейств*",
        "establish": """establish established establishment create created creation found founded
            формирован* создан* создал* учрежд* образован*""",
        "strengthen": """build building enhance enhancing enhancement strengthen strengthening
            укреплен* укреп* повышен*""",
        "staff": "staff personnel employees",
        "поддержка": "поддерж*",  # "поддерживала" / "поддержка" (English "support" is its own stem)
        "improve": """improve improved improving improvement improvements optimize optimise
            optimized optimised optimizing optimising optimization optimisation streamline
            улучш* оптимиз*""",
    }
)
# A statement with the first concept also answers for the second: a manual, a report and a
# film are materials ("which training materials were made" finds the training manual).
BROADER: Final = {"manual": "material", "report": "material", "film": "material"}

# Seasons and month names, English and Russian, for time expressions.
MONTHS: Final = {
    **{
        m: i + 1
        for i, names in enumerate(
            [
                "january jan январь января январе январ",
                "february feb февраль февраля феврале феврал",
                "march mar март марта марте",
                "april apr апрель апреля апреле апрел",
                "may май мая мае",
                "june jun июнь июня июне июн",
                "july jul июль июля июле июл",
                "august aug август августа августе",
                "september sep sept сентябрь сентября сентябре сентябр",
                "october oct октябрь октября октябре октябр",
                "november nov ноябрь ноября ноябре ноябр",
                "december dec декабрь декабря декабре декабр",
            ]
        )
        for m in names.split()
    }
}
SEASONS: Final = {
    **dict.fromkeys(["spring", "весна", "весной", "весны", "весне"], (3, 5)),
    **dict.fromkeys(["summer", "лето", "летом", "лета", "лете"], (6, 8)),
    **dict.fromkeys(["autumn", "fall", "осень", "осенью", "осени"], (9, 11)),
    **dict.fromkeys(["winter", "зима", "зимой", "зимы"], (12, 2)),
}


_PROTECTED: set[str] = set()


def protect(*groups: Iterable[str]) -> None:
    """Declare whole words that other modules listen for (superlatives, comparison words ...):
    spelling correction never turns a real word of the bot's vocabulary into another one."""
    for group in groups:
        _PROTECTED.update(w for w in group if " " not in w)


def protected_words() -> frozenset[str]:
    """Stopwords, months, seasons, every lexicon's whole words and every protected word."""
    found = set(STOPWORDS) | set(MONTHS) | set(SEASONS) | _PROTECTED
    found.update(w for lex in all_lexicons() for w in lex.words)
    return frozenset(found)


def all_lexicons() -> tuple[Lexicon, ...]:
    """Every lexicon above: words in them are real words, never spelling-corrected."""
    singles = [value for value in globals().values() if isinstance(value, Lexicon)]
    tables = [*FIELD_CUES.values(), *NO_INFO.values(), *COUNTABLE.values(), *CONCEPTS.values()]
    return (*singles, *tables)
