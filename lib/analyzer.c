/*
 * The public entry points: analyzers, scoring, the one-shot call.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "punkt.h"

struct sentiment_analyzer {
    sentimentp_lexicon lexicon;
    unsigned flags;
    void *owned; /* the resolved tables of a loaded lexicon */
};

int sentimentp_analyze(const sentimentp_lexicon *lex, const char *text,
                       size_t len, bool check_utf8, sentiment_assessment_fn fn,
                       void *user, double *polarity, double *subjectivity)
{
    /* Stack storage covers all but freak tokens and chains with no malloc. */
    char joined[1024], tail[512], lowered[256];
    sentimentp_token group[32];
    sentimentp_pipeline p;
    p.continuing = false;
    p.check_utf8 = check_utf8;
    p.error = SENTIMENT_OK;
    sentimentp_buf_init(&p.group, (char *)group, sizeof group);
    sentimentp_buf_init(&p.joined, joined, sizeof joined);
    sentimentp_buf_init(&p.tail, tail, sizeof tail);
    sentimentp_scorer_init(&p.scorer, lex, fn, user);
    sentimentp_buf_init(&p.scorer.lowered, lowered, sizeof lowered);

    sentimentp_tokenize(&p, text, len);
    if (!p.error && p.group.len)
        sentimentp_emit_end(&p);
    double pol = 0.0, subj = 0.0;
    int rc = p.error;
    if (rc == SENTIMENT_OK)
        rc = sentimentp_scorer_finish(&p.scorer, &pol, &subj);
    sentimentp_scorer_free(&p.scorer);
    sentimentp_buf_free(&p.group);
    sentimentp_buf_free(&p.joined);
    sentimentp_buf_free(&p.tail);
    if (rc != SENTIMENT_OK)
        return rc;
    if (polarity)
        *polarity = pol;
    if (subjectivity)
        *subjectivity = subj;
    return SENTIMENT_OK;
}

/*
 * Checks the text, repairs it if allowed, then runs the pipeline. Without
 * a callback the check is folded into the scan, which saves a pass over
 * the text; invalid text is then scored again, repaired.
 */
static int run(const sentimentp_lexicon *lex, unsigned flags, const char *text,
               size_t len, sentiment_assessment_fn fn, void *user,
               double *polarity, double *subjectivity)
{
    if (!text && len)
        return SENTIMENT_E_INVALID;
    if (!text)
        text = "";
    int rc;
    if (!fn)
        rc = sentimentp_analyze(lex, text, len, true, NULL, NULL, polarity,
                                subjectivity);
    else if ((rc = sentimentp_utf8_validate(text, len, NULL)) == SENTIMENT_OK)
        rc = sentimentp_analyze(lex, text, len, false, fn, user, polarity,
                                subjectivity);
    if (rc != SENTIMENT_E_UTF8)
        return rc;
    if (flags & SENTIMENT_STRICT_UTF8)
        return SENTIMENT_E_UTF8;
    size_t size = sentiment_utf8_repair(text, len, NULL, 0);
    char *repaired = malloc(size ? size : 1);
    if (!repaired)
        return SENTIMENT_E_NOMEM;
    sentiment_utf8_repair(text, len, repaired, size);
    rc = sentimentp_analyze(lex, repaired, size, false, fn, user, polarity,
                            subjectivity);
    free(repaired);
    return rc;
}

static const sentimentp_lexicon *builtin(unsigned flags)
{
    return (flags & SENTIMENT_COMPAT_PY311) ? &sentimentp_builtin_py311
                                            : &sentimentp_builtin_py312;
}

int sentiment_analyzer_new(unsigned flags, sentiment_analyzer **out)
{
    if (!out)
        return SENTIMENT_E_INVALID;
    *out = NULL;
    if (flags & ~SENTIMENTP_KNOWN_FLAGS)
        return SENTIMENT_E_INVALID;
    sentiment_analyzer *a = malloc(sizeof *a);
    if (!a)
        return SENTIMENT_E_NOMEM;
    a->lexicon = *builtin(flags);
    a->flags = flags;
    a->owned = NULL;
    *out = a;
    return SENTIMENT_OK;
}

typedef int (*load_fn)(sentimentp_builder *b, const void *source, size_t len,
                       unsigned long *error_line);

static int load_buffer(sentimentp_builder *b, const void *source, size_t len,
                       unsigned long *error_line)
{
    return sentimentp_xml_load(b, source, len, error_line);
}

static int load_file(sentimentp_builder *b, const void *source, size_t len,
                     unsigned long *error_line)
{
    (void)len;
    return sentimentp_xml_load_file(b, source, error_line);
}

static int new_loaded(load_fn load, const void *source, size_t len,
                      unsigned flags, sentiment_analyzer **out,
                      unsigned long *error_line)
{
    if (error_line)
        *error_line = 0;
    if (!out)
        return SENTIMENT_E_INVALID;
    *out = NULL;
    if (!source || (flags & ~SENTIMENTP_KNOWN_FLAGS))
        return SENTIMENT_E_INVALID;
    sentiment_analyzer *a = malloc(sizeof *a);
    sentimentp_builder *b = sentimentp_builder_new();
    if (!a || !b) {
        free(a);
        sentimentp_builder_free(b);
        return SENTIMENT_E_NOMEM;
    }
    int rc = load(b, source, len, error_line);
    if (rc == SENTIMENT_OK)
        rc = sentimentp_builder_resolve(
            b, (flags & SENTIMENT_COMPAT_PY311) != 0, &a->lexicon, &a->owned);
    sentimentp_builder_free(b);
    if (rc != SENTIMENT_OK) {
        free(a);
        return rc;
    }
    a->flags = flags;
    *out = a;
    return SENTIMENT_OK;
}

int sentiment_analyzer_new_from_file(const char *path, unsigned flags,
                                     sentiment_analyzer **out,
                                     unsigned long *error_line)
{
    return new_loaded(load_file, path, 0, flags, out, error_line);
}

int sentiment_analyzer_new_from_buffer(const char *xml, size_t len,
                                       unsigned flags, sentiment_analyzer **out,
                                       unsigned long *error_line)
{
    return new_loaded(load_buffer, xml, len, flags, out, error_line);
}

void sentiment_analyzer_free(sentiment_analyzer *analyzer)
{
    if (!analyzer)
        return;
    free(analyzer->owned);
    free(analyzer);
}

unsigned sentiment_analyzer_flags(const sentiment_analyzer *analyzer)
{
    return analyzer ? analyzer->flags : 0;
}

size_t sentiment_analyzer_lexicon_size(const sentiment_analyzer *analyzer)
{
    return analyzer ? analyzer->lexicon.n_forms : 0;
}

int sentiment_analyzer_score(const sentiment_analyzer *analyzer,
                             const char *text, size_t len, double *polarity,
                             double *subjectivity)
{
    if (!analyzer)
        return SENTIMENT_E_INVALID;
    return run(&analyzer->lexicon, analyzer->flags, text, len, NULL, NULL,
               polarity, subjectivity);
}

int sentiment_analyzer_assess(const sentiment_analyzer *analyzer,
                              const char *text, size_t len, double *polarity,
                              double *subjectivity, sentiment_assessment_fn fn,
                              void *user)
{
    if (!analyzer)
        return SENTIMENT_E_INVALID;
    return run(&analyzer->lexicon, analyzer->flags, text, len, fn, user,
               polarity, subjectivity);
}

int sentiment_score(const char *text, size_t len, double *polarity,
                    double *subjectivity)
{
    return run(&sentimentp_builtin_py312, 0, text, len, NULL, NULL, polarity,
               subjectivity);
}

const char *sentiment_lexicon_version(void)
{
    return sentimentp_builtin_version;
}

int sentimentp_score_text(const sentimentp_lexicon *lex, const char *text,
                          size_t len, double *polarity, double *subjectivity)
{
    return run(lex, 0, text, len, NULL, NULL, polarity, subjectivity);
}

int sentiment_analyzer_sentences(const sentiment_analyzer *analyzer,
                                 const char *text, size_t len,
                                 sentiment_sentence_fn fn, void *user)
{
    if (!analyzer || !fn || (!text && len))
        return SENTIMENT_E_INVALID;
    return sentimentp_sentences(&analyzer->lexicon, analyzer->flags, text, len,
                                fn, user);
}
