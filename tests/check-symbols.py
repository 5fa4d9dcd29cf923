#!/usr/bin/env python3
"""The exported interface agrees in three places: the functions declared
SENTIMENT_EXPORT in include/sentiment.h, the names in lib/libsentiment.map,
and the dynamic symbols of the built libsentiment.so (nm -D).

usage: check-symbols.py HEADER MAPFILE LIBRARY
"""
import re
import subprocess
import sys


def header_symbols(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"^\s*#.*$", "", text, flags=re.M)
    names = set()
    for decl in re.findall(r"SENTIMENT_EXPORT[^;{]*?\(", text):
        names.add(re.findall(r"(\w+)\s*\($", decl)[0])
    return names


def map_symbols(path):
    text = re.sub(r"/\*.*?\*/", "", open(path, encoding="utf-8").read(), flags=re.S)
    names = set()
    for block in re.findall(r"global:(.*?)(?:local:|\})", text, flags=re.S):
        names |= {n.strip() for n in block.split(";") if n.strip()}
    return names


def library_symbols(path):
    out = subprocess.run(["nm", "-D", "--defined-only", path], check=True,
                         capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] in "TDBRW":
            names.add(parts[2].split("@")[0])
    return names - {"SENTIMENT_1.0"}


def main():
    header, mapfile, lib = sys.argv[1:4]
    h, m, l = header_symbols(header), map_symbols(mapfile), library_symbols(lib)
    ok = True
    for name, a, b in (("header vs map", h, m), ("map vs library", m, l)):
        if a != b:
            ok = False
            print("%s differ: only left %s, only right %s"
                  % (name, sorted(a - b), sorted(b - a)))
    leaked = sorted(n for n in l if not n.startswith("sentiment_"))
    if leaked:
        ok = False
        print("symbols without the sentiment_ prefix:", leaked)
    print("%d exported symbols: %s" % (len(l), "ok" if ok else "MISMATCH"))
    sys.exit(0 if ok else 1)


main()
