/*
 * TextBlob's tokenizer (_text.py find_tokens with its default arguments),
 * as one pass over the text.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * TextBlob rewrites the whole string several times (contractions, quotes,
 * line breaks, whitespace), splits it, then peels punctuation off each piece
 * (sentence.c groups the tokens into sentences). All those rewrites only
 * ever insert token boundaries, so here they become boundary rules of a
 * single scan (lib/README.md, "Tokens", T1-T7):
 *
 *   - whitespace is Python's str.isspace() set;
 *   - each quote character (' " and the four curly quotes) is a token;
 *   - an "n" followed by "'t" starts a token (the "n't" contraction);
 *   - two or more consecutive line feeds ("\r\n" counting as one) are the
 *     token END-OF-SENTENCE.
 *
 * The input is valid UTF-8, or p->check_utf8 asks to check each non-ASCII
 * sequence on the way (every one of them reaches the NON_ASCII case). Words
 * of ASCII letters, by far the commonest tokens, take a fast path that
 * hashes and scores them in the same pass (letters_token()).
 */

#include <string.h>

#include "private.h"
#include "score-inline.h"
#include "swar.h"

enum byte_class {
    OTHER = 0,
    SPACE,
    LINE_FEED,
    CARRIAGE_RETURN,
    QUOTE,
    NON_ASCII,
    CLASS_MASK = 7,
    NON_ASCII_BYTE = 8,
};

#define NA (NON_ASCII | NON_ASCII_BYTE)
#define NA8 NA, NA, NA, NA, NA, NA, NA, NA
#define NA64 NA8, NA8, NA8, NA8, NA8, NA8, NA8, NA8

/* clang-format off */
static const uint8_t byte_info[256] = {
    SENTIMENTP_ASCII_SPACES(SPACE, LINE_FEED, CARRIAGE_RETURN),
    ['\''] = QUOTE, ['"'] = QUOTE,
    [0x80] = NA64, NA64,
};
/* clang-format on */

/* The same bytes in a table of their own, for the fast path's one load. */
static const bool ascii_space[256] = {
    SENTIMENTP_ASCII_SPACES(true, true, true),
};

#undef NA64
#undef NA8
#undef NA

/* TextBlob's PUNCTUATION without ".": what is peeled off either end. */
static const bool peelable[256] = {
    [','] = 1,  [';'] = 1, [':'] = 1, ['!'] = 1, ['?'] = 1, ['('] = 1,
    [')'] = 1,  ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1, ['`'] = 1,
    ['\''] = 1, ['"'] = 1, ['@'] = 1, ['#'] = 1, ['$'] = 1, ['^'] = 1,
    ['&'] = 1,  ['*'] = 1, ['+'] = 1, ['-'] = 1, ['|'] = 1, ['='] = 1,
    ['~'] = 1,  ['_'] = 1,
};


static void emit_token(sentimentp_pipeline *p, const char *t, size_t len,
                       unsigned flags)
{
    sentimentp_token tok = {t, len, SENTIMENTP_NOT_LOOKED_UP,
                            !(flags & NON_ASCII_BYTE)};
    sentimentp_emit(p, &tok);
}

/* ------------------------------------------------ punctuation and abbrevs */

static bool is_ascii_letter(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u;
}

/* TextBlob's ABBREVIATIONS, case-sensitive, grouped by length. */
static bool in_abbreviation_list(const char *t, size_t len)
{
    static const char *const by_length[6] = {
        [2] = "a.c.f.l.m.n.v.w/",
        [3] = "al.cf.ed.ex.id.Mr.pl.vs.",
        [4] =
            "adj.adv.a.m.def.e.g.esp.etc.fig.gen.i.e.int.Med.Mil.n.q.p.m.ref.",
        [5] = "comp.conf.orig.pred.pres.",
    };
    if (len < 2 || len > 5)
        return false;
    for (const char *e = by_length[len]; *e; e += len) {
        size_t k = 0;
        while (k < len && e[k] == t[k])
            k++;
        if (k == len)
            return true;
    }
    return false;
}

/* TextBlob's RE_ABBR3 class [bcdfghjklmnpqrstvwxz|] ("|" is in it by
 * accident of a join). */
static const bool abbr3_class[256] = {
    ['b'] = 1, ['c'] = 1, ['d'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['j'] = 1,
    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['z'] = 1, ['|'] = 1,
};

/*
 * Rule "abbreviation keeps its dot" (T7): TextBlob keeps the final "." of a
 * token that is in its abbreviation list or matches one of three regexes;
 * t always ends with "." here:
 *   ^[A-Za-z]\.$          (covered by the next one)
 *   ^([A-Za-z]\.)+$
 *   ^[A-Z][bcdfghjklmnpqrstvwxz|]+.$   ("." is any character)
 */
static inline bool is_abbreviation(const char *t, size_t len)
{
    const unsigned char *u = (const unsigned char *)t;
    if (in_abbreviation_list(t, len))
        return true;
    /* the fast path asks about "word." of lowercase letters, nearly always
     * in vain: these tests fail first for it */
    if (u[0] >= 'A' && u[0] <= 'Z' && len >= 3) {
        size_t k = 1;
        while (k < len - 1 && abbr3_class[u[k]])
            k++;
        if (k == len - 1)
            return true;
    }
    if (len >= 2 && u[1] == '.' && len % 2 == 0) {
        size_t k = 0;
        while (k < len && is_ascii_letter(u[k]) && u[k + 1] == '.')
            k += 2;
        if (k == len)
            return true;
    }
    return false;
}

typedef struct piece {
    size_t offset;
    size_t length;
} piece;

static bool push_piece(sentimentp_pipeline *p, size_t offset, size_t length)
{
    if (!sentimentp_buf_reserve(&p->tail, sizeof(piece))) {
        p->error = SENTIMENT_E_NOMEM;
        return false;
    }
    piece pc = {offset, length};
    memcpy(p->tail.data + p->tail.len, &pc, sizeof pc);
    p->tail.len += sizeof pc;
    return true;
}

/*
 * T7: peel leading punctuation one character at a time, then trailing
 * punctuation from the right, where a final "..." absorbs any dots before
 * it and a final "." stays on an abbreviation. The steps and their order are
 * TextBlob's; the three tests run in sequence within one loop turn.
 */
static void split_token(sentimentp_pipeline *p, const char *t, size_t len,
                        unsigned flags)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t b = 0, e = len;
    if (!peelable[u[0]] && !peelable[u[len - 1]] && u[len - 1] != '.') {
        emit_token(p, t, len, flags); /* most words */
        return;
    }
    while (b < e && peelable[u[b]]) {
        emit_token(p, t + b, 1, flags);
        b++;
    }
    p->tail.len = 0;
    while (e > b && (peelable[u[e - 1]] || u[e - 1] == '.')) {
        if (peelable[u[e - 1]]) {
            if (!push_piece(p, e - 1, 1))
                return;
            e--;
        }
        if (e - b >= 3 && memcmp(t + e - 3, "...", 3) == 0) {
            if (!push_piece(p, e - 3, 3))
                return;
            e -= 3;
            while (e > b && u[e - 1] == '.')
                e--;
        }
        if (e > b && u[e - 1] == '.') {
            if (is_abbreviation(t + b, e - b))
                break;
            if (!push_piece(p, e - 1, 1))
                return;
            e--;
        }
    }
    if (e > b)
        emit_token(p, t + b, e - b, flags);
    const piece *pieces = (const piece *)(void *)p->tail.data;
    for (size_t k = p->tail.len / sizeof(piece); k-- > 0;)
        emit_token(p, t + pieces[k].offset, pieces[k].length, flags);
}

/*
 * A raw token (a piece between whitespace and quotes). Most are words with
 * nothing to peel at either end, or with one mark after them ("word,").
 */
static inline void raw_token(sentimentp_pipeline *p, const char *t, size_t len,
                             unsigned flags)
{
    const unsigned char *u = (const unsigned char *)t;
    unsigned char last = u[len - 1];
    if (!peelable[u[0]]) {
        if (!peelable[last] && last != '.') {
            emit_token(p, t, len, flags);
            return;
        }
        /* T7 peels the one character and stops */
        if (peelable[last] && len >= 2 && !peelable[u[len - 2]] &&
            u[len - 2] != '.') {
            emit_token(p, t, len - 1, flags);
            emit_token(p, t + len - 1, 1, flags);
            return;
        }
    }
    split_token(p, t, len, flags);
}

/* --------------------------------------------------------------- the scan */

static bool is_curly_quote(uint32_t cp)
{
    return cp == 0x2018 || cp == 0x2019 || cp == 0x201c || cp == 0x201d;
}

#define NEXT_UNKNOWN (-1)

/*
 * The first byte of the token after the one that ends at s[k], when it is
 * sure: one space, then a byte that starts a token of its own. A byte that
 * could start END-OF-SENTENCE, which is dropped, does not count. 0 at the
 * end of the text (no byte can join 0).
 */
static int next_token_byte(const unsigned char *s, size_t k, size_t len)
{
    if (k == len || (k + 1 == len && s[k] == ' '))
        return 0;
    if (s[k] != ' ')
        return NEXT_UNKNOWN;
    unsigned char b = s[k + 1];
    if (b >= 0x80 || b == 'E' || ascii_space[b])
        return NEXT_UNKNOWN;
    return b;
}

/* Whether a token that ends with byte `last` may join the next one. */
static bool next_may_join(unsigned char last, int next)
{
    return next == NEXT_UNKNOWN || sentimentp_joins(last, (unsigned char)next);
}

/* What follows a word of letters that the fast path takes. */
typedef struct word_end {
    size_t end;         /* after the word, its mark and one space */
    bool mark;          /* one mark follows the word */
    bool apostrophe;    /* the mark is an apostrophe inside a word */
    unsigned char next; /* the byte after the word's space, or its mark */
} word_end;

/*
 * Whether the word s[start..k) of letters ends in a way the fast path
 * takes: ASCII whitespace, the end of the text, one mark that T7 peels off
 * ("word," "word.") and whitespace, or an apostrophe and a letter
 * ("it's"); what follows it goes to *e.
 */
static inline bool read_word_end(const unsigned char *s, size_t start, size_t k,
                                 size_t len, word_end *e)
{
    e->end = k;
    e->mark = false;
    e->apostrophe = false;
    e->next = 0;
    if (SENTIMENTP_UNLIKELY(k == len))
        return true;
    unsigned char c = s[k];
    e->next = c;
    if (SENTIMENTP_LIKELY(c == ' ')) {
        e->end = k + 1;
        e->next = k + 1 < len ? s[k + 1] : 0;
    } else if (c == '\'' && k + 1 < len && is_ascii_letter(s[k + 1]) &&
               !(s[k - 1] == 'n' && s[k + 1] == 't')) {
        /* "it's": every ASCII apostrophe is a token of its own (T2, rule
         * "apostrophe splits"), and the letters after it start the next
         * one; "n't" is T1's */
        e->mark = e->apostrophe = true;
        e->end = k + 1;
    } else if (!ascii_space[c]) {
        if (!(peelable[c] || c == '.') ||
            (k + 1 < len && !ascii_space[s[k + 1]]))
            return false;
        /* the word and its "." are the token TextBlob tests */
        if (c == '.' && is_abbreviation((const char *)s + start, k + 1 - start))
            return false;
        e->mark = true;
        e->end = k + 1 < len && s[k + 1] == ' ' ? k + 2 : k + 1;
    }
    return true;
}

/*
 * The fast path for the commonest tokens: a word of ASCII letters that
 * read_word_end() takes. The word is found, lowercased and hashed in one
 * scan (swar.h), looked up, and scored at once unless a rejoining could
 * reach it; then its mark, if any. Returns where the next token may start
 * (after one space), or 0 if the token at s[k] is not of this kind.
 */
static inline size_t letters_token(sentimentp_pipeline *p,
                                   const uint64_t *filter,
                                   const unsigned char *s, size_t k, size_t len)
{
    uint32_t hash;
    uint64_t head;
    size_t length = sentimentp_scan_letters(s + k, len - k, &hash, &head);
    if (SENTIMENTP_UNLIKELY(length == 0))
        return 0;
    size_t start = k;
    k += length;
    word_end e;
    if (!read_word_end(s, start, k, len, &e))
        return 0;

    const char *word = (const char *)s + start;
    int32_t index = SENTIMENTP_UNLIKELY(sentimentp_filter_has(filter, hash))
                        ? sentimentp_lexicon_find_folded(p->scorer.lex, word,
                                                         length, hash, head)
                        : -1;
    /* a word never continues a sentence: it ends one that was ending, and
     * only held tokens make that more than clearing the flag, which saves
     * a branch that each sentence would mispredict */
    if (SENTIMENTP_UNLIKELY(p->group.len) && p->continuing)
        sentimentp_end_sentence(p);
    p->continuing = false;
    unsigned char last = s[k - 1];
    size_t after = k + e.mark; /* where the next token's space starts */
    bool may_fail = e.mark;    /* only a known or a held token can fail */
    /* one branch, rarely taken, where "so", "to" or "music" would make a
     * test of the last letter alone go either way */
    bool unsure = (sentimentp_join_next[last] != NULL) &
                  sentimentp_unsure_after_letter[e.next];
    if (SENTIMENTP_LIKELY(!p->group.len && !unsure) ||
        (!p->group.len &&
         !next_may_join(last,
                        e.mark ? s[k] : next_token_byte(s, after, len)))) {
        if (!(index < 0 && sentimentp_scorer_skip_unknown(
                               &p->scorer, (uint8_t)head, length))) {
            sentimentp_scorer_letters_full(&p->scorer, word, length, index);
            may_fail = true;
        }
    } else {
        sentimentp_token tok = {word, length, index, true};
        sentimentp_emit(p, &tok);
        may_fail = true;
    }
    if (SENTIMENTP_UNLIKELY(e.mark)) {
        /* "." and "?" end a sentence, but what may continue one can never
         * be joined to them; "!" can, to ")" */
        unsigned char c = s[k];
        int following = e.apostrophe ? s[k + 1]
                                     : next_token_byte(s, after, len);
        if (!p->group.len && (!sentimentp_join_next[c] || c == '.' ||
                              !next_may_join(c, following))) {
            sentimentp_scorer_mark(&p->scorer, (const char *)s + k);
            p->continuing = c == '.' || c == '!' || c == '?';
        } else {
            sentimentp_token tok = {(const char *)s + k, 1,
                                    SENTIMENTP_NOT_LOOKED_UP, true};
            sentimentp_emit(p, &tok);
        }
    }
    /* memory, or the callback stopping: the rest of the text is moot */
    if (SENTIMENTP_UNLIKELY(may_fail) && (p->scorer.error || p->error))
        return len;
    return e.end;
}

/* Where the scan is between raw tokens and line feeds. */
typedef struct scan_state {
    size_t start; /* of the raw token being read */
    bool in_token;
    unsigned flags;      /* NON_ASCII_BYTE if the raw token has one */
    unsigned line_feeds; /* consecutive, "\r\n" counting as one */
} scan_state;

static inline void start_token(scan_state *st, size_t at)
{
    st->in_token = true;
    st->start = at;
    st->flags = 0;
}

/* The raw token being read, if any, ends before text[at]. */
static inline void end_token(sentimentp_pipeline *p, const char *text,
                             scan_state *st, size_t at)
{
    if (st->in_token) {
        raw_token(p, text + st->start, at - st->start, st->flags);
        st->in_token = false;
    }
}

/* A run of line feeds ends: two or more are END-OF-SENTENCE (T5). */
static inline void end_line_feeds(sentimentp_pipeline *p, scan_state *st)
{
    if (st->line_feeds >= 2)
        split_token(p, SENTIMENTP_EOS, SENTIMENTP_EOS_LENGTH, 0);
    st->line_feeds = 0;
}

void sentimentp_tokenize(sentimentp_pipeline *p, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    const uint64_t *filter = p->scorer.lex->filter;
    scan_state st = {
        .start = 0, .in_token = false, .flags = 0, .line_feeds = 0};
    size_t k = 0;

    while (k < len && !p->error && !p->scorer.error) {
        unsigned info = byte_info[s[k]];
        size_t n = 1;
        if ((info & CLASS_MASK) == OTHER) {
            if (!st.in_token) {
                end_line_feeds(p, &st);
                /* prose is mostly such words in a row */
                size_t before = k;
                for (size_t end;
                     (end = letters_token(p, filter, s, k, len)) != 0;)
                    k = end;
                if (k != before)
                    continue;
                start_token(&st, k);
            }
            /* the inner loop: the bytes of a word */
            do {
                st.flags |= info;
                if (++k == len)
                    break;
                info = byte_info[s[k]];
            } while ((info & CLASS_MASK) == OTHER);
            continue;
        }
        enum byte_class cls = (enum byte_class)(info & CLASS_MASK);
        if (cls == NON_ASCII) {
            if (p->check_utf8 && !sentimentp_utf8_valid_len(s + k, len - k)) {
                p->error = SENTIMENT_E_UTF8;
                break;
            }
            uint32_t cp = sentimentp_utf8_decode(s + k, &n);
            if (sentimentp_is_unicode_space(cp)) {
                cls = SPACE;
            } else if (is_curly_quote(cp)) {
                cls = QUOTE;
            } else {
                if (!st.in_token) {
                    end_line_feeds(p, &st);
                    start_token(&st, k);
                }
                st.flags |= info;
                k += n;
                continue;
            }
        }
        switch (cls) {
        case QUOTE:
            /* "n't": TextBlob puts a space before the n, so the n that
             * ends this token is a token of its own */
            if (s[k] == '\'' && st.in_token && k - st.start >= 2 &&
                s[k - 1] == 'n' && k + 1 < len && s[k + 1] == 't') {
                end_token(p, text, &st, k - 1);
                start_token(&st, k - 1);
            }
            end_token(p, text, &st, k);
            end_line_feeds(p, &st);
            split_token(p, text + k, n, info);
            break;
        case CARRIAGE_RETURN:
            end_token(p, text, &st, k);
            if (k + 1 < len && s[k + 1] == '\n') {
                st.line_feeds++;
                n = 2;
            } else {
                end_line_feeds(p, &st);
            }
            break;
        case LINE_FEED:
            end_token(p, text, &st, k);
            st.line_feeds++;
            break;
        case SPACE:
        default:
            end_token(p, text, &st, k);
            end_line_feeds(p, &st);
            break;
        }
        k += n;
    }
    if (!p->error && !p->scorer.error) {
        end_token(p, text, &st, len);
        end_line_feeds(p, &st);
    }
}
