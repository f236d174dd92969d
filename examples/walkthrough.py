"""Reading claimspan's tables with pandas: the README's walkthrough, runnable.

    claimspan run seeds --out outputs
    python examples/walkthrough.py outputs

Each step prints what a reviewer would look at; the asserts state what the
tables promise (SPEC.md). tests/e2e/test_walkthrough.py runs this on a fresh
run of the seeds and checks that the README shows the same code.
"""
import sys

import pandas as pd

pd.set_option("display.width", 200)
pd.set_option("display.max_columns", 12)
pd.set_option("display.max_colwidth", 48)
out = sys.argv[1] if len(sys.argv) > 1 else "outputs"

# [walkthrough]
# 1. Load the tables: one line each (a table may also be a folder of part files).
docs = pd.read_parquet(f"{out}/documents.parquet")
claims = pd.read_parquet(f"{out}/claims.parquet")
orgs = pd.read_parquet(f"{out}/organizations.parquet")
statistics = pd.read_parquet(f"{out}/statistics.parquet")

# 2. The claims of one speaker: here whoever makes the most (news often has none).
speakers = claims["speaker"].value_counts()
if len(speakers):
    said = claims[claims["speaker"] == speakers.index[0]]
    print(f"{len(said)} claims by {speakers.index[0]}")
    print(said[["text", "value", "unit", "qualifier", "counted", "checkworthy"]].head(10))

# 3. Checkworthy claims about a period: their period overlaps 2016-2020.
period_start = pd.to_datetime(claims["period_start"])
period_end = pd.to_datetime(claims["period_end"])
in_period = claims[claims["checkworthy"]
                   & (period_start <= "2020-12-31") & (period_end >= "2016-01-01")]
print(f"{len(in_period)} checkworthy claims about 2016-2020")
print(in_period[["doc_id", "text", "counted", "period_text"]])

# 4. Organizations by org_key: every mention of one organization shares its key (its acronym,
#    "UNHRC"; a company's name with or without "Inc.", and its first word alone, "Halcyon").
by_org = (orgs.groupby("org_key")
              .agg(name=("name", "first"), mentions=("text", "size"),
                   documents=("doc_id", "nunique"), forms=("text", lambda t: sorted(set(t))))
              .sort_values("mentions", ascending=False))
print(by_org[["mentions", "documents", "forms"]].head(8))

# 5. Claims joined back to their documents: the span and the sentence are exact slices.
joined = claims.merge(docs[["doc_id", "title", "doc_date", "text"]].rename(columns={"text": "doc_text"}),
                      on="doc_id")
for row in joined.itertuples():
    assert row.doc_text[row.start_char:row.end_char] == row.text
    assert row.doc_text[row.sentence_start_char:row.sentence_end_char] == row.sentence
for first in joined.head(1).itertuples():
    at = first.start_char - first.sentence_start_char
    print(f"{first.title} ({first.doc_date}), line {first.line}:")
    print(first.sentence[:at] + "[" + first.text + "]" + first.sentence[at + len(first.text):])

# 6. Statistics: claims that restate one figure share a stat_id; each figure stated
#    twice or more is a row of statistics, with its label and whether its values agree.
stated = (claims.groupby("stat_id")
                .agg(claims=("text", "size"), documents=("doc_id", "nunique"), said=("text", list))
                .query("claims > 1")
                .sort_values("claims", ascending=False, kind="stable"))
assert set(stated.index) == set(statistics["stat_id"])
print(stated.join(statistics.set_index("stat_id")["label"]).head(5))
print(f"{(~statistics['consistent']).sum()} of {len(statistics)} statistics are inconsistent:")
print(statistics[~statistics["consistent"]][["label", "n_claims", "value_min", "value_max", "unit"]])
# [/walkthrough]
