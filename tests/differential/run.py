#!/usr/bin/env python3
"""Differential test: sentiment-cli against the independent reference
implementation, on adversarial lines drawn fresh on every run.

    python3 tests/differential/run.py --cli BUILD/cli/sentiment-cli
    SENTIMENT_DIFF_SEED=1234 python3 tests/differential/run.py --cli ...   # reproduce

Run it from the repository root; ../shared/reference (beside the clone, as
on CI) holds the generator and the reference. Without them (a clone on its
own) it says so in one line and exits 77, meson's "skipped". Steps:

1. A seed: $SENTIMENT_DIFF_SEED, or a new random one. It is printed first.
2. `gen_fuzz.py SEED N data/en-sentiment.xml` writes N lines in the
   --escaped convention (\\\\ \\n \\r \\t stand for a backslash, LF, CR, TAB).
3. The lines are unescaped exactly as the reference's --escaped does (the
   texts then hold real line breaks) and fed to `sentiment-cli -s -z` as
   NUL-terminated records, once in the default mode and once with
   `--compat py311`.
4. `sentiment_ref.py --escaped` scores the escaped lines with
   `--sum neumaier` (CPython >= 3.12, the default mode) and `--sum plain`
   (CPython <= 3.11, --compat py311).
5. Each row (repr(polarity) TAB repr(subjectivity)) is compared as a string.
   On a mismatch it prints the seed, the line number, the escaped line and
   both rows, and exits with status 1.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (SKIPPED, choose_seed, compare, generate,  # noqa: E402
                    output_rows, run_side_by_side)

LABEL = "differential"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", required=True, help="the sentiment-cli to test")
    ap.add_argument("--reference", default=os.path.join("..", "shared", "reference"),
                    help="directory of gen_fuzz.py and sentiment_ref.py")
    ap.add_argument("--lexicon", default=os.path.join("data", "en-sentiment.xml"))
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--seed", type=int, help="default: $SENTIMENT_DIFF_SEED or random")
    args = ap.parse_args()

    gen = os.path.join(args.reference, "gen_fuzz.py")
    ref = os.path.join(args.reference, "sentiment_ref.py")
    for path in (gen, ref):
        if not os.path.exists(path):
            print("differential: skipped, no %s (the reference implementation"
                  " beside the repository)" % path)
            return SKIPPED

    seed = choose_seed(LABEL, args.seed, args.lines)

    for path in (args.lexicon, args.cli):
        if not os.path.exists(path):
            print("differential: missing %s" % path)
            return 1

    generated = generate(LABEL, [gen, str(seed), str(args.lines), args.lexicon], args.lines)
    if generated is None:
        return 1
    escaped, lines, records = generated

    jobs = {
        "default": ([sys.executable, ref, "--escaped", "--sum", "neumaier",
                     "--lexicon", args.lexicon], escaped),
        "py311": ([sys.executable, ref, "--escaped", "--sum", "plain",
                   "--lexicon", args.lexicon], escaped),
        "cli default": ([args.cli, "-s", "-z"], records),
        "cli py311": ([args.cli, "-s", "-z", "--compat", "py311"], records),
    }
    results = run_side_by_side(LABEL, jobs)
    if results is None:
        return 1

    failed = False
    for mode in ("default", "py311"):
        if compare(LABEL, mode, seed, lines, output_rows(results[mode][0]),
                   output_rows(results["cli " + mode][0])):
            print("%s [%s]: %d lines agree (reference %.1f s, cli %.2f s)"
                  % (LABEL, mode, len(lines), results[mode][1], results["cli " + mode][1]))
        else:
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
