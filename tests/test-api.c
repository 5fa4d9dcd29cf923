/*
 * The public API's contract: arguments, error codes, flags, versions,
 * assessments, invalid UTF-8, NUL bytes and long input.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sentiment.h>

static void score_str(const sentiment_analyzer *a, const char *text, double *p,
                      double *s)
{
    assert_int_equal(sentiment_analyzer_score(a, text, strlen(text), p, s), 0);
}

static void assert_double_is(double got, double want)
{
    if (memcmp(&got, &want, sizeof got) != 0)
        fail_msg("got %.17g, want %.17g", got, want);
}

/* ------------------------------------------------------------ arguments */

static void null_arguments(void **state)
{
    (void)state;
    sentiment_analyzer *a = (sentiment_analyzer *)1;
    assert_int_equal(sentiment_analyzer_new(0, NULL), SENTIMENT_E_INVALID);
    assert_int_equal(sentiment_analyzer_new(1u << 7, &a), SENTIMENT_E_INVALID);
    assert_null(a);
    assert_int_equal(sentiment_analyzer_new_from_file(NULL, 0, &a, NULL),
                     SENTIMENT_E_INVALID);
    assert_int_equal(sentiment_analyzer_new_from_buffer(NULL, 3, 0, &a, NULL),
                     SENTIMENT_E_INVALID);
    assert_int_equal(sentiment_analyzer_score(NULL, "good", 4, NULL, NULL),
                     SENTIMENT_E_INVALID);
    assert_int_equal(sentiment_score(NULL, 1, NULL, NULL), SENTIMENT_E_INVALID);
    double p = 42.0, s = 42.0;
    assert_int_equal(sentiment_score(NULL, 0, &p, &s), 0);
    assert_double_is(p, 0.0);
    assert_double_is(s, 0.0);
    /* outputs are optional */
    assert_int_equal(sentiment_score("good", 4, NULL, &s), 0);
    assert_double_is(s, 0.6000000000000001);
    sentiment_analyzer_free(NULL);
    assert_int_equal(sentiment_analyzer_flags(NULL), 0);
    assert_int_equal(sentiment_analyzer_lexicon_size(NULL), 0);
}

static void flags_and_size(void **state)
{
    (void)state;
    sentiment_analyzer *a;
    unsigned flags = SENTIMENT_COMPAT_PY311 | SENTIMENT_STRICT_UTF8;
    assert_int_equal(sentiment_analyzer_new(flags, &a), 0);
    assert_int_equal(sentiment_analyzer_flags(a), flags);
    assert_int_equal(sentiment_analyzer_lexicon_size(a), 2860);
    sentiment_analyzer_free(a);
}

static void errors_have_messages(void **state)
{
    (void)state;
    assert_string_equal(sentiment_strerror(SENTIMENT_OK), "success");
    assert_string_equal(sentiment_strerror(SENTIMENT_E_NOMEM), "out of memory");
    assert_string_equal(sentiment_strerror(SENTIMENT_E_UTF8), "invalid UTF-8");
    for (int code = SENTIMENT_E_RANGE; code <= 0; code++)
        assert_string_not_equal(sentiment_strerror(code), "unknown error");
    assert_string_equal(sentiment_strerror(-1000), "unknown error");
    assert_string_equal(sentiment_strerror(5), "unknown error");
}

static void versions_agree(void **state)
{
    (void)state;
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", SENTIMENT_VERSION_MAJOR,
             SENTIMENT_VERSION_MINOR, SENTIMENT_VERSION_MICRO);
    assert_string_equal(sentiment_version_string(), want);
    assert_string_equal(SENTIMENT_VERSION_STRING, want);
    assert_int_equal(sentiment_version(), SENTIMENT_VERSION_HEX);
    assert_true(SENTIMENT_CHECK_VERSION(1, 0, 0));
    assert_false(SENTIMENT_CHECK_VERSION(SENTIMENT_VERSION_MAJOR + 1, 0, 0));
    assert_non_null(strstr(sentiment_lexicon_version(), "2860 forms"));
}

/* ------------------------------------------------------------ scoring */

static void documented_examples(void **state)
{
    (void)state;
    double p, s;
    assert_int_equal(sentiment_score("I love yogobella!", 17, &p, &s), 0);
    assert_double_is(p, 0.625);
    assert_double_is(s, 0.6);
    assert_int_equal(sentiment_score("good bad", 8, &p, &s), 0);
    assert_double_is(p, 5.551115123125783e-17);
    assert_int_equal(sentiment_score("not very good", 13, &p, &s), 0);
    assert_double_is(p, -0.26923076923076916);
}

/* "pleasant" is one of the 30 entries whose mean differs before 3.12. */
static void compat_mode_differs(void **state)
{
    (void)state;
    sentiment_analyzer *modern, *old;
    assert_int_equal(sentiment_analyzer_new(0, &modern), 0);
    assert_int_equal(sentiment_analyzer_new(SENTIMENT_COMPAT_PY311, &old), 0);
    double p1, s1, p2, s2;
    score_str(modern, "pleasant", &p1, &s1);
    score_str(old, "pleasant", &p2, &s2);
    assert_memory_not_equal(&p1, &p2, sizeof p1);
    sentiment_analyzer_free(modern);
    sentiment_analyzer_free(old);
}

static void invalid_utf8(void **state)
{
    (void)state;
    sentiment_analyzer *strict;
    assert_int_equal(sentiment_analyzer_new(SENTIMENT_STRICT_UTF8, &strict), 0);
    double p = 9.0, s = 9.0;
    /* default: U+FFFD, a one-character word, so the negation survives it */
    assert_int_equal(sentiment_score("not \xff good", 10, &p, &s), 0);
    assert_double_is(p, -0.35);
    assert_int_equal(
        sentiment_analyzer_score(strict, "not \xff good", 10, &p, &s),
        SENTIMENT_E_UTF8);
    assert_double_is(p, -0.35); /* untouched on failure */
    /* a surrogate is three maximal subparts: three U+FFFD, a long word */
    assert_int_equal(sentiment_score("not \xed\xa0\x80 good", 12, &p, &s), 0);
    assert_double_is(p, 0.7);
    /* truncated sequence at the end */
    assert_int_equal(sentiment_score("good \xe2\x82", 7, &p, &s), 0);
    assert_double_is(p, 0.7);
    score_str(strict, "caf\xc3\xa9 good", &p, &s);
    assert_double_is(p, 0.7);
    sentiment_analyzer_free(strict);
}

static void nul_bytes_are_text(void **state)
{
    (void)state;
    double p, s;
    /* "\0" is a one-character word: the negation survives it */
    assert_int_equal(sentiment_score("not \0 good", 10, &p, &s), 0);
    assert_double_is(p, -0.35);
    assert_int_equal(sentiment_score("good\0", 5, &p, &s), 0);
    assert_double_is(p, 0.0);
}

/* A long sentence outgrows every stack buffer: the heap path is exact too. */
static void long_input(void **state)
{
    (void)state;
    size_t n = 200000;
    char *text = malloc(5 * n + 2);
    assert_non_null(text);
    for (size_t k = 0; k < n; k++)
        memcpy(text + 5 * k, k % 2 ? "bad  " : "good ", 5);
    memcpy(text + 5 * n, "!", 2);
    double p, s;
    assert_int_equal(sentiment_score(text, 5 * n + 1, &p, &s), 0);
    /* the '!' boosts the last "bad" */
    double sum = 0.0, subj = 0.0;
    for (size_t k = 0; k < n; k++) {
        sum += k % 2 ? (k == n - 1 ? -0.6999999999999998 * 1.25
                                   : -0.6999999999999998)
                     : 0.7;
        subj += k % 2 ? 0.6666666666666666 : 0.6000000000000001;
    }
    assert_double_is(p, sum / (double)n);
    assert_double_is(s, subj / (double)n);
    /* one huge token */
    memset(text, 'a', 5 * n);
    assert_int_equal(sentiment_score(text, 5 * n, &p, &s), 0);
    assert_double_is(p, 0.0);
    free(text);
}

/*
 * TextBlob rejoins emoticons that the tokenizer split apart (": - )"); the
 * library skips that work for sentences without an emoticon byte, so every
 * emoticon, spread out with spaces, must still score as the emoticon.
 */
static void spaced_emoticons_rejoin(void **state)
{
    (void)state;
    /* clang-format off */
    static const char *const emoticons[] = {
        "<3", "\xe2\x99\xa5", ">:D", ":-D", ":D", "=-D", "=D", "X-D", "x-D",
        "XD", "xD", "8-D", ">:P", ":-P", ":P", ":-p", ":p", ":-b", ":b", ":c)",
        ":o)", ":^)", ">:)", ":-)", ":)", "=)", "=]", ":]", ":}", ":>", ":3",
        "8)", "8-)", ">;]", ";-)", ";)", ";-]", ";]", ";D", ";^)", "*-)", "*)",
        ">:o", ":-O", ":O", ":o", ":-o", "o_O", "o.O", "\xc2\xb0O\xc2\xb0",
        "\xc2\xb0o\xc2\xb0", ">:/", ":-/", ":/", ":\\", ">:\\", ":-.", ":-s",
        ":s", ":S", ":-S", ">.>", ">:[", ":-(", ":(", "=(", ":-[", ":[", ":{",
        ":-<", ":c", ":-c", "=/", ":'(", ":'''(", ";'(",
    };
    /* clang-format on */
    for (size_t k = 0; k < sizeof emoticons / sizeof emoticons[0]; k++) {
        const char *e = emoticons[k];
        /* spaced out, the "." of "o.O" or ">.>" ends a sentence, and
         * TextBlob never rejoins across sentences */
        const char *dot = strchr(e, '.');
        if (dot && dot[1] != '\0')
            continue;
        char joined[64], spaced[64];
        size_t n = (size_t)snprintf(joined, sizeof joined, "good %s", e);
        size_t m = (size_t)snprintf(spaced, sizeof spaced, "good ");
        for (const char *c = e; *c; c++) {
            /* a space between characters, never inside a UTF-8 sequence */
            if (c != e && ((unsigned char)*c & 0xc0) != 0x80)
                spaced[m++] = ' ';
            spaced[m++] = *c;
        }
        double p1, s1, p2, s2;
        assert_int_equal(sentiment_score(joined, n, &p1, &s1), 0);
        assert_int_equal(sentiment_score(spaced, m, &p2, &s2), 0);
        if (p1 != p2 || s1 != s2)
            fail_msg("\"%s\" scores %.17g, spaced out %.17g", e, p1, p2);
        if (strcmp(e, "XD") != 0 && strcmp(e, "xD") != 0)
            assert_true(s1 > 0.6000000000000001); /* the emoticon counted */
    }
}

/* ------------------------------------------------------------ assessments */

typedef struct collected {
    char text[1024];
    int calls;
    int stop_after;
} collected;

/* Appends one assessment the way Python prints the tuple (ASCII words). */
/*
 * Tokens the scorer takes at once or holds, depending on the next one:
 * each text puts a join pair (sentimentp_join_next) across a space, after
 * a sentence end, at the end of the text, or behind END-OF-SENTENCE. The
 * values are sentiment_ref.py's, which equals TextBlob.
 */
static void tokens_held_for_rejoining(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        double polarity, subjectivity;
    } cases[] = {
        {"not x D good", 0.7,
         0.6000000000000001}, /* "xD" clears the negation */
        {"not x Dgood", 0.0, 0.0},
        {"good 8 )", 0.6, 0.8},
        {"good so )", 0.7, 0.6000000000000001},
        {"good!)", 0.875, 0.6000000000000001},
        {"good (! )", 0.35, 0.8},
        {"good o. O", 0.375, 0.8},
        {"good o . O", 0.7, 0.6000000000000001},
        {"so :)", 0.5, 1.0},
        {"good =END-OF-SENTENCE )", 0.6, 0.8},
        {"bad, not good.", -0.5249999999999999, 0.6333333333333333},
        {"not a good", -0.35, 0.6000000000000001},
        {"Good. Hmm!", 0.875, 0.6000000000000001},
        /* apostrophes inside words, on the fast path or not (n't) */
        {"isn't good", 0.7, 0.6000000000000001},
        {"not it's good", 0.7, 0.6000000000000001},
        {"so'' :'(", -1.0, 1.0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        double p, s;
        assert_int_equal(
            sentiment_score(cases[k].text, strlen(cases[k].text), &p, &s), 0);
        assert_double_is(p, cases[k].polarity);
        assert_double_is(s, cases[k].subjectivity);
    }
}

static int collect(void *user, const char *const *words, size_t n_words,
                   double polarity, double subjectivity, const char *label)
{
    collected *c = user;
    char p[SENTIMENT_FORMAT_BUFSIZE], s[SENTIMENT_FORMAT_BUFSIZE];
    assert_true(sentiment_format_double(polarity, p, sizeof p) > 0);
    assert_true(sentiment_format_double(subjectivity, s, sizeof s) > 0);
    size_t len = strlen(c->text);
    len += (size_t)snprintf(c->text + len, sizeof c->text - len, "%s([",
                            c->calls ? ", " : "");
    for (size_t k = 0; k < n_words; k++)
        len += (size_t)snprintf(c->text + len, sizeof c->text - len, "%s'%s'",
                                k ? ", " : "", words[k]);
    if (label)
        snprintf(c->text + len, sizeof c->text - len, "], %s, %s, '%s')", p, s,
                 label);
    else
        snprintf(c->text + len, sizeof c->text - len, "], %s, %s, None)", p, s);
    c->calls++;
    return c->stop_after && c->calls >= c->stop_after;
}

static void check_assessments(const char *text, const char *want)
{
    sentiment_analyzer *a;
    assert_int_equal(sentiment_analyzer_new(SENTIMENT_COMPAT_PY311, &a), 0);
    collected c = {{0}, 0, 0};
    double p, s;
    assert_int_equal(
        sentiment_analyzer_assess(a, text, strlen(text), &p, &s, collect, &c),
        0);
    assert_string_equal(c.text, want);
    sentiment_analyzer_free(a);
}

/* Expected strings are textblob_oracle.py --assessments on CPython 3.11. */
static void assessments_like_textblob(void **state)
{
    (void)state;
    check_assessments("not very good",
                      "(['not', 'very', 'good'], -0.26923076923076916, "
                      "0.46153846153846156, None)");
    check_assessments("very :) good",
                      "(['very'], 0.2, 0.3, None), ([':)', 'good'], 0.7, "
                      "0.6000000000000001, None)");
    check_assessments("really not good!",
                      "(['really', 'not', 'good', '!'], -0.4375, "
                      "0.6000000000000001, None)");
    check_assessments(
        "What a crap :( (!) day",
        "(['crap'], -0.8, 0.8, 'profanity'), ([':('], -0.75, 1.0, "
        "'mood'), (['(!)'], 0.0, 1.0, 'irony')");
    check_assessments("nothing here", "");
}

static void callback_can_stop(void **state)
{
    (void)state;
    sentiment_analyzer *a;
    assert_int_equal(sentiment_analyzer_new(0, &a), 0);
    collected c = {{0}, 0, 1};
    double p = 5.0;
    assert_int_equal(sentiment_analyzer_assess(a, "good bad ugly", 13, &p, NULL,
                                               collect, &c),
                     SENTIMENT_E_ABORTED);
    assert_int_equal(c.calls, 1);
    assert_double_is(p, 5.0);
    /* a NULL callback is plain scoring */
    assert_int_equal(
        sentiment_analyzer_assess(a, "good", 4, &p, NULL, NULL, NULL), 0);
    assert_double_is(p, 0.7);
    sentiment_analyzer_free(a);
}

/* ------------------------------------------------------------ UTF-8 API */

static void utf8_validate_and_repair(void **state)
{
    (void)state;
    size_t off = 99;
    assert_int_equal(sentiment_utf8_validate("ab\xc3\xa9", 4, &off), 0);
    assert_int_equal(off, 4);
    assert_int_equal(sentiment_utf8_validate("ab\xc0\xaf", 4, &off),
                     SENTIMENT_E_UTF8);
    assert_int_equal(off, 2);
    assert_int_equal(sentiment_utf8_validate(NULL, 0, NULL), 0);
    assert_int_equal(sentiment_utf8_validate(NULL, 1, NULL),
                     SENTIMENT_E_INVALID);

    /* Python: b"a\xf0\x9f\x98b\xff\xed\xa0\x80".decode("utf-8", "replace") */
    const char in[] = "a\xf0\x9f\x98"
                      "b\xff\xed\xa0\x80";
    const char want[] = "a\xef\xbf\xbd"
                        "b\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd";
    char out[64];
    size_t n = sentiment_utf8_repair(in, sizeof in - 1, out, sizeof out);
    assert_int_equal(n, sizeof want - 1);
    assert_memory_equal(out, want, n);
    /* snprintf-like: the needed size even when the buffer is short */
    assert_int_equal(sentiment_utf8_repair(in, sizeof in - 1, out, 3), n);
    assert_int_equal(sentiment_utf8_repair(in, sizeof in - 1, NULL, 0), n);
    assert_int_equal(sentiment_utf8_repair("ok", 2, out, sizeof out), 2);
}

/* A bad byte at every offset of texts up to 80 bytes: the ASCII scan reads
 * 32, 16 and 8 bytes at a time and the last 16 again, so each length and
 * offset takes a different path through it. */
static void utf8_bad_byte_anywhere(void **state)
{
    (void)state;
    char text[80];
    for (size_t len = 1; len <= sizeof text; len++) {
        for (size_t at = 0; at < len; at++) {
            memset(text, 'a', len);
            text[at] = '\xff';
            size_t off = 0;
            assert_int_equal(sentiment_utf8_validate(text, len, &off),
                             SENTIMENT_E_UTF8);
            assert_int_equal(off, at);
            text[at] = 'b';
            assert_int_equal(sentiment_utf8_validate(text, len, &off), 0);
            assert_int_equal(off, len);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(null_arguments),
        cmocka_unit_test(flags_and_size),
        cmocka_unit_test(errors_have_messages),
        cmocka_unit_test(versions_agree),
        cmocka_unit_test(documented_examples),
        cmocka_unit_test(compat_mode_differs),
        cmocka_unit_test(invalid_utf8),
        cmocka_unit_test(nul_bytes_are_text),
        cmocka_unit_test(long_input),
        cmocka_unit_test(spaced_emoticons_rejoin),
        cmocka_unit_test(tokens_held_for_rejoining),
        cmocka_unit_test(assessments_like_textblob),
        cmocka_unit_test(callback_can_stop),
        cmocka_unit_test(utf8_validate_and_repair),
        cmocka_unit_test(utf8_bad_byte_anywhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
