#!/usr/bin/env python3
"""Differential test of the sentence splitter: `sentiment-cli --sentences
--json` against NLTK's Punkt (../shared/reference/punkt_oracle.py --ref), on
adversarial multi-sentence lines drawn fresh on every run.

    python3 tests/differential/sentences.py --cli BUILD/cli/sentiment-cli
    SENTIMENT_DIFF_SEED=1234 python3 tests/differential/sentences.py --cli ...

Run it from the repository root, with ../shared/reference beside the clone
(it needs only Debian's python3-nltk). Steps, as run.py does for scores:

1. A seed: --seed, $SENTIMENT_DIFF_SEED, or a new random one, printed first.
2. `gen_punkt.py SEED N data/punkt-english data/en-sentiment.xml` writes N
   lines in the --escaped convention.
3. The lines are unescaped as the oracle's --escaped does (common.py's
   unescape()) and fed to `sentiment-cli --sentences --json -z` as
   NUL-terminated records, in the default mode and with --compat py311.
4. `punkt_oracle.py --ref --escaped` splits them with NLTK and scores each
   sentence with `--sum neumaier` and `--sum plain`, with PUNKT_DIR pointing
   at this repository's data/punkt-english.
5. Each line's "sentences" list (byte spans and numbers) must be equal; the
   numbers are parsed by Python's json, which reads repr() back exactly.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (choose_seed, compare, generate, output_rows,  # noqa: E402
                    run_side_by_side)

LABEL = "sentences differential"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", required=True, help="the sentiment-cli to test")
    ap.add_argument("--reference", default=os.path.join("..", "shared", "reference"),
                    help="directory of gen_punkt.py and punkt_oracle.py")
    ap.add_argument("--model", default=os.path.join("data", "punkt-english"))
    ap.add_argument("--lexicon", default=os.path.join("data", "en-sentiment.xml"))
    ap.add_argument("--lines", type=int, default=3000)
    ap.add_argument("--seed", type=int, help="default: $SENTIMENT_DIFF_SEED or random")
    args = ap.parse_args()

    seed = choose_seed(LABEL, args.seed, args.lines)

    gen = os.path.join(args.reference, "gen_punkt.py")
    oracle = os.path.join(args.reference, "punkt_oracle.py")
    for path in (gen, oracle, args.model, args.lexicon, args.cli):
        if not os.path.exists(path):
            print("%s: missing %s" % (LABEL, path))
            return 1

    generated = generate(LABEL, [gen, str(seed), str(args.lines), args.model, args.lexicon],
                         args.lines)
    if generated is None:
        return 1
    escaped, lines, records = generated

    os.environ["PUNKT_DIR"] = os.path.abspath(args.model)   # the oracle inherits it
    cli = [args.cli, "--sentences", "--json", "-z"]
    jobs = {
        "default": ([sys.executable, oracle, "--ref", "--escaped", "--sum", "neumaier"], escaped),
        "py311": ([sys.executable, oracle, "--ref", "--escaped", "--sum", "plain"], escaped),
        "cli default": (cli, records),
        "cli py311": (cli + ["--compat", "py311"], records),
    }
    results = run_side_by_side(LABEL, jobs)
    if results is None:
        return 1

    failed = False
    for mode in ("default", "py311"):
        want = [json.loads(r)["sentences"] for r in output_rows(results[mode][0])]
        got = [json.loads(r)["sentences"] for r in output_rows(results["cli " + mode][0])]
        if compare(LABEL, mode, seed, lines, want, got, show=json.dumps):
            print("%s [%s]: %d lines, %d sentences agree (reference %.1f s, cli %.2f s)"
                  % (LABEL, mode, len(lines), sum(len(w) for w in want), results[mode][1],
                     results["cli " + mode][1]))
        else:
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
