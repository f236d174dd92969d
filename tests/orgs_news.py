"""Short news stories written for this project, every organization mention marked inline with
<org> (issue #14, class 9: organizations in model mode). Used by
tests/components/test_organizations_news.py and bench/orgs_model.py to compare the trained
model's own ORG entities with the organizations table in model and rule mode.

Marking, as in news NER: companies, agencies, parties, unions, clubs and teams (a club named
by its city too), outlets, exchanges, universities; not people, places, nationalities,
products, events, or generic references ("the company", "the ministry"); a leading "the"
and a possessive "'s" stay outside the mention. Headlines in capitals are marked like any
other line. Nothing here is taken from a corpus: the stories and most firms are invented.
"""
from __future__ import annotations

from tests.inline import parse

STORIES = [
    # 1 sports results, a dateline, clubs named by their city
    """SOCCER - <org>HARTLEPOOL</org> SNATCH LATE WIN OVER <org>GRIMSBY</org>

LONDON 1998-03-14

<org>Hartlepool</org> came from a goal down to beat <org>Grimsby Town</org> 2-1 in the third division on Saturday.
Results of English league matches on Saturday:
<org>Bury</org> 0 <org>Wigan Athletic</org> 3
<org>Stockport County</org> 1 <org>Walsall</org> 1
<org>Tranmere Rovers</org> 2 <org>Port Vale</org> 0
""",
    # 2 business: suffixes, an exchange, analysts at banks
    """<org>Norvik Shipping</org> profit falls as freight rates slide

OSLO, Feb 3 - <org>Norvik Shipping ASA</org> said on Tuesday its fourth-quarter net profit fell 38 percent,
hurt by weaker container rates on Asian routes. Shares in <org>Norvik</org> fell 4.1 percent on the
<org>Oslo Stock Exchange</org>. "The market is oversupplied," said Kari Solheim, an analyst at
<org>Fearnley Securities</org>. <org>Norvik</org> said it would sell two older vessels to <org>Bergen Tankers</org>.
""",
    # 3 politics: parties, coalition, parliament
    """The <org>Social Democratic Party</org> won 31 percent of the vote in Sunday's election, ahead of the
<org>Centre Party</org> on 22 percent and the <org>Greens</org> on 11 percent, official results showed.
Party leader Maria Lindqvist said she would open talks with the <org>Centre Party</org> on Monday.
The <org>Liberals</org> failed to clear the four percent threshold needed to enter parliament.
""",
    # 4 international agencies, acronyms defined and not
    """GENEVA (<org>Reuters</org>) - The <org>World Health Organization</org> warned on Friday that cholera cases had doubled
in three countries since January. The <org>WHO</org> and <org>UNICEF</org> said they had shipped 2 million doses
of oral vaccine. <org>Medecins Sans Frontieres</org> (<org>MSF</org>) said its clinics in the region were full.
The <org>International Federation of Red Cross and Red Crescent Societies</org> appealed for $12 million.
""",
    # 5 hyphenated and possessive names
    """<org>Rolls-Royce</org> said on Wednesday it had won an order worth 1.2 billion pounds to supply engines for
<org>Emirates</org>' new long-haul fleet. <org>Rolls-Royce</org>'s shares rose 3 percent. Rival <org>Pratt & Whitney</org>,
a unit of <org>RTX Corp</org>, declined to comment. <org>Marks & Spencer</org> and <org>McDonald's</org> also
reported results, with <org>McDonald's</org> sales up 5 percent in Europe.
""",
    # 6 all-caps headline, then the story
    """BRAZIL'S <org>PETROBRAS</org> RAISES OUTPUT TARGET

RIO DE JANEIRO, May 9 - Brazilian state oil company <org>Petrobras</org> raised its production target for
the year to 2.8 million barrels a day, the company said in a filing to the <org>Securities and Exchange
Commission</org>. Brokers at <org>Itau BBA</org> called the move cautious.
""",
    # 7 names no gazetteer knows, defined by "X, the Y"
    """<org>Tallis Capital</org>, the London-based hedge fund, has taken a 6 percent stake in <org>Orbex</org>, the Scottish
rocket maker, according to a filing. <org>Gavi, the Vaccine Alliance</org>, said it would fund 40 million doses. <org>Verdano</org>,
the Italian insurer, said its chief executive would step down in June.
""",
    # 8 people the model may take for organizations, and a person named like a company
    """Sebastian Coe met the press after the race. Jonny Wilkinson, who scored 18 points, praised coach
Clive Woodward. Tiger Woods finished two shots behind Ernie Els at the <org>Augusta National Golf Club</org>.
Mr. Dell and Mr. Ford both declined to comment.
""",
    # 9 central banks and markets
    """The <org>European Central Bank</org> left interest rates unchanged on Thursday, as economists polled by
<org>Reuters</org> had expected. The <org>Bank of England</org> is due to decide next week. The euro rose against the
dollar after <org>ECB</org> President Christine Lagarde spoke. The <org>Federal Reserve</org> meets on May 3.
""",
    # 10 transcript with speaker labels; a person's label is no organization
    """Press conference, transcript.

MODERATOR: Next question, please.
JOHNSON: Thank you. What does <org>Toyota</org> plan for its plant in Kentucky?
KOBAYASHI: We will invest more there, together with <org>Denso</org>.
""",
    # 11 cricket and rugby, clubs and national boards
    """CRICKET - <org>SURREY</org> BEAT <org>KENT</org> BY SIX WICKETS

LONDON 2001-07-22

<org>Surrey</org> beat <org>Kent</org> by six wickets on the final day at the Oval on Sunday. The <org>England and Wales
Cricket Board</org> confirmed the fixture list for next season. In rugby, <org>Leicester Tigers</org> beat
<org>Bath</org> 27-13.
""",
    # 12 tech companies and a regulator
    """<org>Samsung Electronics</org> and <org>LG Display</org> are under investigation by the <org>Korea Fair Trade Commission</org>,
which said it suspected price fixing. <org>Samsung</org> said it would cooperate. <org>Apple</org> and <org>Google</org> were not
involved, a commission official said. <org>Qualcomm</org> shares were little changed on the <org>Nasdaq</org>.
""",
    # 13 labour unions and strikes
    """Members of the <org>National Union of Rail, Maritime and Transport Workers</org> voted to strike, the union said.
<org>Network Rail</org> said talks would continue. The <org>Trades Union Congress</org> backed the strike. <org>Unite</org>, the
largest union, said its members at <org>Heathrow Airport Holdings</org> would also walk out.
""",
    # 14 a company that shares a name with a place; nationality words
    """<org>Nokia</org> said it would cut 1,200 jobs in Finland. The Finnish company's rival <org>Ericsson</org> of Sweden
reported higher sales. Swedish and Finnish ministers met in Helsinki. <org>Volvo Cars</org>, owned by China's
<org>Geely</org>, said exports to the United States rose.
""",
    # 15 courts and ministries by name, and generic references
    """The <org>European Court of Justice</org> ruled on Tuesday that the ministry had acted lawfully. The court said
<org>Ryanair</org> must pay compensation. The <org>Irish Aviation Authority</org> welcomed the ruling; the government
did not comment. The <org>Ministry of Transport</org> said it would study the decision.
""",
    # 16 headline in capitals with a person and a place, no organization
    """PRESIDENT VISITS FLOOD-HIT TOWNS IN NORTHERN ITALY

MILAN, Nov 12 - The president toured villages along the Po river on Thursday, meeting families whose
homes were flooded. Officials said 3,000 people had been moved to schools and sports halls.
""",
    # 17 motor racing and cycling teams
    """MOTOR RACING - <org>FERRARI</org> ON POLE IN MONZA

MONZA, Italy 2004-09-11

Michael Schumacher put his <org>Ferrari</org> on pole position ahead of the <org>Williams</org> of Juan Pablo Montoya
and the <org>McLaren</org> of Kimi Raikkonen. In cycling, <org>Team Sky</org> named its squad for the Tour de France.
""",
    # 18 NGOs and think tanks, "X, the Y" with a lower-case description
    """<org>Oxfam</org>, the British charity, said food prices had risen by a third. <org>Chatham House</org>, the London think
tank, published a report on grain stocks. <org>Amnesty International</org> and <org>Human Rights Watch</org> urged
the <org>African Union</org> to act.
""",
    # 19 airlines and a merger
    """<org>Lufthansa</org> agreed to buy a 41 percent stake in <org>ITA Airways</org>, the Italian carrier, for 325 million euros.
<org>Air France-KLM</org> had also bid. The <org>European Commission</org> must approve the deal. Analysts at
<org>Bernstein</org> said the price was fair.
""",
    # 20 a short briefing with an outlet asking and an acronym in parentheses
    """The <org>Organisation for Economic Co-operation and Development</org> (<org>OECD</org>) cut its growth forecast to
2.7 percent. The <org>International Monetary Fund</org> will publish its own on Tuesday. Tom Price of
<org>Bloomberg</org> asked whether the <org>OECD</org> expected a recession.
""",
    # 21 basketball and American football
    """BASKETBALL - <org>NBA</org> RESULTS

NEW YORK 1999-02-20

Results of <org>National Basketball Association</org> games on Friday:
<org>Boston Celtics</org> 98 <org>Toronto Raptors</org> 91
<org>Chicago Bulls</org> 85 <org>Miami Heat</org> 102
""",
    # 22 retail and consumer goods, a newly named firm
    """<org>Procter & Gamble</org> raised prices on diapers. <org>Unilever</org> said demand held up. <org>Kestrel Foods</org>, a
start-up, said <org>Tesco</org> would stock its oat bars. <org>Kestrel</org> was founded in 2019 by two former
<org>Nestle</org> managers.
""",
    # -- written after the first changes, to check them on text they were not tuned on --
    # 23 standings in a table
    """RUGBY LEAGUE - SUPER LEAGUE STANDINGS

LONDON 2002-06-02

Standings after Sunday's matches (tabulate under played, won, drawn, lost, points):
<org>Wigan Warriors</org> 14 11 0 3 22
<org>St Helens</org> 14 10 1 3 21
<org>Bradford Bulls</org> 14 9 0 5 18
<org>Leeds Rhinos</org> 14 7 0 7 14
""",
    # 24 markets with brokers and a central bank
    """TOKYO (<org>Reuters</org>) - Japanese shares fell on Monday as exporters slipped after the yen firmed.
<org>Sony Group</org> lost 2.3 percent and <org>Honda Motor</org> fell 1.8 percent. "Investors are waiting for the
<org>Bank of Japan</org>," said Hiroshi Tanaka, a strategist at <org>Mizuho Securities</org>. The <org>Nikkei</org>
share average ended down 1.1 percent.
""",
    # 25 a defining apposition with "a", a company and its chief
    """<org>Brightwater Energy</org>, a Texas oil explorer, said on Thursday it had agreed to be bought by
<org>Halcyon Resources</org> for $1.4 billion. Brightwater chief executive Dana Morrow will join the board of
<org>Halcyon</org>, the company said. <org>Moody's</org> placed <org>Halcyon</org>'s ratings on review.
""",
    # 26 politics abroad with party abbreviations
    """The ruling <org>African National Congress</org> (<org>ANC</org>) lost its majority, while the <org>Democratic
Alliance</org> won 22 percent. Julius Malema's <org>Economic Freedom Fighters</org> came fourth. The <org>ANC</org> said
it would talk to all parties. Observers from the <org>Southern African Development Community</org> called the vote fair.
""",
    # 27 tennis and golf: people only, and a tour
    """TENNIS - SEEDS FALL IN HAMBURG

HAMBURG 2003-05-14

Third seed Carlos Moya lost to Gaston Gaudio 6-4 6-3 in the second round on Wednesday. The <org>ATP</org>
said Moya would keep his ranking. Fourth seed Tim Henman beat Felix Mantilla.
""",
    # 28 an agency story with a spokesman and a ministry
    """Kenya's <org>Ministry of Health</org> confirmed 14 new cases on Tuesday. "We are tracing contacts," a
ministry spokesman told <org>Reuters</org>. The <org>Kenya Red Cross</org> said it had sent teams to Kisumu, and
<org>Safaricom</org>, the mobile operator, offered free calls to a hotline run by the <org>World Food Programme</org>.
""",
    # 29 football transfers, clubs with and without their town
    """<org>Bayern Munich</org> signed striker Harry Kane from <org>Tottenham Hotspur</org> on Saturday. The German champions
paid a club record fee, <org>Tottenham</org> said. <org>Borussia Dortmund</org> and <org>Real Madrid</org> had also shown
interest. Kane told <org>Sky Sports</org> he was delighted.
""",
    # 30 a court case with law firms and a regulator
    """A judge in Delaware blocked the merger of <org>Carver Foods</org> and <org>Pellan Brands</org> on Friday after the
<org>Federal Trade Commission</org> sued. Lawyers at <org>Sullivan & Cromwell</org>, who represent <org>Carver</org>, said
they would appeal. Mr. Pellan, who founded the company, did not comment.
""",
]


def gold(first: int = 1, last: int | None = None) -> list[tuple[str, set[tuple[int, int]]]]:
    """``(text, {(start, end) of each marked organization})`` for stories ``first`` to ``last`` (1-based)."""
    out = []
    for marked in STORIES[first - 1:last]:
        text, spans = parse(marked)
        out.append((text, {(s, e) for tag, s, e, _ in spans if tag == "org"}))
    return out


def score(golds: list[set], found: list[set]) -> tuple[float, float, float, int, int, int]:
    """Precision, recall, F1 of exact spans, and the counts: gold, found, true positives."""
    tp = sum(len(g & p) for g, p in zip(golds, found))
    n_gold, n_pred = sum(map(len, golds)), sum(map(len, found))
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, n_gold, n_pred, tp


def model_orgs(model: str, texts: list[str], trim: bool = False) -> list[set[tuple[int, int]]]:
    """The model's ORG entities as they are, or with ``trim`` without a leading "the" and a
    trailing "'s" (the marking here leaves them out, as CoNLL-2003 does)."""
    import spacy

    nlp = spacy.load(model)
    out = []
    for doc in nlp.pipe(texts):
        spans = set()
        for e in doc.ents:
            if e.label_ != "ORG":
                continue
            start, end = e.start, e.end
            if trim and e[0].lower_ == "the":
                start += 1
            if trim and doc[end - 1].text in ("'s", "'"):
                end -= 1
            if end > start:
                spans.add((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
        out.append(spans)
    return out


def table_orgs(model: str | None, texts: list[str]) -> list[set[tuple[int, int]]]:
    import claimspan

    frame = claimspan.extract([{"id": str(i), "text": t} for i, t in enumerate(texts)], model=model)["organizations"]
    found = [set() for _ in texts]
    for doc_id, start, end in zip(frame["doc_id"], frame["start_char"], frame["end_char"]):
        found[int(doc_id)].add((int(start), int(end)))
    return found
