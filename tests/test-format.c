/*
 * libsentiment - TextBlob-exact sentiment scoring for English text.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

/*
 * Tests for sentiment_format_double(): hand-picked cases, Python's own
 * repr() output for ~50,000 doubles (tests/data/format-python.txt, found
 * through $SENTIMENT_TEST_DATA), buffer handling, and a round-trip,
 * shortness and closeness check on millions of pseudo-random doubles
 * against the C library's correctly rounded printf() and strtod().
 */

#include <float.h>
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sentiment.h"

static double from_bits(uint64_t bits)
{
    double d;

    memcpy(&d, &bits, sizeof d);
    return d;
}

static uint64_t to_bits(double d)
{
    uint64_t bits;

    memcpy(&bits, &d, sizeof bits);
    return bits;
}

/* Expected strings are Python 3's repr() of the same bits. */
static const struct {
    uint64_t bits;
    const char *repr;
} cases[] = {
    /* Specials; Python drops the sign of a NaN. */
    {UINT64_C(0x0000000000000000), "0.0"},
    {UINT64_C(0x8000000000000000), "-0.0"},
    {UINT64_C(0x7ff0000000000000), "inf"},
    {UINT64_C(0xfff0000000000000), "-inf"},
    {UINT64_C(0x7ff8000000000000), "nan"},
    {UINT64_C(0xfff8000000000000), "nan"},
    {UINT64_C(0x7ff0000000000001), "nan"},
    {UINT64_C(0xffffffffffffffff), "nan"},

    /* Layout: positional for 1e-4 <= |x| < 1e16, else exponent form. */
    {UINT64_C(0x3fe4000000000000), "0.625"},
    {UINT64_C(0x3ff0000000000000), "1.0"},
    {UINT64_C(0xbff0000000000000), "-1.0"},
    {UINT64_C(0x4059000000000000), "100.0"},
    {UINT64_C(0x40934a0000000000), "1234.5"},
    {UINT64_C(0x430c6bf526340000), "1000000000000000.0"},
    {UINT64_C(0x43118b54f22aeb03), "1234567890123456.8"},
    {UINT64_C(0x4341c37937e07fff), "9999999999999998.0"},
    {UINT64_C(0x4341c37937e08000), "1e+16"},
    {UINT64_C(0x4341c37937e08001), "1.0000000000000002e+16"},
    {UINT64_C(0x4345ee2a2eb5a5c4), "1.2345678901234568e+16"},
    {UINT64_C(0x437b69b4ba630f35), "1.2345678901234568e+17"},
    {UINT64_C(0x3f1a36e2eb1c432d), "0.0001"},
    {UINT64_C(0x3f202e4b6ce5dc68), "0.00012345"},
    {UINT64_C(0x3f1a36d1bd105b06), "9.9999e-05"},
    {UINT64_C(0x3ee4f8b588e368f1), "1e-05"},
    {UINT64_C(0x3ee9e3abe16fc70d), "1.2345e-05"},
    {UINT64_C(0x3f50624dd2f1a9fc), "0.001"},
    {UINT64_C(0x3e7ad7f29abcaf48), "1e-07"},
    {UINT64_C(0xbfd6666666666666), "-0.35"},
    {UINT64_C(0x3c90000000000000), "5.551115123125783e-17"},
    {UINT64_C(0x7e41eb2d66005835), "1.5e+300"},
    {UINT64_C(0x7e37e43c8800759c), "1e+300"},
    {UINT64_C(0x01a56e1fc2f8f359), "1e-300"},
    {UINT64_C(0x444b1ae4d6e2ef50), "1e+21"},
    {UINT64_C(0x3b5e392010175ee6), "1e-22"},
    {UINT64_C(0x41b1de784a000000), "299792458.0"},
    {UINT64_C(0x44dfe185ca57c517), "6.02214076e+23"},

    /* Shortest digits. */
    {UINT64_C(0x3fb999999999999a), "0.1"},
    {UINT64_C(0xbfb999999999999a), "-0.1"},
    {UINT64_C(0x3fd3333333333333), "0.3"},
    {UINT64_C(0x3fd3333333333334), "0.30000000000000004"},
    {UINT64_C(0x3fe6666666666666), "0.7"},
    {UINT64_C(0x3fe999999999999a), "0.8"},
    {UINT64_C(0x3fd5555555555555), "0.3333333333333333"},
    {UINT64_C(0xbfd5555555555555), "-0.3333333333333333"},
    {UINT64_C(0x3fe5555555555555), "0.6666666666666666"},
    {UINT64_C(0x3ff0000000000001), "1.0000000000000002"},
    {UINT64_C(0x3fefffffffffffff), "0.9999999999999999"},
    {UINT64_C(0x400921fb54442d18), "3.141592653589793"},
    {UINT64_C(0x4005bf0a8b145769), "2.718281828459045"},
    {UINT64_C(0x39b279a9c8073d8b), "9.109e-31"},

    /* What the library prints: averages of lexicon values. */
    {UINT64_C(0x3fd9111111111111), "0.39166666666666666"},
    {UINT64_C(0xbfd13b13b13b13b0), "-0.26923076923076916"},
    {UINT64_C(0x3fe0000000000000), "0.5"},
    {UINT64_C(0xbfc4000000000000), "-0.15625"},
    {UINT64_C(0x3fc1745d1745d174), "0.13636363636363635"},

    /* Subnormals and the normal/subnormal border. */
    {UINT64_C(0x0000000000000001), "5e-324"},
    {UINT64_C(0x8000000000000001), "-5e-324"},
    {UINT64_C(0x0000000000000002), "1e-323"},
    {UINT64_C(0x0000000000000003), "1.5e-323"},
    {UINT64_C(0x0000000000000009), "4.4e-323"},
    {UINT64_C(0x0000000000004000), "8.095e-320"},
    {UINT64_C(0x000fffffffffffff), "2.225073858507201e-308"},
    {UINT64_C(0x0010000000000000), "2.2250738585072014e-308"},
    {UINT64_C(0x0010000000000001), "2.225073858507202e-308"},

    /* Largest values and powers of ten. */
    {UINT64_C(0x7fefffffffffffff), "1.7976931348623157e+308"},
    {UINT64_C(0xffefffffffffffff), "-1.7976931348623157e+308"},
    {UINT64_C(0x4480f0cf064dd592), "1e+22"},
    {UINT64_C(0x44b52d02c7e14af6), "1e+23"},

    /* Around 2^53, where doubles stop being consecutive integers. */
    {UINT64_C(0x433fffffffffffff), "9007199254740991.0"},
    {UINT64_C(0x4340000000000000), "9007199254740992.0"},
    {UINT64_C(0x4340000000000001), "9007199254740994.0"},
    {UINT64_C(0x4340000000000002), "9007199254740996.0"},

    /* Powers of two across the exponent range. */
    {UINT64_C(0x0170000000000000), "9.332636185032189e-302"},
    {UINT64_C(0x39b0000000000000), "7.888609052210118e-31"},
    {UINT64_C(0x4090000000000000), "1024.0"},
    {UINT64_C(0x43b0000000000000), "1.152921504606847e+18"},
    {UINT64_C(0x43e0000000000000), "9.223372036854776e+18"},
    {UINT64_C(0x43f0000000000000), "1.8446744073709552e+19"},
    {UINT64_C(0x4630000000000000), "1.2676506002282294e+30"},
    {UINT64_C(0x7e70000000000000), "1.0715086071862673e+301"},
    {UINT64_C(0x7fe0000000000000), "8.98846567431158e+307"},
    /* At these powers of two a decimal one digit shorter lies between a
     * quarter and a half ulp below: inside a symmetric interval, but it
     * reads back as the double below. */
    {UINT64_C(0x0040000000000000), "1.7800590868057611e-307"},
    {UINT64_C(0x03e0000000000000), "5.1306710016229703e-290"},

    /* Exact values with 18 significant digits ending in 5: the two
     * 17-digit neighbours are equally close and both read back; dtoa takes
     * the even one. */
    {UINT64_C(0x3e60000000000000), "2.9802322387695312e-08"},
    {UINT64_C(0x4310000000000001), "1125899906842624.2"},
    {UINT64_C(0x430c6bf526340002), "1000000000000000.2"},
    {UINT64_C(0x42a957394bfeb220), "13931207065433.062"},

    /* The double whose 4 * v / 10^k comes closest to an integer without
     * being one (about 2^-65.4 away): the one that needs every bit of the
     * 10^k approximation. */
    {UINT64_C(0x6cbf92bacb3cb40c), "6.802601037806062e+215"},

    /* 5e22 lies exactly half-way between this double (even mantissa) and
     * the next; strtod() ties to even, so it reads back and is shortest.
     * The next double (odd mantissa) must not use it. */
    {UINT64_C(0x44a52d02c7e14af6), "5e+22"},
    {UINT64_C(0x44a52d02c7e14af7), "5.0000000000000004e+22"},
};

static void test_cases(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[SENTIMENT_FORMAT_BUFSIZE];
        int n = sentiment_format_double(from_bits(cases[i].bits), buf,
                                        sizeof buf);

        if (n < 0 || strcmp(buf, cases[i].repr) != 0)
            print_error("bits %016llx: want %s, got %s (%d)\n",
                        (unsigned long long)cases[i].bits, cases[i].repr,
                        n < 0 ? "" : buf, n);
        assert_string_equal(buf, cases[i].repr);
        assert_int_equal(n, (int)strlen(cases[i].repr));
    }
}

/* $SENTIMENT_TEST_DATA/format-python.txt, or data/format-python.txt below
 * it when the variable names the tests directory itself. */
static FILE *open_python_data(void)
{
    static const char *const names[] = {
        "format-python.txt",
        "data/format-python.txt",
    };
    const char *dir = getenv("SENTIMENT_TEST_DATA");
    char path[4096];
    size_t i;

    if (dir == NULL || *dir == '\0') {
        print_error("SENTIMENT_TEST_DATA is not set\n");
        return NULL;
    }
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        FILE *f;

        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        f = fopen(path, "r");
        if (f != NULL)
            return f;
    }
    print_error("no format-python.txt in %s or %s/data\n", dir, dir);
    return NULL;
}

/* Every line of format-python.txt: "<16 hex digits>\t<repr>". */
static void test_python_data(void **state)
{
    char line[128];
    unsigned long lines = 0, bad = 0;
    FILE *f;

    (void)state;
    f = open_python_data();
    assert_non_null(f);
    while (fgets(line, sizeof line, f) != NULL) {
        char buf[SENTIMENT_FORMAT_BUFSIZE];
        char *tab, *end;
        uint64_t bits;
        int n;

        if (line[0] == '#')
            continue;
        line[strcspn(line, "\r\n")] = '\0';
        tab = strchr(line, '\t');
        assert_non_null(tab);
        *tab = '\0';
        bits = (uint64_t)strtoull(line, &end, 16);
        assert_true(end == tab && tab - line == 16);

        n = sentiment_format_double(from_bits(bits), buf, sizeof buf);
        lines++;
        if (n != (int)strlen(tab + 1) || strcmp(buf, tab + 1) != 0) {
            if (bad++ < 20)
                print_error("bits %s: want %s, got %s\n", line, tab + 1,
                            n < 0 ? "" : buf);
        }
    }
    fclose(f);
    assert_int_equal(bad, 0);
    /* A truncated file would pass vacuously. */
    assert_true(lines >= 49000);
}

static void test_buffer_sizes(void **state)
{
    static const double values[] = {
        0.0,    -0.0,
        1.0,    -0.26923076923076916,
        5e-324, -1.7976931348623157e308,
        1e16,   0.0001,
        1e-05,
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof values / sizeof values[0]; i++) {
        char want[SENTIMENT_FORMAT_BUFSIZE], buf[SENTIMENT_FORMAT_BUFSIZE];
        int len = sentiment_format_double(values[i], want, sizeof want);
        size_t size;

        assert_true(len > 0);
        assert_int_equal((size_t)len, strlen(want));

        /* Size 0: nothing may be written. */
        memset(buf, 'x', sizeof buf);
        assert_int_equal(sentiment_format_double(values[i], buf, 0),
                         SENTIMENT_E_RANGE);
        assert_int_equal(buf[0], 'x');

        /* Too small by any amount: an empty string, nothing beyond it. */
        for (size = 1; size <= (size_t)len; size++) {
            memset(buf, 'x', sizeof buf);
            assert_int_equal(sentiment_format_double(values[i], buf, size),
                             SENTIMENT_E_RANGE);
            assert_int_equal(buf[0], '\0');
            assert_int_equal(buf[1], 'x');
        }

        /* Exactly enough: the string and its NUL, nothing beyond. */
        memset(buf, 'x', sizeof buf);
        assert_int_equal(
            sentiment_format_double(values[i], buf, (size_t)len + 1), len);
        assert_string_equal(buf, want);
        assert_int_equal(buf[len + 1], 'x');
    }

    {
        double neg_nan = from_bits(UINT64_C(0xfff8000000000000));
        char buf[4];

        assert_int_equal(sentiment_format_double(0.5, buf, 4), 3);
        assert_string_equal(buf, "0.5");
        assert_int_equal(sentiment_format_double(0.5, buf, 3),
                         SENTIMENT_E_RANGE);
        assert_string_equal(buf, "");
        assert_int_equal(sentiment_format_double(neg_nan, buf, 4), 3);
        assert_string_equal(buf, "nan");
    }

    assert_int_equal(sentiment_format_double(1.0, NULL, 0),
                     SENTIMENT_E_INVALID);
    assert_int_equal(
        sentiment_format_double(1.0, NULL, SENTIMENT_FORMAT_BUFSIZE),
        SENTIMENT_E_INVALID);
}

/* The longest outputs (24 bytes) fit SENTIMENT_FORMAT_BUFSIZE. */
static void test_longest(void **state)
{
    static const struct {
        uint64_t bits;
        const char *repr;
    } longest[] = {
        {UINT64_C(0x8010000000000000), "-2.2250738585072014e-308"},
        {UINT64_C(0xab31482fe620c5d2), "-1.2345678901234567e-100"},
        {UINT64_C(0xbf202e85be180b74), "-0.00012345678901234567"},
        {UINT64_C(0xc3118b54f22aeb03), "-1234567890123456.8"},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof longest / sizeof longest[0]; i++) {
        char buf[25];
        int n = sentiment_format_double(from_bits(longest[i].bits), buf,
                                        sizeof buf);

        assert_string_equal(buf, longest[i].repr);
        assert_int_equal(n, (int)strlen(longest[i].repr));
    }
}

/* The significant digits of a finite decimal string, without leading or
 * trailing zeros, and the position of the decimal point relative to them
 * (value = 0.DIGITS * 10^point): "1.25e-3" and "0.00125" both give "125"
 * and -2. */
static void decompose(const char *s, char *digits, int *point)
{
    int n = 0, pos = 0, seen_point = 0, lead = 1;

    if (*s == '-')
        s++;
    for (; *s != '\0' && *s != 'e'; s++) {
        if (*s == '.') {
            seen_point = 1;
            continue;
        }
        if (lead && *s == '0') {
            if (seen_point)
                pos--;
            continue;
        }
        lead = 0;
        digits[n++] = *s;
        if (!seen_point)
            pos++;
    }
    while (n > 0 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    if (*s == 'e')
        pos += atoi(s + 1);
    *point = pos;
}

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));

    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/*
 * For each double: the output reads back exactly; with n significant
 * digits, the correctly rounded (n-1)-digit decimal does not read back (so
 * no shorter decimal does); and if the correctly rounded n-digit decimal
 * reads back, the output is that one (the closest).
 */
static void check_one(double d)
{
    char buf[SENTIMENT_FORMAT_BUFSIZE], alt[64];
    char digits[32], alt_digits[32];
    int len, n, point, alt_point;
    double back;

    len = sentiment_format_double(d, buf, sizeof buf);
    assert_true(len > 0 && len < SENTIMENT_FORMAT_BUFSIZE);
    if (isnan(d)) {
        assert_string_equal(buf, "nan");
        return;
    }
    back = strtod(buf, NULL);
    if (to_bits(back) != to_bits(d)) {
        print_error("bits %016llx: %s does not read back\n",
                    (unsigned long long)to_bits(d), buf);
        fail();
    }
    if (d == 0.0 || isinf(d))
        return;

    decompose(buf, digits, &point);
    n = (int)strlen(digits);
    if (n > 1) {
        snprintf(alt, sizeof alt, "%.*e", n - 2, d);
        if (strtod(alt, NULL) == d) {
            print_error("bits %016llx: %s is shorter than %s\n",
                        (unsigned long long)to_bits(d), alt, buf);
            fail();
        }
    }
    snprintf(alt, sizeof alt, "%.*e", n - 1, d);
    if (strtod(alt, NULL) == d) {
        decompose(alt, alt_digits, &alt_point);
        if (strcmp(digits, alt_digits) != 0 || point != alt_point) {
            print_error("bits %016llx: %s is closer than %s\n",
                        (unsigned long long)to_bits(d), alt, buf);
            fail();
        }
    }
}

static void test_round_trip(void **state)
{
    uint64_t seed = UINT64_C(20260101);
    /* valgrind runs this 50 times slower; a sample still covers the code */
    long scale = getenv("SENTIMENT_TEST_QUICK") ? 50 : 1;
    long i;

    (void)state;
    /* Bit patterns over every exponent, values in [-1, 1], and nearby
     * neighbours of powers of two. */
    for (i = 0; i < 2000000 / scale; i++)
        check_one(from_bits(splitmix64(&seed)));
    for (i = 0; i < 1000000 / scale; i++) {
        uint64_t r = splitmix64(&seed);

        check_one((double)(int64_t)(r >> 11) / 4503599627370496.0 - 1.0);
    }
    for (i = 1; i < 2047; i++) {
        uint64_t p = (uint64_t)i << 52;

        check_one(from_bits(p));
        check_one(from_bits(p + 1));
        check_one(from_bits(p - 1));
    }
}

/* No locale setting may change the output. */
static void test_locale(void **state)
{
    static const char *const names[] = {
        "de_DE.UTF-8",
        "de_DE.utf8",
        "fr_FR.UTF-8",
        "C.UTF-8",
    };
    char buf[SENTIMENT_FORMAT_BUFSIZE];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (setlocale(LC_ALL, names[i]) == NULL)
            continue;
        assert_int_equal(sentiment_format_double(-0.35, buf, sizeof buf), 5);
        assert_string_equal(buf, "-0.35");
        assert_int_equal(sentiment_format_double(1.5e300, buf, sizeof buf), 8);
        assert_string_equal(buf, "1.5e+300");
    }
    setlocale(LC_ALL, "C");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),        cmocka_unit_test(test_python_data),
        cmocka_unit_test(test_buffer_sizes), cmocka_unit_test(test_longest),
        cmocka_unit_test(test_round_trip),   cmocka_unit_test(test_locale),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
