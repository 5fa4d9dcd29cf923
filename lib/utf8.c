/*
 * UTF-8: validation, Python-compatible repair, decoding, and the two
 * Unicode properties TextBlob's tokenizer depends on.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <string.h>

#include <utf8proc.h>

#include "private.h"
#include "swar.h"

/*
 * The second byte of a sequence has a narrower range after E0, ED, F0 and
 * F4 (this excludes overlong forms, surrogates and values above U+10FFFF);
 * every other continuation byte is 80..BF. Returns the sequence length the
 * lead byte announces, or 0 for a byte that cannot start one.
 */
static unsigned lead_info(unsigned char lead, unsigned char *lo,
                          unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xbf;
    if (lead < 0x80)
        return 1;
    if (lead < 0xc2)
        return 0;
    if (lead < 0xe0)
        return 2;
    if (lead < 0xf0) {
        if (lead == 0xe0)
            *lo = 0xa0;
        else if (lead == 0xed)
            *hi = 0x9f;
        return 3;
    }
    if (lead < 0xf5) {
        if (lead == 0xf0)
            *lo = 0x90;
        else if (lead == 0xf4)
            *hi = 0x8f;
        return 4;
    }
    return 0;
}

/*
 * Number of bytes of the well-formed prefix of the sequence at s. Equal to
 * the announced length for a valid sequence; otherwise it is the "maximal
 * subpart" that Python (and Unicode's recommended practice) replaces by one
 * U+FFFD, at least 1.
 */
static size_t sequence_extent(const unsigned char *s, size_t len, bool *valid)
{
    unsigned char lo, hi;
    unsigned need = lead_info(s[0], &lo, &hi);
    if (need == 0) {
        *valid = false;
        return 1;
    }
    size_t k = 1;
    while (k < need) {
        if (k >= len || s[k] < lo || s[k] > hi) {
            *valid = false;
            return k;
        }
        lo = 0x80;
        hi = 0xbf;
        k++;
    }
    *valid = true;
    return need;
}

size_t sentimentp_utf8_unit(const unsigned char *s, size_t len, uint32_t *cp)
{
    bool valid;
    size_t n = sequence_extent(s, len, &valid);
    *cp = valid ? sentimentp_utf8_decode(s, &n) : 0xfffd;
    return n;
}

size_t sentimentp_utf8_valid_len(const unsigned char *s, size_t len)
{
    bool valid;
    size_t n = sequence_extent(s, len, &valid);
    return valid ? n : 0;
}

/*
 * The length of the ASCII prefix of s[0..len), sixteen bytes at a time:
 * most text is ASCII. The last sixteen bytes are read once more, from the
 * end, rather than byte by byte.
 */
static size_t ascii_prefix(const unsigned char *s, size_t len)
{
    size_t k = 0;
#ifdef SENTIMENTP_HAVE_NONLETTERS16
    if (len >= 16) {
        for (; len - k >= 32; k += 32) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
            __m128i b = _mm_loadu_si128(
                (const __m128i *)(const void *)(s + k + 16));
            if (_mm_movemask_epi8(_mm_or_si128(a, b)))
                break;
        }
        for (; len - k >= 16; k += 16) {
            unsigned high = (unsigned)_mm_movemask_epi8(
                _mm_loadu_si128((const __m128i *)(const void *)(s + k)));
            if (high)
                return k + (unsigned)__builtin_ctz(high);
        }
        unsigned high = (unsigned)_mm_movemask_epi8(
            _mm_loadu_si128((const __m128i *)(const void *)(s + len - 16)));
        return high ? len - 16 + (unsigned)__builtin_ctz(high) : len;
    }
#endif
    while (len - k >= 8) {
        uint64_t w;
        memcpy(&w, s + k, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
        k += 8;
    }
    while (k < len && s[k] < 0x80)
        k++;
    return k;
}

int sentiment_utf8_validate(const char *text, size_t len, size_t *bad_offset)
{
    return sentimentp_utf8_validate(text, len, bad_offset);
}

int sentimentp_utf8_validate(const char *text, size_t len, size_t *bad_offset)
{
    if (!text && len)
        return SENTIMENT_E_INVALID;
    const unsigned char *s = (const unsigned char *)text;
    size_t k = 0;
    while (k < len) {
        k += ascii_prefix(s + k, len - k);
        if (k == len)
            break;
        bool valid;
        size_t n = sequence_extent(s + k, len - k, &valid);
        if (!valid) {
            if (bad_offset)
                *bad_offset = k;
            return SENTIMENT_E_UTF8;
        }
        k += n;
    }
    if (bad_offset)
        *bad_offset = len;
    return SENTIMENT_OK;
}

static void put(char *out, size_t out_size, size_t at, const void *src,
                size_t n)
{
    if (at < out_size)
        memcpy(out + at, src, n <= out_size - at ? n : out_size - at);
}

size_t sentiment_utf8_repair(const char *text, size_t len, char *out,
                             size_t out_size)
{
    static const char replacement[3] = {'\xef', '\xbf', '\xbd'};
    if (!text)
        return 0;
    if (!out)
        out_size = 0;
    const unsigned char *s = (const unsigned char *)text;
    size_t k = 0, w = 0;
    while (k < len) {
        size_t start = k;
        for (;;) {
            k += ascii_prefix(s + k, len - k);
            if (k == len)
                break;
            bool valid;
            size_t n = sequence_extent(s + k, len - k, &valid);
            if (!valid)
                break;
            k += n;
        }
        put(out, out_size, w, s + start, k - start);
        w += k - start;
        if (k < len) {
            bool valid;
            k += sequence_extent(s + k, len - k, &valid);
            put(out, out_size, w, replacement, 3);
            w += 3;
        }
    }
    return w;
}

uint32_t sentimentp_utf8_decode(const unsigned char *s, size_t *seq_len)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *seq_len = 1;
        return c;
    }
    if (c < 0xe0) {
        *seq_len = 2;
        return ((uint32_t)(c & 0x1f) << 6) | (s[1] & 0x3f);
    }
    if (c < 0xf0) {
        *seq_len = 3;
        return ((uint32_t)(c & 0x0f) << 12) | ((uint32_t)(s[1] & 0x3f) << 6) |
               (s[2] & 0x3f);
    }
    *seq_len = 4;
    return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3f) << 12) |
           ((uint32_t)(s[2] & 0x3f) << 6) | (s[3] & 0x3f);
}

size_t sentimentp_utf8_encode(uint32_t cp, char *out)
{
    utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp,
                                              (utf8proc_uint8_t *)out);
    return n > 0 ? (size_t)n : 0;
}

/*
 * Python's str.isspace(): bidirectional class WS, B or S, or general
 * category Zs. ASCII is handled by the tokenizer's own byte table.
 */
bool sentimentp_is_unicode_space(uint32_t cp)
{
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
    return p->category == UTF8PROC_CATEGORY_ZS ||
           p->bidi_class == UTF8PROC_BIDI_CLASS_WS ||
           p->bidi_class == UTF8PROC_BIDI_CLASS_B ||
           p->bidi_class == UTF8PROC_BIDI_CLASS_S;
}
