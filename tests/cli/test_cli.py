#!/usr/bin/env python3
"""Tests of sentiment-cli: every option and every kind of bad input, with the
exact rows, messages and exit status.

Usage: test_cli.py PATH/TO/sentiment-cli

SENTIMENT_CLI_WRAPPER, if set, is put in front of every run of the CLI, e.g.
"valgrind --quiet --error-exitcode=99" (a test setup can set it); the timing
and memory checks are then skipped.

Expected numbers are TextBlob's. They were computed once with the reference
implementation (/work/shared/reference/sentiment_ref.py, --sum neumaier for
the default and --sum plain for --compat py311; the assessments with the same
code following lib/README.md, "Scoring") and are written out here. Python's own
repr() and json.dumps() are used only to spell the expected rows, never to
compute a score. Only the standard library is needed.
"""

import ast
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time

CLI = os.path.abspath(sys.argv[1])
WRAPPER = shlex.split(os.environ.get("SENTIMENT_CLI_WRAPPER", ""))
ENV = dict(os.environ, LC_ALL="C")     # English strerror() texts
TMP = tempfile.TemporaryDirectory(prefix="sentiment-cli-test-")
failures = []
count = 0

# (input record, polarity, subjectivity, repr of TextBlob's assessments)
CASES = [
    (b'I love yogobella!', '0.625', '0.6',
     "[(['love', '!'], 0.625, 0.6, None)]"),
    (b'This movie is not very good.', '-0.26923076923076916', '0.46153846153846156',
     "[(['not', 'very', 'good'], -0.26923076923076916, 0.46153846153846156, None)]"),
    (b'', '0.0', '0.0',
     '[]'),
    (b"so sad :'(", '-0.75', '1.0',
     '[([\'sad\'], -0.5, 1.0, None), ([":\'("], -1.0, 1.0, \'mood\')]'),
    (b'meh :\\ >:\\', '-0.25', '1.0',
     "[([':\\\\'], -0.25, 1.0, 'mood'), (['>:\\\\'], -0.25, 1.0, 'mood')]"),
    (b'<3 \xe2\x99\xa5 \xc2\xb0o\xc2\xb0', '0.6833333333333332', '1.0',
     "[(['<3'], 1.0, 1.0, 'mood'), (['\u2665'], 1.0, 1.0, 'mood'), (['\u00b0o\u00b0'], 0.05, 1.0, 'mood')]"),
    (b'This is a sarcastic remark (!) about a wonderful day.', '0.3666666666666667', '0.9333333333333332',
     "[(['sarcastic'], 0.1, 0.8, None), (['(!)'], 0.0, 1.0, 'irony'), (['wonderful'], 1.0, 1.0, None)]"),
    (b'what a fucking moron!', '-1.0', '1.0',
     "[(['fucking', 'moron', '!'], -1.0, 1.0, 'profanity')]"),
    (b'It was really not bad at all.', '0.3499999999999999', '0.6666666666666666',
     "[(['really', 'not', 'bad'], 0.3499999999999999, 0.6666666666666666, None)]"),
    (b'Great job :) :-) ;)', '0.5125', '0.9375',
     "[(['great'], 0.8, 0.75, None), ([':)'], 0.5, 1.0, 'mood'), ([':-)'], 0.5, 1.0, 'mood'), ([';)'], 0.25, 1.0, 'mood')]"),
    (b'good \x00 bad', '5.551115123125783e-17', '0.6333333333333333',
     "[(['good'], 0.7, 0.6000000000000001, None), (['bad'], -0.6999999999999998, 0.6666666666666666, None)]"),
    (b'The service was casual and clear.', '-0.2', '0.625',
     "[(['casual'], -0.5, 0.8666666666666667, None), (['clear'], 0.09999999999999999, 0.3833333333333333, None)]"),
]
CASUAL_PY311 = ('-0.20000000000000004', '0.625',
                "[(['casual'], -0.5000000000000001, 0.8666666666666667, None), (['clear'], 0.10000000000000002, 0.3833333333333333, None)]")

GOOD = ('0.7', '0.6000000000000001')
BAD = ('-0.6999999999999998', '0.6666666666666666')
NICE = ('0.6', '1.0')
GREAT = ('0.8', '0.75')
ZERO = ('0.0', '0.0')
GOOD_BAD = ('5.551115123125783e-17', '0.6333333333333333')
NOT_GOOD = ('-0.35', '0.6000000000000001')

ALL_IN = b"".join(c[0] + b"\n" for c in CASES)


def json_row(text, p, s, assessments=None):
    """The --json row, spelled by Python's json module (same separators and
    the same escapes as the CLI; floats print with repr())."""
    row = {"text": text.decode("utf-8", "replace"), "polarity": float(p),
           "subjectivity": float(s)}
    if assessments is not None:
        row["assessments"] = [
            {"words": w, "polarity": ap, "subjectivity": as_, "label": x}
            for w, ap, as_, x in ast.literal_eval(assessments)]
    return (json.dumps(row, ensure_ascii=False) + "\n").encode()


def tmpfile(name, data):
    path = os.path.join(TMP.name, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def run(args, stdin=b"", **kw):
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("timeout", 120)
    p = subprocess.run(WRAPPER + [CLI] + args, input=stdin, stderr=subprocess.PIPE,
                       env=ENV, **kw)
    return p.returncode, p.stdout, p.stderr


def check(name, args, stdin=b"", out=b"", rc=0, err=b"", **kw):
    """Run and compare stdout and the exit status exactly; err is bytes
    (exact) or a compiled regex (for texts that come from libc or from the
    library's sentiment_strerror()). out=None skips the stdout check."""
    global count
    count += 1
    try:
        got_rc, got_out, got_err = run(args, stdin, **kw)
    except subprocess.TimeoutExpired:
        failures.append(name)
        print("FAIL %s: timed out" % name)
        return
    bad = []
    if got_rc != rc:
        bad.append("exit status %r, expected %r" % (got_rc, rc))
    if out is not None and got_out != out:
        bad.append("stdout\n  got:      %r\n  expected: %r" % (got_out[:2000], out[:2000]))
    if isinstance(err, bytes):
        if got_err != err:
            bad.append("stderr\n  got:      %r\n  expected: %r" % (got_err, err))
    elif not err.fullmatch(got_err):
        bad.append("stderr %r does not match %r" % (got_err, err.pattern))
    if bad:
        failures.append(name)
        print("FAIL %s:\n  %s" % (name, "\n  ".join(bad)))
    else:
        print("ok   %s" % name)


def rows(*cols):
    return b"".join(("\t".join(c) + "\n").encode() for c in cols)


# ---------------------------------------------------------------- output forms
def test_forms():
    check("plain: the issue's example", [], b"I love yogobella!\n", b"0.625\n")
    check("plain", [], ALL_IN, rows(*[(c[1],) for c in CASES]))
    check("-s", ["-s"], ALL_IN, rows(*[(c[1], c[2]) for c in CASES]))
    check("--subjectivity", ["--subjectivity"], b"good\n", rows(GOOD))
    check("--explain", ["--explain"], ALL_IN,
          rows(*[(c[1], c[3]) for c in CASES]))
    check("-s --explain", ["-s", "--explain"], ALL_IN,
          rows(*[(c[1], c[2], c[3]) for c in CASES]))
    check("--json", ["--json"], ALL_IN,
          b"".join(json_row(c[0], c[1], c[2]) for c in CASES))
    check("--json -s (-s changes nothing)", ["--json", "-s"], ALL_IN,
          b"".join(json_row(c[0], c[1], c[2]) for c in CASES))
    check("--json --explain", ["--json", "--explain"], ALL_IN,
          b"".join(json_row(c[0], c[1], c[2], c[3]) for c in CASES))
    # One row spelled out by hand, in case json.dumps and the CLI agree on
    # something wrong.
    check("--json --explain, literal", ["--json", "--explain"],
          b"not very good\n",
          b'{"text": "not very good", "polarity": -0.26923076923076916, '
          b'"subjectivity": 0.46153846153846156, "assessments": [{"words": '
          b'["not", "very", "good"], "polarity": -0.26923076923076916, '
          b'"subjectivity": 0.46153846153846156, "label": null}]}\n')
    check("--json --explain, labels", ["--json", "--explain"],
          b"what a fucking moron! :)\n",
          b'{"text": "what a fucking moron! :)", "polarity": -0.25, '
          b'"subjectivity": 1.0, "assessments": [{"words": ["fucking", '
          b'"moron", "!"], "polarity": -1.0, "subjectivity": 1.0, "label": '
          b'"profanity"}, {"words": [":)"], "polarity": 0.5, "subjectivity": '
          b'1.0, "label": "mood"}]}\n')
    text = b'say "hi" \\ tab\there \x01\x08\x0c\x1f\x7f caf\xc3\xa9 \xe2\x80\xa8 end'
    check("--json escapes", ["--json"], text + b"\n",
          b'{"text": "say \\"hi\\" \\\\ tab\\there \\u0001\\b\\f\\u001f\x7f '
          b'caf\xc3\xa9 \xe2\x80\xa8 end", "polarity": 0.0, '
          b'"subjectivity": 0.0}\n')
    check("--json escapes, via json.dumps", ["--json"], text + b"\n",
          json_row(text, "0.0", "0.0"))
    # Every output line must parse, and the numbers read back exactly.
    rc, out, _ = run(["--json", "--explain"], ALL_IN)
    ok = rc == 0
    for line, c in zip(out.decode("utf-8").splitlines(), CASES):
        obj = json.loads(line)
        ok = ok and repr(obj["polarity"]) == c[1] and repr(obj["subjectivity"]) == c[2]
    record("--json output parses with json.loads", ok)


def record(name, ok, detail=""):
    global count
    count += 1
    if ok:
        print("ok   %s" % name)
    else:
        failures.append(name)
        print("FAIL %s %s" % (name, detail))


# ---------------------------------------------------------------- records
def test_records():
    check("empty input: no output", [], b"", b"")
    check("empty input --json: no output", ["--json"], b"", b"")
    check("empty input -z: no output", ["-z"], b"", b"")
    check("empty lines are records", [], b"\n\ngood\n\n", b"0.0\n0.0\n0.7\n0.0\n")
    check("no trailing newline", ["-s"], b"good\nbad", rows(GOOD, BAD))
    check("a lone newline is one empty record", ["-s"], b"\n", rows(ZERO))
    check("CRLF", ["-s"], b"good\r\nbad\r\n\r\n", rows(GOOD, BAD, ZERO))
    check("CRLF --json: the \\r is not in the text", ["--json"],
          b"good\r\nx\ry\r\n\r\r\nzzz\r",
          json_row(b"good", *GOOD) + json_row(b"x\ry", *ZERO)
          + json_row(b"\r", *ZERO) + json_row(b"zzz\r", *ZERO))
    check("NUL bytes inside a line", ["-s"], b"good \x00 bad\ngood\x00bad\n",
          rows(GOOD_BAD, ZERO))
    check("NUL bytes inside a line --json", ["--json"], b"good \x00 bad\n",
          b'{"text": "good \\u0000 bad", "polarity": 5.551115123125783e-17, '
          b'"subjectivity": 0.6333333333333333}\n')
    check("-z", ["-s", "-z"], b"good\nbad\x00not good\x00\x00nice", rows(GOOD_BAD, NOT_GOOD, ZERO, NICE))
    check("--null, paragraph break inside a record", ["--null", "--json"],
          b"good\n\nbad\x00",
          b'{"text": "good\\n\\nbad", "polarity": 5.551115123125783e-17, '
          b'"subjectivity": 0.6333333333333333}\n')
    check("-z keeps CRLF", ["-z", "--json"], b"good\r\n\x00",
          json_row(b"good\r\n", *GOOD))
    check("-z: a newline is not a separator", ["-z"], b"not\ngood\n", b"-0.35\n")
    check("without -z a NUL is not a separator", [], b"not\x00good\n", b"0.0\n")


def test_whole():
    a = tmpfile("whole-a.txt", b"not\n")
    b = tmpfile("whole-b.txt", b"good")
    check("--whole", ["--whole", "-s"], b"good\n\nbad\n", rows(GOOD_BAD))
    check("--whole concatenates the files in order", ["--whole", a, b],
          b"", b"-0.35\n")
    check("--whole, files and stdin", ["--whole", "-s", a, "-"], b"good\n",
          rows(NOT_GOOD))
    check("--whole, empty input: one row", ["--whole"], b"", b"0.0\n")
    check("--whole --json keeps every byte", ["--whole", "--json"],
          b"good\r\nbad\n",
          json_row(b"good\r\nbad\n", *GOOD_BAD))
    check("--whole --explain", ["--whole", "--explain"], b"not\nvery\ngood\n",
          b"-0.26923076923076916\t[(['not', 'very', 'good'], "
          b"-0.26923076923076916, 0.46153846153846156, None)]\n")
    check("--whole --strict-utf8 with a bad byte", ["--whole", "--strict-utf8"],
          b"good\nbad \xff\n", b"error\n", rc=1,
          err=b"sentiment-cli: <input>:1: invalid UTF-8 at byte 9\n")


# ---------------------------------------------------------------- options
def test_compat():
    line = b"The service was casual and clear.\n"
    check("--compat py311", ["-s", "--compat", "py311"], line,
          rows(CASUAL_PY311[:2]))
    check("--compat py311 --explain", ["--compat=py311", "--explain"], line,
          rows((CASUAL_PY311[0], CASUAL_PY311[2])))
    check("--compat py312 (the default)", ["-s", "--compat", "py312"], line,
          rows(("-0.2", "0.625")))
    check("--compat py311 then py312: the last wins",
          ["--compat", "py311", "--compat", "py312"], line, b"-0.2\n")
    check("--compat py310: usage error", ["--compat", "py310"], line, b"",
          rc=2, err=b"sentiment-cli: --compat must be py311 or py312, not "
          b"py310\nTry 'sentiment-cli --help' for more information.\n")
    check("--compat without a value: usage error", ["--compat"], line, b"",
          rc=2, err=re.compile(rb"sentiment-cli: .*compat.*\nTry 'sentiment-cli --help'.*\n"))


LEXICON = """<?xml version="1.0" encoding="UTF-8"?>
<sentiment language="en">
<word form="yogobella" pos="JJ" polarity="0.5" subjectivity="0.4" intensity="1.0" />
<word form="yogobella" pos="JJ" polarity="0.3" subjectivity="0.6" intensity="1.0" />
<word form="zonk" pos="RB" polarity="0.0" subjectivity="0.0" intensity="2.0" />
<word form="a\\b" pos="NN" polarity="-0.5" subjectivity="0.5" intensity="1.0" label="it's" />
<word form="x\u00ady" pos="NN" polarity="0.25" subjectivity="1.0" intensity="1.0" />
</sentiment>
""".encode()


def test_lexicon():
    lex = tmpfile("lexicon.xml", LEXICON)
    text = b"I love yogobella!\nzonk yogobella\nnot yogobellaly\na\\b and x\xc2\xady\ngood\n"
    check("--lexicon", ["-s", "--lexicon", lex], text,
          rows(("0.5", "0.5"), ("0.8", "1.0"), ("-0.2", "0.5"), ("-0.125", "0.75"), ZERO))
    check("--lexicon --explain: repr of quotes, backslashes, soft hyphen",
          ["--explain", "--lexicon=" + lex], text,
          b"0.5\t[(['yogobella', '!'], 0.5, 0.5, None)]\n"
          b"0.8\t[(['zonk', 'yogobella'], 0.8, 1.0, None)]\n"
          b"-0.2\t[(['not', 'yogobellaly'], -0.2, 0.5, None)]\n"
          b"-0.125\t[(['a\\\\b'], -0.5, 0.5, \"it's\"), (['x\\xady'], 0.25, 1.0, None)]\n"
          b"0.0\t[]\n")
    check("--lexicon --json --explain", ["--json", "--explain", "--lexicon", lex],
          b"a\\b and x\xc2\xady\n",
          b'{"text": "a\\\\b and x\xc2\xady", "polarity": -0.125, "subjectivity": 0.75, '
          b'"assessments": [{"words": ["a\\\\b"], "polarity": -0.5, "subjectivity": 0.5, '
          b'"label": "it\'s"}, {"words": ["x\xc2\xady"], "polarity": 0.25, '
          b'"subjectivity": 1.0, "label": null}]}\n')
    # Words Python's repr() escapes: a format character, private use, an
    # astral format character, a C1 control; a printable non-ASCII word stays
    # raw (and CAF\u00c9 lowercases to it, as str.lower() does); a label with
    # both kinds of quote. The expected column is Python's own repr().
    odd = tmpfile("odd.xml", """<sentiment>
<word form="zw\u200bj" pos="NN" polarity="0.5" subjectivity="1.0" intensity="1.0" label="say &quot;hi&quot; it&apos;s" />
<word form="pu\ue000a" pos="NN" polarity="0.25" subjectivity="1.0" intensity="1.0" />
<word form="mu\U0001d173s" pos="NN" polarity="-0.5" subjectivity="1.0" intensity="1.0" />
<word form="c\u0080d" pos="NN" polarity="-0.25" subjectivity="1.0" intensity="1.0" />
<word form="caf\u00e9" pos="NN" polarity="1.0" subjectivity="1.0" intensity="1.0" />
</sentiment>
""".encode())
    expected = repr([(["zw\u200bj"], 0.5, 1.0, 'say "hi" it\'s'),
                     (["pu\ue000a"], 0.25, 1.0, None),
                     (["mu\U0001d173s"], -0.5, 1.0, None),
                     (["c\u0080d"], -0.25, 1.0, None),
                     (["caf\u00e9"], 1.0, 1.0, None)])
    check("--explain: Python repr() of non-printable words", ["--explain", "--lexicon", odd],
          "zw\u200bj pu\ue000a mu\U0001d173s c\u0080d CAF\u00c9\n".encode(),
          ("0.2\t" + expected + "\n").encode())
    bad = tmpfile("malformed.xml", b'<?xml version="1.0"?>\n<sentiment>\n'
                  b'<word form="good" pos="JJ" polarity="0.7" subjectivity="0.6" intensity="1.0" />\n'
                  b'<word form="bad" pos="JJ" polarity="-0.7" subjectivity="0.6" intensity="1.0" >\n'
                  b'</sentiment>\n')
    check("--lexicon malformed XML: exit 2 with the line", ["--lexicon", bad],
          b"good\n", b"", rc=2,
          err=re.compile(re.escape(b"sentiment-cli: " + bad.encode() + b":5: ") + rb"[^\n]+\n"))
    nonum = tmpfile("nonumber.xml", b'<sentiment>\n'
                    b'<word form="good" pos="JJ" polarity="0.7" subjectivity="0.6" intensity="1.0" />\n'
                    b'<word form="bad" pos="JJ" polarity="very" subjectivity="0.6" intensity="1.0" />\n'
                    b'</sentiment>\n')
    check("--lexicon with a non-number: exit 2 with the line", ["--lexicon", nonum],
          b"good\n", b"", rc=2,
          err=re.compile(re.escape(b"sentiment-cli: " + nonum.encode() + b":3: ") + rb"[^\n]+\n"))
    missing = os.path.join(TMP.name, "no-such-lexicon.xml")
    check("--lexicon missing file: exit 2", ["--lexicon", missing], b"good\n", b"",
          rc=2, err=re.compile(re.escape(b"sentiment-cli: " + missing.encode() + b": ") + rb"[^\n]+\n"))


def test_utf8():
    text = b"good\nbad \xff day\nnice\n"
    err = b"sentiment-cli: <stdin>:2: invalid UTF-8 at byte 4\n"
    check("--strict-utf8: error row, neighbours scored", ["--strict-utf8"],
          text, b"0.7\nerror\n0.6\n", rc=1, err=err)
    check("--strict-utf8 -s", ["--strict-utf8", "-s"], text,
          rows(GOOD, ("error", "error"), NICE), rc=1, err=err)
    check("--strict-utf8 -s --explain", ["--strict-utf8", "-s", "--explain"],
          text, b"0.7\t0.6000000000000001\t[(['good'], 0.7, 0.6000000000000001, None)]\n"
          b"error\terror\terror\n0.6\t1.0\t[(['nice'], 0.6, 1.0, None)]\n", rc=1, err=err)
    check("--strict-utf8 --json", ["--strict-utf8", "--json"], text,
          json_row(b"good", *GOOD)
          + b'{"text": "bad \xef\xbf\xbd day", "error": "invalid UTF-8"}\n'
          + json_row(b"nice", *NICE), rc=1, err=err)
    f = tmpfile("utf8.txt", b"nice\n\n\xc3\xa9t\xc3\xa9 \xe2\x82 great\n")
    check("--strict-utf8 names the file and record", ["--strict-utf8", "-s", f],
          b"", rows(NICE, ZERO, ("error", "error")), rc=1,
          err=("sentiment-cli: %s:3: invalid UTF-8 at byte 6\n" % f).encode())
    check("--strict-utf8, valid UTF-8 passes", ["--strict-utf8", "-s"],
          b"caf\xc3\xa9 good \xf0\x9f\x98\x80\n", rows(GOOD))
    check("invalid UTF-8 without --strict-utf8 is scored", ["-s"], text,
          rows(GOOD, BAD, NICE))
    check("invalid UTF-8 --json: text gets U+FFFD", ["--json"],
          b"good \xe2\x82 movie\n\xc0\xaf great\n",
          b'{"text": "good \xef\xbf\xbd movie", "polarity": 0.7, "subjectivity": 0.6000000000000001}\n'
          b'{"text": "\xef\xbf\xbd\xef\xbf\xbd great", "polarity": 0.8, "subjectivity": 0.75}\n')
    rc, out, _ = run(["--json"], bytes(range(10)) + bytes(range(11, 256)) + b"\n")
    try:
        obj = json.loads(out.decode("utf-8", "strict"))
        ok = rc == 0 and obj["text"] == (bytes(range(10)) + bytes(range(11, 256))).decode("utf-8", "replace")
    except ValueError:
        ok = False
    record("--json output is valid UTF-8 JSON for every byte value", ok)


# ---------------------------------------------------------------- sentences
# Spans and scores from ../shared/reference/punkt_oracle.py --ref (--sum
# neumaier, and --sum plain for --compat py311), written out.
SENT_IN = (b"Mr. Smith is good. He is bad.\n\n   \nGood. . . Bad.\n"
           b"The service was casual and clear. Nice!\n\"Good.\" Bad. (Great!) Nice.\n")
CASUAL = ('-0.2', '0.625')
NICE_BANG = ('0.75', '1.0')
GREAT_BANG = ('1.0', '0.75')
SENT_SPANS = [
    [(0, 18, GOOD), (19, 29, BAD)],
    [],
    [],
    [(0, 5, GOOD), (6, 7, ZERO), (8, 9, ZERO), (10, 14, BAD)],
    [(0, 33, CASUAL), (34, 39, NICE_BANG)],
    [(0, 7, GOOD), (8, 12, BAD), (13, 21, GREAT_BANG), (22, 27, NICE)],
]
SENT_WHOLE = [GOOD_BAD, ZERO, ZERO, GOOD_BAD, ('0.11666666666666665', '0.75'),
              ('0.4', '0.7541666666666667')]  # sentiment_ref.py --sum neumaier


def sentence_row(spans, subjectivity=False):
    return ("\t".join("%d %d %s" % (a, b, " ".join(v if subjectivity else v[:1]))
                      for a, b, v in spans) + "\n").encode()


def sentence_json(text, whole, spans):
    sents = ", ".join('{"start": %d, "end": %d, "polarity": %s, "subjectivity": %s}'
                      % (a, b, v[0], v[1]) for a, b, v in spans)
    return (json.dumps({"text": text.decode()}, ensure_ascii=False)[:-1]
            + ', "polarity": %s, "subjectivity": %s, "sentences": [%s]}\n'
            % (whole[0], whole[1], sents)).encode()


def test_sentences():
    texts = SENT_IN.split(b"\n")[:-1]
    check("--sentences: one row per record, empty for no sentence", ["--sentences"],
          SENT_IN, b"".join(sentence_row(s) for s in SENT_SPANS))
    check("--sentences -s", ["--sentences", "-s"], SENT_IN,
          b"".join(sentence_row(s, True) for s in SENT_SPANS))
    check("--sentences --json", ["--sentences", "--json"], SENT_IN,
          b"".join(sentence_json(t, w, s) for t, w, s in zip(texts, SENT_WHOLE, SENT_SPANS)))
    first = [s[0][2] if s else ZERO for s in SENT_SPANS]
    check("--first-sentence: 0.0 for no sentence", ["--first-sentence"], SENT_IN,
          rows(*[f[:1] for f in first]))
    check("--first-sentence -s", ["--first-sentence", "-s"], SENT_IN, rows(*first))
    check("--first-sentence --json", ["--first-sentence", "--json"], b"Mr. Smith is good. He is bad.\n\n",
          b'{"text": "Mr. Smith is good. He is bad.", "polarity": 5.551115123125783e-17, '
          b'"subjectivity": 0.6333333333333333, "first_sentence": {"polarity": 0.7, '
          b'"subjectivity": 0.6000000000000001}}\n'
          b'{"text": "", "polarity": 0.0, "subjectivity": 0.0, "first_sentence": '
          b'{"polarity": 0.0, "subjectivity": 0.0}}\n')
    py311 = [list(s) for s in SENT_SPANS]
    py311[4][0] = (0, 33, ('-0.20000000000000004', '0.625'))
    check("--sentences --compat py311", ["--sentences", "-s", "--compat", "py311"], SENT_IN,
          b"".join(sentence_row(s, True) for s in py311))
    check("--sentences -z: a record may hold line breaks", ["--sentences", "-z"],
          b"Good.\nBad.\0\0Nice. Great!\0", b"0 5 0.7\t6 10 -0.6999999999999998\n\n"
          b"0 5 0.6\t6 12 1.0\n")
    many = SENT_IN * 3000
    check("--sentences -j 2: rows in input order", ["--sentences", "-j", "2"], many,
          b"".join(sentence_row(s) for s in SENT_SPANS) * 3000)
    bad = b"Good. Bad\xff. Nice.\nfine.\n"
    check("--sentences: invalid UTF-8 is U+FFFD, offsets in the record's bytes",
          ["--sentences"], bad, b"0 5 0.7\t6 11 0.0\t12 17 0.6\n0 5 0.4166666666666667\n")
    check("--sentences --strict-utf8: an error row, the others split",
          ["--sentences", "-s", "--strict-utf8"], bad,
          b"error\n0 5 0.4166666666666667 0.5\n", rc=1,
          err=b"sentiment-cli: <stdin>:1: invalid UTF-8 at byte 9\n")
    check("--first-sentence --strict-utf8", ["--first-sentence", "--strict-utf8"], bad,
          b"error\n0.4166666666666667\n", rc=1,
          err=b"sentiment-cli: <stdin>:1: invalid UTF-8 at byte 9\n")
    check("--sentences --json --strict-utf8", ["--sentences", "--json", "--strict-utf8"],
          bad, b'{"text": "Good. Bad\xef\xbf\xbd. Nice.", "error": "invalid UTF-8"}\n'
          b'{"text": "fine.", "polarity": 0.4166666666666667, "subjectivity": 0.5, '
          b'"sentences": [{"start": 0, "end": 5, "polarity": 0.4166666666666667, '
          b'"subjectivity": 0.5}]}\n', rc=1,
          err=b"sentiment-cli: <stdin>:1: invalid UTF-8 at byte 9\n")
    check("--sentences --whole: all input is one text", ["--sentences", "--whole"],
          b"Good.\nBad.\n", b"0 5 0.7\t6 10 -0.6999999999999998\n")
    check("--sentences with --first-sentence is a usage error",
          ["--sentences", "--first-sentence"], b"", b"", rc=2,
          err=b"sentiment-cli: --sentences and --first-sentence exclude each other\n"
          b"Try 'sentiment-cli --help' for more information.\n")
    check("--sentences --explain needs --json", ["--sentences", "--explain"], b"", b"",
          rc=2, err=b"sentiment-cli: --explain goes with --sentences or --first-sentence "
          b"only with --json\nTry 'sentiment-cli --help' for more information.\n")


# ---------------------------------------------------------------- files
def test_files():
    a = tmpfile("a.txt", b"good\nbad\n")
    b = tmpfile("b.txt", b"nice")
    missing = os.path.join(TMP.name, "missing.txt")
    check("files in order", ["-s", a, b], b"", rows(GOOD, BAD, NICE))
    check("'-' is stdin, among files", [a, "-", b], b"great\n", b"0.7\n-0.6999999999999998\n0.8\n0.6\n")
    check("missing file among good files", ["-s", a, missing, b], b"",
          rows(GOOD, BAD, NICE), rc=1,
          err=("sentiment-cli: %s: No such file or directory\n" % missing).encode())
    check("a directory is an unreadable file", [a, TMP.name, b], b"",
          b"0.7\n-0.6999999999999998\n0.6\n", rc=1,
          err=("sentiment-cli: %s: Is a directory\n" % TMP.name).encode())
    check("record numbers restart per file", ["--strict-utf8", a, tmpfile("c.txt", b"\xfe\n")],
          b"", b"0.7\n-0.6999999999999998\nerror\n", rc=1,
          err=("sentiment-cli: %s:1: invalid UTF-8 at byte 0\n" % os.path.join(TMP.name, "c.txt")).encode())
    check("-- ends the options", ["--", a], b"", b"0.7\n-0.6999999999999998\n")


def test_usage():
    rc, out, err = run(["--help"])
    record("--help: exit 0, usage on stdout",
           rc == 0 and out.startswith(b"Usage: sentiment-cli") and b"--strict-utf8" in out and err == b"")
    rc, out2, err = run(["-h"])
    record("-h is --help", rc == 0 and out2 == out and err == b"")
    rc, out, err = run(["--version"])
    lines = out.decode().splitlines()
    record("--version: exit 0, program, library and lexicon versions",
           rc == 0 and err == b"" and len(lines) == 3
           and re.fullmatch(r"sentiment-cli \d+\.\d+\.\d+", lines[0]) is not None
           and re.fullmatch(r"libsentiment \d+\.\d+\.\d+", lines[1]) is not None
           and lines[2].startswith("lexicon ") and len(lines[2]) > 8, repr(out))
    rc, out2, err = run(["-V"])
    record("-V is --version", rc == 0 and out2 == out and err == b"")
    usage = re.compile(rb"sentiment-cli: [^\n]*\nTry 'sentiment-cli --help' for more information.\n")
    check("unknown long option: exit 2", ["--bogus"], b"good\n", b"", rc=2, err=usage)
    check("unknown short option: exit 2", ["-q"], b"good\n", b"", rc=2, err=usage)
    check("option with a stray value: exit 2", ["--json=yes"], b"good\n", b"", rc=2, err=usage)


# ---------------------------------------------------------------- output errors
def test_write_errors():
    if not os.path.exists("/dev/full"):
        print("skip /dev/full checks: no /dev/full")
        return
    with open("/dev/full", "wb") as full:
        check("stdout is /dev/full: exit 1", [], b"good\n", None, rc=1,
              err=b"sentiment-cli: write error: No space left on device\n", stdout=full)
        check("stdout is /dev/full, big input: exit 1", ["--json"], b"good\n" * 300000,
              None, rc=1, err=b"sentiment-cli: write error: No space left on device\n",
              stdout=full)
        check("--version to /dev/full: exit 1", ["--version"], b"", None, rc=1,
              err=b"sentiment-cli: write error: No space left on device\n", stdout=full)
        check("--help to /dev/full: exit 1", ["--help"], b"", None, rc=1,
              err=b"sentiment-cli: write error: No space left on device\n", stdout=full)
    r, w = os.pipe()
    os.close(r)
    try:
        check("closed pipe with SIGPIPE ignored: EPIPE, exit 1", [], b"good\n", None,
              rc=1, err=b"sentiment-cli: write error: Broken pipe\n", stdout=w,
              preexec_fn=lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN))
        check("closed pipe: killed by SIGPIPE like any filter", [], b"good\n", None,
              rc=-signal.SIGPIPE, err=b"", stdout=w)
    finally:
        os.close(w)


# ---------------------------------------------------------------- threads
def jobs_input(size, seed, sep=b"\n", crlf=True):
    """A few MB of records of known score, bad ones mixed in: returns the
    input, the expected -s rows and the (record number, bad byte) of the
    records --strict-utf8 rejects. Filler words score nothing, so a record
    scores as its last word; one record is longer than a read block."""
    import random
    rng = random.Random(seed)
    filler = b"the cat sat on the mat "
    units = [(b"good", GOOD), (b"bad", BAD), (b"", ZERO), (b"nice", NICE),
             (b"not good", NOT_GOOD), (b"so \xff bad", None), (b"great", GREAT)]
    data, expected, bad = [], [], []
    total, n = 0, 0
    while total < size:
        n += 1
        text, row = units[rng.randrange(len(units))]
        pad = filler * (rng.randrange(40) if n != 50 else (3 << 20) // len(filler))
        rec = pad + text if text else b""
        end = b"\r" + sep if crlf and sep == b"\n" and rng.randrange(4) == 0 else sep
        data.append(rec + end)
        total += len(rec) + len(end)
        expected.append(row or ("error", "error"))
        if row is None:
            bad.append((n, len(pad) + 3))
    data[-1] = data[-1].rstrip(b"\r" + sep)      # no separator at the end
    if not data[-1]:                            # (nor an empty last record)
        data[-1] = b"good"
        expected[-1] = GOOD
    return b"".join(data), rows(*expected), bad


def bad_messages(name, bad):
    return b"".join(b"sentiment-cli: %s:%d: invalid UTF-8 at byte %d\n"
                    % (name.encode(), n, at) for n, at in bad)


def test_jobs():
    size = (1 << 20) + (1 << 19) if WRAPPER else 6 << 20
    data, expected, bad = jobs_input(size, 1)
    err = bad_messages("<stdin>", bad)
    for jobs in (["-j1"], ["-j2"], ["-j", "3"], ["--jobs=0"], ["--jobs", "2"]):
        check("%s: rows in order, messages with record numbers" % " ".join(jobs),
              ["-s", "--strict-utf8"] + jobs, data, expected, rc=1, err=err)
    # A file is read by blocks of 1 MiB, a pipe by smaller pieces.
    f1 = tmpfile("jobs1.txt", data)
    data2, expected2, bad2 = jobs_input(size // 2, 2)
    f2 = tmpfile("jobs2.txt", data2)
    missing = os.path.join(TMP.name, "missing.txt")
    check("-j2: files, a missing one in between",
          ["-s", "--strict-utf8", "-j2", f1, missing, f2], b"",
          expected + expected2, rc=1,
          err=bad_messages(f1, bad) + ("sentiment-cli: %s: No such file or "
                                       "directory\n" % missing).encode()
          + bad_messages(f2, bad2))
    check("-j2 without --strict-utf8", ["-s", "-j2", f1], b"",
          expected.replace(b"error\terror\n", rows(BAD)))
    rc1, out1, err1 = run(["--json", "--explain", "--strict-utf8", f2])
    check("-j2 --json --explain: as -j1", ["--json", "--explain",
          "--strict-utf8", "-j2", f2], b"", out1, rc=rc1, err=err1)
    record("-j1 --json --explain has the error rows",
           rc1 == 1 and out1.count(b'"error": "invalid UTF-8"') == len(bad2) > 0)
    zdata, zexpected, zbad = jobs_input(size // 2, 3, sep=b"\0")
    check("-j2 -z", ["-z", "-s", "--strict-utf8", "-j2"], zdata, zexpected,
          rc=1, err=bad_messages("<stdin>", zbad))
    check("-j2 --whole: one row", ["--whole", "-j2"], b"good\nbad\n",
          b"5.551115123125783e-17\n")
    check("-j2, empty input", ["-j2"], b"", b"")
    check("-j2, one record without newline", ["-j2", "-s"], b"good", rows(GOOD))
    check("-j2, CRLF", ["-j2", "-s"], b"good\r\nbad\r\n\r\n", rows(GOOD, BAD, ZERO))
    usage = re.compile(rb"sentiment-cli: [^\n]*\nTry 'sentiment-cli --help' for more information.\n")
    for arg in ("-1", "x", "1025", "", "2x", " 2"):
        check("-j %r: usage error" % arg, ["-j", arg], b"good\n", b"", rc=2,
              err=usage)
    check("-j without a value: usage error", ["-j"], b"good\n", b"", rc=2,
          err=usage)
    rc, out, err = run(["--help"])
    record("--help tells of -j, --jobs", rc == 0 and b"-j, --jobs N" in out)
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            check("-j2, stdout is /dev/full: exit 1", ["-j2"], data, None, rc=1,
                  err=b"sentiment-cli: write error: No space left on device\n",
                  stdout=full)
    r, w = os.pipe()
    os.close(r)
    # Killed by a signal, glibc cannot free the stacks it keeps for reuse
    # once the threads are joined, and valgrind reports their TLS blocks
    # (allocated in pthread_create) as possibly lost: allow its lines.
    try:
        check("-j2, closed pipe: killed by SIGPIPE", ["-j2"], data, None,
              rc=-signal.SIGPIPE, stdout=w,
              err=re.compile(rb"(==\d+== \d+ bytes in \d+ blocks are possibly lost"
                             rb"[^\n]*\n(==\d+==    (at|by) [^\n]*\n)*?"
                             rb"==\d+==    by [^\n]*pthread_create[^\n]*\n"
                             rb"(==\d+==    by [^\n]*\n)*==\d+== \n)*")
              if WRAPPER else b"")
        check("-j2, closed pipe with SIGPIPE ignored: EPIPE, exit 1", ["-j2"],
              data, None, rc=1, err=b"sentiment-cli: write error: Broken pipe\n",
              stdout=w, preexec_fn=lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN))
    finally:
        os.close(w)



# ---------------------------------------------------------------- size
def test_big():
    # 64 MiB in one record. Only emoticons score, 0.5 and 0.25 in turn, so
    # the sums are exact and the mean is 0.375 whatever the length.
    unit = b"the cat sat :) on the mat ;) "
    big = unit * ((64 << 20) // len(unit) + 1)
    t0 = time.monotonic()
    check("a 64 MiB record", ["-s"], b"good\n" + big + b"\nbad", rows(GOOD, ("0.375", "1.0"), BAD),
          timeout=300)
    if not WRAPPER:
        record("a 64 MiB record takes under 60 s", time.monotonic() - t0 < 60,
               "(%.1f s)" % (time.monotonic() - t0))
    check("a 64 MiB record, --whole", ["--whole"], big, b"0.375\n", timeout=300)
    if WRAPPER:
        return

    # Streaming: 8x the input must not need much more memory.
    def maxrss(path, *args):
        code = ("import resource, subprocess, sys\n"
                "with open(sys.argv[2], 'rb') as f:\n"
                "    subprocess.run([sys.argv[1], '-s'] + sys.argv[3:], stdin=f, stdout=subprocess.DEVNULL, check=True)\n"
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
        return int(subprocess.run([sys.executable, "-c", code, CLI, path] + list(args),
                                  env=ENV, stdout=subprocess.PIPE, check=True).stdout)
    line = b"The food was very very good!!! :) but the service was not.\n"
    small = tmpfile("small.txt", line * (4 << 20 >> 6))
    large = tmpfile("large.txt", line * (32 << 20 >> 6))
    rss_small, rss_large = maxrss(small), maxrss(large)
    record("memory does not grow with the input (%d KiB vs %d KiB)" % (rss_small, rss_large),
           rss_large - rss_small < 16 * 1024)
    rss_small, rss_large = maxrss(small, "-j4"), maxrss(large, "-j4")
    record("-j4: memory does not grow with the input (%d KiB vs %d KiB)" % (rss_small, rss_large),
           rss_large - rss_small < 16 * 1024)
    check("many records", ["-s"], line * 1000, rows(("0.75", "0.8900000000000001")) * 1000)


def main():
    for t in (test_forms, test_records, test_whole, test_compat, test_lexicon,
              test_utf8, test_sentences, test_files, test_usage, test_write_errors, test_jobs,
              test_big):
        t()
    print("%d of %d checks failed%s" % (len(failures), count,
          "".join("\n  " + f for f in failures)))
    TMP.cleanup()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
