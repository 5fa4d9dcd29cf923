/*
 * Words eight bytes at a time (sixteen to find their end, with SSE2):
 * loading, finding ASCII letters, lowercasing and hashing, on one 64-bit
 * integer per eight bytes of text.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * The tokenizer's fast path hashes a word while it finds its end, and the
 * lexicon places its forms with the same hash; both use these functions,
 * so the two cannot disagree. A word's chunks are its bytes in order, eight
 * per chunk, the last one padded with zero bytes; byte k of a chunk is its
 * bits 8k..8k+7 on any machine, which is what makes "the first non-letter"
 * a count of trailing zero bits.
 */

#ifndef SENTIMENT_WORD_H
#define SENTIMENT_WORD_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SENTIMENTP_ONES UINT64_C(0x0101010101010101)
#define SENTIMENTP_HIGHS (SENTIMENTP_ONES * 0x80)

/* Eight bytes at s, byte k in bits 8k..8k+7. */
static inline uint64_t sentimentp_load8(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

/* The n < 8 bytes at s, padded with zero bytes; never reads past s + n. */
static inline uint64_t sentimentp_load_partial(const unsigned char *s, size_t n)
{
    uint64_t w = 0;
    for (size_t k = n; k-- > 0;)
        w = (w << 8) | s[k];
    return w;
}

/* Up to eight bytes at s: a chunk of a word of n more bytes. */
static inline uint64_t sentimentp_load_chunk(const unsigned char *s, size_t n)
{
    return n >= 8 ? sentimentp_load8(s) : sentimentp_load_partial(s, n);
}

/*
 * The high bit of each byte of w in [lo, hi], for ASCII lo <= hi. The sums
 * are taken on the low seven bits so that no byte carries into the next.
 */
static inline uint64_t sentimentp_bytes_between(uint64_t w, unsigned lo,
                                                unsigned hi)
{
    uint64_t x = w & ~SENTIMENTP_HIGHS;
    uint64_t at_least_lo = x + SENTIMENTP_ONES * (0x80 - lo);
    uint64_t at_most_hi = SENTIMENTP_ONES * (0x80 + hi) - x;
    return at_least_lo & at_most_hi & ~w & SENTIMENTP_HIGHS;
}

/* The high bit of each byte of w that is an ASCII letter. */
static inline uint64_t sentimentp_letters(uint64_t w)
{
    return sentimentp_bytes_between(w | SENTIMENTP_ONES * 0x20, 'a', 'z');
}

/* str.lower() of the ASCII bytes of w; other bytes are left as they are. */
static inline uint64_t sentimentp_fold(uint64_t w)
{
    return w | sentimentp_bytes_between(w, 'A', 'Z') >> 2;
}

/* Index of the lowest byte whose high bit is set in `highs` (not 0). */
static inline unsigned sentimentp_first_byte(uint64_t highs)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctzll(highs) / 8;
#else
    unsigned k = 0;
    while (!(highs & 0x80))
        highs >>= 8, k++;
    return k;
#endif
}

/* The bytes 8..n-1 of a word whose second chunk is w, for n < 16. */
static inline uint64_t sentimentp_second_bytes(uint64_t w, unsigned n)
{
    static const uint64_t masks[16] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xffff, 0xffffff, 0xffffffff,
        UINT64_C(0xffffffffff), UINT64_C(0xffffffffffff),
        UINT64_C(0xffffffffffffff),
    };
    return w & masks[n];
}

/* The low min(n, 8) bytes of w, for n < 16; the others zero. */
static inline uint64_t sentimentp_low_bytes(uint64_t w, unsigned n)
{
#define ALL ~UINT64_C(0)
    static const uint64_t masks[16] = {
        0, 0xff, 0xffff, 0xffffff, 0xffffffff, UINT64_C(0xffffffffff),
        UINT64_C(0xffffffffffff), UINT64_C(0xffffffffffffff),
        ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL,
    };
#undef ALL
    return w & masks[n];
}

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#define SENTIMENTP_HAVE_NONLETTERS16 1

/*
 * Bit k set where byte k of s[0..16) is not an ASCII letter: sixteen bytes
 * in a handful of instructions, with the constants in vector registers.
 * After "| 0x20", subtracting 'a' + 128 maps exactly the letters onto
 * -128..-103 as signed bytes. *folded gets the first eight bytes "| 0x20",
 * which is a word's first chunk lowercased, before masking.
 */
static inline unsigned sentimentp_nonletters16(const unsigned char *s,
                                               uint64_t *folded)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i shifted = _mm_sub_epi8(lower, _mm_set1_epi8((char)('a' + 128)));
    __m128i letters = _mm_cmplt_epi8(shifted, _mm_set1_epi8((char)(-128 + 26)));
    *folded = (uint64_t)_mm_cvtsi128_si64(lower);
    return ~(unsigned)_mm_movemask_epi8(letters) & 0xffffu;
}
#endif

/*
 * The word hash: one multiply per chunk, then the high half folded into
 * the low one, which the slot index and the filter bit are taken from. A
 * word of up to eight bytes has a second chunk of zeros, so that words of
 * up to 15 bytes all take two steps, with no branch on their length.
 */
#define SENTIMENTP_HASH_SEED 0

static inline uint64_t sentimentp_hash_step(uint64_t h, uint64_t chunk)
{
    h = (h ^ chunk) * UINT64_C(0x9e3779b97f4a7c15);
    return h ^ (h >> 32);
}

/* The hash of the word s[0..len) lowercased (ASCII); *head gets its first chunk. */
static inline uint32_t sentimentp_hash_folded(const char *s, size_t len,
                                              uint64_t *head)
{
    const unsigned char *u = (const unsigned char *)s;
    uint64_t h = SENTIMENTP_HASH_SEED;
    *head = 0;
    for (size_t k = 0; k < len; k += 8) {
        uint64_t chunk = sentimentp_fold(sentimentp_load_chunk(u + k, len - k));
        if (k == 0)
            *head = chunk;
        h = sentimentp_hash_step(h, chunk);
    }
    if (len <= 8)
        h = sentimentp_hash_step(h, 0);
    return (uint32_t)h;
}

#endif /* SENTIMENT_WORD_H */
