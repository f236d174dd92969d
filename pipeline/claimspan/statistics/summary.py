"""One statistics row per figure stated by two or more claims: ids, label, values, `consistent`.

Each value is an interval from its qualifier (SPEC: `at least 82` is [82, inf),
`nearly 5,000` is [4,500, 5,000), `about 60` is [54, 66]). Two values disagree
when their intervals do not meet. A statistic is inconsistent when two of its
values disagree and either their documents have the same date (the same
document included) or the figure is settled (its event is not a running toll,
rules/statistics/grouping.yaml), so a later date explains nothing. A value the
text itself marks as replaced (`initially 10`, `up from the 4,500`) is left out of the
comparison, in every claim that gives it.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from claimspan.statistics.features import Claim, interval  # noqa: F401  (interval: tests and callers)
from claimspan.statistics.lexicon import GroupingRules



def stat_id(members: list[Claim]) -> str:
    """The same for the same claims, whatever their order or the run."""
    ids = "\n".join(sorted(c.claim_id for c in members))
    return "st-" + hashlib.blake2b(ids.encode(), digest_size=6).hexdigest()


def consistent(members: list[Claim], rules: GroupingRules) -> bool:
    """Can every value be true at once (per document date, for a running toll)? A value the text marks
    as replaced (`up from the 4,500 it announced`) is left out wherever it is given: the earlier
    reports of it are explained by the revision."""
    replaced = {c.value for c in members if c.superseded}
    compared = [c for c in members if c.value is not None and not c.superseded and c.value not in replaced]
    settled = not any(c.event in rules.running for c in compared)
    groups: dict = defaultdict(list)
    for c in compared:
        groups[None if settled else c.doc_date].append(c.rounded or c.span)   # 40.2% and 40.18% agree
    return all(max(lo for lo, _ in spans) <= min(hi for _, hi in spans) for spans in groups.values())


def row(members: list[Claim], rules: GroupingRules) -> dict:
    values = [c.value for c in members if c.value is not None]
    dates = [c.doc_date for c in members if c.doc_date is not None]
    first = members[0]
    return {"stat_id": stat_id(members), "label": label(members, rules), "kind": first.kind, "unit": first.unit,
            "n_claims": len(members), "n_documents": len({c.doc_id for c in members}),
            "value_min": min(values) if values else None, "value_max": max(values) if values else None,
            "consistent": consistent(members, rules),
            "first_doc_date": min(dates) if dates else None, "last_doc_date": max(dates) if dates else None}


def label(members: list[Claim], rules: GroupingRules) -> str:
    """What (the most common counted noun, else the class), what happened to it, where, when:
    `people killed, Kenya + Tanzania, 1998-08-07`."""
    counted = Counter(c.counted.lower() for c in members if c.counted)
    what = counted.most_common(1)[0][0] if counted else (members[0].what or members[0].kind)
    events = Counter(c.event for c in members if c.event)
    parts = [" ".join(filter(None, [what, events.most_common(1)[0][0].replace("_", " ") if events else None]))]
    places = Counter(p for c in members for p in sorted(c.places))   # sorted: a set's order varies by process
    if places:
        parts.append(" + ".join(sorted({rules.place_names.get(p[0], p[0]) for p, _ in places.most_common(3)})))
    periods = Counter(c.period for c in members if c.period)
    if periods:
        start, end = periods.most_common(1)[0][0]
        parts.append(_period_text(start, end))
    return ", ".join(parts)


def _period_text(start, end) -> str:
    if start == end:
        return start.isoformat()
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    return f"{start.isoformat()}/{end.isoformat()}"
