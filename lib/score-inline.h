/*
 * The scorer's entry points for the tokenizer's fast path, inline: the word
 * loop calls them for nearly every word, and a call costs more than what
 * most of them do. The rest of the scorer is in score.c.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#ifndef SENTIMENT_SCORE_INLINE_H
#define SENTIMENT_SCORE_INLINE_H

#include "private.h"

/*
 * The rule "an unknown word forgets" (lib/README.md): a word that is not in
 * the lexicon and is no negation clears a pending negation if it is longer
 * than one character once stripped of its apostrophes (`bare`), and a
 * pending modifier if it is longer than two (`cps`). Masks rather than
 * branches: word lengths are not predictable.
 */
static inline void sentimentp_unknown_word_forgets(sentimentp_scorer *sc,
                                                   size_t bare, size_t cps)
{
    sc->negation = (const char *)((uintptr_t)sc->negation &
                                  (uintptr_t) - (bare < 2));
    sc->modifier_pending = sc->modifier_pending & (cps <= 2);
}

/*
 * For a word of letters (given its first letter and length), the
 * unknown-word rule is all there is unless it may be a negation, or it is
 * a single letter while a negation and an -ly modifier may both be pending
 * (it leaves the negation to the modifier). The tokenizer's word loop
 * calls it for nearly every word.
 */
static inline bool sentimentp_scorer_skip_unknown(sentimentp_scorer *sc,
                                                  unsigned char first,
                                                  size_t len)
{
    /* the lengths of the negations that start with n (sentimentp_negations;
     * test-swar.c checks that each is let through) */
    bool may_negate = (first | 0x20) == 'n' && len < 8 && ((0x2cu >> len) & 1);
    bool both_pending = sc->negation && sc->modifier_pending;
    if (may_negate || (both_pending && len == 1))
        return false;
    sentimentp_unknown_word_forgets(sc, len, len);
    return true;
}

static inline void sentimentp_scorer_letters(sentimentp_scorer *sc,
                                             const char *word, size_t len,
                                             int32_t index)
{
    if (!(index < 0 &&
          sentimentp_scorer_skip_unknown(sc, (unsigned char)word[0], len)))
        sentimentp_scorer_letters_full(sc, word, len, index);
}

/*
 * A token of one ASCII byte that is not a letter and not in the lexicon
 * changes nothing, unless it is "!" or a negation is pending after a
 * modifier (see unknown_word()); one in eight words of prose has a mark
 * after it.
 */
static inline void sentimentp_scorer_mark(sentimentp_scorer *sc,
                                          const char *mark)
{
    if (*mark == '!' || (sc->negation && sc->modifier_pending) ||
        sentimentp_lexicon_may_hold(sc->lex,
                                    sentimentp_byte_hash[(unsigned char)*mark]))
        sentimentp_scorer_word(sc, mark, 1, true);
}

static inline void sentimentp_scorer_token(sentimentp_scorer *sc,
                                           const sentimentp_token *t)
{
    unsigned char first = (unsigned char)t->text[0];
    if (t->length == 1 && first < 0x80 &&
        (unsigned)((first | 0x20) - 'a') >= 26u)
        sentimentp_scorer_mark(sc, t->text);
    else if (t->index == SENTIMENTP_NOT_LOOKED_UP)
        sentimentp_scorer_word(sc, t->text, t->length, t->ascii);
    else
        sentimentp_scorer_letters(sc, t->text, t->length, t->index);
}

#endif /* SENTIMENT_SCORE_INLINE_H */
