/*
 * Fuzz target: loading a lexicon in Pattern's XML format, then scoring with
 * it.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 *   byte 0  bit 0  SENTIMENT_COMPAT_PY311
 *           bit 1  SENTIMENT_STRICT_UTF8
 *           bit 2  also load the same bytes through
 *                  sentiment_analyzer_new_from_file() (a memfd on Linux)
 *                  and compare
 *   rest    the XML document
 *
 * Checks, beyond ASan and UBSan: the load returns 0, SENTIMENT_E_XML or
 * SENTIMENT_E_LEXICON (nothing else can happen to a buffer); on failure no
 * analyzer and an error line within the document, on success a line of 0;
 * the file loader agrees with the buffer loader. A loaded analyzer scores a
 * few fixed sentences and a text made of the document's own forms (with
 * negations, modifiers, '!' and -ly adverbs), and each result is the plain
 * mean of the assessments the callback saw, bit for bit. A lexicon file can
 * hold any numbers (NaN, 1e308), so no range is checked here.
 */

#ifdef __linux__
#define _GNU_SOURCE 1 /* memfd_create() */
#endif

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <sentiment.h>

#include "fuzz.h"

static const char *const sentences[] = {
    "good",
    "This movie is not very good!",
    "What a terrible, horrible, no good, very bad day :(",
    "Great job :) :-) ;) <3 (!)",
    "It was really not bad at all. Seriously, the best thing ever!!!",
    "NOT GOOD. VERY BAD.\n\nnot END-OF-SENTENCE good",
    "Caf\xc3\xa9 cr\xc3\xa8me \xe2\x80\x94 tr\xc3\xa8s bon, really nice \xe2\x99\xa5",
    "bad\xff\xfe input",
};

struct sums {
    size_t calls;
    size_t label_bytes;
    double polarity;
    double subjectivity;
};

static bool same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0 || (isnan(a) && isnan(b));
}

static int on_assessment(void *user, const char *const *words, size_t n_words,
                         double polarity, double subjectivity,
                         const char *label)
{
    struct sums *s = user;
    FUZZ_CHECK(words != NULL && n_words >= 1);
    for (size_t k = 0; k < n_words; k++)
        FUZZ_CHECK(words[k] != NULL && words[k][0] != '\0');
    if (label)
        s->label_bytes += strlen(label); /* must be a readable string */
    s->calls++;
    s->polarity += polarity;
    s->subjectivity += subjectivity;
    return 0;
}

/* Scores a text both ways and checks that they agree; returns the result
 * in out[2] for comparison with another analyzer. */
static void score(const sentiment_analyzer *a, const char *text, size_t len,
                  double out[2])
{
    double p = 42.0, s = 42.0;
    int rc = sentiment_analyzer_score(a, text, len, &p, &s);
    if (sentiment_analyzer_flags(a) & SENTIMENT_STRICT_UTF8) {
        FUZZ_CHECK(rc == SENTIMENT_OK || rc == SENTIMENT_E_UTF8);
        FUZZ_CHECK((rc == SENTIMENT_E_UTF8) ==
                   (sentiment_utf8_validate(text, len, NULL) != SENTIMENT_OK));
    } else {
        FUZZ_CHECK(rc == SENTIMENT_OK);
    }
    struct sums sums = {0, 0, 0.0, 0.0};
    double ap = 42.0, as = 42.0;
    int arc = sentiment_analyzer_assess(a, text, len, &ap, &as, on_assessment,
                                        &sums);
    FUZZ_CHECK(arc == rc);
    if (rc != SENTIMENT_OK) {
        FUZZ_CHECK(p == 42.0 && s == 42.0 && ap == 42.0 && as == 42.0);
        FUZZ_CHECK(sums.calls == 0);
        out[0] = out[1] = 42.0;
        return;
    }
    double n = (double)(sums.calls ? sums.calls : 1);
    FUZZ_CHECK(same_double(p, ap) && same_double(s, as));
    FUZZ_CHECK(same_double(p, sums.polarity / n));
    FUZZ_CHECK(same_double(s, sums.subjectivity / n));
    out[0] = p;
    out[1] = s;
}

/* A text of the forms in the document (the value of every form="..."),
 * with a negation, a modifier or punctuation around some, and each form's
 * -ly adverb as TextBlob derives it. */
static char *forms_text(const char *xml, size_t len, size_t *text_len)
{
    static const char *const before[] = {"", "not ", "very ", "not very ", ""};
    static const char *const after[] = {" ", "! ", " :) ", ". ", "ly "};
    size_t cap = 2 * len + 64, n = 0, k = 0;
    char *text = malloc(cap);
    FUZZ_CHECK(text != NULL);
    for (size_t i = 0; i + 6 < len && k < 64; i++) {
        if (memcmp(xml + i, "form=", 5) != 0 ||
            (xml[i + 5] != '"' && xml[i + 5] != '\''))
            continue;
        char quote = xml[i + 5];
        const char *form = xml + i + 6;
        const char *end = memchr(form, quote, len - (i + 6));
        if (!end)
            break;
        size_t flen = (size_t)(end - form);
        const char *b = before[k % 5], *a = after[k % 5];
        if (n + strlen(b) + flen + strlen(a) + 8 > cap)
            break;
        memcpy(text + n, b, strlen(b));
        n += strlen(b);
        memcpy(text + n, form, flen);
        n += flen;
        memcpy(text + n, a, strlen(a));
        n += strlen(a);
        k++;
        i = (size_t)(end - xml);
    }
    *text_len = n;
    return text;
}

/* Loads through a file holding the same bytes, if the platform lets us make
 * one without touching the disk. Returns -1000 if it cannot. */
static int load_file(const char *xml, size_t len, unsigned flags,
                     sentiment_analyzer **out, unsigned long *line)
{
#ifdef __linux__
    int fd = memfd_create("fuzz-lexicon", 0);
    if (fd < 0)
        return -1000;
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, xml + done, len - done);
        FUZZ_CHECK(w > 0);
        done += (size_t)w;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    int rc = sentiment_analyzer_new_from_file(path, flags, out, line);
    close(fd);
    return rc;
#else
    (void)xml;
    (void)len;
    (void)flags;
    (void)out;
    (void)line;
    return -1000;
#endif
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    unsigned b0 = size > 0 ? data[0] : 0;
    size_t skip = size ? 1 : 0;
    const char *xml = (const char *)data + skip;
    size_t len = size - skip;
    unsigned flags = b0 & (SENTIMENT_COMPAT_PY311 | SENTIMENT_STRICT_UTF8);

    sentiment_analyzer *a = (sentiment_analyzer *)&b0;
    unsigned long line = 12345;
    int rc = sentiment_analyzer_new_from_buffer(xml, len, flags, &a, &line);
    FUZZ_CHECK(rc == SENTIMENT_OK || rc == SENTIMENT_E_XML ||
               rc == SENTIMENT_E_LEXICON);
    if (rc != SENTIMENT_OK) {
        unsigned long lines = 1;
        for (size_t i = 0; i < len; i++)
            lines += xml[i] == '\n' || xml[i] == '\r';
        FUZZ_CHECK(a == NULL);
        FUZZ_CHECK(line >= 1 && line <= lines);
    } else {
        FUZZ_CHECK(a != NULL && line == 0);
        FUZZ_CHECK(sentiment_analyzer_flags(a) == flags);
    }

    double results[sizeof sentences / sizeof *sentences + 1][2];
    size_t n_results = 0;
    char *text = NULL;
    size_t text_len = 0;
    if (a) {
        for (size_t k = 0; k < sizeof sentences / sizeof *sentences; k++)
            score(a, sentences[k], strlen(sentences[k]), results[n_results++]);
        text = forms_text(xml, len, &text_len);
        score(a, text, text_len, results[n_results++]);
    }

    if (b0 & 4) {
        sentiment_analyzer *f = (sentiment_analyzer *)&b0;
        unsigned long fline = 12345;
        int frc = load_file(xml, len, flags, &f, &fline);
        if (frc != -1000) {
            FUZZ_CHECK(frc == rc);
            FUZZ_CHECK(fline == line);
            FUZZ_CHECK((f == NULL) == (a == NULL));
        }
        if (frc == SENTIMENT_OK) {
            FUZZ_CHECK(sentiment_analyzer_lexicon_size(f) ==
                       sentiment_analyzer_lexicon_size(a));
            double r[2];
            for (size_t k = 0; k < sizeof sentences / sizeof *sentences; k++) {
                score(f, sentences[k], strlen(sentences[k]), r);
                FUZZ_CHECK(same_double(r[0], results[k][0]));
                FUZZ_CHECK(same_double(r[1], results[k][1]));
            }
            score(f, text, text_len, r);
            FUZZ_CHECK(same_double(r[0], results[n_results - 1][0]));
            FUZZ_CHECK(same_double(r[1], results[n_results - 1][1]));
            sentiment_analyzer_free(f);
        }
    }

    free(text);
    sentiment_analyzer_free(a);
    return 0;
}
