"""Names of the project fields a question can ask for.

These strings appear in `ask --jsonl` output (`fields`), in callback data and in the renderers'
label tables, so they are defined once here.
"""

from __future__ import annotations

from typing import Final

TITLE: Final = "title"
ACRONYM: Final = "acronym"
SUMMARY: Final = "summary"
DATES: Final = "dates"
DURATION: Final = "duration"
STATUS: Final = "status"
FUNDERS: Final = "funders"
PARTNERS: Final = "partners"
COUNTRIES: Final = "countries"
OBJECTIVES: Final = "objectives"
COMPONENTS: Final = "components"
ACTIVITIES: Final = "activities"
RESULTS: Final = "results"
PROGRAMME: Final = "programme"
BENEFICIARY: Final = "beneficiary"
IMPLEMENTERS: Final = "implementers"
OFFICES: Final = "offices"
RELATED: Final = "related"
SOURCE: Final = "source"
DETAIL: Final = "detail"
MEANING: Final = "meaning"

#: The fields a project card offers as buttons, in this order.
CARD_BUTTONS: Final = (FUNDERS, PARTNERS, DATES, ACTIVITIES, RESULTS)

#: Every field name the core may report.
ALL: Final = (
    TITLE,
    ACRONYM,
    SUMMARY,
    DATES,
    DURATION,
    STATUS,
    FUNDERS,
    PARTNERS,
    COUNTRIES,
    OBJECTIVES,
    COMPONENTS,
    ACTIVITIES,
    RESULTS,
    PROGRAMME,
    BENEFICIARY,
    IMPLEMENTERS,
    OFFICES,
    RELATED,
    SOURCE,
    DETAIL,
    MEANING,
)
