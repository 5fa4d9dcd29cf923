/*
 * TextBlob's tokenizer (_text.py find_tokens with its default arguments),
 * as one pass over the text.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * TextBlob rewrites the whole string several times (contractions, quotes,
 * line breaks, whitespace), splits it, then peels punctuation off each piece
 * and groups the tokens into sentences. All those rewrites only ever insert
 * token boundaries, so here they become boundary rules of a single scan
 * (SPEC.md section 2, steps T1-T8):
 *
 *   - whitespace is Python's str.isspace() set;
 *   - each quote character (' " and the four curly quotes) is a token;
 *   - an "n" followed by "'t" starts a token (the "n't" contraction);
 *   - two or more consecutive line feeds ("\r\n" counting as one) are the
 *     token END-OF-SENTENCE.
 *
 * The input is valid UTF-8 (the caller repairs or rejects it first).
 */

#include <string.h>

#include "private.h"

enum byte_class {
    OTHER = 0,
    SPACE,
    LINE_FEED,
    CARRIAGE_RETURN,
    QUOTE,
    NON_ASCII,
    CLASS_MASK = 7,
    /*
     * Every emoticon holds one of these bytes or a non-ASCII one (see
     * emoticons.c), and so does "(!)", which needs ')'. A sentence without
     * any of them is left unchanged by both of TextBlob's rejoining
     * regexes, which can then be skipped.
     */
    EMOTICON_BYTE = 8,
    NON_ASCII_BYTE = 16,
};

#define NA (NON_ASCII | EMOTICON_BYTE | NON_ASCII_BYTE)
#define NA8 NA, NA, NA, NA, NA, NA, NA, NA
#define NA64 NA8, NA8, NA8, NA8, NA8, NA8, NA8, NA8

static const uint8_t byte_info[256] = {
    ['\t'] = SPACE, ['\n'] = LINE_FEED, ['\v'] = SPACE, ['\f'] = SPACE,
    ['\r'] = CARRIAGE_RETURN, [0x1c] = SPACE, [0x1d] = SPACE,
    [0x1e] = SPACE, [0x1f] = SPACE, [' '] = SPACE,
    ['\''] = QUOTE, ['"'] = QUOTE,
    ['<'] = EMOTICON_BYTE, ['>'] = EMOTICON_BYTE, [':'] = EMOTICON_BYTE,
    ['='] = EMOTICON_BYTE, [';'] = EMOTICON_BYTE, ['*'] = EMOTICON_BYTE,
    [')'] = EMOTICON_BYTE, ['D'] = EMOTICON_BYTE, ['O'] = EMOTICON_BYTE,
    [0x80] = NA64, NA64,
};

#undef NA64
#undef NA8
#undef NA

/* TextBlob's PUNCTUATION without ".": what is peeled off either end. */
static const bool peelable[256] = {
    [','] = 1, [';'] = 1, [':'] = 1, ['!'] = 1, ['?'] = 1, ['('] = 1,
    [')'] = 1, ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1, ['`'] = 1,
    ['\''] = 1, ['"'] = 1, ['@'] = 1, ['#'] = 1, ['$'] = 1, ['^'] = 1,
    ['&'] = 1, ['*'] = 1, ['+'] = 1, ['-'] = 1, ['|'] = 1, ['='] = 1,
    ['~'] = 1, ['_'] = 1,
};

static const char end_of_sentence[] = "END-OF-SENTENCE";
#define EOS_LENGTH (sizeof(end_of_sentence) - 1)

/* ------------------------------------------------------- sentence grouping */

static bool equals(const char *t, size_t len, const char *lit, size_t n)
{
    return len == n && memcmp(t, lit, n) == 0;
}

static bool is_end_of_sentence(const char *t, size_t len)
{
    return equals(t, len, end_of_sentence, EOS_LENGTH);
}

/* The tokens that end a sentence: ... . ! ? END-OF-SENTENCE */
static bool is_sentence_end(const char *t, size_t len)
{
    switch (len) {
    case 1:
        return t[0] == '.' || t[0] == '!' || t[0] == '?';
    case 3:
        return memcmp(t, "...", 3) == 0;
    case EOS_LENGTH:
        return is_end_of_sentence(t, len);
    default:
        return false;
    }
}

/*
 * The tokens that may follow a sentence end and still belong to it. The
 * ASCII quotes ' and " are in TextBlob's list too, but its parity test
 * looks at the new, still empty sentence, so they always stop the run.
 */
static bool continues_sentence(const char *t, size_t len)
{
    if (is_sentence_end(t, len))
        return true;
    if (len == 1)
        return t[0] == ')';
    return equals(t, len, "\xe2\x80\x9d", 3) || equals(t, len, "\xe2\x80\x99", 3);
}

static inline void append_to_sentence(sentimentp_pipeline *p, const char *t,
                               size_t len, unsigned flags)
{
    sentimentp_buf *b = &p->tokens;
    if (b->cap - b->len < sizeof(sentimentp_token) &&
        !sentimentp_buf_grow(b, sizeof(sentimentp_token))) {
        p->error = SENTIMENT_E_NOMEM;
        return;
    }
    sentimentp_token *tok = (sentimentp_token *)(void *)(b->data + b->len);
    tok->text = t;
    tok->length = len;
    tok->ascii = !(flags & NON_ASCII_BYTE);
    b->len += sizeof(sentimentp_token);
    p->may_rejoin |= (flags & EMOTICON_BYTE) != 0;
}

/*
 * T8. END-OF-SENTENCE tokens only mark boundaries and are dropped. The
 * token that stops a continuation run opens the next sentence; it is never
 * itself a sentence end, so it needs no further test.
 */
static void emit_token(sentimentp_pipeline *p, const char *t, size_t len,
                       unsigned flags)
{
    if (p->continuing) {
        if (continues_sentence(t, len)) {
            if (!is_end_of_sentence(t, len))
                append_to_sentence(p, t, len, flags);
            return;
        }
        sentimentp_sentence_end(p);
        p->continuing = false;
        append_to_sentence(p, t, len, flags);
        return;
    }
    if (is_sentence_end(t, len)) {
        p->continuing = true;
        if (!is_end_of_sentence(t, len))
            append_to_sentence(p, t, len, flags);
        return;
    }
    append_to_sentence(p, t, len, flags);
}

/* ------------------------------------------------ punctuation and abbrevs */

static bool is_ascii_letter(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool in_abbreviation_list(const char *t, size_t len)
{
#define A(s) { s, sizeof(s) - 1 }
    static const struct { const char *text; size_t length; } list[] = {
        A("a."), A("adj."), A("adv."), A("al."), A("a.m."), A("c."),
        A("cf."), A("comp."), A("conf."), A("def."), A("ed."), A("e.g."),
        A("esp."), A("etc."), A("ex."), A("f."), A("fig."), A("gen."),
        A("id."), A("i.e."), A("int."), A("l."), A("m."), A("Med."),
        A("Mil."), A("Mr."), A("n."), A("n.q."), A("orig."), A("pl."),
        A("pred."), A("pres."), A("p.m."), A("ref."), A("v."), A("vs."),
        A("w/"),
    };
#undef A
    if (len > 5)
        return false;
    for (size_t k = 0; k < sizeof(list) / sizeof(list[0]); k++)
        if (list[k].length == len && memcmp(list[k].text, t, len) == 0)
            return true;
    return false;
}

/*
 * TextBlob keeps the final "." of a token that is in its abbreviation list
 * or matches one of three regexes; t always ends with "." here:
 *   ^[A-Za-z]\.$          (covered by the next one)
 *   ^([A-Za-z]\.)+$
 *   ^[A-Z][bcdfghjklmnpqrstvwxz|]+.$   ("|" is in the class by accident of
 *                                       a join, "." is any character)
 */
static bool is_abbreviation(const char *t, size_t len)
{
    if (in_abbreviation_list(t, len))
        return true;
    const unsigned char *u = (const unsigned char *)t;
    if (len % 2 == 0) {
        size_t k = 0;
        while (k < len && is_ascii_letter(u[k]) && u[k + 1] == '.')
            k += 2;
        if (k == len)
            return true;
    }
    if (len >= 3 && u[0] >= 'A' && u[0] <= 'Z') {
        size_t k = 1;
        while (k < len - 1 && u[k] && strchr("bcdfghjklmnpqrstvwxz|", u[k]))
            k++;
        if (k == len - 1)
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
        emit_token(p, t, len, flags);   /* most words */
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
 * A raw token (a piece between whitespace and quotes). Most are plain
 * words: nothing to peel at either end, not END-OF-SENTENCE, and not after
 * a sentence end, where the grouping rules apply; they go straight into the
 * sentence.
 */
static inline void raw_token(sentimentp_pipeline *p, const char *t, size_t len,
                             unsigned flags)
{
    const unsigned char *u = (const unsigned char *)t;
    unsigned char last = u[len - 1];
    if (!peelable[u[0]] && !p->continuing && len != EOS_LENGTH) {
        if (!peelable[last] && last != '.') {
            append_to_sentence(p, t, len, flags);
            return;
        }
        /* "word," : T7 peels the one character and stops */
        if (peelable[last] && len >= 2 && !peelable[u[len - 2]] &&
            u[len - 2] != '.' && len - 1 != EOS_LENGTH) {
            append_to_sentence(p, t, len - 1, flags);
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

void sentimentp_tokenize(sentimentp_pipeline *p, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t k = 0;
    size_t start = 0;        /* of the raw token being read */
    bool in_token = false;
    unsigned flags = 0;      /* EMOTICON_BYTE if the raw token has one */
    unsigned line_feeds = 0; /* consecutive, "\r\n" counting as one */

#define END_TOKEN(at)                                                     \
    do {                                                                  \
        if (in_token) {                                                   \
            raw_token(p, text + start, (at) - start, flags);             \
            in_token = false;                                             \
        }                                                                 \
    } while (0)
#define END_LINE_FEEDS()                                                  \
    do {                                                                  \
        if (line_feeds >= 2)                                              \
            split_token(p, end_of_sentence, EOS_LENGTH, 0);          \
        line_feeds = 0;                                                   \
    } while (0)

    while (k < len && !p->error) {
        unsigned info = byte_info[s[k]];
        size_t n = 1;
        if ((info & CLASS_MASK) == OTHER) {
            if (!in_token) {
                END_LINE_FEEDS();
                in_token = true;
                start = k;
                flags = 0;
            }
            /* the inner loop: the bytes of a word */
            do {
                flags |= info;
                if (++k == len)
                    break;
                info = byte_info[s[k]];
            } while ((info & CLASS_MASK) == OTHER);
            continue;
        }
        enum byte_class cls = (enum byte_class)(info & CLASS_MASK);
        if (cls == NON_ASCII) {
            uint32_t cp = sentimentp_utf8_decode(s + k, &n);
            if (sentimentp_is_unicode_space(cp)) {
                cls = SPACE;
            } else if (is_curly_quote(cp)) {
                cls = QUOTE;
            } else {
                if (!in_token) {
                    END_LINE_FEEDS();
                    in_token = true;
                    start = k;
                    flags = 0;
                }
                flags |= info;
                k += n;
                continue;
            }
        }
        switch (cls) {
        case QUOTE:
            /* "n't": TextBlob puts a space before the n, so the n that
             * ends this token is a token of its own */
            if (s[k] == '\'' && in_token && k - start >= 2 && s[k - 1] == 'n' &&
                k + 1 < len && s[k + 1] == 't') {
                END_TOKEN(k - 1);
                in_token = true;
                start = k - 1;
                flags = 0;
            }
            END_TOKEN(k);
            END_LINE_FEEDS();
            split_token(p, text + k, n, info);
            break;
        case CARRIAGE_RETURN:
            END_TOKEN(k);
            if (k + 1 < len && s[k + 1] == '\n') {
                line_feeds++;
                n = 2;
            } else {
                END_LINE_FEEDS();
            }
            break;
        case LINE_FEED:
            END_TOKEN(k);
            line_feeds++;
            break;
        case SPACE:
        default:
            END_TOKEN(k);
            END_LINE_FEEDS();
            break;
        }
        k += n;
    }
    if (!p->error) {
        END_TOKEN(len);
        END_LINE_FEEDS();
    }
#undef END_TOKEN
#undef END_LINE_FEEDS
}
