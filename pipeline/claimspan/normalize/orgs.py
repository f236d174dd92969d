"""Organization names: normalization, run-wide keys, and spelling variants (pure, no spaCy).

``org_key`` is what makes ``UNHRC``, ``UN Human Rights Council`` and ``United
Nations Human Rights Council`` one organization: every name is first folded by
``normalize_name`` (case, quotes, a leading "the", ``U.N.``/``United Nations`` ->
``un``), then looked up in the alias table built from the gazetteer
(``build_aliases``). The key depends only on the name and the gazetteer, never
on per-run state, so it is the same in every document and every worker.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable, Mapping

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                              "\u2013": "-", "\u2014": "-"})
_UN = re.compile(r"\b(?:united\s+nations|u\.\s?n\.?)(?=[\s']|$)")
_THE = re.compile(r"^the\s+")
_SPACE = re.compile(r"\s+")
_ACRONYM = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}|\b[A-Z][A-Z0-9&]{1,9}\b")


@functools.lru_cache(maxsize=1 << 16)   # pure, and names and their words repeat in every story of a run
def normalize_name(name: str) -> str:
    """Fold one spelling of a name to a comparable form.

    >>> normalize_name("the  United Nations Human Rights Council")
    'un human rights council'
    >>> normalize_name("U.N.")
    'un'
    >>> normalize_name("Supreme People\u2019s Court")
    "supreme people's court"
    >>> normalize_name("Law of the P.R.C. & Others")
    'law of the prc and others'
    """
    s = name.translate(_APOSTROPHES).lower().replace("&", " and ")
    s = _UN.sub("un", s)
    s = s.replace(".", "")
    s = _SPACE.sub(" ", s).strip()
    return _THE.sub("", s)


def un_spellings(name: str) -> list[str]:
    """Every spelling of a name that starts with, or contains, the UN.

    >>> un_spellings("UN Human Rights Council")
    ['UN Human Rights Council', 'United Nations Human Rights Council', 'U.N. Human Rights Council']
    >>> un_spellings("Office of the United Nations High Commissioner")[1:]
    ['Office of the UN High Commissioner', 'Office of the U.N. High Commissioner']
    >>> un_spellings("World Bank")
    ['World Bank']
    """
    m = re.search(r"\b(?:United Nations|U\.N\.|UN)(?= )", name)
    if not m:
        return [name]
    forms = [name]
    for form in ("UN", "United Nations", "U.N."):
        variant = name[:m.start()] + form + name[m.end():]
        if variant not in forms:
            forms.append(variant)
    return forms


def build_aliases(entries: Iterable[Mapping]) -> dict[str, str]:
    """Alias table: normalized spelling (name, acronym, variant) -> normalized canonical name.

    >>> aliases = build_aliases([{"name": "United Nations Human Rights Council", "acronym": "UNHRC",
    ...                           "variants": ["Human Rights Council"]}])
    >>> aliases["unhrc"], aliases["human rights council"]
    ('un human rights council', 'un human rights council')
    """
    aliases: dict[str, str] = {}
    for entry in entries:
        canonical = normalize_name(entry["name"])
        for spelling in [entry["name"], entry.get("acronym") or "", *entry.get("variants", ())]:
            if spelling:
                aliases.setdefault(normalize_name(spelling), canonical)
    return aliases


def org_key(name: str, aliases: Mapping[str, str], legal_forms: frozenset = frozenset()) -> str:
    """The run-wide key of an organization: its canonical name, normalized, without a
    trailing legal form (``legal_forms``, normalized: a company is one whether the text
    writes its "Inc." or not).

    >>> forms = frozenset({"inc", "corp"})
    >>> {org_key(n, {}, forms) for n in ("Acme Robotics, Inc.", "Acme Robotics Inc", "the Acme Robotics")}
    {'acme robotics'}
    >>> org_key("Inc.", {}, forms)
    'inc'
    >>> org_key("FDIC", build_aliases([{"name": "Federal Deposit Insurance Corp.", "acronym": "FDIC"}]), forms)
    'federal deposit insurance'

    >>> aliases = build_aliases([{"name": "United Nations Human Rights Council", "acronym": "UNHRC",
    ...                           "variants": ["UN Human Rights Council"]}])
    >>> {org_key(n, aliases) for n in ("UNHRC", "UN Human Rights Council",
    ...                                "United Nations Human Rights Council", "the U.N. Human Rights Council")}
    {'un human rights council'}
    >>> org_key("Research Office of the Supreme People's Court", aliases)
    "research office of the supreme people's court"

    An acronym inside a longer name is read as the organization it stands for,
    so that "... of the SCIO" and "... of the State Council Information Office" agree:

    >>> aliases = build_aliases([{"name": "State Council Information Office", "acronym": "SCIO"}])
    >>> long = "Press Bureau of the State Council Information Office"
    >>> org_key("Press Bureau of the SCIO", aliases) == org_key(long, aliases)
    True
    """
    folded = normalize_name(name)
    if folded in aliases:
        key = aliases[folded]
    else:
        expanded = normalize_name(_ACRONYM.sub(lambda m: aliases.get(normalize_name(m.group(0)), m.group(0)), name))
        key = aliases.get(expanded, expanded)
    words = key.split(" ")
    while len(words) > 1 and words[-1] in legal_forms:
        words.pop()
        words[-1] = words[-1].rstrip(",")   # "acme robotics, inc"
    return " ".join(words)
