/*
 * TextBlob's sentence grouping (lib/README.md, T8) and where it matters: the
 * rejoining regexes (T9, T10) run on each sentence string.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * Sentences do not reset the scoring, so their only effect is to bound the
 * rejoining. And a rejoining regex changes a sentence string only where a
 * match spans one of the single spaces that join its tokens, which needs
 * the bytes on either side of that space to be consecutive in an emoticon
 * or in "(!)" (sentimentp_join_next). Tokens are therefore not collected
 * into sentences: each one is held only while the next token could still
 * be joined to it, and the regexes run on such a chain of tokens alone.
 * They give the same result there as on the whole sentence: no match can
 * cross the ends of the chain, and the matching starts afresh after each.
 */

#include <string.h>

#include "private.h"
#include "score-inline.h"


static bool equals(const sentimentp_token *t, const char *lit, size_t n)
{
    return t->length == n && memcmp(t->text, lit, n) == 0;
}

static bool is_end_of_sentence(const sentimentp_token *t)
{
    return equals(t, SENTIMENTP_EOS, SENTIMENTP_EOS_LENGTH);
}

/* The tokens that end a sentence: ... . ! ? END-OF-SENTENCE */
static bool is_sentence_end(const sentimentp_token *t)
{
    switch (t->length) {
    case 1:
        return t->text[0] == '.' || t->text[0] == '!' || t->text[0] == '?';
    case 3:
        return memcmp(t->text, "...", 3) == 0;
    case SENTIMENTP_EOS_LENGTH:
        return is_end_of_sentence(t);
    default:
        return false;
    }
}

/*
 * The tokens that may follow a sentence end and still belong to it. The
 * ASCII quotes ' and " are in TextBlob's list too, but its parity test
 * looks at the new, still empty sentence, so they always stop the run.
 */
static bool continues_sentence(const sentimentp_token *t)
{
    if (is_sentence_end(t))
        return true;
    if (t->length == 1)
        return t->text[0] == ')';
    return equals(t, "\xe2\x80\x9d", 3) || equals(t, "\xe2\x80\x99", 3);
}

static unsigned char last_byte(const sentimentp_token *t)
{
    return (unsigned char)t->text[t->length - 1];
}

static bool may_join(const sentimentp_token *left,
                     const sentimentp_token *right)
{
    return sentimentp_joins(last_byte(left), (unsigned char)right->text[0]);
}

/* Scores the held tokens: the rejoining can no longer reach them. */
static void release(sentimentp_pipeline *p)
{
    size_t count = p->group.len / sizeof(sentimentp_token);
    const sentimentp_token *tok = (const sentimentp_token *)(void *)
                                      p->group.data;
    p->group.len = 0;
    if (count == 1)
        sentimentp_scorer_token(&p->scorer, tok);
    else if (count > 1)
        sentimentp_rejoin(p, tok, count);
    if (p->scorer.error && !p->error)
        p->error = p->scorer.error;
}

static void hold(sentimentp_pipeline *p, const sentimentp_token *t)
{
    if (p->group.len) {
        const sentimentp_token *last =
            (const sentimentp_token *)(void *)(p->group.data + p->group.len) -
            1;
        if (!may_join(last, t))
            release(p);
    }
    bool may_join_next = sentimentp_join_next[last_byte(t)] != NULL;
    if (p->group.len == 0 && !may_join_next) {
        sentimentp_scorer_token(&p->scorer, t); /* the common case */
        if (p->scorer.error && !p->error)
            p->error = p->scorer.error;
        return;
    }
    if (!sentimentp_buf_reserve(&p->group, sizeof *t)) {
        p->error = SENTIMENT_E_NOMEM;
        return;
    }
    memcpy(p->group.data + p->group.len, t, sizeof *t);
    p->group.len += sizeof *t;
    if (!may_join_next)
        release(p);
}

/*
 * END-OF-SENTENCE tokens only mark boundaries and are dropped. The token
 * that stops a continuation run opens the next sentence; it is never itself
 * a sentence end, so it needs no further test.
 */
void sentimentp_emit(sentimentp_pipeline *p, const sentimentp_token *t)
{
    if (p->continuing) {
        if (continues_sentence(t)) {
            if (!is_end_of_sentence(t))
                hold(p, t);
            return;
        }
        release(p);
        p->continuing = false;
        hold(p, t);
        return;
    }
    if (is_sentence_end(t)) {
        p->continuing = true;
        if (!is_end_of_sentence(t))
            hold(p, t);
        return;
    }
    hold(p, t);
}

void sentimentp_end_sentence(sentimentp_pipeline *p)
{
    release(p);
    p->continuing = false;
}

void sentimentp_emit_end(sentimentp_pipeline *p)
{
    release(p);
}
