"""Check set 5's gold: every claim span against the texts, and print the spans of each statistic.

    python bench/heldout-news-5/check.py [--ap-input /tmp/apw/input.jsonl]

The checks are bench/heldout_check.py's (sets 4 and 5 share them).
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from heldout_check import main  # noqa: E402

if __name__ == "__main__":
    main(Path(__file__).parent)
