"""claimspan: checkable facts from text, with exact source spans.

``build_nlp(model=None)`` gives the spaCy pipeline; ``extract(records)`` runs it
and returns the SPEC tables as pandas DataFrames.
"""
from __future__ import annotations

__version__ = "0.1.0"

# Order matters. Turn labels (found from the text's lines alone) before the sentence
# splitter, which makes each label a sentence; both before a trained parser, which
# keeps those boundaries. Then dates before claims (claims take their periods from
# dates and never report a temporal number); organizations before resolutions (body).
BEFORE_PARSER = ("speakers", "sentences")
COMPONENTS = ("docdate", "dates", "claims", "organizations", "resolutions", "overlaps")


def build_nlp(model: str | None = None, rules: str | None = None):
    """spaCy pipeline: ``spacy.blank("en")`` (default) or an installed trained pipeline,
    with claimspan's sentence splitter and rule components. ``rules`` is a folder
    laid over the built-in rules (default: ``$CLAIMSPAN_RULES``); it is validated
    here, and ``nlp.to_disk`` saves the rules with it applied."""
    import spacy

    from claimspan import components, ruleset  # noqa: F401  components: registers the factories
    from claimspan.components import lexflags
    from claimspan.tokenizer import customize_tokenizer

    ruleset.use_overlay(rules)
    nlp = spacy.load(model) if model else spacy.blank("en")
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("claimspan_speakers", before=before)
    nlp.add_pipe("claimspan_sentences", config={"punct": before is None}, before=before)
    customize_tokenizer(nlp)
    for name in COMPONENTS:
        nlp.add_pipe(f"claimspan_{name}")
    lexflags.build_pending(nlp.vocab)   # the stretches' Matchers take the flag bits the others left
    return nlp


def extract(records_or_texts, model: str | None = None, rules: str | None = None):
    """Run the pipeline over texts or records (dicts with ``id``, ``text``, optional
    ``date``, ``title``) and return ``{table: DataFrame}`` with the file's columns and
    dtypes; ``rules`` as in ``build_nlp``."""
    from claimspan.run import extract_frames

    return extract_frames(records_or_texts, model=model, rules=rules)
