/*
 * Punkt's sentence spans (punkt.py l.1353-1471): the candidate marks, the
 * context of each, the slices between breaks and their realignment, in
 * one pass over the text that keeps one candidate and one slice back
 * (lib/README.md, "Sentences (Punkt)", P1-P4 and P9).
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * NLTK's regexes look ahead and back; here each look is a scan over a
 * stretch that no other scan of the same kind covers (the white space and
 * token after a mark, the bytes between two candidates), so the whole
 * split is linear in the text whatever it holds.
 */

#include "punkt.h"

#define PUNKT_NONE ((size_t)-1)

/* One match of period_context_re (l.271-277) and the word before it. */
typedef struct punkt_match {
    size_t at;        /* the mark; match.end() is at + 1 */
    size_t after_end; /* end of after_tok */
    size_t next_tok;  /* start of next_tok, PUNKT_NONE after a NonWord */
    size_t word;      /* start of the word before the mark */
} punkt_match;

typedef struct punkt_state {
    const char *text;
    size_t len;
    sentimentp_punkt_fn fn;
    void *user;
    int rc;
    size_t last_break;
    /* the slice before the one being realigned against it (l.1441-1471) */
    bool have_pending;
    size_t pending_start;
    size_t pending_end;
} punkt_state;

/* string.whitespace: the word before a mark ends at these only (l.1342). */
static bool punkt_ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* P1: . ? ! at text[q]: does the lookahead of period_context_re hold? */
static bool punkt_candidate(const char *t, size_t len, size_t q, punkt_match *m)
{
    size_t p = q + 1;
    if (p >= len)
        return false;
    uint32_t cp;
    size_t n = sentimentp_punkt_unit(t, len, p, &cp);
    if (sentimentp_punkt_nonword(cp)) {
        m->after_end = p + 1;
        m->next_tok = PUNKT_NONE;
        return true;
    }
    if (!sentimentp_punkt_space(cp))
        return false;
    for (p += n; p < len; p += n) {
        n = sentimentp_punkt_unit(t, len, p, &cp);
        if (!sentimentp_punkt_space(cp))
            break;
    }
    if (p >= len)
        return false;
    m->next_tok = p;
    for (; p < len; p += n) {
        n = sentimentp_punkt_unit(t, len, p, &cp);
        if (sentimentp_punkt_space(cp))
            break;
    }
    m->after_end = p;
    return true;
}

static void punkt_emit(punkt_state *s, size_t start, size_t end)
{
    if (s->rc == 0)
        s->rc = s->fn(s->user, start, end);
}

static bool punkt_closer(char c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
}

/*
 * P9, closers realigned: re_boundary_realignment (l.217) at the start of
 * text[a..b):
 * ["')\]}]+?(?:\s+|(?=--)|$), MULTILINE. On a match, stores the end of
 * the closing characters and of the whole match.
 */
static bool punkt_realign(const punkt_state *s, size_t a, size_t b,
                          size_t *closers_end, size_t *match_end)
{
    const char *t = s->text;
    for (size_t k = a; k < b && punkt_closer(t[k]);) {
        k++;
        *closers_end = k;
        if (k == b || (k + 1 < b && t[k] == '-' && t[k + 1] == '-')) {
            *match_end = k;
            return true;
        }
        uint32_t cp;
        size_t n = sentimentp_punkt_unit(t, s->len, k, &cp);
        if (sentimentp_punkt_space(cp)) {
            for (k += n; k < b; k += n) {
                n = sentimentp_punkt_unit(t, s->len, k, &cp);
                if (!sentimentp_punkt_space(cp))
                    break;
            }
            *match_end = k;
            return true;
        }
    }
    return false;
}

/* A slice from _slices_from_text(); realigns the one before against it. */
static void punkt_slice(punkt_state *s, size_t start, size_t end)
{
    size_t closers_end, match_end;
    if (!s->have_pending) {
        s->have_pending = true;
    } else if (punkt_realign(s, start, end, &closers_end, &match_end)) {
        punkt_emit(s, s->pending_start, closers_end);
        start = match_end;
    } else if (s->pending_start < s->pending_end) {
        punkt_emit(s, s->pending_start, s->pending_end);
    }
    s->pending_start = start;
    s->pending_end = end;
}

static void punkt_decide(punkt_state *s, const punkt_match *m)
{
    if (!sentimentp_punkt_context_breaks(s->text, s->len, m->word,
                                         m->after_end))
        return;
    punkt_slice(s, s->last_break, m->at + 1);
    s->last_break = m->next_tok != PUNKT_NONE ? m->next_tok : m->at + 1;
}

/* len(text.rstrip()): Unicode white space is at most three bytes long, and
 * a valid sequence that ends the text is a unit of it. */
static size_t punkt_rstrip(const char *text, size_t len)
{
    const unsigned char *t = (const unsigned char *)text;
    while (len > 0) {
        if (t[len - 1] < 0x80) {
            if (!sentimentp_punkt_space(t[len - 1]))
                break;
            len--;
            continue;
        }
        size_t k = 2;
        while (k <= 3 && k <= len &&
               sentimentp_utf8_valid_len(t + len - k, k) != k)
            k++;
        if (k > 3 || k > len)
            break;
        size_t n;
        if (!sentimentp_punkt_space(sentimentp_utf8_decode(t + len - k, &n)))
            break;
        len -= k;
    }
    return len;
}

/* The next . ! or ?: most bytes are none, so sixteen are tested at once
 * where SSE2 is there (swar.h includes it). */
static const char *punkt_next_mark(const char *p, const char *end)
{
#ifdef SENTIMENTP_HAVE_NONLETTERS16
    const __m128i period = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
                  question = _mm_set1_epi8('?');
    for (; end - p >= 16; p += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, period), _mm_cmpeq_epi8(v, bang)),
            _mm_cmpeq_epi8(v, question));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask)
            return p + __builtin_ctz(mask);
    }
#endif
    for (; p < end; p++)
        if (*p == '.' || *p == '!' || *p == '?')
            return p;
    return NULL;
}

int sentimentp_punkt_split(const char *text, size_t len, sentimentp_punkt_fn fn,
                           void *user)
{
    punkt_state s = {text, len, fn, user, 0, 0, false, 0, 0};
    punkt_match prev = {0, 0, 0, 0}, m;
    bool have_prev = false;
    const char *p = text, *end = text + len, *mark;
    while (s.rc == 0 && (mark = punkt_next_mark(p, end)) != NULL) {
        p = mark + 1;
        m.at = (size_t)(mark - text);
        if (!punkt_candidate(text, len, m.at, &m))
            continue;
        /* P2, ASCII word start: after the last string.whitespace since the
         * previous match; index 0 of that stretch counts as none found
         * (l.1413-1417); P3, last mark survives: prev is decided only if
         * this word does not overlap it */
        size_t low = have_prev ? prev.at + 1 : 1, j = m.at;
        bool found = false;
        while (!found && j > low)
            found = punkt_ascii_space((unsigned char)text[--j]);
        m.word = found ? j + 1 : have_prev ? prev.word : 0;
        if (have_prev && prev.at <= m.word)
            punkt_decide(&s, &prev);
        prev = m;
        have_prev = true;
    }
    if (s.rc == 0 && have_prev)
        punkt_decide(&s, &prev);
    if (s.rc == 0) {
        punkt_slice(&s, s.last_break, punkt_rstrip(text, len));
        if (s.pending_start < s.pending_end)
            punkt_emit(&s, s.pending_start, s.pending_end);
    }
    return s.rc;
}
