/*
 * Reading the lexicon's numbers as Python's float() reads them.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "private.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_blank(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* [digits] [. digits] [(e|E) [sign] digits], with at least one mantissa digit */
static bool is_decimal(const char *s, size_t n)
{
    size_t k = 0, digits = 0;
    while (k < n && is_digit(s[k]))
        k++, digits++;
    if (k < n && s[k] == '.') {
        k++;
        while (k < n && is_digit(s[k]))
            k++, digits++;
    }
    if (!digits)
        return false;
    if (k < n && (s[k] == 'e' || s[k] == 'E')) {
        k++;
        if (k < n && (s[k] == '+' || s[k] == '-'))
            k++;
        size_t exp_digits = 0;
        while (k < n && is_digit(s[k]))
            k++, exp_digits++;
        if (!exp_digits)
            return false;
    }
    return k == n;
}

/*
 * Accepts what float() accepts except digit-group underscores and
 * non-ASCII digits or spaces, which no lexicon uses: surrounding
 * whitespace, a sign, a decimal literal, inf, infinity or nan in any case.
 * strtod() alone would also take hex floats and depend on LC_NUMERIC, so the
 * syntax is checked here and the conversion, which must be correctly
 * rounded, runs in the "C" locale.
 */
bool sentimentp_parse_double(const char *s, locale_t c, double *out)
{
    size_t b = 0, e = strlen(s);
    while (b < e && is_blank(s[b]))
        b++;
    while (e > b && is_blank(s[e - 1]))
        e--;
    double sign = 1.0;
    size_t m = b;
    if (m < e && (s[m] == '+' || s[m] == '-')) {
        sign = s[m] == '-' ? -1.0 : 1.0;
        m++;
    }
    size_t n = e - m;
    if ((n == 3 && strncasecmp(s + m, "inf", 3) == 0) ||
        (n == 8 && strncasecmp(s + m, "infinity", 8) == 0)) {
        *out = sign * HUGE_VAL;
        return true;
    }
    if (n == 3 && strncasecmp(s + m, "nan", 3) == 0) {
        *out = copysign(NAN, sign);
        return true;
    }
    if (!is_decimal(s + m, n))
        return false;
    locale_t previous = uselocale(c);
    char *end;
    double v = strtod(s + b, &end);
    uselocale(previous);
    if (end != s + e)
        return false;
    *out = v;
    return true;
}
