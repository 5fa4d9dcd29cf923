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
#include "swar.h"

uint32_t sentimentp_hash(const char *s, size_t len)
{
    uint64_t head;
    return sentimentp_hash_folded(s, len, &head);
}

void sentimentp_filter_add(uint64_t *filter, uint32_t hash)
{
    unsigned bit = SENTIMENTP_FILTER_BIT(hash);
    filter[bit / 64] |= UINT64_C(1) << (bit % 64);
}

static bool equals_folded(const char *form, const char *s, size_t len)
{
    for (size_t k = 0; k < len; k++)
        if ((unsigned char)form[k] !=
            sentimentp_ascii_lower((unsigned char)s[k]))
            return false;
    return true;
}

/*
 * Linear probing from the hash's slot. A slot's head holds its form's first
 * eight bytes as they are, so most comparisons end there without touching
 * the strings; `head` is the key's first chunk in the same terms (lowercased
 * for a folded lookup, so that a form with a capital never matches, as in
 * TextBlob, which looks up lowercased words only).
 */
static int32_t probe(const sentimentp_lexicon *lex, const char *s, size_t len,
                     uint32_t hash, uint64_t head, bool folded)
{
    if (len > lex->max_form_length || len == 0 ||
        !sentimentp_lexicon_may_hold(lex, hash))
        return -1;
    uint32_t mask = lex->n_slots - 1;
    for (uint32_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const sentimentp_slot *e = &lex->slots[slot];
        if (e->length == 0)
            return -1;
        if (e->head != head || e->length != len)
            continue;
        if (len <= 8)
            return (int32_t)e->form;
        const char *rest = lex->strings + lex->forms[e->form].offset + 8;
        if (folded ? equals_folded(rest, s + 8, len - 8)
                   : memcmp(rest, s + 8, len - 8) == 0)
            return (int32_t)e->form;
    }
}

int32_t sentimentp_lexicon_find_folded(const sentimentp_lexicon *lex,
                                       const char *s, size_t len, uint32_t hash,
                                       uint64_t head)
{
    return probe(lex, s, len, hash, head, true);
}

int32_t sentimentp_lexicon_find(const sentimentp_lexicon *lex, const char *s,
                                size_t len)
{
    uint64_t folded_head;
    uint32_t hash = sentimentp_hash_folded(s, len, &folded_head);
    uint64_t head = len ? sentimentp_load_chunk((const unsigned char *)s, len)
                        : 0;
    return probe(lex, s, len, hash, head, false);
}
