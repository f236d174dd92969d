"""The text the rules read: line wrapping and page furniture undone, offsets kept.

Hard-wrapped e-mails and transcripts, and the text layer of a PDF, cut
sentences, names and numbers at line ends (``250\\nmillion``), and a PDF
repeats its running header and ``Page 3 of 16`` footer on every page (pages are
separated by ``\\f``). ``read_layout`` makes the copy of a text that the
tokenizer and every rule see: a line break inside a paragraph becomes a space
(with the page furniture around it, when a paragraph goes on across pages),
page furniture becomes blank, a page break between paragraphs becomes a line
break, and in a paginated text a word hyphenated at a line end
(``govern-\\nment``) is joined. The copy has the same length as the text except
where such breaks were shortened; ``Layout.source`` maps an offset of the copy
back into the stored text, so that rows keep exact spans into
``documents.text`` (a span may contain the line break).

Works line by line with regular expressions (a text has far fewer lines than
tokens). Reads rules/documents/layout.yaml.
"""
from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass

LINE = re.compile(r"[^\r\n\f]*")
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
NUMBERED = re.compile(r"\(?(\d{1,3})[.)]\s")  # "3. ", "(3) ": a list item only in a numbered list
LINE_END_HYPHEN = re.compile(r"\w-$")           # "Inter-" / "develop-" / "2020-" at a line end
WORD_HYPHEN = re.compile(r"[a-zà-ÿ]-$")         # a lower-case word cut by the layout: "develop-"



@dataclass(frozen=True)
class Layout:
    """``text`` as the rules read it; ``cuts[i]`` is an offset of ``text`` where
    characters of the stored text were left out, ``removed[i]`` how many up to there."""
    text: str
    cuts: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()
    paginated: bool = False    # the text is pages (a PDF; a text with form feeds)

    def source(self, offset: int) -> int:
        """The stored text's offset for an offset of ``text`` where a span or character starts."""
        i = bisect.bisect_right(self.cuts, offset)
        return offset + self.removed[i - 1] if i else offset

    def source_end(self, offset: int) -> int:
        """The stored text's offset for an offset of ``text`` where a span ends (a span that
        ends where characters were left out ends before them)."""
        i = bisect.bisect_left(self.cuts, offset)
        return offset + self.removed[i - 1] if i else offset


@dataclass(frozen=True)
class LayoutRules:
    max_width: int
    full_line: float
    fit: float
    max_final_share: float
    block_start: re.Pattern
    list_entry: re.Pattern
    list_headings: frozenset
    debris: re.Pattern
    furniture_lines: int
    furniture_share: float
    page_number: re.Pattern
    quote_mark: re.Pattern = re.compile("(?!)")   # a reply's "> " before a quoted line
    sentence_ends: tuple = ()
    sentence_closers: tuple = ()
    sentence_cut_after: tuple = ()   # levels of clause breaks, best first
    sentence_cut_words: tuple = ()


@functools.lru_cache(maxsize=4)
def layout_rules(overlay_key: str | None = None) -> LayoutRules:
    """rules/documents/layout.yaml (with the active overlay: the key keys the cache)."""
    from claimspan import ruleset

    path = ruleset.rules_path("documents", "layout.yaml")
    data = ruleset.read_rule_file(path)
    wrap, speakers = data["wrap"], ruleset.read_rule_file(ruleset.rules_path("speakers", "labels.yaml"))
    return LayoutRules(
        max_width=wrap["max_width"], full_line=wrap["full_line"], fit=wrap["fit"],
        max_final_share=wrap["max_final_share"],
        block_start=ruleset.compile_any(data["block_starts"] + record_labels(speakers), path),
        list_entry=ruleset.compile_any(data["list_entries"], path),
        list_headings=frozenset(h.lower() for h in speakers["list_headings"]),
        debris=editor_debris(),
        furniture_lines=data["furniture"]["lines"],
        furniture_share=data["furniture"]["share"], page_number=ruleset.compile_any(data["page_numbers"], path),
        quote_mark=ruleset.compile_any(data.get("quote_marks") or [], path),
        sentence_ends=tuple(data["sentence_ends"]), sentence_closers=tuple(data["sentence_closers"]),
        sentence_cut_after=tuple(tuple(level) for level in data["sentence_cut_after"]),
        sentence_cut_words=tuple(data["sentence_cut_words"]))


def record_labels(labels: dict) -> list[dict]:
    """The speakers' labels that end in a period (labels.yaml period_labels) as block starts:
    "Mr. GRASSLEY. Mr. President, ..." begins a turn even in a hard-wrapped record."""
    return [{**e, "pattern": re.sub(r"\(\?P<\w+>", "(?:", e["pattern"])} for e in labels.get("period_labels") or ()
            if not e.get("needs")]   # "A." starts a block only beside a "Q.": the line alone cannot tell


def editor_debris() -> re.Pattern:
    """What an editor or a CMS leaves before a turn label (rules/speakers/labels.yaml ``debris``):
    it hides neither the label nor the line's block."""
    from claimspan import ruleset

    path = ruleset.rules_path("speakers", "labels.yaml")
    return ruleset.compile_any(ruleset.read_rule_file(path)["debris"], path)


def read_layout(text: str, paginated: bool = False, title: str | None = None,
                rules: LayoutRules | None = None) -> Layout:
    """The text the rules read, and how its offsets map back. ``paginated``: the text is
    the pages of a paginated source (also true when it holds a form feed), whose running
    header may be its ``title``.

    >>> read_layout("The court acquitted 5,479\\ndefendants in 2020 and 250\\nmillion people.").text
    'The court acquitted 5,479 defendants in 2020 and 250 million people.'
    >>> read_layout("Title\\nThe court met.\\nIt acquitted 5,479 people.").text  # one paragraph per line
    'Title\\nThe court met.\\nIt acquitted 5,479 people.'
    """
    paginated = paginated or "\f" in text
    if "\n" not in text and "\r" not in text and not paginated:
        return Layout(text)
    if rules is None:
        from claimspan import ruleset

        rules = layout_rules(ruleset.overlay_key())
    lines, furniture = _lines(text, paginated, title, rules)
    body = [ln for ln in lines if ln not in furniture and text[ln[0]:ln[1]].strip()]
    edits = [(s, e, " " * (e - s)) for s, e in furniture]
    quoted = {s: m.end() for s, e in body if (m := rules.quote_mark.match(text, s, e)) and m.end() > s}
    edits += [(s, q, " " * (q - s)) for s, q in quoted.items()]      # "> " is blank; the line's words stay
    body = [(quoted.get(s, s), e) for s, e in body]                   # and start after it
    width = _wrap_width(text, body, rules)
    if width is not None:
        edits += _soft_breaks(text, body, *width, paginated, rules)
    return _apply(text, edits, paginated)


def _lines(text: str, paginated: bool, title: str | None,
           rules: LayoutRules) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """Every non-empty line (start, end without its break), and those that are page furniture."""
    pages, start = [], 0
    for page_text in text.split("\f"):
        pages.append([(start + m.start(), start + m.end()) for m in LINE.finditer(page_text) if m.end() > m.start()])
        start += len(page_text) + 1
    lines = [ln for page in pages for ln in page]
    return lines, (_furniture(text, pages, title, rules) if paginated else set())


def _furniture(text: str, pages: list[list[tuple[int, int]]], title: str | None,
               rules: LayoutRules) -> set[tuple[int, int]]:
    """Running headers and footers: lines at the same place at a page's top or bottom that
    recur (digits ignored) on enough pages or are the title, and page numbers at its very
    top or bottom. A line that ends a sentence or is a speaker label is text, even if it recurs."""
    k = rules.furniture_lines
    placed: dict[tuple[int, str], list[tuple[int, int]]] = {}
    ends, titles = [], []
    title = re.sub(r"\d+", "#", " ".join(title.split())).lower() if title else None
    for page in pages:
        filled = [ln for ln in page if text[ln[0]:ln[1]].strip()]
        ends += filled[:1] + filled[-1:]
        for place, ln in [(i, ln) for i, ln in enumerate(filled[:k])] + [(-1 - i, ln) for i, ln in
                                                                       enumerate(reversed(filled[-k:]))]:
            line = " ".join(text[ln[0]:ln[1]].split())
            shape = re.sub(r"\d+", "#", line)
            if shape.lower() == title:   # the title, even one shaped like a label ("Castro: Talks Resume")
                titles.append(ln)
            elif not SENTENCE_END.search(line) and not _starts_block(line, rules):
                placed.setdefault((place, shape), []).append(ln)
    needed = max(2, math.ceil(rules.furniture_share * len(pages)))
    firsts = [page[0][0] if page else -1 for page in pages]
    out = set(titles) | {ln for (_, shape), found in placed.items() for ln in found
                         if len({bisect.bisect_right(firsts, ln[0]) for ln in found}) >= needed}
    out |= {ln for ln in ends if rules.page_number.fullmatch(text[ln[0]:ln[1]].strip())}
    return out


def _wrap_width(text: str, body: list[tuple[int, int]], rules: LayoutRules) -> tuple[float, bool] | None:
    """The width of the text's lines, and whether it is hard-wrapped at that width (None:
    the lines have no width, e.g. long paragraphs one per line)."""
    lengths = sorted(len(text[s:e].strip()) for s, e in body)
    if len(lengths) < 2:
        return None
    width = lengths[math.ceil(0.9 * len(lengths)) - 1]
    if width > rules.max_width:
        return None
    full = [text[a[0]:a[1]].strip() for a, b in zip(body, body[1:])
            if len(text[a[0]:a[1]].strip()) >= rules.full_line * width and not _paragraph_break(text[a[1]:b[0]])]
    ending = sum(1 for line in full if SENTENCE_END.search(line))
    return width, len(full) - ending >= 2 and ending <= rules.max_final_share * len(full)


def _paragraph_break(gap: str) -> bool:
    """A blank line between two lines of one page (across a page break, blank lines are layout)."""
    return "\f" not in gap and any(not part.strip() for part in re.split(r"\r\n|\r|\n", gap)[1:-1])


def _soft_breaks(text: str, body: list[tuple[int, int]], width: float, wrapped: bool, paginated: bool,
                 rules: LayoutRules) -> list:
    """Edits for the breaks inside paragraphs: the characters between a full line and the
    next become one space (a run of spaces would be a token), or nothing after a hyphen
    ("Inter-\\nAmerican"); in a paginated text a hyphen between lower-case letters goes too
    ("develop-\\nment"). In a text that is not hard-wrapped as a whole, only a full line
    that does not end a sentence, before a line that begins in lower case, goes on."""
    edits, in_list = [], False
    numbers = {int(m.group(1)) for m in (NUMBERED.match(text[s:e].lstrip()) for s, e in body) if m}
    for a, b in zip(body, body[1:]):
        line_a, line_b = text[a[0]:a[1]].rstrip(), text[b[0]:b[1]].lstrip()
        paragraph_break = _paragraph_break(text[a[1]:b[0]])
        heading = _is_heading(line_a, rules)
        # a list runs from its heading to a blank line, a label or a sentence
        in_list = heading or (in_list and not paragraph_break and not _starts_block(line_a.lstrip(), rules)
                              and not SENTENCE_END.search(line_a))
        if not wrapped and (not line_b[:1].islower() or SENTENCE_END.search(line_a) or line_a.endswith(":")):
            continue
        length, hyphen = len(line_a.lstrip()), bool(LINE_END_HYPHEN.search(line_a))
        needs = length + 1 + len(line_b.split()[0])     # line_a's length with the next word on it
        fits = not hyphen and needs < rules.fit * width
        if (length < rules.full_line * width or fits or paragraph_break or _begins(line_b, in_list, numbers, rules)
                or _is_heading(line_b, rules)                       # "Chairperson" on a line of its own
                # a heading in capitals ends its line; so does one above another whose first word it had room
                # for: a header's stacked lines ("COMMITTEE ON ENERGY AND COMMERCE" / "U.S. HOUSE OF ...")
                or (line_a.isupper() and (not line_b.isupper() or not hyphen and needs <= width))
                or (line_a.endswith(":") and _starts_block(line_a.lstrip(), rules))):  # a label on its own line
            continue
        gap_start, gap_end = a[0] + len(line_a), b[1] - len(line_b)
        if hyphen and line_b[:1].isalnum():      # the wrap broke at a hyphen: no space
            cut = paginated and WORD_HYPHEN.search(line_a) and line_b[:1].islower()
            edits.append((gap_start - 1 if cut else gap_start, gap_end, ""))   # a word cut by layout: whole
        else:       # one space, however many characters (CRLF, a page's footer and header) it stands for
            edits.append((gap_start, gap_end, " "))
    return edits


def heading_word(line: str) -> str:
    """A line as a list heading is compared: without its colon, in lower case ("Speakers:" -> "speakers")."""
    return line.strip().rstrip(":").strip().lower()


def _is_heading(line: str, rules: LayoutRules) -> bool:
    """A list heading alone on its line ("Speakers:", "Chairperson"): it is never the end of a wrapped line."""
    return heading_word(line) in rules.list_headings


def _begins(line: str, in_list: bool, numbers: set[int], rules: LayoutRules) -> bool:
    """Whether ``line`` begins a block of its own: a label, a bullet, an entry of an open
    list, or an item of a numbered list ("3. " when a line also begins "2. "; not the
    "18. The ..." of "until the child turns\\n18. The ...")."""
    number = NUMBERED.match(line)
    if number and int(number.group(1)) > 1 and int(number.group(1)) - 1 not in numbers:
        return False
    return _starts_block(line, rules) or bool(in_list and rules.list_entry.match(line))


def _starts_block(line: str, rules: LayoutRules) -> bool:
    """A speaker label or list item begins the line (editor debris before it ignored)."""
    if rules.block_start.match(line):
        return True
    debris = rules.debris.match(line)
    return bool(debris and debris.end() and rules.block_start.match(line, debris.end()))


def _apply(text: str, edits: list[tuple[int, int, str]], paginated: bool) -> Layout:
    """The text with each (start, end, replacement) made, a page break left over read as a
    line break; an edit inside an earlier one is dropped (furniture inside a joined break)."""
    out, cuts, removed, pos = [], [], [], 0
    size = 0
    for start, end, new in sorted(edits, key=lambda e: (e[0], -e[1])):
        if start < pos:
            continue
        out.append(text[pos:start])
        size += start - pos
        out.append(new)
        size += len(new)
        if len(new) < end - start:
            cuts.append(size)
            removed.append((removed[-1] if removed else 0) + end - start - len(new))
        pos = end
    out.append(text[pos:])
    return Layout("".join(out).replace("\f", "\n"), tuple(cuts), tuple(removed), paginated)
