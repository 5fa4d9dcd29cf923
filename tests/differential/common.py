"""What the two differential tests share (run.py for scores, sentences.py
for sentences): the seed, the generated lines turned into sentiment-cli
records, the reference and the CLI run side by side, and the row-by-row
comparison that names the seed and the line of every mismatch."""
import os
import secrets
import subprocess
import sys
import threading
import time

MAX_SHOWN = 10
SKIPPED = 77   # meson's and automake's exit status for a skipped test


def choose_seed(label, given, lines):
    """--seed, else $SENTIMENT_DIFF_SEED, else a new random seed; printed first."""
    seed = given
    if seed is None and os.environ.get("SENTIMENT_DIFF_SEED"):
        seed = int(os.environ["SENTIMENT_DIFF_SEED"])
    if seed is None:
        seed = secrets.randbelow(2**31)
    print("%s: seed %d, %d lines (reproduce with SENTIMENT_DIFF_SEED=%d)"
          % (label, seed, lines, seed), flush=True)
    return seed


def unescape(line):
    """The reference's --escaped decoding of one raw line (bytes -> bytes)."""
    text = line.decode("utf-8", "replace")
    text = text.encode("latin-1", "backslashreplace").decode("unicode_escape")
    return text.encode("utf-8")


def generate(label, cmd, count):
    """Runs a generator that writes `count` lines in the --escaped convention.
    Returns (escaped output, its lines, the texts as NUL-terminated records),
    or None after saying what went wrong."""
    escaped = subprocess.run([sys.executable] + cmd, stdout=subprocess.PIPE,
                             check=True).stdout
    lines = escaped.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if len(lines) != count:
        print("%s: %s wrote %d lines, not %d"
              % (label, os.path.basename(cmd[0]), len(lines), count))
        return None
    texts = [unescape(line) for line in lines]
    if any(b"\0" in t for t in texts):
        print("%s: a generated text holds a NUL byte; it cannot be a -z record" % label)
        return None
    return escaped, lines, b"".join(t + b"\0" for t in texts)


def _run(cmd, data, results, key):
    start = time.monotonic()
    p = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    results[key] = (p.returncode, p.stdout, p.stderr, time.monotonic() - start, cmd)


def run_side_by_side(label, jobs):
    """Runs every (cmd, stdin) of jobs at once. Returns key -> (stdout,
    seconds), or None after printing each program that failed."""
    results = {}
    threads = [threading.Thread(target=_run, args=(cmd, data, results, key))
               for key, (cmd, data) in jobs.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    failed = False
    for key, (rc, _out, err, _secs, cmd) in sorted(results.items()):
        if rc != 0:
            print("%s: %s exited with %d: %s\n%s"
                  % (label, key, rc, " ".join(cmd), err.decode("utf-8", "replace")[-2000:]))
            failed = True
    if failed:
        return None
    return {key: (r[1], r[3]) for key, r in results.items()}


def output_rows(out):
    """One row per line; only "\\n" ends a row (a text may hold U+2028)."""
    rows = out.decode("utf-8", "replace").split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    return rows


def compare(label, mode, seed, lines, want, got, show=str):
    """Compares the reference's rows with the CLI's, one per line; prints
    each mismatch (at most MAX_SHOWN) and a summary. True if all agree."""
    if len(want) != len(lines) or len(got) != len(lines):
        print("%s [%s]: %d reference rows and %d CLI rows for %d lines (seed %d)"
              % (label, mode, len(want), len(got), len(lines), seed))
        return False
    bad = [k for k in range(len(lines)) if want[k] != got[k]]
    for k in bad[:MAX_SHOWN]:
        print("MISMATCH [%s] seed %d line %d: %s\n  reference: %s\n  cli:       %s"
              % (mode, seed, k + 1, lines[k].decode("utf-8", "replace"),
                 show(want[k]), show(got[k])))
    if bad:
        print("%s [%s]: %d of %d lines differ (seed %d)"
              % (label, mode, len(bad), len(lines), seed))
    return not bad
