/*
 * Lexicon lookup: an open-addressing hash index over the resolved forms.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * The same hash places the forms of the built-in table at build time (the
 * generator links this file) and of a lexicon loaded at run time.
 */

#include <string.h>

#include "private.h"

/* FNV-1a: short ASCII keys, good spread, no table needed. */
uint32_t sentimentp_hash(const char *s, size_t len)
{
    uint32_t h = SENTIMENTP_HASH_INIT;
    for (size_t k = 0; k < len; k++)
        h = SENTIMENTP_HASH_STEP(h, (unsigned char)s[k]);
    return h;
}

static unsigned filter_bit(uint32_t hash)
{
    return hash >> 16;
}

void sentimentp_filter_add(uint64_t *filter, uint32_t hash)
{
    unsigned bit = filter_bit(hash);
    filter[bit / 64] |= UINT64_C(1) << (bit % 64);
}

static bool may_hold(const sentimentp_lexicon *lex, uint32_t hash)
{
    unsigned bit = filter_bit(hash);
    return (lex->filter[bit / 64] >> (bit % 64)) & 1;
}

static bool equals_folded(const char *form, const char *s, size_t len)
{
    for (size_t k = 0; k < len; k++)
        if ((unsigned char)form[k] != sentimentp_ascii_lower((unsigned char)s[k]))
            return false;
    return true;
}

/* Linear probing from the hash's slot; `folded` compares s lowercased. */
static int32_t probe(const sentimentp_lexicon *lex, const char *s, size_t len,
                     uint32_t hash, bool folded)
{
    if (len > lex->max_form_length || len == 0 || !may_hold(lex, hash))
        return -1;
    uint32_t mask = lex->n_slots - 1;
    for (uint32_t slot = hash & mask;; slot = (slot + 1) & mask) {
        uint32_t entry = lex->slots[slot];
        if (entry == 0)
            return -1;
        const sentimentp_form *f = &lex->forms[entry - 1];
        const char *form = lex->strings + f->offset;
        if (f->length == len && (folded ? equals_folded(form, s, len)
                                        : memcmp(form, s, len) == 0))
            return (int32_t)(entry - 1);
    }
}

int32_t sentimentp_lexicon_find(const sentimentp_lexicon *lex, const char *s,
                                size_t len)
{
    if (len > lex->max_form_length || len == 0)
        return -1;
    return probe(lex, s, len, sentimentp_hash(s, len), false);
}

int32_t sentimentp_lexicon_find_folded(const sentimentp_lexicon *lex,
                                       const char *s, size_t len, uint32_t hash)
{
    return probe(lex, s, len, hash, true);
}
