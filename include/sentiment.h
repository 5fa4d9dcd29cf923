/*
 * libsentiment - TextBlob-exact sentiment scoring for English text.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

/**
 * @file sentiment.h
 * The whole public API of libsentiment.
 *
 * libsentiment scores the polarity and subjectivity of English text with the
 * lexicon and rules of TextBlob's default analyzer (PatternAnalyzer) and
 * returns the same doubles as TextBlob, bit for bit.
 *
 * The simplest use is the one-shot call:
 *
 * @code
 * double polarity, subjectivity;
 * if (sentiment_score("I love it", 9, &polarity, &subjectivity) == 0)
 *     ...;
 * @endcode
 *
 * Programs that need options (Python 3.11 compatibility, strict UTF-8, a
 * lexicon file) or the per-word assessments create a ::sentiment_analyzer
 * once and use it from any number of threads.
 *
 * Conventions:
 * - Functions that can fail return an `int`: 0 on success or a negative
 *   `SENTIMENT_E_*` code (see ::sentiment_error and sentiment_strerror()).
 * - Text is UTF-8, passed as a pointer and a length in bytes; it need not be
 *   NUL-terminated and may contain NUL bytes.
 * - The library never aborts, never prints and keeps no global mutable state.
 */

#ifndef SENTIMENT_H
#define SENTIMENT_H

#include <stddef.h>

#include "sentiment-version.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @cond INTERNAL */
#if defined(_WIN32) && !defined(SENTIMENT_STATIC)
#ifdef SENTIMENT_BUILDING
#define SENTIMENT_EXPORT __declspec(dllexport)
#else
#define SENTIMENT_EXPORT __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define SENTIMENT_EXPORT __attribute__((visibility("default")))
#else
#define SENTIMENT_EXPORT
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define SENTIMENT_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define SENTIMENT_WARN_UNUSED
#endif
/** @endcond */

/**
 * Error codes. Every failing call returns one of these negative values;
 * success is ::SENTIMENT_OK (0). The numbers are part of the ABI.
 *
 * @since 1.0.0
 */
enum sentiment_error {
    /** Success. @since 1.0.0 */
    SENTIMENT_OK = 0,
    /** Memory could not be allocated. @since 1.0.0 */
    SENTIMENT_E_NOMEM = -1,
    /** An argument is invalid: a NULL pointer where one is not allowed,
     *  or an unknown flag bit. @since 1.0.0 */
    SENTIMENT_E_INVALID = -2,
    /** The text is not valid UTF-8 (only with ::SENTIMENT_STRICT_UTF8).
     *  @since 1.0.0 */
    SENTIMENT_E_UTF8 = -3,
    /** A lexicon file could not be opened or read. @since 1.0.0 */
    SENTIMENT_E_IO = -4,
    /** A lexicon file is not well-formed XML. @since 1.0.0 */
    SENTIMENT_E_XML = -5,
    /** A lexicon file is well-formed XML but a `<word>` element has a value
     *  that is not a number where a number is required. @since 1.0.0 */
    SENTIMENT_E_LEXICON = -6,
    /** The assessment callback returned non-zero and scoring stopped.
     *  @since 1.0.0 */
    SENTIMENT_E_ABORTED = -7,
    /** An output buffer is too small. @since 1.0.0 */
    SENTIMENT_E_RANGE = -8
};

/**
 * Analyzer options, combined with bitwise OR. Unknown bits are rejected with
 * ::SENTIMENT_E_INVALID.
 *
 * @since 1.0.0
 */
enum sentiment_flag {
    /** Reproduce TextBlob running on CPython 3.11 or older, whose built-in
     *  `sum()` adds floats without compensation when the lexicon's word
     *  senses are averaged. The default reproduces CPython 3.12 and newer.
     *  30 of the 2,860 built-in entries differ in their last bits.
     *  @since 1.0.0 */
    SENTIMENT_COMPAT_PY311 = 1u << 0,
    /** Reject text that is not valid UTF-8 with ::SENTIMENT_E_UTF8. By
     *  default each invalid sequence is read as U+FFFD, exactly as Python's
     *  `bytes.decode("utf-8", errors="replace")` does. @since 1.0.0 */
    SENTIMENT_STRICT_UTF8 = 1u << 1
};

/**
 * An analyzer: a resolved lexicon plus options.
 *
 * An analyzer is immutable once created. Any number of threads may score
 * with the same analyzer at the same time without locking; only
 * sentiment_analyzer_free() must not race with its use.
 *
 * @since 1.0.0
 */
typedef struct sentiment_analyzer sentiment_analyzer;

/**
 * Create an analyzer on the built-in lexicon (TextBlob's en-sentiment.xml,
 * compiled into the library). Nothing is read or parsed at run time.
 *
 * @param[in]  flags  ::sentiment_flag bits, or 0.
 * @param[out] out    Receives the new analyzer; set to NULL on failure.
 * @returns 0, ::SENTIMENT_E_INVALID or ::SENTIMENT_E_NOMEM.
 * @since 1.0.0
 */
SENTIMENT_EXPORT SENTIMENT_WARN_UNUSED int
sentiment_analyzer_new(unsigned flags, sentiment_analyzer **out);

/**
 * Create an analyzer from a lexicon file in Pattern's XML format
 * (`<word form="…" pos="…" polarity="…" subjectivity="…" intensity="…"/>`
 * elements under one root), resolved as TextBlob resolves its own lexicon:
 * senses averaged per part of speech, parts of speech averaged, `-ly`
 * adverbs derived from adjectives.
 *
 * @param[in]  path        File name.
 * @param[in]  flags       ::sentiment_flag bits, or 0.
 * @param[out] out         Receives the new analyzer; set to NULL on failure.
 * @param[out] error_line  If not NULL, receives the 1-based line of the
 *                         error for ::SENTIMENT_E_XML and
 *                         ::SENTIMENT_E_LEXICON, else 0.
 * @returns 0, ::SENTIMENT_E_INVALID, ::SENTIMENT_E_NOMEM, ::SENTIMENT_E_IO,
 *          ::SENTIMENT_E_XML or ::SENTIMENT_E_LEXICON.
 * @since 1.0.0
 */
SENTIMENT_EXPORT SENTIMENT_WARN_UNUSED int
sentiment_analyzer_new_from_file(const char *path, unsigned flags,
                                 sentiment_analyzer **out,
                                 unsigned long *error_line);

/**
 * Create an analyzer from a lexicon held in memory, in the format that
 * sentiment_analyzer_new_from_file() reads.
 *
 * @param[in]  xml         The XML document (need not be NUL-terminated).
 * @param[in]  len         Its length in bytes.
 * @param[in]  flags       ::sentiment_flag bits, or 0.
 * @param[out] out         Receives the new analyzer; set to NULL on failure.
 * @param[out] error_line  As for sentiment_analyzer_new_from_file().
 * @returns 0, ::SENTIMENT_E_INVALID, ::SENTIMENT_E_NOMEM, ::SENTIMENT_E_XML
 *          or ::SENTIMENT_E_LEXICON.
 * @since 1.0.0
 */
SENTIMENT_EXPORT SENTIMENT_WARN_UNUSED int
sentiment_analyzer_new_from_buffer(const char *xml, size_t len, unsigned flags,
                                   sentiment_analyzer **out,
                                   unsigned long *error_line);

/**
 * Free an analyzer. Does nothing if @p analyzer is NULL.
 *
 * @since 1.0.0
 */
SENTIMENT_EXPORT void sentiment_analyzer_free(sentiment_analyzer *analyzer);

/**
 * The flags an analyzer was created with.
 *
 * @returns The ::sentiment_flag bits, or 0 if @p analyzer is NULL.
 * @since 1.0.0
 */
SENTIMENT_EXPORT unsigned
sentiment_analyzer_flags(const sentiment_analyzer *analyzer);

/**
 * The number of word forms in an analyzer's resolved lexicon (2,860 for the
 * built-in one: 1,528 forms of the XML plus 1,332 derived `-ly` adverbs).
 *
 * @returns The count, or 0 if @p analyzer is NULL.
 * @since 1.0.0
 */
SENTIMENT_EXPORT size_t
sentiment_analyzer_lexicon_size(const sentiment_analyzer *analyzer);

/**
 * Score a text: TextBlob's `TextBlob(text).sentiment`.
 *
 * Polarity is in [-1.0, 1.0], subjectivity in [0.0, 1.0]; a text without
 * any known word scores (0.0, 0.0). The whole text is one scoring run, as in
 * TextBlob: a negation or modifier carries across sentence ends.
 *
 * @param[in]  analyzer      The analyzer.
 * @param[in]  text          UTF-8 text; may be NULL if @p len is 0.
 * @param[in]  len           Length of @p text in bytes.
 * @param[out] polarity      Receives the polarity; may be NULL.
 * @param[out] subjectivity  Receives the subjectivity; may be NULL.
 * @returns 0, ::SENTIMENT_E_INVALID, ::SENTIMENT_E_NOMEM or
 *          ::SENTIMENT_E_UTF8. On failure the outputs are left untouched.
 * @since 1.0.0
 */
SENTIMENT_EXPORT int
sentiment_analyzer_score(const sentiment_analyzer *analyzer, const char *text,
                         size_t len, double *polarity, double *subjectivity);

/**
 * Receives one assessment: TextBlob's `(words, polarity, subjectivity,
 * label)` tuple from `sentiment_assessments.assessments`.
 *
 * @param user          The pointer given to sentiment_analyzer_assess().
 * @param words         The lowercased words of the assessment, in order
 *                      (e.g. `not`, `very`, `good`, `!`), each
 *                      NUL-terminated. Valid only during the call.
 * @param n_words       The number of words (at least 1).
 * @param polarity      The assessment's polarity (after negation).
 * @param subjectivity  The assessment's subjectivity.
 * @param label         `"mood"` (emoticons), `"irony"` (`(!)`), a label of
 *                      the lexicon (the built-in one has `"profanity"`), or
 *                      NULL.
 * @returns 0 to go on, non-zero to stop (the scoring call then returns
 *          ::SENTIMENT_E_ABORTED).
 * @since 1.0.0
 */
typedef int (*sentiment_assessment_fn)(void *user, const char *const *words,
                                       size_t n_words, double polarity,
                                       double subjectivity, const char *label);

/**
 * Score a text and report its assessments, in TextBlob's order, to @p fn.
 * The polarity and subjectivity are those of sentiment_analyzer_score().
 *
 * @param[in]  analyzer      The analyzer.
 * @param[in]  text          UTF-8 text; may be NULL if @p len is 0.
 * @param[in]  len           Length of @p text in bytes.
 * @param[out] polarity      Receives the polarity; may be NULL.
 * @param[out] subjectivity  Receives the subjectivity; may be NULL.
 * @param[in]  fn            Called once per assessment; may be NULL.
 * @param[in]  user          Passed to @p fn.
 * @returns 0, ::SENTIMENT_E_INVALID, ::SENTIMENT_E_NOMEM,
 *          ::SENTIMENT_E_UTF8 or ::SENTIMENT_E_ABORTED.
 * @since 1.0.0
 */
SENTIMENT_EXPORT int
sentiment_analyzer_assess(const sentiment_analyzer *analyzer, const char *text,
                          size_t len, double *polarity, double *subjectivity,
                          sentiment_assessment_fn fn, void *user);

/**
 * One-shot scoring with the built-in lexicon and default options
 * (CPython >= 3.12 behaviour, invalid UTF-8 read as U+FFFD). Needs no
 * analyzer. It allocates only where its stack buffers fall short: a
 * repaired copy of text with invalid UTF-8, a word with a non-ASCII byte
 * longer than 85 bytes, more than 32 marks peeled off one token, or more
 * than 32 tokens (or 1 KiB) in a row that an emoticon could join.
 *
 * @param[in]  text          UTF-8 text; may be NULL if @p len is 0.
 * @param[in]  len           Length of @p text in bytes.
 * @param[out] polarity      Receives the polarity; may be NULL.
 * @param[out] subjectivity  Receives the subjectivity; may be NULL.
 * @returns 0, ::SENTIMENT_E_INVALID or ::SENTIMENT_E_NOMEM.
 * @since 1.0.0
 */
SENTIMENT_EXPORT int sentiment_score(const char *text, size_t len,
                                     double *polarity, double *subjectivity);

/**
 * Receives one sentence of a text, as sentiment_analyzer_sentences() finds
 * it: TextBlob's `TextBlob(text).sentences[i]` and its `.sentiment`.
 *
 * @param user          The pointer given to sentiment_analyzer_sentences().
 * @param start         Offset of the sentence's first byte in the caller's
 *                      text (the first sentence keeps any leading white
 *                      space, as TextBlob's does).
 * @param end           Offset just past its last byte; `start < end`.
 * @param polarity      The sentence's polarity, scored alone: equal to
 *                      sentiment_analyzer_score() on `text + start`,
 *                      `end - start` bytes.
 * @param subjectivity  The sentence's subjectivity, likewise.
 * @returns 0 to go on, non-zero to stop (sentiment_analyzer_sentences()
 *          then returns ::SENTIMENT_E_ABORTED).
 * @since 1.1.0
 */
typedef int (*sentiment_sentence_fn)(void *user, size_t start, size_t end,
                                     double polarity, double subjectivity);

/**
 * Split a text into sentences exactly as TextBlob does (NLTK's Punkt
 * sentence tokenizer with its pretrained English model, compiled into the
 * library) and score each one alone, reporting them in order to @p fn.
 *
 * This is `[(s.start, s.end, s.sentiment) for s in TextBlob(text).sentences]`,
 * with byte offsets into @p text. Empty text and text of white space only
 * have no sentence: @p fn is not called and the call returns 0. Invalid
 * UTF-8 is read as U+FFFD, as by sentiment_analyzer_score() (or rejected
 * with ::SENTIMENT_STRICT_UTF8 before @p fn is called); the offsets are
 * still those of the caller's bytes, and never split a sequence.
 *
 * Unicode properties (white space, letters, digits, case) are those of
 * CPython 3.12 (Unicode 15) in both modes; CPython 3.11 (Unicode 14) differs
 * only on five modifier letters and on the code points new in Unicode 15.
 *
 * The split runs in one pass, in time linear in @p len, and needs memory
 * independent of the number of sentences: it allocates nothing itself;
 * scoring a sentence allocates as sentiment_analyzer_score() does (for a
 * long sentence, or one with invalid UTF-8). If that fails, or @p fn
 * returns non-zero, the call stops there and returns the error: the
 * sentences before have been reported.
 *
 * @param[in]  analyzer  The analyzer (its lexicon and flags score each
 *                       sentence).
 * @param[in]  text      UTF-8 text; may be NULL if @p len is 0.
 * @param[in]  len       Length of @p text in bytes.
 * @param[in]  fn        Called once per sentence, in order.
 * @param[in]  user      Passed to @p fn.
 * @returns 0, ::SENTIMENT_E_INVALID (NULL @p analyzer or @p fn),
 *          ::SENTIMENT_E_NOMEM, ::SENTIMENT_E_UTF8 or ::SENTIMENT_E_ABORTED.
 * @since 1.1.0
 */
SENTIMENT_EXPORT int
sentiment_analyzer_sentences(const sentiment_analyzer *analyzer,
                             const char *text, size_t len,
                             sentiment_sentence_fn fn, void *user);

/**
 * Check that a text is valid UTF-8 (Unicode's well-formed byte sequences:
 * no overlong forms, no surrogates, nothing above U+10FFFF).
 *
 * @param[in]  text        The bytes; may be NULL if @p len is 0.
 * @param[in]  len         Their number.
 * @param[out] bad_offset  If not NULL, receives the offset of the first
 *                         byte of the first invalid sequence, or @p len.
 * @returns 0, ::SENTIMENT_E_UTF8 or ::SENTIMENT_E_INVALID.
 * @since 1.0.0
 */
SENTIMENT_EXPORT int sentiment_utf8_validate(const char *text, size_t len,
                                             size_t *bad_offset);

/**
 * Copy a text, replacing each invalid UTF-8 sequence by U+FFFD exactly as
 * Python's `bytes.decode("utf-8", errors="replace")` does (one U+FFFD per
 * maximal invalid subpart). This is how scoring reads invalid text unless
 * ::SENTIMENT_STRICT_UTF8 is set.
 *
 * Like snprintf(), it writes at most @p out_size bytes (no NUL is added)
 * and returns the length the whole result needs, which is at most
 * `3 * len`; the output is complete iff the result is <= @p out_size.
 *
 * @param[in]  text      The bytes; may be NULL if @p len is 0.
 * @param[in]  len       Their number.
 * @param[out] out       Receives the repaired text; may be NULL if
 *                       @p out_size is 0.
 * @param[in]  out_size  Size of @p out.
 * @returns The length of the repaired text.
 * @since 1.0.0
 */
SENTIMENT_EXPORT size_t sentiment_utf8_repair(const char *text, size_t len,
                                              char *out, size_t out_size);

/**
 * A buffer of this many bytes holds any double formatted by
 * sentiment_format_double(), with its terminating NUL.
 *
 * @since 1.0.0
 */
#define SENTIMENT_FORMAT_BUFSIZE 32

/**
 * Format a double exactly as Python's `repr()` does: the shortest decimal
 * string that reads back to the same double (`0.625`, `-0.35`,
 * `5.551115123125783e-17`, `0.0`, `-0.0`, `1e+16`, `inf`, `nan`).
 *
 * @param[in]  value  The number.
 * @param[out] buf    Receives the NUL-terminated string.
 * @param[in]  size   Size of @p buf; ::SENTIMENT_FORMAT_BUFSIZE always
 *                    suffices.
 * @returns The length of the string (without the NUL), or
 *          ::SENTIMENT_E_INVALID if @p buf is NULL, or ::SENTIMENT_E_RANGE
 *          if @p size is too small (then @p buf holds an empty string if
 *          @p size is at least 1).
 * @since 1.0.0
 */
SENTIMENT_EXPORT int sentiment_format_double(double value, char *buf,
                                             size_t size);

/**
 * A short English description of an error code, e.g. "out of memory".
 *
 * @returns A static string; never NULL (unknown codes get a generic text).
 * @since 1.0.0
 */
SENTIMENT_EXPORT const char *sentiment_strerror(int code);

/**
 * The version of the library at run time, e.g. "1.1.0". Compare with
 * ::SENTIMENT_VERSION_STRING to detect a header/library mismatch.
 *
 * @since 1.0.0
 */
SENTIMENT_EXPORT const char *sentiment_version_string(void);

/**
 * The version of the library at run time as a number,
 * `(major << 16) | (minor << 8) | micro`, like ::SENTIMENT_VERSION_HEX.
 *
 * @since 1.0.0
 */
SENTIMENT_EXPORT unsigned long sentiment_version(void);

/**
 * Which lexicon is built in and which TextBlob it reproduces, e.g.
 * "en-sentiment.xml (540708 bytes, 2860 forms), as in TextBlob 0.18".
 *
 * @since 1.0.0
 */
SENTIMENT_EXPORT const char *sentiment_lexicon_version(void);

#ifdef __cplusplus
}
#endif

#endif /* SENTIMENT_H */
