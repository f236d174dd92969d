"""Expected spans written inline in test text (EDS-NLP style), so no test counts offsets by hand.

>>> parse("the <org name='State Council Information Office'>State Council Information Office</org> (<org>SCIO</org>)")
('the State Council Information Office (SCIO)', [('org', 4, 36, {'name': 'State Council Information Office'}), ('org', 38, 42, {})])
>>> parse('<r kind=law title="Civil Code">Civil Code</r> and <r title=null>x</r>')[1][1]
('r', 15, 16, {'title': None})
"""
from __future__ import annotations

import re

TAG = re.compile(r"<(?P<close>/)?(?P<tag>[A-Za-z_][\w-]*)(?P<attrs>(?:\s+[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))*)\s*>")
ATTR = re.compile(r"([\w-]+)=(\"[^\"]*\"|'[^']*'|[^\s>]+)")


def _value(raw: str):
    if raw[:1] in "\"'":
        return raw[1:-1]
    return None if raw in ("null", "None") else raw


def parse(marked: str) -> tuple[str, list[tuple[str, int, int, dict]]]:
    """Strip ``<tag attr=value ...>text</tag>`` markup; return the clean text and
    ``(tag, start, end, attrs)`` per element, in order of their start. Tags may nest;
    an unquoted ``null`` is None."""
    out, spans, stack, pos = [], [], [], 0
    for m in TAG.finditer(marked):
        out.append(marked[pos:m.start()])
        pos = m.end()
        offset = sum(map(len, out))
        if m.group("close"):
            if not stack or stack[-1][0] != m.group("tag"):
                raise ValueError(f"unbalanced </{m.group('tag')}> at {m.start()}")
            tag, start, attrs = stack.pop()
            spans.append((tag, start, offset, attrs))
        else:
            attrs = {k: _value(v) for k, v in ATTR.findall(m.group("attrs"))}
            stack.append((m.group("tag"), offset, attrs))
    if stack:
        raise ValueError(f"unclosed <{stack[-1][0]}>")
    out.append(marked[pos:])
    return "".join(out), sorted(spans, key=lambda s: (s[1], -s[2]))


def blank_pipeline(*components: str):
    """``spacy.blank("en")`` with claimspan's tokenizer, sentence splitter and the given
    components (``"dates"`` -> ``claimspan_dates``), for component tests; ``"speakers"``
    goes before the sentence splitter, as in ``build_nlp``."""
    import spacy

    from claimspan import components as _registered  # noqa: F401  registers the factories
    from claimspan.tokenizer import customize_tokenizer

    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    if "speakers" in components:
        nlp.add_pipe("claimspan_speakers")
    nlp.add_pipe("claimspan_sentences")
    for name in components:
        if name != "speakers":
            nlp.add_pipe(f"claimspan_{name}")
    return nlp


def assert_claims(found, spans, every_noun: bool = False) -> None:
    """The claims spans ``found`` against the ``<claim ...>`` and ``<noun>`` elements of ``parse``:
    the same spans in order, each attribute given equal (``value`` approximately), and the counted
    nouns tagged - the first ones, or with ``every_noun`` all of them."""
    import pytest

    expected = [s for s in spans if s[0] == "claim"]
    assert [(s.start_char, s.end_char) for s in found] == [(s, e) for _, s, e, _ in expected], \
        [s.text for s in found]
    for span, (_, _, _, attrs) in zip(found, expected):
        row = span._.claim
        for key, want in attrs.items():
            got = row[key]
            if key == "value":
                assert got == pytest.approx(float(want)), (span.text, key)
            elif key == "checkworthy":
                assert got == (want == "True"), (span.text, key)
            else:
                assert str(got) == str(want), (span.text, key, got)
    nouns = [(s, e) for tag, s, e, _ in spans if tag == "noun"]
    counted = [(r["counted_start_char"], r["counted_end_char"]) for r in (s._.claim for s in found)
               if r["counted"] is not None]
    if every_noun:
        assert counted == nouns
    elif nouns:
        assert counted[:len(nouns)] == nouns


def check_claims(nlp, marked: str, every_noun: bool = False) -> None:
    """Run ``nlp`` on the text of ``marked`` and compare its claims with the inline tags."""
    text, spans = parse(marked)
    doc = nlp(text)   # kept: the spans need their Doc alive
    assert_claims(list(doc.spans.get("claims", [])), spans, every_noun=every_noun)


def date_rows(nlp, text: str, doc_date) -> list[tuple]:
    """``(start_char, end_char, attributes)`` of the dates ``nlp`` finds in ``text`` dated ``doc_date``."""
    doc = nlp.make_doc(text)
    doc._.doc_date = doc_date
    doc = nlp(doc)
    return [(s.start_char, s.end_char, s._.date) for s in doc.spans["dates"]]


def check_dates(nlp, doc_date, marked: str) -> None:
    """The dates of ``marked``'s text are exactly its <date> tags, with the attributes written on them."""
    text, expected = parse(marked)
    got = date_rows(nlp, text, doc_date)
    assert [(s, e) for s, e, _ in got] == [(s, e) for _, s, e, _ in expected], [text[s:e] for s, e, _ in got]
    for (_, _, attrs), (_, _, _, want) in zip(got, expected):
        for key, value in want.items():
            assert str(attrs[key]) == str(value), (key, attrs)
