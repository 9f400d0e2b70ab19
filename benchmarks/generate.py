"""Generate a synthetic knowledge base of N projects for benchmarks.

    python benchmarks/generate.py /tmp/kb-10000 --n 10000 [--seed 0]

The folder gets a full knowledge base: `about.yaml` and `glossary.yaml` copied from the real one,
`organisations.yaml` with the real organisations plus synthetic ministries, NGOs and donors, and
`projects/` with the four real projects unchanged plus N-4 synthetic ones in the same format
(English and Russian texts, partners, funders, countries, periods, objectives, activities,
results). Titles reuse the wording of the real ones for other countries ("Enhancement of
Management of the Armenia Border Checkpoints") so that matching is genuinely harder. Every id,
title, acronym and alias is unique, so the validator accepts the result.

Deterministic for a given (N, seed). The output folder must lie outside the repository; an
existing folder is only overwritten when this script created it.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from bot.kb.countries import canonical_name, find_country
from bot.kb.load import load_knowledge

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import vocab as V

REPO = Path(__file__).resolve().parents[1]
REAL_KNOWLEDGE = REPO / "knowledge"
MARKER = ".generated-by-projectbot-benchmarks"
REAL_COUNT = 4

RU_MONTHS = (
    "",
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
RU_MONTHS_GEN = (
    "",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
ROLES_GOV = ("government counterpart", "partner", "joint implementer", "final beneficiary")


def fold(value: str) -> str:
    """How the validator compares project names: case-insensitive, whitespace collapsed."""
    return " ".join(value.casefold().split())


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def qlist(values: Iterable[str]) -> str:
    return "[" + ", ".join(q(v) for v in values) + "]"


class Writer:
    """Builds YAML text line by line; much faster than yaml.dump for 50,000 files."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, line: str) -> None:
        self.lines.append(line)

    def text(self, indent: str, key: str, en: str, ru: str) -> None:
        self.lines += [f"{indent}{key}:", f"{indent}  en: {q(en)}", f"{indent}  ru: {q(ru)}"]

    def statement(self, en: str, ru: str) -> None:
        """The start of a statement written as a mapping, under a list key at column 0."""
        self.lines += ["  - text:", f"      en: {q(en)}", f"      ru: {q(ru)}"]

    def item_text(self, indent: str, en: str, ru: str) -> None:
        self.lines += [f"{indent}- en: {q(en)}", f"{indent}  ru: {q(ru)}"]

    def render(self) -> str:
        return "\n".join(self.lines) + "\n"


class Names:
    """The project-name space of the validator: titles, acronyms and aliases, folded."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = {fold(v) for v in taken}

    def free(self, *values: str) -> bool:
        folded = [fold(v) for v in values]
        return len(set(folded)) == len(folded) and not any(f in self.taken for f in folded)

    def take(self, *values: str) -> None:
        self.taken.update(fold(v) for v in values)


# --- organisations ------------------------------------------------------------------------------

# Real organisations stand in for the synthetic ones of their country (harder questions).
REAL_ORGS = {
    ("Russian Federation", "sms"): "fms",
    ("Russian Federation", "mfa"): "mfa-russia",
    ("Russian Federation", "bgs"): "rosgranitsa",
    ("Moldova", "mia"): "mia-moldova",
    ("Ukraine", "mia"): "mia-ukraine",
    ("Ukraine", "bgs"): "sbgs-ukraine",
}
REAL_NGOS = {"Moldova": ("ipr",), "Ukraine": ("chernihiv-committee", "volynsky-perspectyvy")}
RU_SHORT = {"mia": "МВД", "mfa": "МИД"}


def synthetic_organisations(rng: random.Random) -> tuple[str, dict[str, dict[str, str]], dict]:
    """YAML lines to append to organisations.yaml, ministries by country, and NGOs by country."""
    w = Writer()
    ministries: dict[str, dict[str, str]] = {}
    ngos: dict[str, list[str]] = {}
    for c in V.COUNTRIES:
        fill = V.country_fill(c)
        ministries[c.en] = {}
        for m in V.MINISTRIES:
            real = REAL_ORGS.get((c.en, m.key))
            if real:
                ministries[c.en][m.key] = real
                continue
            org_id = f"{m.key}-{slug(c.en)}"
            ministries[c.en][m.key] = org_id
            short = [f"{m.short} {c.en}", f"{m.short} of {c.en}"]
            if m.key in RU_SHORT:
                short.append(f"{RU_SHORT[m.key]} {c.ru_gen}")
            w.add(f"  - id: {org_id}")
            w.text("    ", "name", m.en.format(**fill), m.ru.format(**fill))
            w.add(f"    short_names: {qlist(short)}")
            w.add(f"    country: {q(c.en)}")
            w.add(f"    kind: {m.kind}")
            w.add("")
        ngos[c.en] = list(REAL_NGOS.get(c.en, ()))
        for en, ru in rng.sample(V.NGO_PATTERNS, 2):
            org_id = slug(en.format(**fill))
            ngos[c.en].append(org_id)
            w.add(f"  - id: {org_id}")
            w.text("    ", "name", en.format(**fill), ru.format(**fill))
            w.add(f"    country: {q(c.en)}")
            w.add("    kind: NGO")
            if rng.random() < 0.3:
                year = rng.randint(1992, 2012)
                w.text(
                    "    ",
                    "description",
                    f"A non-governmental organisation founded in {year} that helps migrants in {fill['c']}.",
                    f"Неправительственная организация, основанная в {year} году, помогает мигрантам в {fill['cp']}.",
                )
                w.add(f"    established: {year}")
            w.add("")
    for d in V.DONORS:
        if not d.en:
            continue  # a real organisation
        w.add(f"  - id: {d.id}")
        w.text("    ", "name", d.en, d.ru)
        if d.short:
            w.add(f"    short_names: {qlist(d.short)}")
        if d.country:
            w.add(f"    country: {q(d.country)}")
        w.add(f"    kind: {d.kind}")
        w.add("")
    return w.render(), ministries, ngos


# --- projects ------------------------------------------------------------------------------------

DONOR_WEIGHTS = [
    12 if d.id in ("eu", "ec") else 2 if d.id in ("germany", "finland") else 3 for d in V.DONORS
]
REGION_WEIGHT = {"eeca": 4, "caucasus": 3, "central-asia": 3}
COUNTRY_WEIGHTS = [REGION_WEIGHT.get(c.region, 1) for c in V.COUNTRIES]
THEME_WEIGHTS = [4 if t.slug in ("readmission", "avrr", "border") else 2 for t in V.THEMES]


def _month_name(month: int) -> str:
    return calendar.month_name[month]


class ProjectFactory:
    def __init__(self, rng: random.Random, names: Names, ministries, ngos, seed: int) -> None:
        self.rng = rng
        self.names = names
        self.ministries = ministries
        self.ngos = ngos
        self.seed = seed
        self.ids: set[str] = set()
        self.by_topic: dict[tuple[str, str], str] = {}
        self.codes = {c.en: find_country(c.en).code for c in V.COUNTRIES}  # type: ignore[union-attr]

    def _id(self, theme: V.Theme, c: V.CountryWords, year: int) -> str:
        base = f"{theme.slug}-{slug(c.en)}-{year}"
        candidate, k = base, 1
        while candidate in self.ids:
            k += 1
            candidate = f"{base}-{k}"
        self.ids.add(candidate)
        return candidate

    def _title(self, theme, c, fill, y1, y2) -> tuple[str, str]:
        rng = self.rng
        en_t, ru_t = rng.choice(theme.titles)
        qual = rng.choice(V.QUALIFIERS) if rng.random() < 0.5 else ("", "")
        en = en_t.format(**fill) + qual[0]
        ru = ru_t.format(**fill) + qual[1]
        years = (f" ({y1}–{y2})", f" ({y1}–{y2})") if y1 != y2 else (f" ({y1})", f" ({y1})")
        tries = [("", ""), *V.PHASES, years]
        tries += [(p[0] + years[0], p[1] + years[1]) for p in V.PHASES]
        for suffix_en, suffix_ru in tries:
            if self.names.free(en + suffix_en, ru + suffix_ru):
                return en + suffix_en, ru + suffix_ru
        k = 2
        while not self.names.free(f"{en}{years[0]} ({k})", f"{ru}{years[1]} ({k})"):
            k += 1
        return f"{en}{years[0]} ({k})", f"{ru}{years[1]} ({k})"

    def _acronym(self, theme, c) -> str | None:
        rng = self.rng
        code = self.codes[c.en]
        for _ in range(6):
            if theme.slug == "readmission" and rng.random() < 0.3:
                stem = "SIREA"  # close to the real SIREADA
            else:
                parts = rng.sample(theme.acronym_words, 2)
                stem = "".join(p[: rng.randint(2, 4)] for p in parts)
            candidate = (stem + code).upper()
            if self.names.free(candidate):
                return candidate
        return None

    def make(self) -> tuple[str, str]:
        rng = self.rng
        theme = rng.choices(V.THEMES, THEME_WEIGHTS)[0]
        c = rng.choices(V.COUNTRIES, COUNTRY_WEIGHTS)[0]
        fill = V.country_fill(c)
        y1, m1 = rng.randint(1998, 2023), rng.randint(1, 12)
        months = rng.randint(6, 48)
        end_index = y1 * 12 + m1 - 1 + months - 1
        y2, m2 = end_index // 12, end_index % 12 + 1
        pid = self._id(theme, c, y1)

        title_en, title_ru = self._title(theme, c, fill, y1, y2)
        self.names.take(title_en, title_ru)
        acronym = self._acronym(theme, c) if rng.random() < 0.4 else None
        if acronym:
            self.names.take(acronym)
        aliases: list[tuple[str, str]] = []
        candidates = [
            (f"the {c.adj} {theme.alias_en} project", f"проект по {theme.alias_ru} в {c.ru_prep}"),
            (
                f"the {y1}-{y2} {c.adj} {theme.alias_en} project",
                f"проект {y1}–{y2} годов по {theme.alias_ru} в {c.ru_prep}",
            ),
            (
                f"the {c.capital} {theme.alias_en} project",
                f"проект по {theme.alias_ru} в городе {c.capital_ru}",
            ),
        ]
        if acronym:
            candidates.insert(0, (f"the {acronym} project", f"проект {acronym}"))
        for en, ru in candidates:
            if len(aliases) >= 3:
                break
            if self.names.free(en, ru):
                self.names.take(en, ru)
                aliases.append((en, ru))

        w = Writer()
        w.add(f"# Synthetic project (benchmarks/generate.py, seed {self.seed}).")
        w.add(f"id: {pid}")
        if acronym:
            w.add(f"acronym: {acronym}")
        w.text("", "title", title_en, title_ru)
        if aliases:
            w.add("aliases:")
            for en, ru in aliases:
                w.item_text("  ", en, ru)
        w.add(f"kind: {'programme' if rng.random() < 0.15 else 'project'}")
        w.add("period:")
        w.add(f"  start: {y1:04d}-{m1:02d}")
        w.add(f"  end: {y2:04d}-{m2:02d}")
        w.add("status: completed")
        if rng.random() < 0.15:
            w.text("", "programme", *rng.choice(V.PROGRAMMES))
        sum_en, sum_ru = (s.format(**fill) for s in theme.summary)
        w.text("", "summary", sum_en, sum_ru)
        tails = rng.sample(V.DESCRIPTION_TAIL, rng.randint(1, 2))
        desc_en = (
            f"{sum_en} The project ran from {_month_name(m1)} {y1} to {_month_name(m2)} {y2}. "
            + " ".join(t[0].format(**fill) for t in tails)
        )
        desc_ru = (
            f"{sum_ru} Проект длился с {RU_MONTHS_GEN[m1]} {y1} года по {RU_MONTHS[m2]} {y2} года. "
            + " ".join(t[1].format(**fill) for t in tails)
        )
        w.text("", "description", desc_en, desc_ru)

        w.add("objectives:")
        for en, ru in rng.sample(theme.objectives, rng.randint(1, len(theme.objectives))):
            w.statement(en.format(**fill), ru.format(**fill))

        partner_ids = [self.ministries[c.en][k] for k in theme.ministries]
        partner_ids = rng.sample(partner_ids, rng.randint(1, len(partner_ids)))
        ngo = rng.choice(self.ngos[c.en]) if rng.random() < 0.4 else None
        planned = rng.random() < 0.2
        w.add("activities:")
        for en, ru, kind in rng.sample(theme.activities, rng.randint(2, len(theme.activities))):
            w.statement(en.format(**fill), ru.format(**fill))
            w.add(f"    kind: {q(kind)}")
            if planned:
                w.add("    status: planned")
            if kind == "study tour":
                w.add(f"    places: {qlist(rng.sample(V.PLACES, 2))}")
            elif rng.random() < 0.3:
                w.add(f"    orgs: [{rng.choice(partner_ids)}]")

        use_areas = rng.random() < 0.3
        if use_areas:
            w.add("result_areas:")
            w.text(
                "  ",
                "capacity",
                "capacity of the national authorities",
                "потенциал национальных органов власти",
            )
            w.text("  ", "cooperation", "international cooperation", "международное сотрудничество")
        w.add("results:")
        for en, ru, kind in rng.sample(theme.results, rng.randint(1, len(theme.results))):
            w.statement(en.format(**fill), ru.format(**fill))
            w.add(f"    kind: {q(kind)}")
            if use_areas:
                w.add(f"    area: {rng.choice(('capacity', 'cooperation'))}")

        w.add("partners:")
        for org in partner_ids:
            roles = rng.sample(ROLES_GOV, rng.choice((1, 1, 1, 2)))
            w.add(f"  - org: {org}")
            w.add(f"    roles: {qlist(roles)}")
        if ngo:
            w.add(f"  - org: {ngo}")
            w.add("    roles: [NGO partner]")
        funders = {rng.choices(V.DONORS, DONOR_WEIGHTS)[0].id for _ in range(rng.choice((1, 1, 2)))}
        w.add(f"funders: [{', '.join(sorted(funders))}]")
        region = [x for x in V.COUNTRIES if x.region == c.region and x is not c]
        countries = [c.en, *(x.en for x in rng.sample(region, rng.choice((0, 0, 0, 1, 2))))]
        w.add(f"countries: {qlist(canonical_name(x) or x for x in countries)}")
        w.add("iom_offices:")
        w.item_text("  ", f"IOM {c.capital}", f"Бюро МОМ в городе {c.capital_ru}")
        if rng.random() < 0.4:
            en, ru = rng.choice(V.EVENT_TEXTS)
            w.add("events:")
            w.add(f"  - date: {y1:04d}-{m1:02d}")
            w.text("    ", "text", en.format(**fill), ru.format(**fill))
        previous = self.by_topic.get((theme.slug, c.en))
        if previous and rng.random() < 0.3:
            w.add("related:")
            w.add(f"  - project: {previous}")
            w.add("    kind: follow-up of")
        self.by_topic[(theme.slug, c.en)] = pid
        w.text(
            "",
            "source",
            f"Synthetic benchmark data (seed {self.seed})",
            f"Синтетические данные для замеров (seed {self.seed})",
        )
        return pid, w.render()


# --- the folder ----------------------------------------------------------------------------------


def _prepare(out: Path) -> None:
    out = out.resolve()
    if out == REPO or REPO in out.parents:
        raise SystemExit(f"generate: refusing to write inside the repository ({out})")
    if out.exists():
        if not (out / MARKER).exists() and any(out.iterdir()):
            raise SystemExit(f"generate: {out} exists and was not made by this script")
        shutil.rmtree(out)
    (out / "projects").mkdir(parents=True)
    (out / MARKER).write_text("generated by benchmarks/generate.py\n", encoding="utf-8")


def generate(
    out: Path, n: int, seed: int = 0, knowledge: Path = REAL_KNOWLEDGE
) -> dict[str, object]:
    """Write a knowledge base of max(n, 4) projects (the four real ones included) to `out`."""
    started = time.perf_counter()
    real = load_knowledge(knowledge)
    _prepare(out)
    rng = random.Random(seed)
    taken: list[str] = []
    for p in real.projects:
        taken += [*p.title.variants(), *(p.acronym,) * bool(p.acronym)]
        taken += [v for t in (*p.other_titles, *p.aliases) for v in t.variants()]
    # acronyms must not read as an organisation or a glossary term either
    taken += [s for o in real.organisations for s in o.short_names]
    taken += [t.term for t in real.glossary]
    names = Names(taken)
    for name in ("about.yaml", "glossary.yaml"):
        shutil.copyfile(knowledge / name, out / name)
    org_text, ministries, ngos = synthetic_organisations(rng)
    real_orgs = (knowledge / "organisations.yaml").read_text(encoding="utf-8").rstrip("\n")
    (out / "organisations.yaml").write_text(
        real_orgs + "\n\n  # --- synthetic organisations (benchmarks/generate.py) ---\n" + org_text,
        encoding="utf-8",
    )
    for path in sorted((knowledge / "projects").glob("*.yaml")):
        shutil.copyfile(path, out / "projects" / path.name)
    factory = ProjectFactory(rng, names, ministries, ngos, seed)
    factory.ids.update(p.id for p in real.projects)
    projects = out / "projects"
    for _ in range(max(0, n - len(real.projects))):
        pid, text = factory.make()
        (projects / f"{pid}.yaml").write_text(text, encoding="utf-8")
    return {
        "path": str(out),
        "projects": max(n, len(real.projects)),
        "seed": seed,
        "seconds": round(time.perf_counter() - started, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output folder (outside the repository)")
    parser.add_argument(
        "--n", type=int, default=1000, help="number of projects, real ones included"
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    stats = generate(args.out, args.n, args.seed)
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
