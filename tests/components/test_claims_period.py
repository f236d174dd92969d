"""Issue #14 class 6 for ``claimspan_claims`` (with ``claimspan_dates`` before it): a claim's
period is the time of its own clause, not any date of its sentence. Baselines are not periods
and keep their dates; a reporting verb's time is not a period; a date in another noun's
relative clause, or of a main clause the claim's clause has its own time against, is not the
claim's. Each case runs without a model (clause boundaries from words and punctuation) and,
where marked, with the trained pipeline (clause boundaries from the parse). Expected claims
inline with <claim period_text=...>; every claim of a text is tagged."""
from __future__ import annotations

import pytest

from tests.conftest import MODEL, model_installed
from tests.inline import blank_pipeline, check_claims as check

BOTH = [
    # a baseline bounds its own dates: 2022 is 29,000's only
    "The program reached <claim period_text=null>38,500</claim> households in <claim period_text=null>12</claim> "
    "districts, up from <claim period_text='in 2022'>29,000</claim> households in 2022.",
    # and the main clause's year is not the baseline's
    "In 2023 the clinics treated <claim period_text='In 2023'>8,100</claim> patients, "
    "up from <claim period_text=null>6,900</claim>.",
    # the baseline runs past the commas of "X, or Y a share, a year earlier"
    "Profit was <claim period_text='in the third quarter'>$5 million</claim>, or <claim period_text='in the third quarter'>"
    "40 cents</claim> a share, in the third quarter, down from <claim period_text='a year earlier'>$7 million</claim>, "
    "or <claim period_text='a year earlier'>56 cents</claim> a share, a year earlier.",
    # a comparison's date is its own, but what it compares shares the sentence's time
    "On Monday the index fell <claim period_text='On Monday'>4.3 percent</claim>, compared with "
    "<claim period_text='On Monday'>3.3 percent</claim> for the bond index.",
    "Compared with 2019, the firm hired <claim period_text='in 2021'>300</claim> more people in 2021.",
    "Unemployment fell to <claim period_text='in March'>4 percent</claim> in March, "
    "down from <claim period_text='a year earlier'>5 percent</claim> a year earlier.",
    "The flood killed <claim period_text=null>40</claim> people, compared with <claim period_text='in 2019'>25</claim> in 2019.",
    # a quarter or year right before a noun after a reporting verb is what is reported on, not when;
    # a day after one is the report's time
    "Acme today reported third-quarter net income of <claim period_text=third-quarter>$412 million</claim>.",
    "Officials said Monday that <claim period_text=null>300</claim> homes were destroyed.",
    # baselines are not periods
    "Emissions in 2020 were <claim period_text='in 2020'>24 percent</claim> below 1990 levels.",
    "Ticket sales rose <claim period_text=null>12 percent</claim> from the week before.",
    "Exports grew <claim period_text=null>7 percent</claim> over the previous year.",
    "Rents were <claim period_text=null>9 percent</claim> higher than in 2019.",
    "Sales fell from last year to <claim period_text=null>300</claim> units.",
    # not baselines: a range, "from" opening a clause or not after a change, "over the past"
    "Figures from 2019 show <claim period_text='from 2019'>300</claim> cases.",
    "From 2016 to 2020 the courts heard <claim period_text='From 2016 to 2020'>5,479</claim> cases.",
    "From Monday, <claim period_text='From Monday'>300</claim> extra buses run on the new routes.",
    "Over the past five years, the agency built <claim period_text='Over the past five years'>1,200</claim> schools.",
    # a reporting verb's time, after or before the verb
    "Officials said last week that inflation fell to <claim period_text=null>3.1 percent</claim>.",
    "Officials on Monday said <claim period_text=null>300</claim> clinics had closed.",
    "The town had <claim period_text='in 2019'>4,200</claim> residents in 2019 according to the census.",
    "Floods hit <claim period_text='in 2019'>12</claim> states in 2019.",
    # a clause with its own time, after the date
    "The boy was found on Monday after his mother and <claim period_text=null>eight</claim> other people drowned.",
    "The boat was found last Thanksgiving near a reef that sank <claim period_text=null>10</claim> other boats.",
    # ... unless the clause is set off, or the date heads the sentence, or the clause is about the date's noun
    "In 2021, after the storm, <claim period_text='In 2021'>40</claim> homes were rebuilt.",
    "A survey in 2019 found that <claim period_text='in 2019'>40 percent</claim> of adults smoke.",
    "In 2021 the towns that lost <claim period_text='In 2021'>300</claim> homes got aid.",
    "The vote was held on May 28, when <claim period_text='on May 28'>300</claim> delegates attended.",
    "Rescuers searched the site of the May 3, 2019, blast that killed <claim period_text='May 3, 2019'>40</claim> miners.",
    # a date inside another noun's relative clause
    "The law, which was passed in 2019, covers <claim period_text=null>300</claim> firms.",
    "The union represents <claim period_text=null>5,000</claim> nurses at hospitals that closed in 2020.",
    "Police said <claim period_text=Friday>14</claim> people who died Friday were tourists.",
    # times the dates table does not give: "since then"; "early" left out of the date
    "The list began in 1950. Since then, <claim period_text='Since then'>427</claim> fugitives have been caught.",
    "The march began early Friday morning, as <claim period_text='early Friday morning'>tens of thousands</claim> "
    "of people gathered.",
]

# Where only the parse can tell where a relative clause ends.
MODEL_ONLY = [
    "<claim period_text='on Friday'>Hundreds</claim> of veterans of the war that ended in 1975 gathered on Friday.",
    "The 2004 tsunami that struck in December killed <claim period_text=2004>230,000</claim> people.",
]


@pytest.fixture(scope="module")
def blank():
    return blank_pipeline("dates", "claims")


@pytest.fixture(scope="module")
def trained():
    if not model_installed():
        pytest.skip(f"{MODEL} is not installed (CI installs it from tests/requirements-model.txt)")
    from claimspan import build_nlp

    return build_nlp(MODEL)


@pytest.mark.parametrize("marked", BOTH)
def test_period_without_a_model(blank, marked):
    check(blank, marked)


@pytest.mark.model
@pytest.mark.parametrize("marked", BOTH + MODEL_ONLY)
def test_period_with_the_parse(trained, marked):
    check(trained, marked)


def test_without_a_model_a_relative_clause_runs_to_the_end_of_the_sentence(blank):
    # what the parse fixes (MODEL_ONLY): without it, no date after a relative pronoun is the claim's
    check(blank, "<claim period_text=null>Hundreds</claim> of veterans of the war that ended in 1975 gathered on Friday.")


@pytest.mark.model
def test_with_the_parse_a_complement_clause_is_dated_by_its_main_clause(trained):
    # without a parse, "that" may open a relative clause, so the date is not taken
    check(trained, "Sales figures in 2020 showed that <claim period_text='in 2020'>300</claim> stores closed.")
