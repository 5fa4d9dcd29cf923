/*
 * SWAR ("SIMD within a register"): text eight bytes at a time in one 64-bit
 * machine word (sixteen to find a word's end, with SSE2): loading, finding
 * ASCII letters, lowercasing and hashing.
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

#ifndef SENTIMENT_SWAR_H
#define SENTIMENT_SWAR_H

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
    /* clang-format off */
    static const uint64_t masks[16] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xffff, 0xffffff, 0xffffffff,
        UINT64_C(0xffffffffff), UINT64_C(0xffffffffffff),
        UINT64_C(0xffffffffffffff),
    };
    /* clang-format on */
    return w & masks[n];
}

/* The low min(n, 8) bytes of w, for n < 16; the others zero. */
static inline uint64_t sentimentp_low_bytes(uint64_t w, unsigned n)
{
#define ALL ~UINT64_C(0)
    /* clang-format off */
    static const uint64_t masks[16] = {
        0, 0xff, 0xffff, 0xffffff, 0xffffffff, UINT64_C(0xffffffffff),
        UINT64_C(0xffffffffffff), UINT64_C(0xffffffffffffff),
        ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL,
    };
    /* clang-format on */
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

/*
 * The scan of the tokenizer's fast path: the run of ASCII letters at
 * s[0..avail), its length (0 if s[0] is no letter), and in *hash and *head
 * what sentimentp_hash_folded() gives for it, in the same pass. Two
 * variants with this one signature: the portable one, eight bytes per step,
 * and with SSE2 one that takes any word of up to 15 letters in one
 * sixteen-byte step, with no branch on its length (in prose such a branch
 * would go either way at random), and the portable one for the rest.
 */
static inline size_t sentimentp_scan_letters_swar(const unsigned char *s,
                                                  size_t avail, uint32_t *hash,
                                                  uint64_t *head)
{
    if (avail == 0)
        return 0;
    uint64_t w = sentimentp_load_chunk(s, avail);
    uint64_t others = ~sentimentp_letters(w) & SENTIMENTP_HIGHS;
    uint64_t chunk = w | SENTIMENTP_ONES * 0x20;
    size_t n;
    uint64_t h;
    if (SENTIMENTP_LIKELY(others)) {
        n = sentimentp_first_byte(others);
        if (SENTIMENTP_UNLIKELY(n == 0))
            return 0;
        *head = sentimentp_low_bytes(chunk, (unsigned)n);
        h = sentimentp_hash_step(SENTIMENTP_HASH_SEED, *head);
    } else {
        *head = chunk;
        h = sentimentp_hash_step(SENTIMENTP_HASH_SEED, chunk);
        for (n = 8;; n += 8) {
            w = sentimentp_load_chunk(s + n, avail - n);
            others = ~sentimentp_letters(w) & SENTIMENTP_HIGHS;
            chunk = w | SENTIMENTP_ONES * 0x20;
            if (!others) {
                h = sentimentp_hash_step(h, chunk);
                continue;
            }
            unsigned last = sentimentp_first_byte(others);
            if (last) {
                h = sentimentp_hash_step(h, sentimentp_low_bytes(chunk, last));
                n += last;
            }
            break;
        }
    }
    if (n <= 8)
        h = sentimentp_hash_step(h, 0); /* words of up to 8 take two steps */
    *hash = (uint32_t)h;
    return n;
}

#ifdef SENTIMENTP_HAVE_NONLETTERS16
static inline size_t sentimentp_scan_letters_sse2(const unsigned char *s,
                                                  size_t avail, uint32_t *hash,
                                                  uint64_t *head)
{
    uint64_t lower;
    unsigned nonletters;
    if (SENTIMENTP_UNLIKELY(avail < 16) ||
        SENTIMENTP_UNLIKELY((nonletters = sentimentp_nonletters16(s, &lower)) ==
                            0))
        return sentimentp_scan_letters_swar(s, avail, hash, head);
    unsigned n = (unsigned)__builtin_ctz(nonletters);
    if (SENTIMENTP_UNLIKELY(n == 0))
        return 0;
    *head = sentimentp_low_bytes(lower, n);
    uint64_t second = sentimentp_load8(s + 8) | SENTIMENTP_ONES * 0x20;
    *hash = (uint32_t)sentimentp_hash_step(
        sentimentp_hash_step(SENTIMENTP_HASH_SEED, *head),
        sentimentp_second_bytes(second, n));
    return n;
}
#endif

/* The variant this machine has. */
static inline size_t sentimentp_scan_letters(const unsigned char *s,
                                             size_t avail, uint32_t *hash,
                                             uint64_t *head)
{
#ifdef SENTIMENTP_HAVE_NONLETTERS16
    return sentimentp_scan_letters_sse2(s, avail, hash, head);
#else
    return sentimentp_scan_letters_swar(s, avail, hash, head);
#endif
}

#endif /* SENTIMENT_SWAR_H */
