#!/usr/bin/env python3
"""Check that scoring on a Dask LocalCluster of two worker processes gives
the serial answers, for a partitioned text file and a dask dataframe.

usage: check_dask.py TESTS_DIR [SHARED_DIR]

TESTS_DIR is the repository's tests/ (its vectors are the texts); lines of
SHARED_DIR/corpus/bench.txt are added when it exists. Ends with a line
"N passed, M failed"; exits 77 when dask or distributed is missing.
"""

import os
import sys
import tempfile

try:
    import dask.dataframe
    import distributed  # noqa: F401
    import pandas
except ImportError as e:
    print("SKIP: %s (Debian python3-dask, python3-distributed, python3-pandas)" % e)
    sys.exit(77)

import sentiment

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_text import local_cluster, score_file  # noqa: E402

from distributed import Client  # noqa: E402


def texts(tests_dir, shared_dir):
    out = []
    for name in ("edge.tsv", "uci-dev.tsv", "fuzz-dev.tsv"):
        with open(os.path.join(tests_dir, "vectors", name), encoding="utf-8", newline="") as f:
            # Texts with escapes hold line breaks, which a line file cannot.
            out += [line.split("\t")[0] for line in f
                    if not line.startswith("#") and "\\" not in line.split("\t")[0]]
    bench = os.path.join(shared_dir or "", "corpus", "bench.txt")
    if shared_dir and os.path.exists(bench):
        with open(bench, encoding="utf-8", errors="replace", newline="") as f:
            out += [line.rstrip("\n") for _, line in zip(range(20000), f)]
    # "\r" would be a line end to the reader's text mode; it is only text here.
    return [t for t in out if "\r" not in t and "\x0b" not in t and "\x0c" not in t
            and "\x1c" not in t and "\x1d" not in t and "\x1e" not in t
            and "\x85" not in t and "\u2028" not in t and "\u2029" not in t]


def main(argv):
    lines = texts(argv[0], argv[1] if len(argv) > 1 else None)
    serial = [sentiment.sentiment(t) for t in lines]
    passed = failed = 0

    def check(name, ok):
        nonlocal passed, failed
        print("%s: %s" % ("ok" if ok else "FAIL", name))
        passed += ok
        failed += not ok

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "texts.txt")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("".join(t + "\n" for t in lines))
        with local_cluster(2) as cluster, Client(cluster) as client:
            workers = client.scheduler_info()["workers"]
            check("two worker processes", len(workers) == 2 and
                  len({w["id"] for w in workers.values()}) == 2)
            got = score_file(client, path, blocksize="256KiB")
            check("%d lines of a partitioned file equal serial" % len(lines), got == serial)

            df = dask.dataframe.from_pandas(pandas.DataFrame({"text": lines}), npartitions=8)
            polarity = df["text"].map(sentiment.polarity, meta=("text", "f8")).compute(scheduler=client)
            check("dataframe polarity equals serial",
                  list(polarity) == [s.polarity for s in serial])

            a = sentiment.Analyzer(compat="py312")
            future = client.submit(a.score_many, lines[:500])
            check("an Analyzer pickles to a worker",
                  future.result() == [a.sentiment(t) for t in lines[:500]])
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
