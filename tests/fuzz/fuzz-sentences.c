/*
 * Fuzz target: sentiment_analyzer_sentences(), Punkt's split and each
 * sentence's score.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * The two leading bytes choose the options, the rest is the text:
 *
 *   byte 0  bit 0  SENTIMENT_COMPAT_PY311
 *           bit 1  SENTIMENT_STRICT_UTF8
 *           bit 2  an empty text is passed as NULL
 *   byte 1  the callback stops at the k-th sentence (k = byte % 8; 0: never)
 *   rest    the text: any bytes, NULs and invalid UTF-8 included
 *
 * Beyond crashes, leaks and undefined behaviour, it checks what the header
 * promises:
 * - the call returns 0, SENTIMENT_E_ABORTED when it was stopped, or
 *   SENTIMENT_E_UTF8 in strict mode exactly for invalid text, before any
 *   callback;
 * - spans are non-empty, in bounds, increasing and disjoint, and never
 *   split a UTF-8 unit (cutting there leaves the repaired text the same);
 * - each sentence's scores are those of its bytes scored alone;
 * - the repaired text splits into the same sentences;
 * - a callback that stops at the k-th sentence gets exactly k of them.
 */

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <sentiment.h>

#include "fuzz.h"

#define KEPT 64 /* spans whose boundaries and repaired text are checked */

struct run {
    size_t stop_at;
    size_t calls;
    size_t last_end;
    size_t start[KEPT], end[KEPT];
    double polarity[KEPT], subjectivity[KEPT];
};

static size_t text_len;

static int on_sentence(void *user, size_t start, size_t end, double polarity,
                       double subjectivity)
{
    struct run *r = user;
    FUZZ_CHECK(start < end);
    FUZZ_CHECK(end <= text_len);
    FUZZ_CHECK(r->calls == 0 || start >= r->last_end);
    FUZZ_CHECK(polarity >= -1.0 && polarity <= 1.0);
    FUZZ_CHECK(subjectivity >= 0.0 && subjectivity <= 1.0);
    r->last_end = end;
    if (r->calls < KEPT) {
        r->start[r->calls] = start;
        r->end[r->calls] = end;
        r->polarity[r->calls] = polarity;
        r->subjectivity[r->calls] = subjectivity;
    }
    r->calls++;
    return r->stop_at != 0 && r->calls == r->stop_at;
}

static int split(const sentiment_analyzer *a, const char *text, size_t len,
                 size_t stop_at, struct run *r)
{
    memset(r, 0, sizeof *r);
    r->stop_at = stop_at;
    text_len = len;
    return sentiment_analyzer_sentences(a, text, len, on_sentence, r);
}

static char *repair(const char *text, size_t len, size_t *out_len)
{
    size_t need = sentiment_utf8_repair(text, len, NULL, 0);
    char *out = malloc(need ? need : 1);
    FUZZ_CHECK(out != NULL);
    sentiment_utf8_repair(text, len, out, need);
    *out_len = need;
    return out;
}

/* p is a unit boundary iff repairing both sides apart gives the whole. */
static void check_boundary(const char *text, size_t len, size_t p,
                           const char *fixed, size_t fixed_len)
{
    size_t n1 = sentiment_utf8_repair(text, p, NULL, 0);
    size_t n2 = sentiment_utf8_repair(text + p, len - p, NULL, 0);
    FUZZ_CHECK(n1 + n2 == fixed_len);
    char *left = repair(text, p, &n1);
    FUZZ_CHECK(memcmp(left, fixed, n1) == 0);
    free(left);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    struct fuzz_input in = fuzz_split(data, size);
    unsigned b0 = in.b0, b1 = in.b1;
    const char *text = in.text;
    size_t len = in.len;
    if (len == 0 && (b0 & 4))
        text = NULL;
    unsigned flags = b0 & (SENTIMENT_COMPAT_PY311 | SENTIMENT_STRICT_UTF8);
    bool valid = sentiment_utf8_validate(text, len, NULL) == SENTIMENT_OK;

    sentiment_analyzer *an, *lenient;
    FUZZ_CHECK(sentiment_analyzer_new(flags, &an) == SENTIMENT_OK);
    FUZZ_CHECK(sentiment_analyzer_new(flags & SENTIMENT_COMPAT_PY311,
                                      &lenient) == SENTIMENT_OK);
    size_t fixed_len;
    char *fixed = repair(text ? text : "", len, &fixed_len);

    struct run *all = malloc(sizeof *all), *stopped = malloc(sizeof *stopped),
               *healed = malloc(sizeof *healed);
    FUZZ_CHECK(all && stopped && healed);
    int rc = split(an, text, len, 0, all);
    if ((flags & SENTIMENT_STRICT_UTF8) && !valid) {
        FUZZ_CHECK(rc == SENTIMENT_E_UTF8);
        FUZZ_CHECK(all->calls == 0);
        rc = split(lenient, text, len, 0, all);
    }
    FUZZ_CHECK(rc == SENTIMENT_OK);

    size_t kept = all->calls < KEPT ? all->calls : KEPT;
    for (size_t k = 0; k < kept; k++) {
        double p = 42.0, s = 42.0;
        const char *span = text + all->start[k];
        size_t span_len = all->end[k] - all->start[k];
        FUZZ_CHECK(sentiment_analyzer_score(lenient, span, span_len, &p, &s) ==
                   0);
        FUZZ_CHECK(fuzz_same_double(p, all->polarity[k]));
        FUZZ_CHECK(fuzz_same_double(s, all->subjectivity[k]));
        if (!valid && k < 8) {
            check_boundary(text, len, all->start[k], fixed, fixed_len);
            check_boundary(text, len, all->end[k], fixed, fixed_len);
        }
    }

    /* the repaired text: the same sentences, each repaired alone */
    if (!valid) {
        FUZZ_CHECK(split(lenient, fixed, fixed_len, 0, healed) == SENTIMENT_OK);
        FUZZ_CHECK(healed->calls == all->calls);
        for (size_t k = 0; k < kept; k++) {
            size_t n;
            char *piece = repair(text + all->start[k],
                                 all->end[k] - all->start[k], &n);
            FUZZ_CHECK(n == healed->end[k] - healed->start[k]);
            FUZZ_CHECK(memcmp(piece, fixed + healed->start[k], n) == 0);
            FUZZ_CHECK(fuzz_same_double(healed->polarity[k], all->polarity[k]));
            free(piece);
        }
    }

    size_t k = b1 % 8;
    if (k != 0 && !((flags & SENTIMENT_STRICT_UTF8) && !valid)) {
        rc = split(an, text, len, k, stopped);
        if (all->calls >= k) {
            FUZZ_CHECK(rc == SENTIMENT_E_ABORTED);
            FUZZ_CHECK(stopped->calls == k);
        } else {
            FUZZ_CHECK(rc == SENTIMENT_OK);
            FUZZ_CHECK(stopped->calls == all->calls);
        }
        for (size_t i = 0; i < stopped->calls && i < KEPT; i++)
            FUZZ_CHECK(stopped->start[i] == all->start[i] &&
                       stopped->end[i] == all->end[i]);
    }

    free(all);
    free(stopped);
    free(healed);
    free(fixed);
    sentiment_analyzer_free(lenient);
    sentiment_analyzer_free(an);
    return 0;
}
