/*
 * Fuzz target: scoring text with the built-in lexicon, through every API
 * path and option.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * The leading bytes choose the options and the path (as cmark's fuzzer
 * does), the rest is the text:
 *
 *   byte 0  bit 0     SENTIMENT_COMPAT_PY311
 *           bit 1     SENTIMENT_STRICT_UTF8
 *           bits 2-3  0: sentiment_score(), the one-shot call
 *                     1: sentiment_analyzer_score() (and _assess() with no
 *                        callback)
 *                     2: sentiment_analyzer_assess() with a callback
 *                     3: the same, then again with a callback that stops
 *                        at the k-th assessment
 *           bit 4     also ask for an unknown flag bit, which must fail
 *           bit 5     an empty text is passed as NULL
 *   byte 1  k - 1 for path 3 (k = 1 + byte % 16); the unknown bit for bit 4
 *   rest    the text: any bytes, NULs and invalid UTF-8 included
 *
 * Beyond crashes, leaks and undefined behaviour (found by ASan and UBSan),
 * it checks what the header and lib/README.md promise:
 * - each call returns a code it documents, and leaves its outputs alone on
 *   failure;
 * - polarity is in [-1, 1], subjectivity in [0, 1], never NaN, never -0.0;
 * - every assessment has at least one lowercased, non-empty word, values in
 *   range and a known label, and the result is the plain left-to-right mean
 *   of the assessments (lib/README.md, "The means");
 * - all paths give the same doubles, bit for bit; invalid UTF-8 scores as
 *   its sentiment_utf8_repair() copy; strict mode rejects exactly the texts
 *   that sentiment_utf8_validate() rejects, before any callback;
 * - a callback that stops at the k-th assessment gets exactly the first k
 *   assessments and the call fails with SENTIMENT_E_ABORTED, unless there
 *   are fewer than k.
 */

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <sentiment.h>

#include "fuzz.h"

#define UNTOUCHED 42.0
#define TRACE_MAX 16

/* One scoring call and what its callback saw. */
struct run {
    int rc;
    double polarity;
    double subjectivity;
    size_t stop_at; /* callback returns 1 on this call; 0: never */
    size_t calls;
    double sum_polarity; /* the assessments, added in order from +0.0 */
    double sum_subjectivity;
    uint64_t trace[TRACE_MAX + 1]; /* hash of the first i assessments */
};

static uint64_t mix(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t k = 0; k < len; k++)
        h = (h ^ p[k]) * 1099511628211u;
    return h;
}

static void check_value_ranges(double polarity, double subjectivity)
{
    FUZZ_CHECK(polarity >= -1.0 && polarity <= 1.0);
    FUZZ_CHECK(subjectivity >= 0.0 && subjectivity <= 1.0);
}

static int on_assessment(void *user, const char *const *words, size_t n_words,
                         double polarity, double subjectivity,
                         const char *label)
{
    struct run *r = user;
    FUZZ_CHECK(words != NULL);
    FUZZ_CHECK(n_words >= 1);
    uint64_t h = r->trace[r->calls < TRACE_MAX ? r->calls : TRACE_MAX];
    for (size_t k = 0; k < n_words; k++) {
        FUZZ_CHECK(words[k] != NULL);
        size_t n = strlen(words[k]);
        FUZZ_CHECK(n > 0);
        for (size_t i = 0; i < n; i++)
            FUZZ_CHECK(words[k][i] < 'A' || words[k][i] > 'Z');
        h = mix(h, words[k], n + 1);
    }
    check_value_ranges(polarity, subjectivity);
    FUZZ_CHECK(label == NULL || strcmp(label, "mood") == 0 ||
               strcmp(label, "irony") == 0 || strcmp(label, "profanity") == 0);
    h = mix(h, &polarity, sizeof polarity);
    h = mix(h, &subjectivity, sizeof subjectivity);
    h = mix(h, label ? label : "", label ? strlen(label) + 1 : 0);

    r->sum_polarity += polarity;
    r->sum_subjectivity += subjectivity;
    r->calls++;
    if (r->calls <= TRACE_MAX)
        r->trace[r->calls] = h;
    return r->stop_at != 0 && r->calls == r->stop_at;
}

/* Scores with sentiment_analyzer_score() (mode 0), _assess() without a
 * callback (mode 1) or with one (mode 2), and checks the result. */
static void score(const sentiment_analyzer *a, const char *text, size_t len,
                  int mode, size_t stop_at, struct run *r)
{
    memset(r, 0, sizeof *r);
    r->trace[0] = 14695981039346656037u;
    r->stop_at = stop_at;
    r->polarity = r->subjectivity = UNTOUCHED;
    if (mode == 0)
        r->rc = sentiment_analyzer_score(a, text, len, &r->polarity,
                                         &r->subjectivity);
    else
        r->rc = sentiment_analyzer_assess(a, text, len, &r->polarity,
                                          &r->subjectivity,
                                          mode == 2 ? on_assessment : NULL, r);
    if (r->rc != SENTIMENT_OK) {
        FUZZ_CHECK(fuzz_same_double(r->polarity, UNTOUCHED));
        FUZZ_CHECK(fuzz_same_double(r->subjectivity, UNTOUCHED));
        return;
    }
    check_value_ranges(r->polarity, r->subjectivity);
    FUZZ_CHECK(!(r->polarity == 0.0 && signbit(r->polarity)));
    FUZZ_CHECK(!(r->subjectivity == 0.0 && signbit(r->subjectivity)));
    if (mode == 2) {
        double n = (double)(r->calls ? r->calls : 1);
        FUZZ_CHECK(fuzz_same_double(r->polarity, r->sum_polarity / n));
        FUZZ_CHECK(fuzz_same_double(r->subjectivity, r->sum_subjectivity / n));
    }
}

static void check_same_result(const struct run *a, const struct run *b)
{
    FUZZ_CHECK(a->rc == SENTIMENT_OK && b->rc == SENTIMENT_OK);
    FUZZ_CHECK(fuzz_same_double(a->polarity, b->polarity));
    FUZZ_CHECK(fuzz_same_double(a->subjectivity, b->subjectivity));
}

/* Checks validate() and repair() on the text; returns the repaired copy
 * (malloc'd, *fixed_len bytes) and whether the text was valid. */
static bool check_utf8(const char *text, size_t len, char **fixed,
                       size_t *fixed_len)
{
    size_t bad = (size_t)-1;
    int v = sentiment_utf8_validate(text, len, &bad);
    FUZZ_CHECK(v == SENTIMENT_OK || v == SENTIMENT_E_UTF8);
    FUZZ_CHECK(v == SENTIMENT_OK ? bad == len : bad < len);

    size_t need = sentiment_utf8_repair(text, len, NULL, 0);
    FUZZ_CHECK(need <= 3 * len);
    FUZZ_CHECK(v != SENTIMENT_OK || need == len);
    char *out = malloc(need ? need : 1);
    FUZZ_CHECK(out != NULL);
    FUZZ_CHECK(sentiment_utf8_repair(text, len, out, need) == need);
    FUZZ_CHECK(sentiment_utf8_validate(out, need, NULL) == SENTIMENT_OK);
    FUZZ_CHECK(bad == 0 || memcmp(out, text, bad < need ? bad : need) == 0);
    /* A short buffer: same answer, and no write past it (ASan). */
    char *part = malloc(need / 2 + 1);
    FUZZ_CHECK(part != NULL);
    FUZZ_CHECK(sentiment_utf8_repair(text, len, part, need / 2) == need);
    free(part);

    *fixed = out;
    *fixed_len = need;
    return v == SENTIMENT_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    struct fuzz_input in = fuzz_split(data, size);
    unsigned b0 = in.b0, b1 = in.b1;
    const char *text = in.text;
    size_t len = in.len;
    if (len == 0 && (b0 & 0x20))
        text = NULL;
    unsigned flags = b0 & (SENTIMENT_COMPAT_PY311 | SENTIMENT_STRICT_UTF8);
    unsigned path = (b0 >> 2) & 3;
    bool strict = (flags & SENTIMENT_STRICT_UTF8) != 0;

    if (b0 & 0x10) {
        sentiment_analyzer *bad = (sentiment_analyzer *)&b0;
        unsigned unknown = 1u << (2 + b1 % 30);
        FUZZ_CHECK(sentiment_analyzer_new(flags | unknown, &bad) ==
                   SENTIMENT_E_INVALID);
        FUZZ_CHECK(bad == NULL);
    }

    char *fixed;
    size_t fixed_len;
    bool valid = check_utf8(text, len, &fixed, &fixed_len);

    sentiment_analyzer *an, *lenient;
    FUZZ_CHECK(sentiment_analyzer_new(flags, &an) == SENTIMENT_OK);
    FUZZ_CHECK(sentiment_analyzer_flags(an) == flags);
    FUZZ_CHECK(sentiment_analyzer_lexicon_size(an) == 2860);
    FUZZ_CHECK(sentiment_analyzer_new(flags & SENTIMENT_COMPAT_PY311,
                                      &lenient) == SENTIMENT_OK);

    /* The reference result: default UTF-8 handling, same summation. */
    struct run ref, other;
    score(lenient, text, len, 0, 0, &ref);
    FUZZ_CHECK(ref.rc == SENTIMENT_OK);
    if (!valid) {
        score(an, fixed, fixed_len, 0, 0, &other);
        check_same_result(&ref, &other);
    }

    if (path == 0) {
        sentiment_analyzer *dflt;
        FUZZ_CHECK(sentiment_analyzer_new(0, &dflt) == SENTIMENT_OK);
        struct run want;
        score(dflt, text, len, 0, 0, &want);
        sentiment_analyzer_free(dflt);
        other.polarity = other.subjectivity = UNTOUCHED;
        other.rc = sentiment_score(text, len, &other.polarity,
                                   &other.subjectivity);
        check_same_result(&want, &other);
    } else {
        /* mode 0 and 1 for path 1; the callback for paths 2 and 3 */
        int first = path == 1 ? 0 : 2, last = path == 1 ? 1 : 2;
        for (int mode = first; mode <= last; mode++) {
            score(an, text, len, mode, 0, &other);
            if (strict && !valid) {
                FUZZ_CHECK(other.rc == SENTIMENT_E_UTF8);
                FUZZ_CHECK(other.calls == 0);
            } else {
                check_same_result(&ref, &other);
            }
        }
        if (path == 3) {
            size_t k = 1 + b1 % TRACE_MAX;
            struct run stopped;
            score(an, text, len, 2, k, &stopped);
            if (strict && !valid) {
                FUZZ_CHECK(stopped.rc == SENTIMENT_E_UTF8);
                FUZZ_CHECK(stopped.calls == 0);
            } else if (other.calls >= k) {
                FUZZ_CHECK(stopped.rc == SENTIMENT_E_ABORTED);
                FUZZ_CHECK(stopped.calls == k);
                FUZZ_CHECK(stopped.trace[k] == other.trace[k]);
            } else {
                check_same_result(&other, &stopped);
                FUZZ_CHECK(stopped.calls == other.calls);
                FUZZ_CHECK(stopped.trace[stopped.calls] ==
                           other.trace[other.calls]);
            }
        }
    }

    sentiment_analyzer_free(lenient);
    sentiment_analyzer_free(an);
    free(fixed);
    return 0;
}
