/*
 * Internal interfaces shared by the files of libsentiment.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * Names visible across files carry the sentimentp_ prefix; none of them is
 * exported from the shared library (hidden visibility + the version script).
 */

#ifndef SENTIMENT_PRIVATE_H
#define SENTIMENT_PRIVATE_H

#define SENTIMENT_BUILDING 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <locale.h>

#include "sentiment.h"

/* Branch hints for the tokenizer's fast path, where prose is predictable. */
#if defined(__GNUC__) || defined(__clang__)
#define SENTIMENTP_LIKELY(x) __builtin_expect(!!(x), 1)
#define SENTIMENTP_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define SENTIMENTP_LIKELY(x) (x)
#define SENTIMENTP_UNLIKELY(x) (x)
#endif

#include "swar.h"

#define SENTIMENTP_KNOWN_FLAGS (SENTIMENT_COMPAT_PY311 | SENTIMENT_STRICT_UTF8)

/*
 * The ASCII bytes of Python's str.isspace(), the one list of them, as the
 * entries of a 256-byte table: "\n" gets `line_feed`, "\r" gets
 * `carriage_return` and the others `space` (tokenize.c tells them apart).
 */
#define SENTIMENTP_ASCII_SPACES(space, line_feed, carriage_return)  \
    ['\t'] = (space), ['\n'] = (line_feed), ['\v'] = (space),       \
    ['\f'] = (space), ['\r'] = (carriage_return), [0x1c] = (space), \
    [0x1d] = (space), [0x1e] = (space), [0x1f] = (space), [' '] = (space)

/* str.lower() of an ASCII byte; other bytes are returned as they are. */
static inline unsigned char sentimentp_ascii_lower(unsigned char c)
{
    return (unsigned char)((unsigned)(c - 'A') < 26u ? c + 32 : c);
}

/* ---------------------------------------------------------------- buffers */

/*
 * A growable byte buffer that starts on caller storage (usually the stack)
 * and moves to the heap only when a sentence or word outgrows it. This keeps
 * the common case free of malloc while records of any length still work.
 */
typedef struct sentimentp_buf {
    char *data;
    size_t len;
    size_t cap;
    bool heap;
} sentimentp_buf;

static inline void sentimentp_buf_init(sentimentp_buf *b, char *storage,
                                       size_t cap)
{
    b->data = storage;
    b->len = 0;
    b->cap = cap;
    b->heap = false;
}

/* Frees what the buffer took from the heap: the one way to free one. It
 * is not reset (stores that a caller's last use would waste); init it
 * again to reuse it. */
static inline void sentimentp_buf_free(sentimentp_buf *b)
{
    if (b->heap)
        free(b->data);
}

bool sentimentp_buf_grow(sentimentp_buf *b, size_t extra);

/* Makes room for `extra` more bytes; false on allocation failure. */
static inline bool sentimentp_buf_reserve(sentimentp_buf *b, size_t extra)
{
    return extra <= b->cap - b->len || sentimentp_buf_grow(b, extra);
}

/* ---------------------------------------------------------------- UTF-8 */

/* sentiment_utf8_validate(), called from inside without the PLT. */
int sentimentp_utf8_validate(const char *text, size_t len, size_t *bad_offset);
/* Length of the valid UTF-8 sequence at s[0..len), or 0 if invalid there. */
size_t sentimentp_utf8_valid_len(const unsigned char *s, size_t len);
/* The unit at s[0..len) (len > 0) as Python's errors="replace" reads it:
 * a valid sequence, or one maximal invalid subpart read as U+FFFD. Stores
 * the code point and returns the unit's length in bytes. */
size_t sentimentp_utf8_unit(const unsigned char *s, size_t len, uint32_t *cp);
/* Decodes the valid sequence at s (checked before); stores its length. */
uint32_t sentimentp_utf8_decode(const unsigned char *s, size_t *seq_len);
/* Encodes cp into out (4 bytes of room); returns the number of bytes. */
size_t sentimentp_utf8_encode(uint32_t cp, char *out);
/* Python's str.isspace() for a non-ASCII code point. */
bool sentimentp_is_unicode_space(uint32_t cp);

/* ---------------------------------------------------------------- lexicon */

typedef struct sentimentp_form {
    uint32_t offset; /* of the form in the string pool */
    uint32_t length; /* in bytes */
} sentimentp_form;

/*
 * What scoring needs of a form, in one record of 32 bytes, aligned so that
 * a known word costs one cache line.
 */
typedef struct sentimentp_entry {
    double polarity;
    double subjectivity;
    double intensity;
    int32_t label;        /* offset of the label in the pool, or -1 */
    uint32_t is_modifier; /* the form has an "RB" part of speech */
} sentimentp_entry;

#define SENTIMENTP_ENTRY_ALIGN 32

/*
 * A resolved lexicon: what TextBlob's Sentiment dict holds after load(),
 * reduced to what string input can reach: per form its text, and an entry
 * with the POS-agnostic (polarity, subjectivity, intensity) triple, the
 * modifier flag and the label. `slots` is an open-addressing hash index
 * (linear probing).
 */
#define SENTIMENTP_FILTER_WORDS 2048 /* 131,072 bits, 16 KiB */

/*
 * A slot holds what a lookup compares, so that a word that is not there
 * costs one cache line: the form's first chunk (swar.h) as stored, and its
 * length, 0 for an empty slot (no word is empty).
 */
typedef struct sentimentp_slot {
    uint64_t head;
    uint32_t length;
    uint32_t form; /* index into forms */
} sentimentp_slot;

typedef struct sentimentp_lexicon {
    const char *strings;
    const sentimentp_form *forms;
    const sentimentp_entry *entries; /* one per form */
    const sentimentp_slot *slots;
    /* one bit per value of the hash's high 17 bits (SENTIMENTP_FILTER_BIT)
     * that some form has: most words are unknown, and this small table
     * turns them away before the slots, the forms and the strings are
     * touched */
    const uint64_t *filter;
    uint32_t n_forms;
    uint32_t n_slots; /* a power of two, > n_forms */
    uint32_t max_form_length;
} sentimentp_lexicon;

/* The hash of a form (see swar.h: lowercase ASCII words hash the same). */
uint32_t sentimentp_hash(const char *s, size_t len);
/* Index of the form equal to s[0..len), or -1. */
int32_t sentimentp_lexicon_find(const sentimentp_lexicon *lex, const char *s,
                                size_t len);

/* Sets the filter bit of a form's hash. */
void sentimentp_filter_add(uint64_t *filter, uint32_t hash);

/* 2^17 bits, SENTIMENTP_FILTER_WORDS * 64 */
#define SENTIMENTP_FILTER_BIT(hash) ((hash) >> 15)

/* False if no form has this hash (the filter's job); true if one may. */
static inline bool sentimentp_filter_has(const uint64_t *filter, uint32_t hash)
{
    unsigned bit = SENTIMENTP_FILTER_BIT(hash);
    return (filter[bit / 64] >> (bit % 64)) & 1;
}

static inline bool sentimentp_lexicon_may_hold(const sentimentp_lexicon *lex,
                                               uint32_t hash)
{
    return sentimentp_filter_has(lex->filter, hash);
}

/*
 * The same for an ASCII word in any case; `hash` and `head` are those of
 * its lowercase (sentimentp_hash_folded()).
 */
int32_t sentimentp_lexicon_find_folded(const sentimentp_lexicon *lex,
                                       const char *s, size_t len, uint32_t hash,
                                       uint64_t head);

/* The built-in tables, generated at build time from data/en-sentiment.xml. */
extern const sentimentp_lexicon sentimentp_builtin_py312;
extern const sentimentp_lexicon sentimentp_builtin_py311;
extern const char sentimentp_builtin_version[];
/* sentimentp_hash() of each one-byte token, from the same generator. */
extern const uint32_t sentimentp_byte_hash[256];

/*
 * The lexicon builder: collects <word> elements in document order and
 * resolves them as TextBlob's en.Sentiment.load() does (lib/README.md,
 * "The lexicon").
 * Used both at run time (XML files) and by the build-time table generator.
 */
typedef struct sentimentp_builder sentimentp_builder;

sentimentp_builder *sentimentp_builder_new(void);
void sentimentp_builder_free(sentimentp_builder *b);
/* `pos` is NULL when the attribute is absent, which TextBlob keys as None. */
int sentimentp_builder_add(sentimentp_builder *b, const char *form,
                           const char *pos, double polarity,
                           double subjectivity, double intensity,
                           const char *label);
/*
 * Resolves into one heap block owned by *owned (free() it); `plain_sum`
 * selects CPython <= 3.11 summation, else CPython >= 3.12 (Neumaier).
 */
int sentimentp_builder_resolve(sentimentp_builder *b, bool plain_sum,
                               sentimentp_lexicon *out, void **owned);

/* Parses Pattern's XML format with expat into a builder. */
int sentimentp_xml_load(sentimentp_builder *b, const char *xml, size_t len,
                        unsigned long *error_line);
int sentimentp_xml_load_file(sentimentp_builder *b, const char *path,
                             unsigned long *error_line);

/* Python float() of an attribute value, read in the "C" locale `c`. */
bool sentimentp_parse_double(const char *s, locale_t c, double *out);

/* ---------------------------------------------------------------- emoticons */

typedef struct sentimentp_emoticon {
    const char *text; /* as written in TextBlob's table (case matters) */
    uint8_t length;   /* in bytes */
    uint8_t category; /* index into sentimentp_emoticon_polarity */
} sentimentp_emoticon;

/* In regex alternation order, grouped by first byte (see emoticons.c). */
extern const sentimentp_emoticon sentimentp_emoticons[];
extern const size_t sentimentp_emoticon_count;
extern const uint8_t sentimentp_emoticon_first[256][2]; /* [begin, end) */
extern const char *const sentimentp_emoticon_second[256];
/*
 * For each byte, the bytes that can follow it across a space inside one
 * match of the rejoining regexes (an emoticon or "(!)"), or NULL. Where no
 * pair of adjacent tokens has such bytes at their facing ends, the regexes
 * leave the sentence as it is.
 */
extern const char *const sentimentp_join_next[256];

extern const bool sentimentp_unsure_after_letter[256];

/* Whether byte `next` may follow byte `last` across a joining space. */
static inline bool sentimentp_joins(unsigned char last, unsigned char next)
{
    const char *set = sentimentp_join_next[last];
    if (!set || next == '\0')
        return false;
    /* the sets are a few bytes long: a loop beats a call to strchr() */
    for (; *set; set++)
        if ((unsigned char)*set == next)
            return true;
    return false;
}
extern const double sentimentp_emoticon_polarity[];
/* Polarity of a lowercased token if it is an emoticon that counts. */
bool sentimentp_emoticon_lookup(const char *word, size_t len, double *polarity);

/* ---------------------------------------------------------------- scoring */

/*
 * The scorer keeps TextBlob's assessment list in O(1) space: only the last
 * entry can still change (a modifier merge, a negation or a '!' always acts
 * on a[-1]), so each earlier entry is added to the running sums, and
 * reported to the callback, as soon as a new entry is appended. The sums
 * therefore run in TextBlob's left-to-right order.
 */
typedef struct sentimentp_scorer {
    const sentimentp_lexicon *lex;
    sentiment_assessment_fn fn;
    void *user;

    double sum_polarity;
    double sum_subjectivity;
    size_t count;

    bool has_last;
    bool last_negated;
    double last_polarity;
    double last_subjectivity;
    double last_intensity;
    const char *last_label;

    bool modifier_pending;
    bool modifier_ends_in_ly;
    const char *negation; /* pending negation word, or NULL */

    sentimentp_buf lowered;  /* the current word after str.lower() */
    sentimentp_buf words;    /* words of the last entry, NUL-separated */
    sentimentp_buf pointers; /* char * array handed to the callback */
    int error;
} sentimentp_scorer;

/*
 * Field by field, inline: a call costs more than scoring a short text, and
 * a designated initializer makes gcc clear the whole 184-byte struct with
 * "rep stosq" first (23 more branches per text under cachegrind's count,
 * for fields that are all stored again).
 */
static inline void sentimentp_scorer_init(sentimentp_scorer *sc,
                                          const sentimentp_lexicon *lex,
                                          sentiment_assessment_fn fn,
                                          void *user)
{
    sc->lex = lex;
    sc->fn = fn;
    sc->user = user;
    sc->sum_polarity = 0.0;
    sc->sum_subjectivity = 0.0;
    sc->count = 0;
    sc->has_last = false;
    sc->last_negated = false;
    sc->last_polarity = 0.0;
    sc->last_subjectivity = 0.0;
    sc->last_intensity = 1.0;
    sc->last_label = NULL;
    sc->modifier_pending = false;
    sc->modifier_ends_in_ly = false;
    sc->negation = NULL;
    sentimentp_buf_init(&sc->lowered, NULL, 0);
    sentimentp_buf_init(&sc->words, NULL, 0);
    sentimentp_buf_init(&sc->pointers, NULL, 0);
    sc->error = SENTIMENT_OK;
}

static inline void sentimentp_scorer_free(sentimentp_scorer *sc)
{
    sentimentp_buf_free(&sc->lowered);
    sentimentp_buf_free(&sc->words);
    sentimentp_buf_free(&sc->pointers);
}

/*
 * A token; it points into the text. `index` is its lexicon entry (or -1)
 * when the tokenizer has already looked it up, which it does for words of
 * ASCII letters only; otherwise SENTIMENTP_NOT_LOOKED_UP.
 */
typedef struct sentimentp_token {
    const char *text;
    size_t length;
    int32_t index;
    bool ascii;
} sentimentp_token;

#define SENTIMENTP_NOT_LOOKED_UP INT32_MIN

/* The scorer's entry points in score.c; score-inline.h has those of the
 * tokenizer's fast path. */

/* Scores one word (original case); `ascii` says it has no byte >= 0x80. */
void sentimentp_scorer_word(sentimentp_scorer *sc, const char *word, size_t len,
                            bool ascii);
/* Scores a word of ASCII letters that sentimentp_scorer_skip_unknown()
 * left, with its lexicon index (or -1). */
void sentimentp_scorer_letters_full(sentimentp_scorer *sc, const char *word,
                                    size_t len, int32_t index);
/* Closes the last entry; returns 0 or an error code. */
int sentimentp_scorer_finish(sentimentp_scorer *sc, double *polarity,
                             double *subjectivity);

/* TextBlob's English negations, the one list of them ("no", "not",
 * "n't", "never"). */
typedef struct sentimentp_negation {
    const char *text;
    size_t length;
} sentimentp_negation;

#define SENTIMENTP_NEGATION_COUNT 4
extern const sentimentp_negation
    sentimentp_negations[SENTIMENTP_NEGATION_COUNT];

typedef struct sentimentp_pipeline {
    sentimentp_buf group;  /* held tokens a rejoining regex may merge */
    sentimentp_buf joined; /* their text joined by spaces, for rejoining */
    sentimentp_buf tail;   /* trailing punctuation pieces of a token */
    bool continuing;       /* inside the run of tokens after . ! ? ... */
    bool check_utf8;       /* the text was not validated beforehand */
    int error;
    sentimentp_scorer scorer;
} sentimentp_pipeline;

/* The token TextBlob puts for two line breaks, and its length. */
#define SENTIMENTP_EOS "END-OF-SENTENCE"
#define SENTIMENTP_EOS_LENGTH (sizeof(SENTIMENTP_EOS) - 1)

/* Tokenizes valid UTF-8 text (T1-T7), passing each token to sentimentp_emit. */
void sentimentp_tokenize(sentimentp_pipeline *p, const char *text, size_t len);
/* Sentence grouping (T8) and holding tokens for the rejoining (sentence.c). */
void sentimentp_emit(sentimentp_pipeline *p, const sentimentp_token *t);
/* The text has ended: scores the tokens still held. */
void sentimentp_emit_end(sentimentp_pipeline *p);
/* A token that never continues a sentence has come: the sentence ends. */
void sentimentp_end_sentence(sentimentp_pipeline *p);

/* Runs both rejoining regexes over tokens of one sentence and scores the
 * words that result (rejoin.c). */
void sentimentp_rejoin(sentimentp_pipeline *p, const sentimentp_token *tok,
                       size_t count);

/*
 * Runs TextBlob's whole pipeline (tokenizer, sentence rejoining, scoring)
 * over UTF-8 text. With `check_utf8` the text may be invalid: the scan
 * then checks each non-ASCII sequence it meets and returns
 * SENTIMENT_E_UTF8 at the first bad one, which is only safe without a
 * callback (nothing has been reported yet that a retry would repeat).
 */
int sentimentp_analyze(const sentimentp_lexicon *lex, const char *text,
                       size_t len, bool check_utf8, sentiment_assessment_fn fn,
                       void *user, double *polarity, double *subjectivity);

#endif /* SENTIMENT_PRIVATE_H */
