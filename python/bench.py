#!/usr/bin/env python3
"""Benchmark: TextBlob against the sentiment package, in one process, on the
same lines. Prints figures; asserts nothing about time.

    PYTHONPATH=build/python TEXTBLOB_SRC=DIR python3 python/bench.py \\
        [FILE] [--lines 20000] [--rounds 10]

FILE defaults to ../shared/corpus/bench.txt. Each round times, alternating,
sentiment.polarity() called once per line, score_many(jobs=1) and
score_many(jobs=2); the best round of each is reported, in wall and CPU
time. TextBlob (from TEXTBLOB_SRC, a source tree; skipped when unset) is
timed once, as it takes seconds. Ratios are of lines per second.
"""

import argparse
import os
import sys
import time

# Run as a script, this folder would be first on the path, and its sentiment/
# (sources, no compiled module) would hide the one on PYTHONPATH.
sys.path = [p for p in sys.path
            if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import sentiment  # noqa: E402


def load(path, n):
    with open(path, "rb") as f:
        lines = [raw.rstrip(b"\n").decode("utf-8", "replace") for _, raw in zip(range(n), f)]
    return lines, sum(len(t.encode("utf-8", "surrogatepass")) + 1 for t in lines)


def import_textblob():
    src = os.environ.get("TEXTBLOB_SRC")
    if not src:
        return None
    for path in (os.path.join(src, "src"), src):
        if os.path.isfile(os.path.join(path, "textblob", "__init__.py")):
            sys.path.insert(0, path)
            break
    from textblob import TextBlob
    return TextBlob


def timed(fn):
    """(wall seconds, CPU seconds of the process, result)."""
    w0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - w0, time.process_time() - c0, result


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?",
                        default=os.path.join(here, "..", "..", "shared", "corpus", "bench.txt"))
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    lines, nbytes = load(args.file, args.lines)
    print("%d lines, %.2f MB, Python %s, %s, sentiment %s"
          % (len(lines), nbytes / 1e6, sys.version.split()[0], sentiment.default_analyzer.compat,
             sentiment.__version__))

    runs = {
        "sentiment.polarity per call": lambda: [sentiment.polarity(t) for t in lines],
        "score_many(jobs=1)": lambda: sentiment.score_many(lines, jobs=1),
        "score_many(jobs=2)": lambda: sentiment.score_many(lines, jobs=2),
    }
    best = {name: float("inf") for name in runs}
    cpu = dict(best)
    answers = {}
    for _ in range(args.rounds):
        for name, fn in runs.items():
            seconds, cpu_seconds, answers[name] = timed(fn)
            best[name] = min(best[name], seconds)
            cpu[name] = min(cpu[name], cpu_seconds)
    polarities = [p for p, _ in answers["score_many(jobs=1)"]]
    assert answers["sentiment.polarity per call"] == polarities
    assert answers["score_many(jobs=2)"] == answers["score_many(jobs=1)"]

    TextBlob = import_textblob()
    if TextBlob is not None:
        seconds, cpu_seconds, got = timed(lambda: [TextBlob(t).sentiment.polarity for t in lines])
        assert got == polarities, "TextBlob disagrees"
        best = {"TextBlob(text).sentiment": seconds, **best}
        cpu = {"TextBlob(text).sentiment": cpu_seconds, **cpu}

    # Wall time is what the targets are about; the CPU time of the process
    # shows the cost apart from waiting for a shared core (for jobs=2 it adds
    # both threads, so only its wall time means anything).
    print("%-28s %10s %12s %9s %16s %14s" % ("", "wall s", "lines/s", "MB/s", "wall vs TextBlob",
                                             "CPU s (ratio)"))
    base, cpu_base = best.get("TextBlob(text).sentiment"), cpu.get("TextBlob(text).sentiment")
    for name, seconds in best.items():
        print("%-28s %10.4f %12.0f %9.2f %16s %14s"
              % (name, seconds, len(lines) / seconds, nbytes / 1e6 / seconds,
                 "%.0fx" % (base / seconds) if base else "-",
                 "%.4f (%.0fx)" % (cpu[name], cpu_base / cpu[name]) if cpu_base else
                 "%.4f" % cpu[name]))
    print("score_many jobs=2 / jobs=1: %.2fx"
          % (best["score_many(jobs=1)"] / best["score_many(jobs=2)"]))


if __name__ == "__main__":
    main()
