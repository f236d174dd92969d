"""``claimspan``: the command line. Thin: parses arguments, calls ``run.run()``, prints the summary."""
from __future__ import annotations

import argparse
import math
import sys

from claimspan import __version__


def main(argv=None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:   # Ctrl-C: the outputs are as before the run (the writer aborts)
        print("claimspan: interrupted", file=sys.stderr)
        return 130


def _main(argv) -> int:
    parser = argparse.ArgumentParser(prog="claimspan", description="Checkable facts from text, as Parquet tables.")
    parser.add_argument("--version", action="version", version=f"claimspan {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    run_p = commands.add_parser("run", help="extract the six tables from documents")
    run_p.add_argument("inputs", nargs="+",
                       help="files or folders: .txt .md .html .htm .pdf .docx .jsonl .csv .parquet "
                            "(in a folder, files of other types are listed as skipped; a file named here "
                            "with another suffix is read as text)")
    run_p.add_argument("--out", default="outputs", help="output folder (default: outputs)")
    run_p.add_argument("--model", default=None, help="an installed trained spaCy pipeline, e.g. en_core_web_sm")
    run_p.add_argument("--encoding", default=None,
                       help="decode text files with this codec instead of UTF-8 (BOMs still win)")
    run_p.add_argument("--timeout", type=seconds, default=300.0, metavar="SECONDS",
                       help="seconds one document may take before it is reported as an error "
                            "(default 300; 'none': no limit)")
    run_p.add_argument("--workers", type=int, default=None,
                       help="worker processes on this machine (default: the number of cores)")
    run_p.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="local (default) or dask: a Dask cluster writes each table as a folder of parts")
    run_p.add_argument("--scheduler", default=None,
                       help="with --engine dask: a scheduler address tcp://HOST:PORT (default: a local cluster)")
    run_p.add_argument("--rules", default=None, metavar="DIR",
                       help="a folder laid out like claimspan's rules/ whose files extend the built-in ones "
                            "(default: $CLAIMSPAN_RULES)")
    run_p.add_argument("--force", action="store_true",
                       help="extract every document again instead of reusing unchanged ones")
    run_p.add_argument("--strict", action="store_true", help="exit non-zero when any document failed")
    run_p.add_argument("--quiet", action="store_true", help="no summary")
    add_review_commands(commands)
    rules_p = commands.add_parser("rules", help="the rules and their examples")
    rules_commands = rules_p.add_subparsers(dest="rules_command", required=True)
    check_p = rules_commands.add_parser("check",
                                        help="run every rule's examples; exit 1 if one fails or a rule has none")
    check_p.add_argument("--json", action="store_true",
                         help="print the counts as JSON (rules, covered, examples, failed)")
    check_p.add_argument("--list", action="store_true", help="list every rule with its file and line and example count")
    check_p.add_argument("--rules", default=None, metavar="DIR",
                         help="check with this rules overlay (its examples too)")
    check_p.add_argument("--model", default=None, help="an installed trained spaCy pipeline")
    check_p.add_argument("--only", default=None, metavar="PREFIX",
                         help="with --list, --ablate and the NO EXAMPLE lines: "
                              "only the rules whose id starts with PREFIX")
    check_p.add_argument("--ablate", action="store_true",
                         help="also switch each covered rule off and rerun its examples: a rule whose examples "
                              "still pass is reported 'not needed' (slow: one pipeline per rule)")
    check_p.set_defaults(handler=cmd_rules_check)
    args = parser.parse_args(argv)
    if args.command == "run":
        return cmd_run(args)
    return args.handler(args)


def seconds(value: str) -> float | None:
    """``--timeout``: a positive finite number of seconds, or ``none`` for no budget."""
    if value.strip().lower() == "none":
        return None
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and number > 0):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, or 'none' for no budget: {value!r}")
    return number


def add_review_commands(commands) -> None:
    """``report`` and ``show`` (claimspan/review/): each subparser sets ``handler``."""
    from claimspan.review.cli import add_commands

    add_commands(commands)


def cmd_run(args) -> int:
    from claimspan.io.readers import InputError
    from claimspan.io.writer import OutputError
    from claimspan.ruleset import RuleError
    from claimspan.run import run

    bar = _progress_bar()
    try:
        report = run(args.inputs, args.out, model=args.model, encoding=args.encoding,
                     timeout=args.timeout, workers=args.workers, engine=args.engine,
                     scheduler=args.scheduler, force=args.force, rules=args.rules, on_progress=bar)
    except (InputError, OutputError, RuleError) as exc:
        print(f"claimspan: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a model that is not installed, and the like
        print(f"claimspan: error: {exc}", file=sys.stderr)
        return 2
    finally:
        bar.close()
    if not args.quiet:
        print_summary(report)
    processed = report.documents - report.failed - len(report.skipped)
    if report.documents == 0 or processed == 0:
        return 1
    return 1 if args.strict and report.failed else 0


def cmd_rules_check(args) -> int:
    import json

    from claimspan.rulebook import check
    from claimspan.ruleset import RuleError

    try:
        result = check(args.rules, model=args.model)
    except (RuleError, OSError) as exc:
        print(f"claimspan: error: {exc}", file=sys.stderr)
        return 2
    counts, only = result.summary(), args.only or ""
    if args.ablate:
        from claimspan.rulebook import ablate

        names = sorted(n for n in result.covered & set(result.rules) if n.startswith(only))
        verdicts = ablate(result, names, model=args.model)
        for name, verdict in sorted(verdicts.items()):
            if verdict != "needed":
                print(f"{verdict.upper()} {name} ({result.rules[name]})", file=sys.stderr)
        counts["not_needed"] = sum(v == "not needed" for v in verdicts.values())
    if args.list:
        named: dict[str, int] = {}
        for outcome in result.outcomes:
            for name in outcome.example.rules:
                named[name] = named.get(name, 0) + 1
        for name, at in sorted(result.rules.items()):
            if name.startswith(only):
                print(f"{name}\t{named.get(name, 0)}\t{at}")
    for outcome in result.failed:
        print(f"FAILED {outcome.example.where} ({', '.join(outcome.example.rules)}): {outcome.example.text!r}",
              file=sys.stderr)
        for problem in outcome.problems:
            print(f"  {problem}", file=sys.stderr)
    for name in (n for n in result.uncovered if n.startswith(only)):
        print(f"NO EXAMPLE {name} ({result.rules[name]})", file=sys.stderr)
    if args.json:
        print(json.dumps(counts))
    else:
        print("claimspan: {rules} rules, {covered} with a passing example; {examples} examples, {failed} failed"
              .format(**counts))
    return 0 if result.ok else 1


class _progress_bar:
    """tqdm on stderr, only when stderr is a terminal and there is more than one document."""

    def __init__(self):
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None and total > 1 and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=sys.stderr)
        if self.bar is not None:
            self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def print_summary(report) -> None:
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(report.statuses.items()))
    reused = f", {report.reused} reused unchanged" if report.reused else ""
    print(f"claimspan: {report.documents} documents read ({statuses or 'none'}{reused}) -> {report.out_dir}")
    print("rows: " + ", ".join(f"{t} {n}" for t, n in report.rows.items() if t != "documents"))
    if report.seconds:
        print("seconds: " + ", ".join(f"{step} {s:.1f}" for step, s in report.seconds.items()))
    for old, new in report.renamed:
        print(f"duplicate id {old!r}: kept apart as {new!r}")
    for doc_id, reason in report.errors:
        print(f"error: {doc_id}: {reason}")
    if report.skipped:
        print(f"skipped {len(report.skipped)} file(s) of unsupported types: {_names(report.skipped)}")


def _names(names: list[str], most: int = 10) -> str:
    """At most ``most`` names, then how many more (a folder may hold thousands of images)."""
    shown = ", ".join(names[:most])
    return shown if len(names) <= most else f"{shown} and {len(names) - most} more"


if __name__ == "__main__":
    sys.exit(main())
