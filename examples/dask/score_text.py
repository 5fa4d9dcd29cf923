#!/usr/bin/env python3
"""Score a text file, one text a line, on a Dask cluster.

    python3 score_text.py FILE [--workers 2] [--scheduler ADDRESS]

The file is read in blocks, one partition each; every worker scores its
partition with sentiment.score_many() and the answers come back in input
order, as sentiment-cli prints them: polarity TAB subjectivity. Without
--scheduler it starts a distributed.LocalCluster of worker processes on
127.0.0.1; with it, it uses that cluster (on Kubernetes, the scheduler's
service address, e.g. tcp://dask-scheduler:8786). Workers need only the
sentiment package installed, nothing else.
"""

import argparse
import sys

import dask.bag
from distributed import Client, LocalCluster

import sentiment


def score_lines(lines):
    """The Sentiment of each line of one partition (its newline removed)."""
    return sentiment.score_many([line[:-1] if line.endswith("\n") else line for line in lines])


def score_file(client, path, blocksize="4MiB"):
    """[sentiment.sentiment(line) for line in the file], computed on the
    cluster of client. Lines are split on "\\n" only, so a "\\r" stays text."""
    bag = dask.bag.read_text(path, blocksize=blocksize, encoding="utf-8",
                             errors="replace", linedelimiter="\n")
    return bag.map_partitions(score_lines).compute(scheduler=client)


def local_cluster(workers):
    """Worker processes on this machine, on loopback ports the OS picks."""
    return LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                        host="127.0.0.1", scheduler_port=0, dashboard_address=None)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--blocksize", default="4MiB")
    args = parser.parse_args(argv)
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = local_cluster(args.workers)
        client = Client(cluster)
    try:
        for p, s in score_file(client, args.file, args.blocksize):
            sys.stdout.write("%r\t%r\n" % (p, s))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    main(sys.argv[1:])
