/*
 * The two regular expressions TextBlob runs over each sentence string after
 * tokenizing (SPEC.md T9, T10), done in place, then the split into words.
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
static size_t join_emoticons(char *s, size_t n)
{
    size_t r = 0, w = 0;
    while (r < n) {
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

void sentimentp_sentence_end(sentimentp_pipeline *p)
{
    sentimentp_buf *b = &p->sentence;
    if (b->len == 0 || p->error)
        return;
    size_t n = b->len;
    if (p->may_rejoin) {
        n = join_irony_marks(b->data, n);
        n = join_emoticons(b->data, n);
        p->may_rejoin = false;
    }
    size_t k = 0;
    while (k < n) {
        char *space = memchr(b->data + k, ' ', n - k);
        size_t end = space ? (size_t)(space - b->data) : n;
        if (end > k)
            sentimentp_scorer_word(&p->scorer, b->data + k, end - k);
        k = end + 1;
    }
    b->len = 0;
    if (p->scorer.error)
        p->error = p->scorer.error;
}
