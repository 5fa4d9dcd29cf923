/*
 * The two regular expressions TextBlob runs over each sentence string after
 * tokenizing (lib/README.md, T9 and T10), done in place, then the split into
 * words.
 * sentence.c passes only the runs of tokens they can change.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * A sentence string is its tokens joined by single spaces, so the only
 * whitespace the patterns can meet is ' '. Both rewrites only delete
 * spaces, which lets them compact the buffer in place, reading ahead of
 * where they write.
 */

#include <string.h>

#include "private.h"
#include "score-inline.h"

/* re.sub(r"\( ?\! ?\)", "(!)", s) */
static size_t join_irony_marks(char *s, size_t n)
{
    char *open = memchr(s, '(', n);
    if (!open)
        return n;
    size_t r = (size_t)(open - s), w = r;
    while (r < n) {
        if (s[r] == '(') {
            size_t q = r + 1;
            if (q + 1 < n && s[q] == ' ' && s[q + 1] == '!')
                q++;
            if (q < n && s[q] == '!') {
                q++;
                if (q + 1 < n && s[q] == ' ' && s[q + 1] == ')')
                    q++;
                if (q < n && s[q] == ')') {
                    memcpy(s + w, "(!)", 3);
                    w += 3;
                    r = q + 1;
                    continue;
                }
            }
        }
        s[w++] = s[r++];
    }
    return w;
}

/*
 * Matches emoticon e at s[r..n) with at most one space between its
 * characters, followed by the end of the string or a space. Returns where
 * the emoticon's characters end, or 0. A space can never fall between the
 * bytes of one UTF-8 character of valid text, so testing byte by byte
 * equals the regex's character-by-character test.
 */
static size_t match_emoticon(const char *s, size_t n, size_t r,
                             const sentimentp_emoticon *e)
{
    size_t q = r;
    for (size_t k = 0; k < e->length; k++) {
        char ch = e->text[k];
        if (k > 0 && q + 1 < n && s[q] == ' ' && s[q + 1] == ch)
            q++;
        if (q >= n || s[q] != ch)
            return 0;
        q++;
    }
    return q == n || s[q] == ' ' ? q : 0;
}

/*
 * RE_EMOTICONS.sub(): at each position the first alternative that matches
 * wins (see emoticons.c for why grouping by first byte keeps that order);
 * the match is replaced by the emoticon without spaces, plus the space the
 * pattern consumed after it, and scanning goes on after that space. There
 * is no left boundary: "98 - )" becomes "98-)".
 */
/* Whether an emoticon can start at s[r], judged by its first two bytes. */
static bool may_start_emoticon(const char *s, size_t n, size_t r)
{
    const char *second = sentimentp_emoticon_second[(unsigned char)s[r]];
    /* every emoticon has at least two bytes */
    if (!second || r + 1 >= n)
        return false;
    char c = s[r + 1];
    if (c != '\0' && strchr(second, c))
        return true;
    return c == ' ' && r + 2 < n && s[r + 2] != '\0' &&
           strchr(second, s[r + 2]);
}

static size_t join_emoticons(char *s, size_t n)
{
    size_t r = 0, w = 0;
    while (r < n) {
        size_t next = r;
        while (next < n && !sentimentp_emoticon_second[(unsigned char)s[next]])
            next++;
        if (next > r) { /* a stretch that holds no emoticon */
            if (w != r)
                memmove(s + w, s + r, next - r);
            w += next - r;
            r = next;
            continue;
        }
        if (!may_start_emoticon(s, n, r)) {
            s[w++] = s[r++];
            continue;
        }
        const uint8_t *range = sentimentp_emoticon_first[(unsigned char)s[r]];
        size_t end = 0;
        unsigned k;
        for (k = range[0]; k < range[1]; k++) {
            end = match_emoticon(s, n, r, &sentimentp_emoticons[k]);
            if (end)
                break;
        }
        if (!end) {
            s[w++] = s[r++];
            continue;
        }
        const sentimentp_emoticon *e = &sentimentp_emoticons[k];
        memcpy(s + w, e->text, e->length);
        w += e->length;
        r = end;
        if (r < n) {
            s[w++] = ' ';
            r++;
        }
    }
    return w;
}

/* Joins the tokens with single spaces, as TextBlob does. */
static bool join_tokens(sentimentp_pipeline *p, const sentimentp_token *tok,
                        size_t count, bool *ascii)
{
    sentimentp_buf *b = &p->joined;
    size_t total = count;
    for (size_t k = 0; k < count; k++)
        total += tok[k].length;
    b->len = 0;
    if (!sentimentp_buf_reserve(b, total))
        return false;
    *ascii = true;
    for (size_t k = 0; k < count; k++) {
        if (k)
            b->data[b->len++] = ' ';
        memcpy(b->data + b->len, tok[k].text, tok[k].length);
        b->len += tok[k].length;
        *ascii &= tok[k].ascii;
    }
    return true;
}

void sentimentp_rejoin(sentimentp_pipeline *p, const sentimentp_token *tok,
                       size_t count)
{
    bool ascii;
    if (!join_tokens(p, tok, count, &ascii)) {
        p->error = SENTIMENT_E_NOMEM;
        return;
    }
    char *s = p->joined.data;
    size_t n = join_irony_marks(s, p->joined.len);
    n = join_emoticons(s, n);
    size_t k = 0;
    while (k < n) {
        char *space = memchr(s + k, ' ', n - k);
        size_t end = space ? (size_t)(space - s) : n;
        if (end > k)
            sentimentp_scorer_word(&p->scorer, s + k, end - k, ascii);
        k = end + 1;
    }
}
