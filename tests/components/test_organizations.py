"""``claimspan_organizations`` on its own: expected mentions are marked inline with <org>."""
from __future__ import annotations

import pytest
import spacy

from claimspan.components import organizations, sentences  # noqa: F401  registers the factories
from claimspan.tokenizer import customize_tokenizer
from tests.inline import blank_pipeline, parse


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("organizations")


def rows(nlp, text):
    doc = nlp(text)
    return [(s.start_char, s.end_char, s._.organization) for s in doc.spans["organizations"]]


CASES = [
    # acronyms defined in the text: the long form keeps its text, the short form takes it as name
    "a briefing held by the <org name='State Council Information Office' acronym=SCIO>State Council Information "
    "Office</org> (<org name='State Council Information Office' acronym=SCIO>SCIO</org>).",
    # the longest name is one mention; of-chains; the acronym names the organization it stands for
    "Li Xiao of the <org acronym=null>Research Office of the Supreme People's Court</org> "
    "(<org name=\"Supreme People's Court\" acronym=SPC>SPC</org>) said",
    "the <org acronym=null>Central Committee of the Communist Party of China</org> "
    "(<org name='Communist Party of China'>CPC</org>) with",
    "the <org acronym=null>Human Rights Institute of Southwest University of Political Science and Law</org> "
    "(<org name='Southwest University of Political Science and Law' acronym=SWUPL>SWUPL</org>)",
    "the <org>Department of International Organizations and Conferences of the Ministry of Foreign Affairs</org>.",
    "at the <org>20th Communist Party of China Central Committee</org> in October",
    "The <org>All-China Federation of Industry and Commerce</org> took part.",
    # undefined acronyms take the gazetteer's long form
    "<org name='China Global Television Network' acronym=CGTN>CGTN</org>:\nWhat is next?",
    "work of <org name='United Nations' acronym=UN>UN</org> human rights bodies and the "
    "<org name='United Nations'>U.N.</org> family",
    "the <org name='United Nations'>UN</org>'s Human Development Index",
    # outlets as turn labels; possessives only inside known patterns
    "<org>People's Daily</org>:\nThank you.\n<org>Cover News</org>:\nA question.",
    "China's <org>Foreign Ministry</org> spokesperson said",
    # two names joined by "and" stay two
    "<org>Nankai University</org> and <org>Peking University</org> signed",
    "<org>China Daily</org> and <org>Xinhua</org> reported",
    # companies end at their suffix; coordinated first words; headline words and days are not the name
    "shares of <org>Murphy Oil Corp.</org> of Arkansas and <org>Hertz Corp.</org>",
    "filed with the <org>Securities and Exchange Commission</org> on Monday",
    # a numbered section heading of an act is no acronym ("SEC. 103."); in a sentence it is one
    "SEC. 103. FINANCIAL HOLDING COMPANIES.\nThe <org name='Securities and Exchange Commission'>SEC</org> said so.",
    "CORPORATES <org>Sun Microsystems Inc.</org> said",
    "the <org>Xinjiang Production and Construction Corps</org> and the <org>Political Bureau of the CPC Central "
    "Committee</org>",
    "said the <org>State Department</org> on Sunday",
    "the <org>Third Committee</org> of the 78th session of the <org>UN General Assembly</org>",
    "the <org>Hong Kong and Macao Affairs Office of the State Council</org> said",
    "<org>Foreign Ministry</org> Spokesperson Lin Jian's Regular Press Conference",
    "the <org>China Chamber of Commerce</org> said",
    # not organizations: generic references, places, events, instruments
    "Section 4 of the Bank Holding Company Act of 1956 is amended.",
    "The Party and the government, the court and the Council met in Beijing.",
    "withdraw from the West Bank and the Jewish West Bank settlements",
    "the Second Workshop on Economic, Social and Cultural Rights and Human Rights Day",
    "organized the Beijing Forum on Human Rights",
    "the National Human Rights Action Plan of China and the Land Administration Law",
]


@pytest.mark.parametrize("marked", CASES)
def test_mentions(nlp, marked):
    text, expected = parse(marked)
    got = rows(nlp, text)
    assert [(s, e) for s, e, _ in got] == [(s, e) for _, s, e, _ in expected]
    for (_, _, attrs), (_, _, _, want) in zip(got, expected):
        assert {k: attrs[k] for k in want} == want


def test_every_row_has_the_table_columns(nlp):
    for _, _, attrs in rows(nlp, "The UNHRC and the World Health Organization (WHO) met."):
        assert set(attrs) == {"name", "acronym", "org_key", "source", "rule"}
        assert attrs["source"] in {"rule", "gazetteer", "acronym", "model"}


def test_unhrc_variants_share_one_org_key(nlp):
    text = ("The UN Human Rights Council met. The United Nations Human Rights Council voted. "
            "Later the UNHRC adopted it.")
    got = rows(nlp, text)
    assert [text[s:e] for s, e, _ in got] == ["UN Human Rights Council", "United Nations Human Rights Council", "UNHRC"]
    assert len({a["org_key"] for _, _, a in got}) == 1


def test_org_key_does_not_depend_on_the_document(nlp):
    first = rows(nlp, "The UNHRC met.")[0][2]["org_key"]
    second = rows(nlp, "Reports went to the United Nations Human Rights Council (UNHRC).")
    assert {a["org_key"] for _, _, a in second} == {first}


def test_acronym_defined_in_the_doc_wins_over_the_gazetteer(nlp):
    got = rows(nlp, "the State Planning Commission (SPC) and later the SPC")
    assert [a["name"] for _, _, a in got] == ["State Planning Commission"] * 3


def test_unknown_rule_key_fails_loudly(tmp_path):
    import shutil

    from claimspan import ruleset
    from claimspan.components.organizations import OrganizationsComponent

    for f in ruleset.rules_path("organizations").iterdir():
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "gazetteer.jsonl").write_text('{"name": "X Council", "acronyms": "XC"}\n')
    with pytest.raises(ruleset.RuleError, match=r"gazetteer.jsonl.*X Council.*'acronyms'"):
        OrganizationsComponent(spacy.blank("en"), "organizations", str(tmp_path))


def test_outlet_turn_labels_with_the_speakers_component():
    from claimspan.components import speakers  # noqa: F401

    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    for name in ("sentences", "speakers", "organizations"):
        nlp.add_pipe(f"claimspan_{name}")
    text, expected = parse("<org>EFE</org>:\nWill China respond?\nWang Wenbin:\nYes.\n"
                           "<org>Beijing Youth Daily</org>:\nAnother question.\n")
    doc = nlp(text)
    got = [(s.start_char, s.end_char) for s in doc.spans["organizations"]]
    assert got == [(s, e) for _, s, e, _ in expected]


def test_saved_pipeline_carries_its_rules(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "claimspan_organizations" / "gazetteer.jsonl").exists()
    again = spacy.load(tmp_path / "pipe")
    text = "the State Council Information Office (SCIO) and the UNHRC"
    assert rows(again, text) == rows(nlp, text)
