"""``claimspan_resolutions`` after ``claimspan_organizations``: expected rows are marked inline with <r>."""
from __future__ import annotations

import pytest
import spacy

from claimspan.components import organizations, resolutions, sentences  # noqa: F401  registers the factories
from tests.inline import blank_pipeline, parse


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("organizations", "resolutions")


CASES = [
    # capitalized names closed by a head, with their continuation and period
    "the implementation of the <r kind=plan title='National Human Rights Action Plan of China (2016-2020)'>"
    "National Human Rights Action Plan of China (2016-2020)</r>.",
    "the <r kind=plan title='14th Five-Year Plan (2021-2025)'>14th Five-Year Plan (2021-2025)</r> and",
    "the third <r kind=plan>National Human Rights Action Plan</r> of its kind",
    "the <r kind=law title='Law of the P.R.C. on the Protection of Minors'>Law of the P.R.C. on the Protection of "
    "Minors</r> was revised",
    "the <r kind=law>Copyright Law</r> and the <r kind=law>Patent Law</r>",
    "the <r kind=covenant title='International Covenant on Economic, Social, and Cultural Rights'>International "
    "Covenant on Economic, Social, and Cultural Rights</r>, the <r kind=convention>Convention on the Rights of "
    "Persons with Disabilities</r>, and the International Symposium",
    "the <r kind=covenant>U.N. International Covenant on Economic, Social and Cultural Rights</r> and "
    "<r kind=covenant>International Covenant on Civil and Political Rights</r>",
    "revised the <r kind=law>Law on the Protection of Rights and Interests of Women</r> in 2022",
    "released the <r kind=regulation>Interpretation on Several Issues Concerning the Application of Law in Handling "
    "Criminal Cases</r>.",
    "violating the <r kind=law>Freedom of Access to Clinic Entrances Act</r> by",
    "the Assessment Report on the Implementation of the <r kind=plan>National Human Rights Action Plan (2016-2020)</r>",
    "criteria under the new <r kind=law>Financial Institutions Reform, Recovery and Enforcement Act of 1989</r>.",
    "implementing the <r kind=regulation>Opinions on Carrying out Victim Relief Work</r>, they",
    "the <r kind=regulation>Circular about Further Regulating Recruitment and Promoting Women's Employment</r>,",
    "the <r kind=code>Civil Code</r> and the <r kind=constitution body='Communist Party of China'>Constitution of the "
    "CPC</r>",
    # a fused UN prefix: in the span, out of the title unless only the head would remain
    "the <r kind=agenda title='2030 Agenda for Sustainable Development' body='United Nations'>UN 2030 Agenda for "
    "Sustainable Development</r>",
    "the <r kind=charter title='UN Charter'>UN Charter</r> says",
    # acronyms of instruments
    "the <r kind=declaration>Universal Declaration of Human Rights</r> (<r kind=declaration "
    "title='Universal Declaration of Human Rights'>UDHR</r>) and later the <r title='Universal Declaration of Human "
    "Rights'>UDHR</r>",
    # quoted titles after a cue, when an instrument noun comes first
    "the resolution proposed by China entitled \u201c<r kind=resolution title='Contribution of Development to the "
    "Enjoyment of All Human Rights' body='UN Human Rights Council'>The Contribution of Development to the Enjoyment "
    "of All Human Rights</r>\u201d has been adopted by the UN Human Rights Council",
    'the section was titled "Fulfillment of Obligations and International Exchanges in the Field of Human Rights."',
    # UN symbols
    "the Security Council adopted <r kind=resolution title='S/RES/2231 (2015)' body='Security Council'>S/RES/2231 "
    "(2015)</r> and the General Assembly <r kind=resolution>A/RES/77/16</r>.",
    "<org>UN General Assembly</org> <r kind=resolution title='Resolution 2758' body='UN General Assembly'>Resolution "
    "2758</r> restored the seat",
    # unnamed resolutions, only where something is adopted or proposed
    "In 2017, UNHRC adopted <r kind=resolution title=null body='United Nations Human Rights Council'>two "
    "resolutions</r> on food.",
    "the UNHRC adopted a <r title=null>China-initiated resolution</r> calling on all parties",
    "China has brought about a historic resolution to the problem of extreme poverty.",
    "the plan was criticized by a so-called \"expert panel\" of the West",
    "the UN General Assembly adopted <r title='Resolution 78/1' body='UN General Assembly'>resolution 78/1</r>, and "
    "the Human Rights Council adopted a <r title=null body='Human Rights Council'>resolution</r> on development.",
    "the <r kind=plan title='Outline of the 14th Five-Year Plan (2021-2025)'>Outline of the 14th Five-Year Plan "
    "(2021-2025)</r> for growth",
    # not instruments: organizations and events that contain a head word, periods
    "the School of Law of Nankai University on National Constitution Day",
    # issue #14 class 8: acts with years, legislation and bills by number, WHO and UN symbols, treaties
    "the <r kind=law title='Data Protection Act 2018'>Data Protection Act 2018</r> and the <r kind=law>Climate "
    "Change Act 2008</r> apply",
    "under <r kind=regulation title='Regulation (EU) 2016/679'>Regulation (EU) 2016/679</r>, "
    "<r kind=regulation>Directive (EU) 2019/790</r> and <r kind=regulation title='Directive 2001/29/EC'>Directive "
    "2001/29/EC</r>",
    "the House passed <r kind=law title='H.R. 5376'>H.R. 5376</r>; <r kind=law>H.R. 3684</r> became "
    "<r kind=law title='Public Law 117-58'>Public Law 117-58</r>",
    "the Assembly adopted <r kind=resolution title=WHA72.5>resolution WHA72.5</r> and <r kind=resolution "
    "title=A/RES/70/1>A/RES/70/1</r>, then <r title='S/RES/2417 (2018)'>S/RES/2417 (2018)</r>",
    "Russia left the <r kind=treaty title='Kyoto Protocol'>Kyoto Protocol</r> and the <r kind=treaty>Treaty on "
    "Open Skies</r>; both signed the <r kind=treaty title='Minsk agreements'>Minsk agreements</r>",
    "the <r kind=law>American Rescue Plan</r>, signed into law in March, and the <r kind=plan>Marshall Plan</r>",
    # ... and what stays out: an idiom, a fallback plan, a plain agreement, a letter "S." after "U"
    "the insurer cited the Act of God clause",
    "They went with Plan B after three days.",
    "The two sides reached an agreement, and the BellSouth agreement was signed.",
    "the U.S. 500 largest firms",
]


@pytest.mark.parametrize("marked", CASES)
def test_instruments(nlp, marked):
    text, expected = parse(marked)
    expected = [x for x in expected if x[0] == "r"]  # <org> marks context only
    doc = nlp(text)
    got = [(s.start_char, s.end_char, s._.resolution) for s in doc.spans["resolutions"]]
    assert [(s, e) for s, e, _ in got] == [(s, e) for _, s, e, _ in expected]
    for (_, _, attrs), (_, _, _, want) in zip(got, expected):
        assert {k: attrs[k] for k in want} == want
        assert set(attrs) == {"kind", "title", "body", "rule"}


def test_model_orgs_inside_an_instrument_are_dropped(nlp):
    from spacy.tokens import Span

    nlp_org = nlp.get_pipe("claimspan_organizations")
    doc = nlp.make_doc("They ratified the International Covenant on Civil and Political Rights today.")
    doc.ents = [Span(doc, 7, 10, label="ORG")]  # "Civil and Political", as a small model might
    doc = nlp.get_pipe("claimspan_sentences")(doc)
    doc = nlp.get_pipe("claimspan_resolutions")(nlp_org(doc))
    assert [s.text for s in doc.spans["resolutions"]] == ["International Covenant on Civil and Political Rights"]
    assert [s.text for s in doc.spans["organizations"]] == []


def test_unknown_rule_key_fails_loudly(tmp_path):
    import shutil

    from claimspan import ruleset
    from claimspan.components.resolutions import ResolutionsComponent

    for f in ruleset.rules_path("resolutions").iterdir():
        shutil.copy(f, tmp_path / f.name)
    with open(tmp_path / "instruments.yaml", "a") as f:
        f.write("\nhead_words: [law]\n")
    with pytest.raises(ruleset.RuleError, match=r"instruments.yaml.*'head_words'"):
        ResolutionsComponent(spacy.blank("en"), "resolutions", str(tmp_path))


def test_works_without_sentence_boundaries():
    nlp = spacy.blank("en")
    nlp.add_pipe("claimspan_organizations")
    nlp.add_pipe("claimspan_resolutions")
    doc = nlp("The UNHRC adopted two resolutions on food.")
    assert [(s.text, s._.resolution["body"]) for s in doc.spans["resolutions"]] == [
        ("two resolutions", "United Nations Human Rights Council")]
