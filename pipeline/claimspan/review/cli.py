"""The ``report`` and ``show`` subcommands, added to ``claimspan`` by pipeline/claimspan/cli.py."""
from __future__ import annotations

import sys


def add_commands(commands) -> None:
    report = commands.add_parser("report", help="write a self-contained HTML review page from a run's outputs")
    report.add_argument("out", help="the output folder of a run (its --out)")
    report.add_argument("--html", default="report.html", help="the page to write (default: report.html)")
    report.set_defaults(handler=cmd_report)
    show = commands.add_parser("show", help="summarize a run's outputs in the terminal")
    show.add_argument("out", help="the output folder of a run (its --out)")
    show.add_argument("--top", type=int, default=10,
                      help="how many counted nouns and statistics to list (default 10)")
    show.set_defaults(handler=cmd_show)


def cmd_report(args) -> int:
    from claimspan.review.html_report import write_report
    from claimspan.review.tables import OutputsError

    try:
        path = write_report(args.out, args.html)
    except (OutputsError, OSError) as exc:
        print(f"claimspan: error: {exc}", file=sys.stderr)
        return 2
    print(f"claimspan: report written to {path}")
    return 0


def cmd_show(args) -> int:
    from claimspan.review.show import show
    from claimspan.review.tables import OutputsError, load_tables

    try:
        tables = load_tables(args.out)
    except OutputsError as exc:
        print(f"claimspan: error: {exc}", file=sys.stderr)
        return 2
    show(tables, top=args.top)
    return 0
