/*
 * sentiment_analyzer_sentences(): Punkt's sentences, each scored alone.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * A sentence's score is that of its own bytes, read exactly as the
 * splitter read them: spans never split a UTF-8 unit, and an invalid
 * unit's maximal subpart ends where the bytes after it stop continuing
 * it, which is inside the span; so repairing the span alone gives the same
 * text as cutting the repaired whole.
 */

#include "punkt.h"

typedef struct sentences_run {
    const sentimentp_lexicon *lex;
    const char *text;
    sentiment_sentence_fn fn;
    void *user;
    int error;
} sentences_run;

static int sentences_on_span(void *user, size_t start, size_t end)
{
    sentences_run *r = user;
    double polarity, subjectivity;
    int rc = sentimentp_score_text(r->lex, r->text + start, end - start,
                                   &polarity, &subjectivity);
    if (rc == SENTIMENT_OK &&
        r->fn(r->user, start, end, polarity, subjectivity) != 0)
        rc = SENTIMENT_E_ABORTED;
    r->error = rc;
    return rc != SENTIMENT_OK;
}

int sentimentp_sentences(const sentimentp_lexicon *lex, unsigned flags,
                         const char *text, size_t len, sentiment_sentence_fn fn,
                         void *user)
{
    if (!text)
        text = "";
    if (flags & SENTIMENT_STRICT_UTF8) {
        int rc = sentimentp_utf8_validate(text, len, NULL);
        if (rc != SENTIMENT_OK)
            return rc;
    }
    sentences_run r = {lex, text, fn, user, SENTIMENT_OK};
    sentimentp_punkt_split(text, len, sentences_on_span, &r);
    return r.error;
}
