/*
 * The reference vectors: answers of real TextBlob 0.18 for 23,056 inputs,
 * under CPython >= 3.12 (default) and <= 3.11 (SENTIMENT_COMPAT_PY311).
 * Every number must match exactly: as a double and as Python prints it.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sentiment.h>

#include "testlib.h"

static int check_number(const char *text, const char *what, double got,
                        const char *want)
{
    char buf[SENTIMENT_FORMAT_BUFSIZE];
    char *end;
    double expected = strtod(want, &end);
    if (*end != '\0') {
        print_error("bad expected value '%s'\n", want);
        return 1;
    }
    int n = sentiment_format_double(got, buf, sizeof buf);
    if (memcmp(&got, &expected, sizeof got) != 0 || n < 0 ||
        strcmp(buf, want) != 0) {
        print_error("%s of \"%s\": got %s (%.17g), want %s\n", what, text, buf,
                    got, want);
        return 1;
    }
    return 0;
}

static void run_file(const char *name, size_t expected_rows)
{
    sentiment_analyzer *modern, *py311;
    assert_int_equal(sentiment_analyzer_new(0, &modern), 0);
    assert_int_equal(sentiment_analyzer_new(SENTIMENT_COMPAT_PY311, &py311), 0);
    size_t len;
    char *data = testlib_read(name, &len);
    testlib_tsv tsv;
    testlib_tsv_init(&tsv, data, len);
    char *f[5];
    size_t rows = 0, failures = 0;
    size_t n;
    while ((n = testlib_tsv_row(&tsv, f, 5)) > 0) {
        assert_int_equal(n, 5);
        char *shown = strdup(f[0]);
        size_t text_len = testlib_unescape(f[0]);
        double p, s;
        assert_int_equal(
            sentiment_analyzer_score(modern, f[0], text_len, &p, &s), 0);
        failures += check_number(shown, "polarity", p, f[1]);
        failures += check_number(shown, "subjectivity", s, f[2]);
        assert_int_equal(
            sentiment_analyzer_score(py311, f[0], text_len, &p, &s), 0);
        failures += check_number(shown, "py311 polarity", p, f[3]);
        failures += check_number(shown, "py311 subjectivity", s, f[4]);
        free(shown);
        rows++;
    }
    free(data);
    sentiment_analyzer_free(modern);
    sentiment_analyzer_free(py311);
    assert_int_equal(rows, expected_rows);
    assert_int_equal(failures, 0);
}

static void edge(void **state)
{
    (void)state;
    run_file("vectors/edge.tsv", 77);
}

static void uci_reviews(void **state)
{
    (void)state;
    run_file("vectors/uci-dev.tsv", 2979);
}

static void adversarial(void **state)
{
    (void)state;
    run_file("vectors/fuzz-dev.tsv", 20000);
}

/* The one-shot call is the default analyzer without an object. */
static void one_shot_equals_analyzer(void **state)
{
    (void)state;
    sentiment_analyzer *a;
    assert_int_equal(sentiment_analyzer_new(0, &a), 0);
    size_t len;
    char *data = testlib_read("vectors/uci-dev.tsv", &len);
    testlib_tsv tsv;
    testlib_tsv_init(&tsv, data, len);
    char *f[5];
    while (testlib_tsv_row(&tsv, f, 5) == 5) {
        size_t text_len = testlib_unescape(f[0]);
        double p1, s1, p2, s2;
        assert_int_equal(sentiment_score(f[0], text_len, &p1, &s1), 0);
        assert_int_equal(sentiment_analyzer_score(a, f[0], text_len, &p2, &s2),
                         0);
        assert_memory_equal(&p1, &p2, sizeof p1);
        assert_memory_equal(&s1, &s2, sizeof s1);
    }
    free(data);
    sentiment_analyzer_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(edge),
        cmocka_unit_test(uci_reviews),
        cmocka_unit_test(adversarial),
        cmocka_unit_test(one_shot_equals_analyzer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
