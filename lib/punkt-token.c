/*
 * Punkt's decision on one context: the context alone is cut into words by
 * the word regex (punkt.py l.226-262, 549-579), each word annotated by the
 * first pass (l.600-623) and the second pass with the next word
 * (l.1612-1733): lib/README.md, "Sentences (Punkt)", P5-P8, the rule
 * "context alone". No regex engine: each alternative and lookahead of the
 * pattern is a test on at most five code points, so a context costs time
 * linear in its length, and tokens are never stored.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <string.h>

#include <utf8proc.h>

#include "punkt.h"

unsigned sentimentp_punkt_lookup(const sentimentp_punkt_model *m,
                                 const char *key, size_t len)
{
    if (len == 0 || len > SENTIMENTP_PUNKT_MAX_KEY)
        return 0;
    uint32_t h = 0x811c9dc5u;
    for (size_t k = 0; k < len; k++)
        h = (h ^ (unsigned char)key[k]) * 0x01000193u;
    for (uint32_t k = h & m->mask;; k = (k + 1) & m->mask) {
        const sentimentp_punkt_slot *s = &m->slots[k];
        if (s->length == 0)
            return 0;
        if (s->length == len && memcmp(m->strings + s->offset, key, len) == 0)
            return s->value;
    }
}

/* ------------------------------------------------------------ code points */

/*
 * Python's character classes through utf8proc (Unicode 15 in 2.8). Checked
 * on every code point against CPython 3.12 (re's \s \w \d, str.isupper(),
 * str.islower(), and which characters lower() maps into ASCII): no
 * difference. CPython 3.11 has Unicode 14: it differs on five modifier
 * letters that 15 made Lowercase (U+10FC, U+A7F2-U+A7F4, U+AB69) and on
 * the code points new in 15, which it has no property for.
 */
/* re's \d in a str pattern: Unicode Nd. */
static bool punkt_decimal(uint32_t cp)
{
    if (cp < 0x80)
        return cp - '0' < 10u;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ND;
}

/* re's \w in a str pattern: str.isalnum() or '_' (letters and numbers). */
static bool punkt_word_char(uint32_t cp)
{
    if (cp < 0x80)
        return cp == '_' || cp - '0' < 10u || (cp | 0x20) - 'a' < 26u;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/*
 * str.isupper() / str.islower() of one character: Unicode's Uppercase and
 * Lowercase properties (Lu/Ll plus Other_Uppercase/Other_Lowercase, which
 * utf8proc's predicates cover); a titlecase letter is neither.
 */
static bool punkt_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp - 'A' < 26u;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU ||
           utf8proc_isupper((utf8proc_int32_t)cp);
}

static bool punkt_lower(uint32_t cp)
{
    if (cp < 0x80)
        return cp - 'a' < 26u;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL ||
           utf8proc_islower((utf8proc_int32_t)cp);
}

/* ------------------------------------------------------------ words */

typedef struct punkt_words {
    const char *text;
    size_t len; /* of the whole text: units are decoded in it */
    size_t pos;
    size_t end;      /* of the context */
    size_t line_end; /* of the current line ("\n" or the context's end) */
} punkt_words;

static size_t punkt_line_end(const char *text, size_t pos, size_t end)
{
    const char *nl = memchr(text + pos, '\n', end - pos);
    return nl ? (size_t)(nl - text) : end;
}

/*
 * Length of the MultiChar punctuation (l.232) at p, 0 if none (rule
 * "spaced periods"):
 * -{2,} | \.{2,} | (?:\.\s){2,}\. , tried in that order. The last one is
 * greedy: with K repetitions of ". " it takes 2K+1 code points if a period
 * follows them, else it gives one repetition back (2K-1, if K >= 3).
 */
static size_t punkt_multichar(const punkt_words *w, size_t p, size_t le)
{
    const char *t = w->text;
    if (p + 1 >= le || (t[p] != '-' && t[p] != '.'))
        return 0;
    if (t[p + 1] == t[p]) {
        size_t q = p + 2;
        while (q < le && t[q] == t[p])
            q++;
        return q - p;
    }
    if (t[p] != '.')
        return 0;
    size_t q = p, reps = 0, last_rep = p;
    while (q + 1 < le && t[q] == '.') {
        uint32_t cp;
        size_t n = sentimentp_punkt_unit(t, w->len, q + 1, &cp);
        if (!sentimentp_punkt_space(cp))
            break;
        last_rep = q;
        reps++;
        q += 1 + n;
    }
    if (reps >= 2 && q < le && t[q] == '.')
        return q + 1 - p;
    if (reps >= 3)
        return last_rep + 1 - p;
    return 0;
}

/* The lookahead that ends a word at p (l.239-244), comma case aside. */
static bool punkt_word_stop(const punkt_words *w, size_t p, size_t le)
{
    if (p >= le)
        return true;
    uint32_t cp;
    sentimentp_punkt_unit(w->text, w->len, p, &cp);
    return sentimentp_punkt_space(cp) || sentimentp_punkt_nonword(cp) ||
           punkt_multichar(w, p, le) != 0;
}

/* The WordStart class (l.221): the characters a word may not start with. */
static bool punkt_word_start(uint32_t cp)
{
    switch (cp) {
    case '(':
    case '"':
    case '`':
    case '{':
    case '[':
    case ':':
    case ';':
    case '&':
    case '#':
    case '*':
    case '@':
    case ')':
    case '}':
    case ']':
    case '-':
    case ',':
        return false;
    default:
        return true;
    }
}

/* The next word of the context (re.findall on each line); false at its end. */
static bool punkt_next_word(punkt_words *w, size_t *start, size_t *stop)
{
    for (;;) {
        if (w->pos >= w->line_end) {
            if (w->line_end >= w->end)
                return false;
            w->pos = w->line_end + 1;
            w->line_end = punkt_line_end(w->text, w->pos, w->end);
            continue;
        }
        size_t p = w->pos, le = w->line_end;
        uint32_t cp;
        size_t n = sentimentp_punkt_unit(w->text, w->len, p, &cp);
        if (sentimentp_punkt_space(cp)) {
            w->pos = p + n;
            continue;
        }
        size_t e = p + punkt_multichar(w, p, le);
        if (e == p && punkt_word_start(cp)) {
            /* \S+? up to the first place where the lookahead holds */
            e = p + n;
            while (!punkt_word_stop(w, e, le)) {
                size_t m = sentimentp_punkt_unit(w->text, w->len, e, &cp);
                if (cp == ',' && punkt_word_stop(w, e + 1, le))
                    break;
                e += m;
            }
        } else if (e == p) {
            e = p + n;
        }
        *start = p;
        *stop = e;
        w->pos = e;
        return true;
    }
}

/* ------------------------------------------------------------ tokens */

#define PUNKT_TYPE_CAP (SENTIMENTP_PUNKT_MAX_KEY + 1)
#define PUNKT_NUMBER "##number##"

/* A word and what Punkt's PunktToken derives from it (l.394-488). */
typedef struct punkt_token {
    /* str.lower() of the word, or ##number##; valid if type_ok, i.e. ASCII
     * and short enough that it, or it without a final period, may be a
     * key: no other type can equal a key of the (ASCII) model */
    char type[PUNKT_TYPE_CAP];
    size_t type_len;
    bool type_ok;
    bool sentbreak;
    bool abbr;
    bool ellipsis;
    bool period_final;
    bool initial;
    bool first_upper;
    bool first_lower;
    bool punctuation; /* the word is one of ; : , . ! ? */
} punkt_token;

/*
 * str.lower() of text[a..b) into out, if every character lowers to ASCII
 * and the result fits; false otherwise. Only U+212A KELVIN SIGN lowers to
 * ASCII from outside it (U+0130 lowers to "i" + U+0307).
 */
static bool punkt_lower_ascii(const char *text, size_t len, size_t a, size_t b,
                              char *out, size_t *out_len)
{
    size_t n = 0;
    *out_len = 0;
    while (a < b) {
        if (n == PUNKT_TYPE_CAP)
            return false;
        uint32_t cp;
        a += sentimentp_punkt_unit(text, len, a, &cp);
        if (cp == 0x212a)
            cp = 'k';
        else if (cp >= 0x80)
            return false;
        out[n++] = (char)sentimentp_ascii_lower((unsigned char)cp);
    }
    *out_len = n;
    return true;
}

static bool punkt_is_abbrev(const char *text, size_t len, size_t a, size_t b)
{
    char key[PUNKT_TYPE_CAP];
    size_t n;
    return punkt_lower_ascii(text, len, a, b, key, &n) &&
           (sentimentp_punkt_lookup(&sentimentp_punkt_rules, key, n) &
            SENTIMENTP_PUNKT_ABBREV);
}

/* Annotates the word text[a..b) and runs the first pass on it. */
static void punkt_token_init(punkt_token *t, const char *text, size_t len,
                             size_t a, size_t b)
{
    uint32_t first, cp = 0, before_last = 0;
    size_t n_units = 0, last_at = a, segment = a;
    bool all_periods = true;
    /* ^-?[\.,]?\d[\d,\.-]*\.?$ as states: 0 start, 1 after '-', 2 after
     * [.,], 3 after the digit (accepting), 4 failed */
    int number = 0;
    sentimentp_punkt_unit(text, len, a, &first);
    for (size_t p = a; p < b;) {
        before_last = cp;
        last_at = p;
        size_t n = sentimentp_punkt_unit(text, len, p, &cp);
        n_units++;
        all_periods = all_periods && cp == '.';
        bool digit = punkt_decimal(cp);
        if (number == 3)
            number = digit || cp == ',' || cp == '.' || cp == '-' ? 3 : 4;
        else if (number == 0 && cp == '-')
            number = 1;
        else if (number < 2 && (cp == '.' || cp == ','))
            number = 2;
        else if (number < 3)
            number = digit ? 3 : 4;
        p += n;
        if (cp == '-' && p < b)
            segment = p;
    }
    t->period_final = cp == '.';
    t->first_upper = punkt_upper(first);
    t->first_lower = punkt_lower(first);
    t->punctuation = n_units == 1 && first != 0 && first < 0x80 &&
                     strchr(";:,.!?", (int)first) != NULL;
    t->initial = n_units == 2 && cp == '.' && punkt_word_char(first) &&
                 !punkt_decimal(first);
    if (number == 3) {
        memcpy(t->type, PUNKT_NUMBER, sizeof PUNKT_NUMBER - 1);
        t->type_len = sizeof PUNKT_NUMBER - 1;
        t->type_ok = true;
    } else {
        t->type_ok = punkt_lower_ascii(text, len, a, b, t->type, &t->type_len);
        if (!t->type_ok)
            t->type_len = 0;
    }

    t->sentbreak = t->abbr = t->ellipsis = false;
    if (n_units == 1 && (first == '.' || first == '?' || first == '!')) {
        t->sentbreak = true;
    } else if (all_periods && n_units >= 2) {
        t->ellipsis = true;
    } else if (t->period_final && !(n_units >= 2 && before_last == '.')) {
        /* tok[:-1].lower(), or its part after the last '-', is known */
        if (punkt_is_abbrev(text, len, a, last_at) ||
            (segment > a && punkt_is_abbrev(text, len, segment, last_at)))
            t->abbr = true;
        else
            t->sentbreak = true;
    }
}

/* type_no_period (l.429): the type without a final period, if longer than 1. */
static size_t punkt_no_period(const punkt_token *t)
{
    return t->type_len > 1 && t->type[t->type_len - 1] == '.' ? t->type_len - 1
                                                              : t->type_len;
}

/* type_no_sentperiod (l.438). */
static size_t punkt_no_sentperiod(const punkt_token *t)
{
    return t->sentbreak ? punkt_no_period(t) : t->type_len;
}

/* The orthographic flags, or the rules' bits, of a token's type[0..len). */
static unsigned punkt_flags(const sentimentp_punkt_model *m,
                            const punkt_token *t, size_t len)
{
    return t->type_ok ? sentimentp_punkt_lookup(m, t->type, len) : 0;
}

enum { PUNKT_NO, PUNKT_YES, PUNKT_UNKNOWN };

/* The orthographic heuristic (l.1704-1733): does `next` start a sentence? */
static int punkt_ortho(const punkt_token *next)
{
    if (next->punctuation)
        return PUNKT_NO;
    unsigned oc = punkt_flags(&sentimentp_punkt_ortho, next,
                              punkt_no_sentperiod(next));
    if (next->first_upper && (oc & SENTIMENTP_PUNKT_LC) &&
        !(oc & SENTIMENTP_PUNKT_MID_UC))
        return PUNKT_YES;
    if (next->first_lower &&
        ((oc & SENTIMENTP_PUNKT_UC) || !(oc & SENTIMENTP_PUNKT_BEG_LC)))
        return PUNKT_NO;
    return PUNKT_UNKNOWN;
}

static bool punkt_collocation(const punkt_token *t, size_t t_len,
                              const punkt_token *next, size_t next_len)
{
    if (!t->type_ok || !next->type_ok)
        return false;
    char key[2 * PUNKT_TYPE_CAP + 1];
    memcpy(key, t->type, t_len);
    key[t_len] = '\t';
    memcpy(key + t_len + 1, next->type, next_len);
    return sentimentp_punkt_lookup(&sentimentp_punkt_rules, key,
                                   t_len + 1 + next_len) &
           SENTIMENTP_PUNKT_COLLOCATION;
}

/* The second pass on a word ending in a period, given the next (l.1636-1702). */
static void punkt_second_pass(punkt_token *t, const punkt_token *next)
{
    if (!t->period_final)
        return;
    size_t typ = punkt_no_period(t), next_typ = punkt_no_sentperiod(next);
    if (punkt_collocation(t, typ, next, next_typ)) {
        t->sentbreak = false;
        t->abbr = true;
        return;
    }
    if ((t->abbr || t->ellipsis) && !t->initial) {
        if (punkt_ortho(next) == PUNKT_YES) {
            t->sentbreak = true;
            return;
        }
        if (next->first_upper &&
            (punkt_flags(&sentimentp_punkt_rules, next, next_typ) &
             SENTIMENTP_PUNKT_STARTER)) {
            t->sentbreak = true;
            return;
        }
    }
    bool number = t->type_ok && typ == sizeof PUNKT_NUMBER - 1 &&
                  memcmp(t->type, PUNKT_NUMBER, typ) == 0;
    if (t->initial || number) {
        int ortho = punkt_ortho(next);
        if (ortho == PUNKT_NO) {
            t->sentbreak = false;
            t->abbr = true;
            return;
        }
        if (ortho == PUNKT_UNKNOWN && t->initial && next->first_upper &&
            !(punkt_flags(&sentimentp_punkt_ortho, next, next_typ) &
              SENTIMENTP_PUNKT_LC)) {
            t->sentbreak = false;
            t->abbr = true;
        }
    }
}

bool sentimentp_punkt_context_breaks(const char *text, size_t len, size_t start,
                                     size_t end)
{
    punkt_words w = {text, len, start, end, punkt_line_end(text, start, end)};
    punkt_token tokens[2];
    punkt_token *prev = &tokens[0], *cur = &tokens[1];
    bool have_prev = false;
    size_t a, b;
    while (punkt_next_word(&w, &a, &b)) {
        punkt_token_init(cur, text, len, a, b);
        if (have_prev) {
            punkt_second_pass(prev, cur);
            if (prev->sentbreak)
                return true;
        }
        punkt_token *t = prev;
        prev = cur;
        cur = t;
        have_prev = true;
    }
    return false;
}
