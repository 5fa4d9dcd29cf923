/*
 * TextBlob's scoring loop (Sentiment.assessments and Sentiment.__call__),
 * one word at a time (lib/README.md, "Scoring" and "The means").
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * Every floating-point operation below is one Python performs, in the same
 * order and on the same binary64 values; the build forbids FMA contraction
 * and excess precision so that the C compiler cannot merge or widen them.
 */

#include <string.h>

#include <utf8proc.h>

#include "private.h"
#include "score-inline.h"
#include "swar.h"

static const char label_mood[] = "mood";
static const char label_irony[] = "irony";

/* Python's max(-1.0, min(x, +1.0)), NaN included. */
static double clamp(double x)
{
    double r = 1.0 < x ? 1.0 : x;
    return r > -1.0 ? r : -1.0;
}

/* ------------------------------------------------------------ assessments */

static void fail(sentimentp_scorer *sc, int code)
{
    if (!sc->error)
        sc->error = code;
}

static void words_append(sentimentp_scorer *sc, const char *w, size_t len)
{
    if (!sc->fn)
        return;
    if (!sentimentp_buf_reserve(&sc->words, len + 1)) {
        fail(sc, SENTIMENT_E_NOMEM);
        return;
    }
    char *out = sc->words.data + sc->words.len;
    for (size_t k = 0; k < len; k++)
        out[k] = (char)sentimentp_ascii_lower((unsigned char)w[k]);
    out[len] = '\0';
    sc->words.len += len + 1;
}

static void words_prepend(sentimentp_scorer *sc, const char *w)
{
    if (!sc->fn)
        return;
    size_t len = strlen(w);
    if (!sentimentp_buf_reserve(&sc->words, len + 1)) {
        fail(sc, SENTIMENT_E_NOMEM);
        return;
    }
    memmove(sc->words.data + len + 1, sc->words.data, sc->words.len);
    memcpy(sc->words.data, w, len + 1);
    sc->words.len += len + 1;
}

static void report_last(sentimentp_scorer *sc, double polarity)
{
    size_t n = 0;
    for (size_t k = 0; k < sc->words.len; k++)
        n += sc->words.data[k] == '\0';
    sc->pointers.len = 0;
    if (!sentimentp_buf_reserve(&sc->pointers, n * sizeof(char *))) {
        fail(sc, SENTIMENT_E_NOMEM);
        return;
    }
    const char **list = (const char **)(void *)sc->pointers.data;
    const char *w = sc->words.data;
    for (size_t k = 0; k < n; k++) {
        list[k] = w;
        w += strlen(w) + 1;
    }
    if (sc->fn(sc->user, list, n, polarity, sc->last_subjectivity,
               sc->last_label) != 0)
        fail(sc, SENTIMENT_E_ABORTED);
}

/* ---------------------------------------------------------------- entries */

/* The last entry can no longer change: add it to the means (and report). */
static void close_last(sentimentp_scorer *sc)
{
    if (!sc->has_last)
        return;
    double polarity = sc->last_negated ? sc->last_polarity * -0.5
                                       : sc->last_polarity;
    sc->sum_polarity += polarity;
    sc->sum_subjectivity += sc->last_subjectivity;
    sc->count++;
    if (sc->fn)
        report_last(sc, polarity);
    sc->words.len = 0;
    sc->has_last = false;
}

static void open_entry(sentimentp_scorer *sc, double polarity,
                       double subjectivity, double intensity, const char *label,
                       const char *word, size_t len)
{
    close_last(sc);
    sc->has_last = true;
    sc->last_negated = false;
    sc->last_polarity = polarity;
    sc->last_subjectivity = subjectivity;
    sc->last_intensity = intensity;
    sc->last_label = label;
    words_append(sc, word, len);
}

/* ------------------------------------------------------------ lowercasing */

/*
 * Python's str.lower() of a word into sc->lowered, and the length of the
 * result in code points, which TextBlob's rules test. utf8proc gives the
 * simple lowercase mapping; the one code point whose full mapping differs
 * in length is U+0130 (LATIN CAPITAL LETTER I WITH DOT ABOVE), which Python
 * lowers to "i" + U+0307 COMBINING DOT ABOVE.
 */
static bool lower_word(sentimentp_scorer *sc, const char *word, size_t len,
                       size_t *code_points)
{
    sentimentp_buf *b = &sc->lowered;
    b->len = 0;
    if (!sentimentp_buf_reserve(b, 3 * len + 1)) {
        fail(sc, SENTIMENT_E_NOMEM);
        return false;
    }
    const unsigned char *s = (const unsigned char *)word;
    size_t cps = 0;
    for (size_t k = 0; k < len;) {
        unsigned char c = s[k];
        cps++;
        if (c < 0x80) {
            b->data[b->len++] = (char)sentimentp_ascii_lower(c);
            k++;
            continue;
        }
        size_t n;
        uint32_t cp = sentimentp_utf8_decode(s + k, &n);
        k += n;
        if (cp == 0x130) {
            memcpy(b->data + b->len, "i\xcc\x87", 3);
            b->len += 3;
            cps++;
            continue;
        }
        uint32_t lower = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
        b->len += sentimentp_utf8_encode(lower, b->data + b->len);
    }
    b->data[b->len] = '\0';
    *code_points = cps;
    return true;
}

/* len(w.strip("'")): the length in code points without the apostrophes at
 * either end. */
static size_t unquoted_length(const char *w, size_t len, size_t cps)
{
    size_t b = 0, e = len;
    while (b < e && w[b] == '\'')
        b++;
    while (e > b && w[e - 1] == '\'')
        e--;
    return cps - (len - (e - b));
}

const sentimentp_negation sentimentp_negations[SENTIMENTP_NEGATION_COUNT] = {
    {"no", 2},
    {"not", 3},
    {"n't", 3},
    {"never", 5},
};

/* Whether the lowercased w is a negation; *which gets the list's copy. */
static bool is_negation(const char *w, size_t len, const char **which)
{
    if (len < 2 || len > 5 || w[0] != 'n')
        return false;
    for (size_t k = 0; k < SENTIMENTP_NEGATION_COUNT; k++) {
        const sentimentp_negation *n = &sentimentp_negations[k];
        if (n->length == len && memcmp(n->text, w, len) == 0) {
            *which = n->text;
            return true;
        }
    }
    return false;
}

/* Both take the word lowercased but for ASCII capitals, as known_word(). */
static bool ends_in_ly(const char *w, size_t len)
{
    return len >= 2 &&
           sentimentp_ascii_lower((unsigned char)w[len - 2]) == 'l' &&
           sentimentp_ascii_lower((unsigned char)w[len - 1]) == 'y';
}

static bool is_folded_negation(const char *w, size_t len, const char **which)
{
    char head[5];
    if (len < 2 || len > 5)
        return false;
    for (size_t k = 0; k < len; k++)
        head[k] = (char)sentimentp_ascii_lower((unsigned char)w[k]);
    return is_negation(head, len, which);
}

/* ------------------------------------------------------------ the rules */

/*
 * `w` is the word lowercased, except that ASCII capitals may remain: the
 * few uses of its text fold them, which saves copying most known words.
 */
static void known_word(sentimentp_scorer *sc, int32_t index, const char *w,
                       size_t len)
{
    const sentimentp_lexicon *lex = sc->lex;
    const sentimentp_entry *e = &lex->entries[index];
    const char *label = e->label >= 0 ? lex->strings + e->label : NULL;

    if (!sc->modifier_pending) {
        open_entry(sc, e->polarity, e->subjectivity, e->intensity, label, w,
                   len);
    } else {
        /* "very good": the word merges into the last entry, whatever it is
         * (lib/README.md, rule "merge into the last") */
        words_append(sc, w, len);
        sc->last_polarity = clamp(e->polarity * sc->last_intensity);
        sc->last_subjectivity = clamp(e->subjectivity * sc->last_intensity);
        sc->last_intensity = e->intensity;
        sc->last_label = label;
    }
    if (sc->negation) {
        /* rule "negation inverts": 1 / i now, the -0.5 in close_last() */
        words_prepend(sc, sc->negation);
        sc->last_intensity = 1.0 / sc->last_intensity;
        sc->last_negated = true;
    }
    sc->modifier_pending = e->is_modifier != 0;
    sc->modifier_ends_in_ly = sc->modifier_pending && ends_in_ly(w, len);
    sc->negation = NULL;
    const char *which;
    if ((w[0] | 0x20) == 'n' && is_folded_negation(w, len, &which))
        sc->negation = which;
}

/*
 * `w` is the lowercased word, of which only the first min(len, 8) bytes are
 * needed: every test on the word itself is on words of at most 5 bytes.
 * `original` is the whole word, for the apostrophes at its ends.
 */
static void unknown_word(sentimentp_scorer *sc, const char *w,
                         const char *original, size_t len, size_t cps)
{
    const char *which;
    bool negation = is_negation(w, len, &which);
    if (negation)
        sc->negation = which;
    if (sc->negation && sc->modifier_pending && sc->modifier_ends_in_ly &&
        (negation || unquoted_length(original, len, cps) < 2)) {
        /* "really not good": rule "-ly takes the negation" */
        words_append(sc, sc->negation, strlen(sc->negation));
        sc->last_negated = true;
        sc->negation = NULL;
    } else if (negation) {
        sc->modifier_pending = sc->modifier_pending & (cps <= 2);
    } else {
        /* the apostrophes only matter to a pending negation */
        size_t bare = sc->negation ? unquoted_length(original, len, cps) : cps;
        sentimentp_unknown_word_forgets(sc, bare, cps);
    }

    if (len == 1 && w[0] == '!' && sc->has_last) {
        words_append(sc, "!", 1);
        sc->last_polarity = clamp(sc->last_polarity * 1.25);
    }
    if (len == 3 && memcmp(w, "(!)", 3) == 0)
        open_entry(sc, 0.0, 1.0, 1.0, label_irony, w, len);

    double polarity;
    if (sentimentp_emoticon_lookup(w, len, &polarity))
        open_entry(sc, polarity, 1.0, 1.0, label_mood, w, len);
}

/*
 * First bytes after which an ASCII word may be a negation (n), "!", "(!)"
 * or an emoticon; 2 marks emoticons that start with a letter or digit,
 * whose second character is never one.
 */
static const uint8_t special_first[256] = {
    ['n'] = 1, ['N'] = 1, ['!'] = 1, ['('] = 1, ['<'] = 1,
    ['>'] = 1, [':'] = 1, ['='] = 1, [';'] = 1, ['*'] = 1,
    ['o'] = 2, ['O'] = 2, ['x'] = 2, ['X'] = 2, ['8'] = 2,
};

static bool is_alnum(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u;
}

/* An ASCII word that unknown_word() would only measure. */
static bool is_plain(const char *w, size_t len)
{
    unsigned char first = (unsigned char)w[0];
    switch (special_first[first]) {
    case 0:
        return true;
    case 2:
        return len > 5 || is_alnum((unsigned char)w[1]);
    default:
        return len > 5 && first != 'n' && first != 'N';
    }
}

/* unknown_word() for an ASCII word, of which it needs the first bytes. */
static void unknown_ascii_word(sentimentp_scorer *sc, const char *word,
                               size_t len)
{
    char head[8];
    for (size_t k = 0; k < len && k < sizeof head; k++)
        head[k] = (char)sentimentp_ascii_lower((unsigned char)word[k]);
    unknown_word(sc, head, word, len, len);
}

/*
 * A word of ASCII letters that sentimentp_scorer_skip_unknown() left: in
 * the lexicon, or maybe a negation ("xd" is the one emoticon made of
 * letters, and it never counts).
 */
void sentimentp_scorer_letters_full(sentimentp_scorer *sc, const char *word,
                                    size_t len, int32_t index)
{
    if (sc->error)
        return;
    if (index >= 0)
        known_word(sc, index, word, len);
    else
        unknown_ascii_word(sc, word, len);
}

/*
 * Scores one word. An ASCII word (nearly all of them) is hashed as if
 * lowercased and looked up without being copied; only the first bytes of
 * an unknown one are lowercased for the rules, and known_word() folds what
 * it uses. Any other word takes the general Unicode path through
 * sc->lowered.
 */
void sentimentp_scorer_word(sentimentp_scorer *sc, const char *word, size_t len,
                            bool ascii)
{
    if (sc->error)
        return;
    if (ascii) {
        uint64_t head;
        uint32_t hash = sentimentp_hash_folded(word, len, &head);
        int32_t index = sentimentp_lexicon_find_folded(sc->lex, word, len, hash,
                                                       head);
        if (index < 0 && len >= 2 && is_plain(word, len)) {
            /* unknown_word() for a word that is no negation, no '!', no
             * "(!)" and no emoticon */
            sentimentp_unknown_word_forgets(sc, len, len);
            return;
        }
        if (index >= 0)
            known_word(sc, index, word, len);
        else
            unknown_ascii_word(sc, word, len);
        return;
    }
    size_t cps;
    if (!lower_word(sc, word, len, &cps))
        return;
    const char *w = sc->lowered.data;
    size_t n = sc->lowered.len;
    int32_t index = sentimentp_lexicon_find(sc->lex, w, n);
    if (index >= 0)
        known_word(sc, index, w, n);
    else
        unknown_word(sc, w, w, n, cps);
}

int sentimentp_scorer_finish(sentimentp_scorer *sc, double *polarity,
                             double *subjectivity)
{
    if (!sc->error)
        close_last(sc);
    if (sc->error)
        return sc->error;
    /* x / 1.0 is x exactly: most short texts skip two slow divisions */
    if (sc->count > 1) {
        double n = (double)sc->count;
        *polarity = sc->sum_polarity / n;
        *subjectivity = sc->sum_subjectivity / n;
    } else {
        *polarity = sc->sum_polarity;
        *subjectivity = sc->sum_subjectivity;
    }
    return SENTIMENT_OK;
}
