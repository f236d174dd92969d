"""An office's later turns are its holder's: a record that names the holder once
(``The Prime Minister (Rishi Sunak):``, ``MODERATOR (ANNA PRICE):``, or a speakers list
``Li Xiao, spokesperson``) labels the same person's next turns by the office alone
(``The Prime Minister:``). Pure bookkeeping over ``doc._.turns``; no spaCy, no rule file."""
from __future__ import annotations


def by_holder(turns: list[list], roles: dict[str, str]) -> list[list]:
    """``turns`` with a label that is the role of exactly one named speaker given to that
    speaker; such a turn keeps its label as a fourth item, for the label's span. A label
    that has a role of its own is a person, not an office; a role two speakers share
    (two moderators) names neither.

    >>> roles = {"Rishi Sunak": "The Prime Minister", "Keir Starmer": "Holborn, Lab"}
    >>> by_holder([[0, 0, "The Prime Minister"], [30, 30, "Keir Starmer"]], roles)
    [[0, 0, 'Rishi Sunak', 'The Prime Minister'], [30, 30, 'Keir Starmer']]
    >>> by_holder([[0, 0, "MODERATOR"]], {"Ann Lee": "Moderator", "Bo Kim": "Moderator"})
    [[0, 0, 'MODERATOR']]
    """
    holders: dict[str, set[str]] = {}
    for name, role in roles.items():
        if role:
            holders.setdefault(role.casefold(), set()).add(name)
    out = []
    for turn in turns:
        names = holders.get(turn[2].casefold(), ())
        if len(names) == 1 and turn[2] not in roles:
            out.append([turn[0], turn[1], next(iter(names)), turn[2]])
        else:
            out.append(turn)
    return out


def label_text(turn: list) -> str:
    """The label as written at the turn's ``name_start`` (the office, for a turn given to its holder)."""
    return turn[3] if len(turn) > 3 else turn[2]
