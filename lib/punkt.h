/*
 * NLTK's Punkt sentence splitter with its English model: what lib/punkt.c
 * (candidates, contexts, slices, realignment), lib/punkt-token.c (the
 * decision on one context), lib/punkt-model.c (the generated table) and
 * lib/sentences.c (the public call) share. lib/README.md, "Sentences
 * (Punkt)", describes the algorithm (steps P1-P9) and its exactness rules;
 * the line numbers cited are those of NLTK 3.8.1's punkt.py.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * Positions are byte offsets into the caller's text, which may be invalid
 * UTF-8: the splitter reads it unit by unit (sentimentp_utf8_unit()), each
 * invalid unit as U+FFFD, so its decisions are those NLTK makes on the
 * decoded str, and offsets never fall inside a unit.
 */

#ifndef SENTIMENT_PUNKT_H
#define SENTIMENT_PUNKT_H

#include "private.h"

/* ---------------------------------------------------------------- model */

/* Orthographic context flags (punkt.py l.92-121). */
#define SENTIMENTP_PUNKT_BEG_UC 0x02
#define SENTIMENTP_PUNKT_MID_UC 0x04
#define SENTIMENTP_PUNKT_UNK_UC 0x08
#define SENTIMENTP_PUNKT_BEG_LC 0x10
#define SENTIMENTP_PUNKT_MID_LC 0x20
#define SENTIMENTP_PUNKT_UNK_LC 0x40
#define SENTIMENTP_PUNKT_UC 0x0e
#define SENTIMENTP_PUNKT_LC 0x70
/* What a key of the rules table is (lib/gen-punkt.py). */
#define SENTIMENTP_PUNKT_ABBREV 0x100
#define SENTIMENTP_PUNKT_STARTER 0x200
#define SENTIMENTP_PUNKT_COLLOCATION 0x400

/* The longest key the generator accepts; a longer type matches nothing. */
#define SENTIMENTP_PUNKT_MAX_KEY 63

typedef struct sentimentp_punkt_slot {
    uint32_t offset; /* of the key in the string pool */
    uint16_t length; /* 0: empty slot */
    uint16_t value;  /* flags, see above */
} sentimentp_punkt_slot;

typedef struct sentimentp_punkt_model {
    const char *strings;
    const sentimentp_punkt_slot *slots;
    uint32_t mask; /* number of slots - 1 */
    uint32_t n_keys;
} sentimentp_punkt_model;

/* The English model: abbreviations, sentence starters and collocations
 * (looked up often, a small table), and orthographic contexts. */
extern const sentimentp_punkt_model sentimentp_punkt_rules;
extern const sentimentp_punkt_model sentimentp_punkt_ortho;

/* The value of key[0..len) in m (flags ORed), 0 if it is not there. */
unsigned sentimentp_punkt_lookup(const sentimentp_punkt_model *m,
                                 const char *key, size_t len);

/* ---------------------------------------------------------------- characters */

/* Python's str.isspace() of one code point: re's \s and str.strip(). */
static inline bool sentimentp_punkt_space(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20);
    return sentimentp_is_unicode_space(cp);
}

/* Reads the unit at text[pos], pos < len; stores its code point. */
static inline size_t sentimentp_punkt_unit(const char *text, size_t len,
                                           size_t pos, uint32_t *cp)
{
    unsigned char c = (unsigned char)text[pos];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    return sentimentp_utf8_unit((const unsigned char *)text + pos, len - pos,
                                cp);
}

/* NonWord of punkt.py l.225: ) " ; } ] * : @ ' ( { [ ! ? */
static inline bool sentimentp_punkt_nonword(uint32_t cp)
{
    switch (cp) {
    case ')':
    case '"':
    case ';':
    case '}':
    case ']':
    case '*':
    case ':':
    case '@':
    case '\'':
    case '(':
    case '{':
    case '[':
    case '!':
    case '?':
        return true;
    default:
        return false;
    }
}

/* ---------------------------------------------------------------- the split */

/*
 * Decides one context text[start..end) of text[0..len) (punkt.py
 * l.1473-1483); both ends are unit boundaries. True if,
 * tokenized and annotated alone, some token marked as a sentence break has
 * a token after it.
 */
bool sentimentp_punkt_context_breaks(const char *text, size_t len, size_t start,
                                     size_t end);

/* Receives one sentence [start, end); non-zero stops the split. */
typedef int (*sentimentp_punkt_fn)(void *user, size_t start, size_t end);

/*
 * PunktSentenceTokenizer.span_tokenize(text) with realign_boundaries:
 * reports each sentence in order. Returns 0, or the first non-zero value
 * fn returned. Time linear in len; no allocation.
 */
int sentimentp_punkt_split(const char *text, size_t len, sentimentp_punkt_fn fn,
                           void *user);

/* Scores text[0..len) as sentiment_analyzer_score() does, invalid UTF-8
 * read as U+FFFD (analyzer.c). */
int sentimentp_score_text(const sentimentp_lexicon *lex, const char *text,
                          size_t len, double *polarity, double *subjectivity);

/* sentiment_analyzer_sentences() once its arguments are checked. */
int sentimentp_sentences(const sentimentp_lexicon *lex, unsigned flags,
                         const char *text, size_t len, sentiment_sentence_fn fn,
                         void *user);

#endif /* SENTIMENT_PUNKT_H */
