/*
 * The fast path's tables and helpers against their sources: the
 * eight-bytes-at-a-time helpers and both letter scans (lib/swar.h) against
 * their byte-at-a-time definitions, the table of bytes the rejoining
 * regexes can join across a space against the emoticon table it is derived
 * from, the whitespace in the tokenizer's tables against Python's
 * str.isspace(), and the scorer's shortcut for unknown words against the
 * list of negations.
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
#include "score-inline.h"
#include "swar.h"

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
                    assert_int_equal(
                        (folded >> (8 * k)) & 0xff,
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
            assert_int_equal(folded,
                             sentimentp_load8(bytes) | SENTIMENTP_ONES * 0x20);
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
        {"good", "GOOD"},
        {"Wonderfully", "wonderfully"},
        {"top-NOTCH", "top-notch"},
        {"ABCDEFGH", "abcdefgh"},
        {"abcdefghIJKLMNOPq", "ABCDEFGHijklmnopQ"},
    };
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        uint64_t h1, h2;
        size_t n = strlen(pairs[k][0]);
        assert_int_equal(sentimentp_hash_folded(pairs[k][0], n, &h1),
                         sentimentp_hash_folded(pairs[k][1], n, &h2));
        assert_int_equal(h1, h2);
        assert_int_equal(sentimentp_hash(pairs[k][0], n),
                         sentimentp_hash(pairs[k][1], n));
    }
    uint64_t head;
    uint32_t good = sentimentp_hash_folded("good", 4, &head);
    assert_int_not_equal(good, sentimentp_hash_folded("goods", 5, &head));
    assert_int_equal(
        head, sentimentp_load_partial((const unsigned char *)"goods", 5));
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
    assert_int_equal(
        sentimentp_lexicon_find_folded(lex, "Unfortunately", 13, hash, head),
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
                continue; /* inside one character */
            want[t[i - 1]][t[i]] = true;
        }
    }
    for (unsigned a = 0; a < 256; a++)
        for (unsigned b = 1; b < 256; b++)
            if (want[a][b] !=
                    table_has_pair((unsigned char)a, (unsigned char)b) ||
                want[a][b] !=
                    sentimentp_joins((unsigned char)a, (unsigned char)b))
                fail_msg("pair %02x %02x: want %d", a, b, want[a][b]);
    assert_false(table_has_pair(':', '\0'));
    /* the tokenizer's shortcut for words ending in a letter */
    for (unsigned a = 0; a < 256; a++) {
        if (!isalpha((int)a) || a >= 0x80)
            continue;
        for (unsigned b = 1; b < 256; b++)
            if (want[a][b] && !sentimentp_unsure_after_letter[b])
                fail_msg("pair %c %02x: not in sentimentp_unsure_after_letter",
                         a, b);
    }
    assert_true(sentimentp_unsure_after_letter['E']);
    assert_true(sentimentp_unsure_after_letter[' ']);
    assert_true(sentimentp_unsure_after_letter[0xe2]);
    assert_false(sentimentp_unsure_after_letter[',']);
    assert_false(sentimentp_joins(':', '\0'));
}

/* Python's str.isspace() for the ASCII range, written out from its
 * definition (the Unicode White_Space property, plus 0x1c-0x1f, which
 * Python counts as separators). */
static bool python_ascii_space(unsigned c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static void whitespace_tables_are_pythons(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 128; c++)
        if (python_ascii_space(c) && !sentimentp_unsure_after_letter[c])
            fail_msg("byte %02x: space, not in sentimentp_unsure_after_letter",
                     c);
    static const bool spaces[256] = {SENTIMENTP_ASCII_SPACES(true, true, true)};
    for (unsigned c = 0; c < 256; c++)
        if (spaces[c] != python_ascii_space(c))
            fail_msg("byte %02x: SENTIMENTP_ASCII_SPACES says %d", c,
                     spaces[c]);
}

/* The scan of a word of letters, byte by byte. */
static size_t letters_at(const unsigned char *s, size_t avail)
{
    size_t n = 0;
    while (n < avail && is_letter(s[n]))
        n++;
    return n;
}

static void check_scan(const unsigned char *s, size_t avail)
{
    size_t want = letters_at(s, avail);
    uint32_t hash;
    uint64_t head, want_head = 0;
    uint32_t want_hash = want ? sentimentp_hash_folded((const char *)s, want,
                                                       &want_head)
                              : 0;
    size_t got = sentimentp_scan_letters_swar(s, avail, &hash, &head);
    assert_int_equal(got, want);
    if (want) {
        assert_int_equal(hash, want_hash);
        assert_int_equal(head, want_head);
    }
#ifdef SENTIMENTP_HAVE_NONLETTERS16
    got = sentimentp_scan_letters_sse2(s, avail, &hash, &head);
    assert_int_equal(got, want);
    if (want) {
        assert_int_equal(hash, want_hash);
        assert_int_equal(head, want_head);
    }
#endif
}

/* Every word length from 0 to 40, in any case, ended by every kind of
 * byte or by the end of the text, at every distance from it. */
static void scans_find_and_hash_words(void **state)
{
    (void)state;
    static const unsigned char ends[] = {' ', '.', '\'', '0',  '@', '[',
                                         '`', '{', 0x80, 0xe2, 0};
    unsigned char text[64];
    for (size_t len = 0; len <= 40; len++) {
        for (size_t e = 0; e < sizeof ends; e++) {
            for (size_t k = 0; k < len; k++)
                text[k] = (unsigned char)((k % 3 ? 'a' : 'A') + (k * 7) % 26);
            memset(text + len, ends[e], sizeof text - len);
            for (size_t avail = len; avail <= len + 17 && avail <= sizeof text;
                 avail++)
                check_scan(text, avail);
        }
    }
}

/* Each negation, in any case, is left to the full rules: the shortcut for
 * unknown letters must never take one. */
static void skip_never_takes_a_negation(void **state)
{
    (void)state;
    for (size_t k = 0; k < SENTIMENTP_NEGATION_COUNT; k++) {
        const sentimentp_negation *n = &sentimentp_negations[k];
        for (unsigned char first = 'N'; first <= 'n'; first += 'n' - 'N') {
            sentimentp_scorer sc;
            sentimentp_scorer_init(&sc, &sentimentp_builtin_py312, NULL, NULL);
            assert_int_equal(first | 0x20, (unsigned char)n->text[0]);
            assert_false(sentimentp_scorer_skip_unknown(&sc, first, n->length));
            sentimentp_scorer_free(&sc);
        }
    }
    /* and it takes the other words of letters */
    sentimentp_scorer sc;
    sentimentp_scorer_init(&sc, &sentimentp_builtin_py312, NULL, NULL);
    assert_true(sentimentp_scorer_skip_unknown(&sc, 'b', 3));
    assert_true(sentimentp_scorer_skip_unknown(&sc, 'n', 4));
    assert_true(sentimentp_scorer_skip_unknown(&sc, 'n', 6));
    sentimentp_scorer_free(&sc);
}

/* The scorer's shortcut for plain ASCII words (score.c's special_first)
 * against the emoticon table: each emoticon, in its case and lowercased,
 * still opens an entry of subjectivity 1.0, but for "xd". */
static void shortcut_lets_every_emoticon_through(void **state)
{
    (void)state;
    for (size_t k = 0; k < sentimentp_emoticon_count; k++) {
        const sentimentp_emoticon *e = &sentimentp_emoticons[k];
        char lower[8];
        bool ascii = true;
        for (size_t i = 0; i < e->length; i++) {
            lower[i] = (char)sentimentp_ascii_lower((unsigned char)e->text[i]);
            ascii &= (unsigned char)e->text[i] < 0x80;
        }
        const char *forms[2] = {e->text, lower};
        for (size_t f = 0; f < 2; f++) {
            sentimentp_scorer sc;
            sentimentp_scorer_init(&sc, &sentimentp_builtin_py312, NULL, NULL);
            sentimentp_scorer_word(&sc, forms[f], e->length, ascii);
            double pol, subj;
            assert_int_equal(sentimentp_scorer_finish(&sc, &pol, &subj), 0);
            sentimentp_scorer_free(&sc);
            bool xd = e->length == 2 && (lower[0] == 'x' && lower[1] == 'd');
            if (subj != (xd ? 0.0 : 1.0))
                fail_msg("emoticon \"%.*s\": subjectivity %g", (int)e->length,
                         forms[f], subj);
        }
    }
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
        cmocka_unit_test(whitespace_tables_are_pythons),
        cmocka_unit_test(scans_find_and_hash_words),
        cmocka_unit_test(skip_never_takes_a_negation),
        cmocka_unit_test(shortcut_lets_every_emoticon_through),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
