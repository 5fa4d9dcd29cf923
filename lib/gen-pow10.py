#!/usr/bin/env python3
"""The power-of-ten table of lib/format.c, and the proof that it is precise
enough, both in exact integer arithmetic.

    python3 lib/gen-pow10.py                   # prints the table's rows
    python3 lib/gen-pow10.py --check lib/format.c

--check regenerates the table, compares it row by row with the one in
format.c, then checks the bound that format.c's comment on the table
relies on; it prints what it found and exits 1 on any difference.

The table: for each e in [POW10_MIN, POW10_MAX], g = floor(10^e / 2^r) + 1
where r = floor(log2(10^e)) - 126, so that 2^126 <= g < 2^127, stored as
{high 64 bits, low 64 bits}.

The bound: format.c computes x = n * 2^q * 10^-k (n = 4c - 2 ... 4c + 2,
c < 2^53 the significand, k = floor(log10(2^q)), one less at some powers of
two) as floor(n * 2^h * g / 2^128) and a fraction, too large by less than
2^-68. That keeps x's integer part, and tells an integer x from any other,
if no such x that is not an integer lies within 2^-68 of one. For
alpha = 2^q * 10^-k, the n <= N with the smallest distance from n * alpha
to the nearest integer is a denominator of a convergent of alpha's
continued fraction (best approximations of the second kind), so one
expansion per q gives the smallest distance for every n at once.
"""
import argparse
import re
import sys
from fractions import Fraction

POW10_MIN = -292
POW10_MAX = 324
# scale()'s error: the product exceeds the exact value by less than this
ERROR_BITS = 68
# every n that scale() is given: 4c + 2 with c < 2^53, so below 2^55 + 3
N_MAX = 2**55 + 2


def floor_log2(x):
    """floor(log2(x)) of a positive Fraction, exactly."""
    r = x.numerator.bit_length() - x.denominator.bit_length()
    # now 2^(r-1) < x < 2^(r+1)
    return r if Fraction(2) ** r <= x else r - 1


def floor_log10(x):
    """floor(log10(x)) of a positive Fraction, exactly."""
    k = len(str(x.numerator)) - len(str(x.denominator))
    while Fraction(10) ** k > x:
        k -= 1
    while Fraction(10) ** (k + 1) <= x:
        k += 1
    return k


def table_entry(e):
    x = Fraction(10) ** e
    r = floor_log2(x) - 126
    g = int(x / Fraction(2) ** r) + 1
    assert 2**126 <= g < 2**127
    return g >> 64, g & (2**64 - 1)


def table_rows():
    for e in range(POW10_MIN, POW10_MAX + 1):
        hi, lo = table_entry(e)
        yield "    {0x%016xu, 0x%016xu}, /* 1e%d */" % (hi, lo, e)


def rows_in(path):
    """The rows of pow10_table in format.c, as written."""
    text = open(path, encoding="utf-8").read()
    m = re.search(r"pow10_table\[[^]]*\]\[2\] = \{\n(.*?)\n\};", text, re.S)
    if not m:
        return None
    return m.group(1).split("\n")


def smallest_distance(alpha, n_max):
    """min over 1 <= n <= n_max with n * alpha not an integer of the
    distance from n * alpha to the nearest integer, alpha a Fraction > 0."""
    b = alpha.denominator
    if b <= n_max:
        # n * alpha = n * a / b with a, b coprime: a non-integer is at
        # least 1/b from an integer, and n = a^-1 mod b reaches it
        return Fraction(1, b)
    # convergents p/q of alpha; the last denominator <= n_max is the best
    q_prev, q = 0, 1
    p_prev, p = 1, int(alpha)
    rest = alpha - int(alpha)
    while rest:
        alpha_next = 1 / rest
        a = int(alpha_next)
        rest = alpha_next - a
        q_prev, q = q, a * q + q_prev
        p_prev, p = p, a * p + p_prev
        if q > n_max:
            q = q_prev
            p = p_prev
            break
    return abs(q * alpha - p)


def check_bound():
    """The smallest distance over every binary exponent of a double, as a
    power of two (float, for the report)."""
    import math
    worst = None
    worst_q = None
    for q in range(-1074, 972):
        v = Fraction(2) ** q
        k = floor_log10(v)
        d = smallest_distance(v / Fraction(10) ** k, N_MAX)
        if worst is None or d < worst:
            worst, worst_q = d, q
        # a power of two whose lower neighbour is closer: k may be one less
        # (floor(log10(3/4 * 2^q))), and only c = 2^52 uses it, with
        # n = 4c - 1, 4c and 4c + 2
        k3 = floor_log10(Fraction(3, 4) * v)
        alpha = v / Fraction(10) ** k3
        for n in (2**54 - 1, 2**54, 2**54 + 2):
            x = n * alpha
            if x.denominator != 1:
                d = min(x - math.floor(x), math.ceil(x) - x)
                if d < worst:
                    worst, worst_q = d, q
    return worst, worst_q


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", metavar="FORMAT_C",
                    help="compare with this format.c and check the bound")
    args = ap.parse_args()
    rows = list(table_rows())
    if not args.check:
        print("\n".join(rows))
        return 0

    import math
    ok = True
    theirs = rows_in(args.check)
    if theirs is None:
        print("no pow10_table in %s" % args.check)
        return 1
    if len(theirs) != len(rows):
        print("pow10_table: %d rows in %s, %d generated" % (len(theirs), args.check, len(rows)))
        ok = False
    for k, (mine, their) in enumerate(zip(rows, theirs)):
        if mine != their:
            print("pow10_table row %d differs:\n  format.c:  %s\n  generated: %s"
                  % (k, their.strip(), mine.strip()))
            ok = False
            break
    if ok:
        print("pow10_table: %d rows, as generated" % len(rows))
    worst, worst_q = check_bound()
    bits = math.log2(worst)
    print("bound: n * 2^q * 10^-k, n <= 2^55 + 2, is never closer than 2^%.2f"
          " to an integer without being one (q = %d); scale() errs by < 2^-%d"
          % (bits, worst_q, ERROR_BITS))
    if worst <= Fraction(1, 2**ERROR_BITS):
        print("bound: NOT enough")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
