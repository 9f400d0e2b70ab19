"""Every sentence the core says, in English and Russian, and the field labels.

`say(key, lang, **values)` fills a template. Knowledge base text is inserted as values, never
formatted as markup: renderers escape it.
"""

from __future__ import annotations

from typing import Final

from bot.core import fields as F

LABELS: Final[dict[str, tuple[str, str]]] = {
    F.TITLE: ("Title", "Название"),
    F.ACRONYM: ("Acronym", "Аббревиатура"),
    F.SUMMARY: ("Summary", "Кратко"),
    F.DATES: ("Dates", "Сроки"),
    F.DURATION: ("Duration", "Продолжительность"),
    F.STATUS: ("Status", "Статус"),
    F.FUNDERS: ("Funders", "Финансирование"),
    F.PARTNERS: ("Partners", "Партнёры"),
    F.COUNTRIES: ("Countries", "Страны"),
    F.OBJECTIVES: ("Objectives", "Цели"),
    F.COMPONENTS: ("Components", "Компоненты"),
    F.ACTIVITIES: ("Activities", "Мероприятия"),
    F.RESULTS: ("Results", "Результаты"),
    F.PROGRAMME: ("Programme", "Программа"),
    F.BENEFICIARY: ("Beneficiary", "Бенефициар"),
    F.IMPLEMENTERS: ("Implemented by", "Исполнители"),
    F.OFFICES: ("IOM offices", "Офисы МОМ"),
    F.RELATED: ("Related projects", "Связанные проекты"),
    F.SOURCE: ("Source", "Источник"),
    F.DETAIL: ("Details", "Подробности"),
    F.MEANING: ("Meaning", "Расшифровка"),
    "share": ("Share", "Поделиться"),
}

ROLE_LABELS: Final[dict[str, tuple[str, str]]] = {
    "government counterpart": ("government counterpart", "государственный партнёр"),
    "joint implementer": ("joint implementer", "совместный исполнитель"),
    "partner": ("partner", "партнёр"),
    "NGO partner": ("NGO partner", "партнёр — НКО"),
    "final beneficiary": ("final beneficiary", "конечный бенефициар"),
    "contracting authority": ("contracting authority", "заказчик (заключил контракт)"),
    "coordination": ("activities coordinated with it", "с ним координировалась деятельность"),
    "funder": ("funder", "донор"),
    # how a country was tied to a project ("which projects involved Germany in any way")
    "tie:in": ("worked there or with a partner from there", "работа там или с партнёром оттуда"),
    "tie:funder": ("a funder from there", "донор оттуда"),
    "tie:visited": ("a study tour went there", "туда ездили с учебной поездкой"),
}

KIND_LABELS: Final[dict[str, tuple[str, str]]] = {
    "government": ("government", "правительство"),
    "government agency": ("government agency", "государственный орган"),
    "international organisation": ("international organisation", "международная организация"),
    "EU institution": ("EU institution", "институт ЕС"),
    "NGO": ("non-governmental organisation (NGO)", "неправительственная организация (НКО)"),
}

MONTH_NAMES: Final = (
    ("January", "январь"),
    ("February", "февраль"),
    ("March", "март"),
    ("April", "апрель"),
    ("May", "май"),
    ("June", "июнь"),
    ("July", "июль"),
    ("August", "август"),
    ("September", "сентябрь"),
    ("October", "октябрь"),
    ("November", "ноябрь"),
    ("December", "декабрь"),
)

#: Russian month names after a day ("1 июня 2007").
MONTH_OF_DAY_RU: Final = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
)

NUMBER_WORDS: Final = (
    ("no", "ни одного"),
    ("one", "один"),
    ("two", "два"),
    ("three", "три"),
    ("four", "четыре"),
    ("five", "пять"),
    ("six", "шесть"),
    ("seven", "семь"),
    ("eight", "восемь"),
    ("nine", "девять"),
    ("ten", "десять"),
)

_MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "help_intro": (
        "I answer questions about the completed projects of {org}. Ask in your own words, for example:",
        "Я отвечаю на вопросы о завершённых проектах {org}. Спрашивайте своими словами, например:",
    ),
    "help_projects": ("I know these projects", "Я знаю эти проекты"),
    "help_limits": (
        "I only know what the projects page says: no budgets, people's names or statistics.",
        "Я знаю только то, что написано на странице проектов: бюджетов, имён и статистики там нет.",
    ),
    "not_found": (
        "I couldn't find a project matching that in the knowledge base.",
        "Я не нашёл в базе знаний проекта, который подходит под этот вопрос.",
    ),
    "which_project": (
        "Which project do you mean? Name it (a few words of its title or an acronym such as "
        "{example}) and ask again; /projects lists the ones I know.",
        "Какой проект вы имеете в виду? Назовите его (несколько слов названия или аббревиатуру, "
        "например {example}) и спросите ещё раз; /projects — список известных мне проектов.",
    ),
    "not_found_country": (
        "None of the projects I know took place in or involved {country}.",
        "Ни один из известных мне проектов не связан со страной {country}.",
    ),
    "full_title": ("Full title: {title}.", "Полное название: {title}."),
    "acronym_is": ("Acronym: {acronym}.", "Сокращённо: {acronym}."),
    "also_titled": ("Also titled: {title}.", "Другое название: {title}."),
    "not_in_country": (
        "{project} did not take place in or involve {country}.",
        "Проект {project} не проводился в стране {country} и не был с ней связан.",
    ),
    "country_was_in": (
        "{country} was part of {project}.",
        "Со страной {country} был связан проект {project}.",
    ),
    "no_list_match": (
        "None of the projects I know matches that.",
        "Ни один из известных мне проектов под это не подходит.",
    ),
    "out_of_scope": (
        "Sorry, that is outside what I know. I answer questions about the completed projects of {org}: "
        "titles, dates, funders, partners, countries, activities and results.",
        "Извините, это вне моей компетенции. Я отвечаю на вопросы о завершённых проектах {org}: "
        "названия, сроки, доноры, партнёры, страны, мероприятия и результаты.",
    ),
    "no_info_budget": (
        "The projects page gives no budgets or amounts of money, so I can't tell you that.",
        "На странице проектов нет бюджетов и сумм, поэтому я не могу это сказать.",
    ),
    "no_info_people": (
        "The projects page names no individual people, so I don't know that.",
        "На странице проектов не названы конкретные люди, поэтому я этого не знаю.",
    ),
    "no_info_document": (
        "I can't send documents or files: I only know what the projects page says about them.",
        "Я не могу отправлять документы или файлы: я знаю только то, что о них сказано на "
        "странице проектов.",
    ),
    "no_info_contact": (
        "I have no contact details (phones, e-mail, addresses); only what the projects page says "
        "about the projects.",
        "У меня нет контактных данных (телефонов, почты, адресов) — только то, что сказано о "
        "проектах на странице.",
    ),
    "no_info_statistics": (
        "The projects page gives no such numbers or statistics, so I don't know that.",
        "На странице проектов нет таких чисел и статистики, поэтому я этого не знаю.",
    ),
    "no_info_company": (
        "The projects page names no companies or contractors, so I don't know that.",
        "На странице проектов не названы компании и подрядчики, поэтому я этого не знаю.",
    ),
    "no_info_reasons": (
        "The projects page does not say why that was decided, or who decided it, so I don't "
        "know that.",
        "На странице проектов не сказано, почему так решили и кто это решал, поэтому я этого "
        "не знаю.",
    ),
    "no_info_future": (
        "I only know the completed projects listed on the projects page, not plans or news.",
        "Я знаю только завершённые проекты со страницы проектов, а не планы или новости.",
    ),
    "yes": ("Yes.", "Да."),
    "no": ("No.", "Нет."),
    "events_in_order": ("In the order they happened:", "В порядке событий:"),
    "year_only": (
        "The page gives only the year, {year}: {text}.",
        "На странице указан только год, {year}: {text}.",
    ),
    "no_date": (
        "The page gives no date for that; {project} ran {period}. It says only: {text}.",
        "На странице нет даты этого; проект {project} шёл {period}. Там сказано только: {text}.",
    ),
    "no_title": (
        "The page gives no title for that in {project}. It says only: {text}.",
        "Название этого в проекте {project} на странице не приводится. Там сказано только: {text}.",
    ),
    "no_cities": (
        "The page names no cities for {project}, only the countries: {places}.",
        "Городов для проекта {project} на странице нет, только страны: {places}.",
    ),
    "no_place": (
        "The page does not say where for {project}. It says only: {text}.",
        "На странице не сказано, куда именно, для проекта {project}. Там сказано только: {text}.",
    ),
    "no_places_named": (
        "The projects page does not name the specific places for {project}.",
        "На странице проектов конкретные места для проекта {project} не названы.",
    ),
    "event_before_start": (
        "{verdict} {date}: {event}; {project} started in {month}.",
        "{verdict} {date}: {event}; проект {project} начался в {month}.",
    ),
    "event_before_end": (
        "{verdict} {date}: {event}; {project} ended in {month}.",
        "{verdict} {date}: {event}; проект {project} завершился в {month}.",
    ),
    "no_founding": (
        "The projects page doesn't say when {name} was founded.",
        "На странице проектов не сказано, когда была основана {name}.",
    ),
    "no_day": (
        "The projects page gives only the month: {project} — {month}; no exact day.",
        "На странице проектов указан только месяц: {project} — {month}; точного дня нет.",
    ),
    "no_info_detail": (
        "The projects page doesn't say that about {project}.",
        "На странице проектов об этом для проекта {project} ничего не сказано.",
    ),
    "about_project": ("About {project}:", "О проекте {project}:"),
    "clarify": (
        "Several projects fit. Which one do you mean?",
        "Подходит несколько проектов. Какой вы имеете в виду?",
    ),
    "period": ("{start} – {end}", "{start} – {end}"),
    "ran": (
        "{project} ran from {start} to {end} ({months}).",
        "{project}: в период {start} – {end} ({months}).",
    ),
    "months": ("{n} months", "{n} мес."),
    "exactly_years": ("exactly {n}", "ровно {n}"),
    "just_over_years": ("just over {n}", "чуть больше {n}"),
    "almost_years": ("almost {n}", "почти {n}"),
    "funded_by": ("{project} was funded by {funders}.", "{project} финансировал(и): {funders}."),
    "funders_count": (
        "{project} had {n} funders: {funders}.",
        "У проекта {project} было {n} донора: {funders}.",
    ),
    "not_funder": (
        "{org} was not a funder of {project}; its role: {roles}.",
        "{org} не был донором проекта {project}; его роль: {roles}.",
    ),
    "through_part": (
        "{org} took part through {part}: {roles}.",
        "{org} участвовала через {part}: {roles}.",
    ),
    "not_involved": (
        "{org} is not named in {project}.",
        "{org} не упоминается в проекте {project}.",
    ),
    "place_in": (
        "{place} appears in the project only as a place: {text}.",
        "{place} упоминается в проекте только как место: {text}.",
    ),
    "org_kind": ("Kind: {kind}.", "Тип: {kind}."),
    "org_country": ("Country: {country}.", "Страна: {country}."),
    "role_of": ("{org} in {project}: {roles}.", "{org} в проекте {project}: {roles}."),
    "partners_count": (
        "{project} had {n} such partners.",
        "У проекта {project} таких партнёров: {n}.",
    ),
    "partners_of": ("Partners of {project}", "Партнёры проекта {project}"),
    "no_partners": (
        "The page names no partners of {project}.",
        "Партнёры проекта {project} не названы.",
    ),
    "countries_of": ("{project} covered: {countries}.", "Страны проекта {project}: {countries}."),
    "programme_of": ("{project} was part of the {programme}.", "{project} входил в {programme}."),
    "no_programme": (
        "The page doesn't name a larger programme for {project}.",
        "Более крупная программа для {project} на странице не названа.",
    ),
    "beneficiary_of": (
        "Final beneficiary of {project}: {orgs}.",
        "Конечный бенефициар проекта {project}: {orgs}.",
    ),
    "no_beneficiary": (
        "The page names no final beneficiary of {project}.",
        "Конечный бенефициар проекта {project} на странице не назван.",
    ),
    "implemented_by": ("{project} was implemented by {who}.", "{project} реализовали: {who}."),
    "contracted_by": ("Contracted by {orgs}.", "Заказчик: {orgs}."),
    "offices_of": (
        "IOM offices involved in {project}: {offices}.",
        "Офисы МОМ в проекте {project}: {offices}.",
    ),
    "related_of": (
        "{project} is a {kind} {other} ({period}).",
        "{project} — {kind} {other} ({period}).",
    ),
    "followed_by": (
        "{other} ({period}) was its follow-up.",
        "Его продолжением стал проект {other} ({period}).",
    ),
    "no_related": (
        "The page links {project} to no other project.",
        "Связанных проектов у {project} нет.",
    ),
    "planned": ("planned", "планировалось"),
    "planned_note": (
        'The page describes these as plans ("will be"), not as completed work.',
        "На странице это описано как планы («будет»), а не как выполненная работа.",
    ),
    "meaning": ("{term} stands for {meaning}.", "{term} означает «{meaning}»."),
    "no_meaning": (
        "The projects page does not spell out {term}; it uses it here:",
        "На странице проектов {term} не расшифровывается; это сокращение встречается здесь:",
    ),
    "meaning_org": ("{term} stands for {meaning}.", "{term} — это {meaning}."),
    "count_places": ("{n}: {places}.", "{n}: {places}."),
    "in_project": ("In {project}.", "В проекте {project}."),
    "list_header": ("{n} matching: ", "Подходят ({n}): "),
    "shared_orgs": (
        "Organisations in more than one project ({n}):",
        "Организации, участвовавшие в нескольких проектах ({n}):",
    ),
    "no_shared_org": (
        "No organisation took part in more than one project.",
        "Ни одна организация не участвовала больше чем в одном проекте.",
    ),
    "count_header": ("{n} {projects}: ", "{n} {projects}: "),
    "list_more": (
        "… and {n} more: narrow the question by a year, a country or an organisation.",
        "… и ещё {n}: уточните вопрос — год, страна или организация.",
    ),
    "active_yes": (
        "Yes. {project} ran from {start} to {end}, so it was running then.",
        "Да. {project} шёл в период {start} – {end}, то есть в это время он действовал.",
    ),
    "active_no": (
        "No. {project} ran from {start} to {end}, so it was not running then.",
        "Нет. {project} шёл в период {start} – {end}, то есть в это время он не действовал.",
    ),
    "duration_yes": (
        "Yes. {project} ran {months}, from {start} to {end}.",
        "Да. {project} длился {months}: в период {start} – {end}.",
    ),
    "duration_no": (
        "No. {project} ran {months}, from {start} to {end}.",
        "Нет. {project} длился {months}: в период {start} – {end}.",
    ),
    "event_date": ("{date}: {text}.", "{date}: {text}."),
    "overlap": (
        "They overlapped from {start} to {end} ({months}).",
        "Они шли одновременно в период {start} – {end} ({months}).",
    ),
    "no_overlap": (
        "They did not overlap: {first} ended in {end}, {second} started in {start} ({gap} later).",
        "Они не пересекались: {first} закончился в {end}, {second} начался в {start} (через {gap}).",
    ),
    "longer": (
        "{longer} lasted longer ({a}) than {shorter} ({b}): {diff} longer.",
        "{longer} длился дольше ({a}), чем {shorter} ({b}): на {diff} дольше.",
    ),
    "same_length": ("Both lasted {a}.", "Оба длились {a}."),
    "span": (
        "{first} started in {a} and {second} ended in {b}: {gap} apart.",
        "Начало: {first} — {a}; окончание: {second} — {b}; между ними {gap}.",
    ),
    "apart_start": (
        "{first} started in {a}, {second} in {b}: {gap} later.",
        "Начало: {first} — {a}, {second} — {b}; разница — {gap}.",
    ),
    "apart_end": (
        "{first} ended in {a}, {second} in {b}: {gap} later.",
        "Окончание: {first} — {a}, {second} — {b}; разница — {gap}.",
    ),
    "event_to_start": (
        "{event} ({date}); {project} started in {month}: {gap} {side}.",
        "{event} — {date}; начало проекта {project} — {month}: {gap} {side}.",
    ),
    "event_to_end": (
        "{event} ({date}); {project} ended in {month}: {gap} {side}.",
        "{event} — {date}; окончание проекта {project} — {month}: {gap} {side}.",
    ),
    "side_later": ("later", "спустя"),
    "side_earlier": ("earlier", "раньше"),
    "gap_after": (
        "{second} started in {start}, {gap} after {first} ended in {end}.",
        "{second} начался в {start}, через {gap} после окончания {first} в {end}.",
    ),
    "started_before_end": (
        "{second} started in {start}, before {first} ended in {end}: they overlapped for {months}.",
        "{second} начался в {start}, ещё до окончания {first} в {end}: они пересекались {months}.",
    ),
    "false_premise": (
        "Not {wrong}: that was {right}.",
        "Не в {wrong}: это было в проекте {right}.",
    ),
    "busiest_year": (
        "The most projects ran in {years}: {n}.",
        "Больше всего проектов шло в {years} году: {n}.",
    ),
    "busiest_years": (
        "The most projects ran in {years}: {n} in each of those years.",
        "Больше всего проектов шло в {years}: по {n} в каждом из этих лет.",
    ),
    "more_by": ("That is {n} more than {other}.", "Это на {n} больше, чем у проекта {other}."),
    "fewer_by": ("That is {n} fewer than {other}.", "Это на {n} меньше, чем у проекта {other}."),
    "tied_many": (
        "{n} projects share that place; the first of them are listed below.",
        "Это место делят {n} проектов; первые из них — ниже.",
    ),
    "tied": (
        "{projects} share that place.",
        "Это место делят {projects}.",
    ),
    "least": (
        "{project} had the fewest {what} ({n}).",
        "Меньше всего {what} у проекта {project} ({n}).",
    ),
    "most": (
        "{project} had the most {what} ({n}).",
        "Больше всего {what} у проекта {project} ({n}).",
    ),
    "no_phase": (
        "The page knows no {phase} of {project}: it ran {period}, and no later phase is mentioned.",
        "Страница не знает этапа «{phase}» проекта {project}: он шёл {period}, о следующих "
        "этапах не сказано.",
    ),
    "unknown_title": (
        "I don't know a project called “{title}”. /projects lists the ones I know.",
        "Я не знаю проекта под названием «{title}». /projects — список известных мне проектов.",
    ),
    "unknown_body": (
        "The projects page does not mention “{name}”, so I know of no project with it.",
        "На странице проектов «{name}» не упоминается, поэтому проектов с этим участником я "
        "не знаю.",
    ),
    "unknown_project": (
        "That project is not in the knowledge base (any more). /projects lists the ones I know.",
        "Такого проекта (больше) нет в базе знаний. /projects — список известных мне проектов.",
    ),
    "unknown_button": (
        "That button is out of date: the project is no longer in the knowledge base.",
        "Эта кнопка устарела: такого проекта больше нет в базе знаний.",
    ),
}


def say(key: str, lang: str, **values: object) -> str:
    en, ru = _MESSAGES[key]
    template = ru if lang == "ru" else en
    return template.format(**values)


#: What a superlative counts, as "the most ..." says it: "the most partners", "больше всего
#: партнёров" (the Russian genitive plural).
MEASURED: Final = {
    F.PARTNERS: ("partners", "партнёров"),
    F.FUNDERS: ("funders", "доноров"),
    F.COUNTRIES: ("countries", "стран"),
    F.DURATION: ("months", "месяцев"),
}


def measured_label(key: str, lang: str) -> str:
    en, ru = MEASURED.get(key, (key, key))
    return ru if lang == "ru" else en


def label(key: str, lang: str) -> str:
    en, ru = LABELS.get(key, (key, key))
    return ru if lang == "ru" else en


#: How the knowledge base links one project to another (`related: kind:`), as said.
RELATION_LABELS: Final[dict[str, tuple[str, str]]] = {
    "follow-up of": ("follow-up of", "продолжение проекта"),
}


def relation_label(kind: str, lang: str) -> str:
    en, ru = RELATION_LABELS.get(kind, (kind, kind))
    return ru if lang == "ru" else en


def role_label(role: str, lang: str) -> str:
    en, ru = ROLE_LABELS.get(role, (role, role))
    return ru if lang == "ru" else en


def kind_label(kind: str, lang: str) -> str:
    en, ru = KIND_LABELS.get(kind, (kind, kind))
    return ru if lang == "ru" else en


def month_name(month: int, lang: str) -> str:
    en, ru = MONTH_NAMES[month - 1]
    return ru if lang == "ru" else en


def day_and_month(day: int, month: int, lang: str) -> str:
    """ "June 1" / "1 июня"."""
    if lang == "ru":
        return f"{day} {MONTH_OF_DAY_RU[month - 1]}"
    return f"{month_name(month, lang)} {day}"


def number_word(n: int, lang: str) -> str:
    if 0 <= n < len(NUMBER_WORDS):
        en, ru = NUMBER_WORDS[n]
        return f"{ru} ({n})" if lang == "ru" else f"{en} ({n})"
    return str(n)


def projects_word(n: int, lang: str) -> str:
    """ "project"/"projects"; in Russian проект, проекта or проектов by the number."""
    if lang != "ru":
        return "project" if n == 1 else "projects"
    if n % 10 == 1 and n % 100 != 11:
        return "проект"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "проекта"
    return "проектов"
