"""The names of the knowledge-base files and of every YAML key, in one place.

`load.py` reads the YAML with these constants only, and the validator offers them as suggestions
("unknown key 'fundres' — did you mean 'funders'?"), so a key is spelled once, here. See
`knowledge/README.md` for what each key means.
"""

from __future__ import annotations

from typing import Final

# Files and folders of a knowledge base.
ABOUT_FILE: Final = "about.yaml"
ORGANISATIONS_FILE: Final = "organisations.yaml"
GLOSSARY_FILE: Final = "glossary.yaml"
PROJECTS_DIR: Final = "projects"
YAML_SUFFIX: Final = ".yaml"
WRONG_YAML_SUFFIX: Final = ".yml"

# A text: a plain string (English) or a mapping of languages.
EN: Final = "en"
RU: Final = "ru"
TEXT_KEYS: Final = (EN, RU)

# about.yaml
NAME: Final = "name"
SHORT_NAME: Final = "short_name"
DESCRIPTION: Final = "description"
SOURCE: Final = "source"
TOPICS: Final = "topics"
HOME_COUNTRY: Final = "country"
ABOUT_KEYS: Final = (NAME, SHORT_NAME, DESCRIPTION, SOURCE, TOPICS, HOME_COUNTRY)
ABOUT_REQUIRED: Final = (NAME, SHORT_NAME, DESCRIPTION, SOURCE)

# organisations.yaml
ORGANISATIONS: Final = "organisations"
ID: Final = "id"
SHORT_NAMES: Final = "short_names"
COUNTRY: Final = "country"
KIND: Final = "kind"
ESTABLISHED: Final = "established"
PART_OF: Final = "part_of"
ORGANISATIONS_FILE_KEYS: Final = (ORGANISATIONS,)
ORGANISATION_KEYS: Final = (ID, NAME, SHORT_NAMES, COUNTRY, KIND, DESCRIPTION, ESTABLISHED, PART_OF)
ORGANISATION_REQUIRED: Final = (ID, NAME)

# glossary.yaml
TERMS: Final = "terms"
TERM: Final = "term"
MEANING: Final = "meaning"
VARIANTS: Final = "variants"
GLOSSARY_FILE_KEYS: Final = (TERMS,)
TERM_KEYS: Final = (TERM, MEANING, VARIANTS)
TERM_REQUIRED: Final = (TERM, MEANING)

# projects/<id>.yaml
TITLE: Final = "title"
ACRONYM: Final = "acronym"
OTHER_TITLES: Final = "other_titles"
ALIASES: Final = "aliases"
PERIOD: Final = "period"
STATUS: Final = "status"
PROGRAMME: Final = "programme"
SUMMARY: Final = "summary"
BACKGROUND: Final = "background"
OBJECTIVES: Final = "objectives"
COMPONENTS: Final = "components"
ACTIVITIES: Final = "activities"
RESULT_AREAS: Final = "result_areas"
RESULTS: Final = "results"
PARTNERS: Final = "partners"
FUNDERS: Final = "funders"
COUNTRIES: Final = "countries"
IOM_OFFICES: Final = "iom_offices"
EVENTS: Final = "events"
RELATED: Final = "related"
PROJECT_KEYS: Final = (
    ID,
    TITLE,
    ACRONYM,
    OTHER_TITLES,
    ALIASES,
    KIND,
    PERIOD,
    STATUS,
    PROGRAMME,
    SUMMARY,
    DESCRIPTION,
    BACKGROUND,
    OBJECTIVES,
    COMPONENTS,
    ACTIVITIES,
    RESULT_AREAS,
    RESULTS,
    PARTNERS,
    FUNDERS,
    COUNTRIES,
    IOM_OFFICES,
    EVENTS,
    RELATED,
    SOURCE,
)
PROJECT_REQUIRED: Final = (ID, TITLE, PERIOD, SUMMARY, DESCRIPTION)

# period:
START: Final = "start"
END: Final = "end"
PERIOD_KEYS: Final = (START, END)

# A statement written as a mapping.
TEXT: Final = "text"
LABEL: Final = "label"
AREA: Final = "area"
PLACES: Final = "places"
ORGS: Final = "orgs"
STATEMENT_KEYS: Final = (TEXT, STATUS, KIND, LABEL, AREA, PLACES, ORGS)
STATEMENT_REQUIRED: Final = (TEXT,)

# partners:
ORG: Final = "org"
ROLES: Final = "roles"
NOTE: Final = "note"
PARTNER_KEYS: Final = (ORG, ROLES, NOTE)
PARTNER_REQUIRED: Final = (ORG, ROLES)

# events:
DATE: Final = "date"
EVENT_KEYS: Final = (DATE, TEXT, ORGS)
EVENT_REQUIRED: Final = (DATE, TEXT)

# related:
PROJECT: Final = "project"
RELATION_KEYS: Final = (PROJECT, KIND)
RELATION_REQUIRED: Final = (PROJECT, KIND)

# Values that are not free text.
PROJECT_KINDS: Final = ("project", "programme")
PROJECT_STATUSES: Final = ("completed",)
DEFAULT_PROJECT_KIND: Final = "project"
DEFAULT_PROJECT_STATUS: Final = "completed"
