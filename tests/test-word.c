/*
 * The tokenizer's eight-bytes-at-a-time helpers (lib/word.h) against their
 * byte-at-a-time definitions, and the table of bytes the rejoining regexes
 * can join across a space against the emoticon table it is derived from.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <ctype.h>
#include <string.h>

#include <cmocka.h>

#include "private.h"
#include "word.h"

static bool is_letter(unsigned c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Every byte value in every position of a chunk, next to every other. */
static void letters_and_fold_per_byte(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 256; c++) {
        for (unsigned other = 0; other < 256; other += 17) {
            for (unsigned at = 0; at < 8; at++) {
                unsigned char bytes[8];
                memset(bytes, (int)other, sizeof bytes);
                bytes[at] = (unsigned char)c;
                uint64_t w = sentimentp_load8(bytes);
                uint64_t letters = sentimentp_letters(w);
                uint64_t folded = sentimentp_fold(w);
                for (unsigned k = 0; k < 8; k++) {
                    unsigned byte = bytes[k];
                    bool want = is_letter(byte);
                    assert_int_equal((letters >> (8 * k + 7)) & 1, want);
                    assert_int_equal((folded >> (8 * k)) & 0xff,
                                     sentimentp_ascii_lower((unsigned char)byte));
                }
            }
        }
    }
}

#ifdef SENTIMENTP_HAVE_NONLETTERS16
static void nonletters16_per_byte(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 256; c++) {
        for (unsigned at = 0; at < 16; at++) {
            unsigned char bytes[16];
            memset(bytes, 'q', sizeof bytes);
            bytes[at] = (unsigned char)c;
            unsigned want = is_letter(c) ? 0 : 1u << at;
            uint64_t folded;
            assert_int_equal(sentimentp_nonletters16(bytes, &folded), want);
            assert_int_equal(folded, sentimentp_load8(bytes) | SENTIMENTP_ONES * 0x20);
        }
    }
}
#endif

static void loads_are_little_endian_values(void **state)
{
    (void)state;
    const unsigned char s[9] = "abcdefgh";
    assert_int_equal(sentimentp_load8(s), UINT64_C(0x6867666564636261));
    assert_int_equal(sentimentp_load_partial(s, 3), UINT64_C(0x636261));
    assert_int_equal(sentimentp_load_partial(s, 0), 0);
    assert_int_equal(sentimentp_load_chunk(s, 8), sentimentp_load8(s));
    assert_int_equal(sentimentp_first_byte(UINT64_C(0x80) << 40), 5);
    assert_int_equal(sentimentp_low_bytes(~UINT64_C(0), 8), ~UINT64_C(0));
    assert_int_equal(sentimentp_low_bytes(UINT64_C(0x1122334455667788), 3),
                     UINT64_C(0x667788));
}

/* The fold-while-hashing definition: case never changes a hash. */
static void hash_ignores_ascii_case(void **state)
{
    (void)state;
    const char *pairs[][2] = {
        {"good", "GOOD"}, {"Wonderfully", "wonderfully"},
        {"top-NOTCH", "top-notch"}, {"ABCDEFGH", "abcdefgh"},
        {"abcdefghIJKLMNOPq", "ABCDEFGHijklmnopQ"},
    };
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        uint64_t h1, h2;
        size_t n = strlen(pairs[k][0]);
        assert_int_equal(sentimentp_hash_folded(pairs[k][0], n, &h1),
                         sentimentp_hash_folded(pairs[k][1], n, &h2));
        assert_int_equal(h1, h2);
        assert_int_equal(sentimentp_hash(pairs[k][0], n), sentimentp_hash(pairs[k][1], n));
    }
    uint64_t head;
    uint32_t good = sentimentp_hash_folded("good", 4, &head);
    assert_int_not_equal(good, sentimentp_hash_folded("goods", 5, &head));
    assert_int_equal(head, sentimentp_load_partial((const unsigned char *)"goods", 5));
}

static void byte_hashes_are_hashes(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 256; c++) {
        char byte = (char)c;
        assert_int_equal(sentimentp_byte_hash[c], sentimentp_hash(&byte, 1));
    }
}

/* Forms with a capital are never found by lowercased words. */
static void folded_lookup_never_finds_capitals(void **state)
{
    (void)state;
    const sentimentp_lexicon *lex = &sentimentp_builtin_py312;
    uint64_t head;
    uint32_t hash = sentimentp_hash_folded("GOOD", 4, &head);
    assert_int_equal(sentimentp_lexicon_find_folded(lex, "GOOD", 4, hash, head),
                     sentimentp_lexicon_find(lex, "good", 4));
    assert_true(sentimentp_lexicon_find(lex, "good", 4) >= 0);
    assert_int_equal(sentimentp_lexicon_find(lex, "GOOD", 4), -1);
    hash = sentimentp_hash_folded("Unfortunately", 13, &head);
    assert_int_equal(sentimentp_lexicon_find_folded(lex, "Unfortunately", 13, hash, head),
                     sentimentp_lexicon_find(lex, "unfortunately", 13));
    assert_true(sentimentp_lexicon_find(lex, "unfortunately", 13) >= 0);
}

static bool table_has_pair(unsigned char left, unsigned char right)
{
    const char *next = sentimentp_join_next[left];
    return next && right && strchr(next, right);
}

/*
 * The pairs (last byte of a character, first byte of the next one) of
 * every emoticon and of "(!)" are exactly those of sentimentp_join_next.
 */
static void join_pairs_match_the_emoticons(void **state)
{
    (void)state;
    static bool want[256][256];
    const char *texts[128];
    size_t n = 0;
    for (size_t k = 0; k < sentimentp_emoticon_count; k++)
        texts[n++] = sentimentp_emoticons[k].text;
    texts[n++] = "(!)";
    assert_int_equal(sentimentp_emoticon_count, 76);
    for (size_t k = 0; k < n; k++) {
        const unsigned char *t = (const unsigned char *)texts[k];
        for (size_t i = 1; t[i]; i++) {
            if ((t[i] & 0xc0) == 0x80)
                continue;   /* inside one character */
            want[t[i - 1]][t[i]] = true;
        }
    }
    for (unsigned a = 0; a < 256; a++)
        for (unsigned b = 1; b < 256; b++)
            if (want[a][b] != table_has_pair((unsigned char)a, (unsigned char)b) ||
                want[a][b] != sentimentp_joins((unsigned char)a, (unsigned char)b))
                fail_msg("pair %02x %02x: want %d", a, b, want[a][b]);
    assert_false(table_has_pair(':', '\0'));
    /* the tokenizer's shortcut for words ending in a letter */
    for (unsigned a = 0; a < 256; a++) {
        if (!isalpha((int)a) || a >= 0x80)
            continue;
        for (unsigned b = 1; b < 256; b++)
            if (want[a][b] && !sentimentp_unsure_after_letter[b])
                fail_msg("pair %c %02x: not in sentimentp_unsure_after_letter", a, b);
    }
    assert_true(sentimentp_unsure_after_letter['E']);
    assert_true(sentimentp_unsure_after_letter[' ']);
    assert_true(sentimentp_unsure_after_letter[0xe2]);
    assert_false(sentimentp_unsure_after_letter[',']);
    assert_false(sentimentp_joins(':', '\0'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(letters_and_fold_per_byte),
#ifdef SENTIMENTP_HAVE_NONLETTERS16
        cmocka_unit_test(nonletters16_per_byte),
#endif
        cmocka_unit_test(loads_are_little_endian_values),
        cmocka_unit_test(hash_ignores_ascii_case),
        cmocka_unit_test(byte_hashes_are_hashes),
        cmocka_unit_test(folded_lookup_never_finds_capitals),
        cmocka_unit_test(join_pairs_match_the_emoticons),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
