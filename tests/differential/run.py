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
import secrets
import subprocess
import sys
import threading
import time

MAX_SHOWN = 10
SKIPPED = 77   # meson's and automake's exit status for a skipped test


def run(cmd, data, results, key):
    """Runs cmd with data on stdin; stores (returncode, stdout, stderr, seconds)."""
    start = time.monotonic()
    p = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    results[key] = (p.returncode, p.stdout, p.stderr, time.monotonic() - start, cmd)


def unescape(line):
    """The reference's --escaped decoding of one raw line (bytes -> bytes)."""
    text = line.decode("utf-8", "replace")
    text = text.encode("latin-1", "backslashreplace").decode("unicode_escape")
    return text.encode("utf-8")


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

    seed = args.seed
    if seed is None and os.environ.get("SENTIMENT_DIFF_SEED"):
        seed = int(os.environ["SENTIMENT_DIFF_SEED"])
    if seed is None:
        seed = secrets.randbelow(2**31)
    print("differential: seed %d, %d lines (reproduce with SENTIMENT_DIFF_SEED=%d)"
          % (seed, args.lines, seed), flush=True)

    for path in (args.lexicon, args.cli):
        if not os.path.exists(path):
            print("differential: missing %s" % path)
            return 1

    escaped = subprocess.run([sys.executable, gen, str(seed), str(args.lines), args.lexicon],
                             stdout=subprocess.PIPE, check=True).stdout
    lines = escaped.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if len(lines) != args.lines:
        print("differential: gen_fuzz.py wrote %d lines, not %d" % (len(lines), args.lines))
        return 1
    texts = [unescape(line) for line in lines]
    if any(b"\0" in t for t in texts):
        print("differential: a generated text holds a NUL byte; it cannot be a -z record")
        return 1
    records = b"".join(t + b"\0" for t in texts)

    jobs = {
        "default": ([sys.executable, ref, "--escaped", "--sum", "neumaier",
                     "--lexicon", args.lexicon], escaped),
        "py311": ([sys.executable, ref, "--escaped", "--sum", "plain",
                   "--lexicon", args.lexicon], escaped),
        "cli default": ([args.cli, "-s", "-z"], records),
        "cli py311": ([args.cli, "-s", "-z", "--compat", "py311"], records),
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
            print("differential: %s exited with %d: %s\n%s"
                  % (key, rc, " ".join(cmd), err.decode("utf-8", "replace")[-2000:]))
            failed = True
    if failed:
        return 1

    for mode in ("default", "py311"):
        want = results[mode][1].decode().split("\n")
        got = results["cli " + mode][1].decode("utf-8", "replace").split("\n")
        for rows in (want, got):
            if rows and rows[-1] == "":
                rows.pop()
        if len(want) != len(lines) or len(got) != len(lines):
            print("differential [%s]: %d reference rows and %d CLI rows for %d lines (seed %d)"
                  % (mode, len(want), len(got), len(lines), seed))
            failed = True
            continue
        bad = [k for k in range(len(lines)) if want[k] != got[k]]
        for k in bad[:MAX_SHOWN]:
            print("MISMATCH [%s] seed %d line %d: %s\n  reference: %s\n  cli:       %s"
                  % (mode, seed, k + 1, lines[k].decode("utf-8", "replace"), want[k], got[k]))
        if bad:
            print("differential [%s]: %d of %d lines differ (seed %d)"
                  % (mode, len(bad), len(lines), seed))
            failed = True
        else:
            print("differential [%s]: %d lines agree (reference %.1f s, cli %.2f s)"
                  % (mode, len(lines), results[mode][3], results["cli " + mode][3]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
