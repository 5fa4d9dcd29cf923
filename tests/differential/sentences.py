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
3. The lines are unescaped as the oracle's --escaped does (run.py's
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
import secrets
import subprocess
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import MAX_SHOWN, run, unescape  # noqa: E402  (the scoring differential)


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

    seed = args.seed
    if seed is None and os.environ.get("SENTIMENT_DIFF_SEED"):
        seed = int(os.environ["SENTIMENT_DIFF_SEED"])
    if seed is None:
        seed = secrets.randbelow(2**31)
    print("sentences differential: seed %d, %d lines (reproduce with SENTIMENT_DIFF_SEED=%d)"
          % (seed, args.lines, seed), flush=True)

    gen = os.path.join(args.reference, "gen_punkt.py")
    oracle = os.path.join(args.reference, "punkt_oracle.py")
    for path in (gen, oracle, args.model, args.lexicon, args.cli):
        if not os.path.exists(path):
            print("sentences differential: missing %s" % path)
            return 1

    escaped = subprocess.run([sys.executable, gen, str(seed), str(args.lines), args.model,
                              args.lexicon], stdout=subprocess.PIPE, check=True).stdout
    lines = escaped.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if len(lines) != args.lines:
        print("sentences differential: gen_punkt.py wrote %d lines, not %d"
              % (len(lines), args.lines))
        return 1
    texts = [unescape(line) for line in lines]
    if any(b"\0" in t for t in texts):
        print("sentences differential: a generated text holds a NUL byte; it cannot be a -z record")
        return 1
    records = b"".join(t + b"\0" for t in texts)

    os.environ["PUNKT_DIR"] = os.path.abspath(args.model)   # run() passes it on
    cli = [args.cli, "--sentences", "--json", "-z"]
    jobs = {
        "default": ([sys.executable, oracle, "--ref", "--escaped", "--sum", "neumaier"], escaped),
        "py311": ([sys.executable, oracle, "--ref", "--escaped", "--sum", "plain"], escaped),
        "cli default": (cli, records),
        "cli py311": (cli + ["--compat", "py311"], records),
    }
    results = {}
    threads = [threading.Thread(target=run, args=(cmd, data, results, key))
               for key, (cmd, data) in jobs.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    failed = False
    for key, (rc, out, err, secs, cmd) in sorted(results.items()):
        if rc != 0:
            print("sentences differential: %s exited with %d: %s\n%s"
                  % (key, rc, " ".join(cmd), err.decode("utf-8", "replace")[-2000:]))
            failed = True
    if failed:
        return 1

    for mode in ("default", "py311"):
        want = [json.loads(r)["sentences"] for r in results[mode][1].decode().splitlines()]
        got = [json.loads(r)["sentences"]
               for r in results["cli " + mode][1].decode("utf-8").splitlines()]
        if len(want) != len(lines) or len(got) != len(lines):
            print("sentences differential [%s]: %d reference rows and %d CLI rows for %d lines"
                  " (seed %d)" % (mode, len(want), len(got), len(lines), seed))
            failed = True
            continue
        bad = [k for k in range(len(lines)) if want[k] != got[k]]
        for k in bad[:MAX_SHOWN]:
            print("MISMATCH [%s] seed %d line %d: %s\n  reference: %s\n  cli:       %s"
                  % (mode, seed, k + 1, lines[k].decode("utf-8", "replace"),
                     json.dumps(want[k]), json.dumps(got[k])))
        if bad:
            print("sentences differential [%s]: %d of %d lines differ (seed %d)"
                  % (mode, len(bad), len(lines), seed))
            failed = True
        else:
            print("sentences differential [%s]: %d lines, %d sentences agree"
                  " (reference %.1f s, cli %.2f s)"
                  % (mode, len(lines), sum(len(w) for w in want), results[mode][3],
                     results["cli " + mode][3]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
