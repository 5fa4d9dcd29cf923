/*
 * libsentiment - TextBlob-exact sentiment scoring for English text.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

/*
 * sentiment_format_double(): a double as Python's repr() prints it.
 *
 * repr() uses David Gay's dtoa in mode 0: the decimal with the fewest
 * significant digits that reads back to the same double, and among those of
 * that length the one closest to the double's exact value, ties to an even
 * last digit. Scores are printed once or twice per input line, so this must
 * be fast; trying "%.15g", "%.16g", "%.17g" with strtod() is both slow and
 * locale-dependent. Instead the digits come from Raffaello Giulietti's
 * Schubfach method ("The Schubfach way to render doubles", 2020), which
 * finds the same decimal with three 64x128-bit multiplications.
 *
 * The idea, for a finite v = c * 2^q > 0:
 *
 * - Every decimal in the rounding interval R_v reads back as v. R_v spans
 *   half an ulp on each side (a quarter below at powers of two whose lower
 *   neighbour is closer) and includes its ends iff c is even, because
 *   strtod() breaks ties to even.
 *
 * - Choose k so that 10^k <= width(R_v) < 10^(k+1). Then R_v holds at least
 *   one multiple of 10^k and at most one multiple of 10^(k+1). If it holds a
 *   multiple of 10^(k+1), that one is the shortest. Otherwise the answer is
 *   s * 10^k or (s + 1) * 10^k where s = floor(v / 10^k): whichever lies in
 *   R_v, or the closer one if both do.
 *
 * - Those tests need v, and R_v's ends, divided by 10^k with two extra
 *   fraction bits (hence 4c, 4c - 2 or 4c - 1, 4c + 2), but only to the
 *   extent of their integer part and whether they are integers at all:
 *   "round to odd" keeps that information, and every comparison below is
 *   against an even number, where round to odd cannot change the outcome.
 *
 * The 127-bit approximations of 10^-k in the table make round to odd exact
 * for every double; see the comment on the table.
 */

#include <stdint.h>
#include <string.h>

#include "sentiment.h"

/* 10^e is needed for e = -k, with k from floor(log10(2^-1074)) = -324 to
 * floor(log10(2^971)) = 292. */
#define POW10_MIN (-292)
#define POW10_MAX 324

/*
 * pow10_table[e - POW10_MIN] = {hi, lo} holds g = floor(10^e / 2^r) + 1,
 * where r = floor(log2(10^e)) - 126, so 2^126 <= g < 2^127: an upper
 * approximation of 10^e / 2^r, too large by at most 1. lib/gen-pow10.py
 * prints these rows with Python's exact integers, and the "format-table"
 * test checks that they are its output.
 *
 * Why 127 bits are enough: scale() multiplies g by cp = n << h, with
 * n = 4c - 2 ... 4c + 2 <= 2^55 + 2 and h <= 5, so the computed value
 * exceeds the exact x = n * 2^q * 10^-k by less than 2^60 / 2^128 = 2^-68.
 * The same script walks every binary exponent q and bounds, through the
 * continued fraction of 2^q * 10^-k (best rational approximations), how
 * close n * 2^q * 10^-k can come to an integer without being one, for all
 * n < 2^55 + 3 (and checks the three n of each power of two, whose k may
 * be one less, directly): never closer than 2^-65.44. So the computed
 * value has the same integer part as x, and a fraction whose top 68 bits
 * are all zero exactly when x is an integer.
 */
static const uint64_t pow10_table[POW10_MAX - POW10_MIN + 1][2] = {
    {0x7fbbd8fe5f5e6e27u, 0x92f4744e09dd87beu}, /* 1e-292 */
    {0x4fd5679efb9b04d8u, 0xbbd8c8b0c62a74d7u}, /* 1e-291 */
    {0x63cac186ba81c60eu, 0xeacefadcf7b5120cu}, /* 1e-290 */
    {0x7cbd71e869223792u, 0xa582b99435a2568fu}, /* 1e-289 */
    {0x4df6673141b562bbu, 0xa771b3fca185761au}, /* 1e-288 */
    {0x617400fd9222bb6au, 0x914e20fbc9e6d3a0u}, /* 1e-287 */
    {0x79d1013cf6ab6a45u, 0x35a1a93abc608888u}, /* 1e-286 */
    {0x4c22a0c61a2b226bu, 0x418509c4b5bc5555u}, /* 1e-285 */
    {0x5f2b48f7a0b5eb06u, 0x11e64c35e32b6aaau}, /* 1e-284 */
    {0x76f61b3588e365c7u, 0x965fdf435bf64555u}, /* 1e-283 */
    {0x4a59d101758e1f9cu, 0xbdfbeb8a1979eb55u}, /* 1e-282 */
    {0x5cf04541d2f1a783u, 0xed7ae66c9fd8662au}, /* 1e-281 */
    {0x742c569247ae1164u, 0xe8d9a007c7ce7fb5u}, /* 1e-280 */
    {0x489bb61b6ccccadfu, 0x11880404dce10fd1u}, /* 1e-279 */
    {0x5ac2a3a247fffd96u, 0xd5ea0506141953c6u}, /* 1e-278 */
    {0x71734c8ad9fffcfcu, 0x8b648647991fa8b7u}, /* 1e-277 */
    {0x46e80fd6c83ffe1du, 0xd71ed3ecbfb3c972u}, /* 1e-276 */
    {0x58a213cc7a4ffda5u, 0x4ce688e7efa0bbcfu}, /* 1e-275 */
    {0x6eca98bf98e3fd0eu, 0xa0202b21eb88eac2u}, /* 1e-274 */
    {0x453e9f77bf8e7e29u, 0x24141af5333592bau}, /* 1e-273 */
    {0x568e4755af721db3u, 0x6d1921b28002f768u}, /* 1e-272 */
    {0x6c31d92b1b4ea520u, 0x485f6a1f2003b542u}, /* 1e-271 */
    {0x439f27baf1112734u, 0x2d3ba25374025149u}, /* 1e-270 */
    {0x5486f1a9ad557101u, 0x388a8ae85102e59cu}, /* 1e-269 */
    {0x69a8ae1418aacd41u, 0x86ad2da265439f02u}, /* 1e-268 */
    {0x42096ccc8f6ac048u, 0xf42c3c857f4a4362u}, /* 1e-267 */
    {0x528bc7ffb345705bu, 0x31374ba6df1cd43au}, /* 1e-266 */
    {0x672eb9ffa016cc71u, 0xfd851e9096e40948u}, /* 1e-265 */
    {0x407d343fc40e3fc7u, 0x3e73331a5e4e85cdu}, /* 1e-264 */
    {0x509c814fb511cfb9u, 0x0e0fffe0f5e22741u}, /* 1e-263 */
    {0x64c3a1a3a25643a7u, 0x5193ffd9335ab111u}, /* 1e-262 */
    {0x7df48a0c8aebd491u, 0x25f8ffcf80315d55u}, /* 1e-261 */
    {0x4eb8d647d6d364dau, 0xb7bb9fe1b01eda55u}, /* 1e-260 */
    {0x62670bd9cc883e11u, 0x65aa87da1c2690eau}, /* 1e-259 */
    {0x7b00ced03faa4d95u, 0xbf1529d0a3303525u}, /* 1e-258 */
    {0x4ce0814227ca707du, 0x976d3a2265fe2137u}, /* 1e-257 */
    {0x6018a192b1bd0c9cu, 0xfd4888aaff7da985u}, /* 1e-256 */
    {0x781ec9f75e2c4fc4u, 0x3c9aaad5bf5d13e6u}, /* 1e-255 */
    {0x4b133e3a9adbb1dau, 0xa5e0aac5979a2c70u}, /* 1e-254 */
    {0x5dd80dc941929e51u, 0x4f58d576fd80b78cu}, /* 1e-253 */
    {0x754e113b91f745e5u, 0xa32f0ad4bce0e56fu}, /* 1e-252 */
    {0x4950cac53b3a8bafu, 0x85fd66c4f60c8f65u}, /* 1e-251 */
    {0x5ba4fd768a092e9bu, 0x677cc076338fb33eu}, /* 1e-250 */
    {0x728e3cd42c8b7a42u, 0x415bf093c073a00eu}, /* 1e-249 */
    {0x4798e6049bd72c69u, 0x68d9765c58484409u}, /* 1e-248 */
    {0x597f1f85c2ccf783u, 0xc30fd3f36e5a550bu}, /* 1e-247 */
    {0x6fdee76733803564u, 0xb3d3c8f049f0ea4eu}, /* 1e-246 */
    {0x45eb50a08030215eu, 0xf0645d962e369271u}, /* 1e-245 */
    {0x576624c8a03c29b6u, 0xac7d74fbb9c4370du}, /* 1e-244 */
    {0x6d3fadfac84b3424u, 0x579cd23aa83544d0u}, /* 1e-243 */
    {0x4447ccbcbd2f0096u, 0xb6c20364a9214b02u}, /* 1e-242 */
    {0x5559bfebec7ac0bcu, 0x6472843dd3699dc2u}, /* 1e-241 */
    {0x6ab02fe6e79970ebu, 0x7d8f254d48440533u}, /* 1e-240 */
    {0x42ae1df050bfe693u, 0x2e7977504d2a8340u}, /* 1e-239 */
    {0x5359a56c64efe037u, 0xfa17d52460752410u}, /* 1e-238 */
    {0x68300ec77e2bd845u, 0xf89dca6d78926d14u}, /* 1e-237 */
    {0x411e093caedb672bu, 0xbb629e846b5b842du}, /* 1e-236 */
    {0x51658b8bda9240f6u, 0xaa3b462586326538u}, /* 1e-235 */
    {0x65beee6ed136d134u, 0x54ca17aee7befe85u}, /* 1e-234 */
    {0x7f2eaa0a85848581u, 0x69fc9d9aa1aebe27u}, /* 1e-233 */
    {0x4f7d2a469372d370u, 0xe23de280a50d36d8u}, /* 1e-232 */
    {0x635c74d8384f884du, 0x1acd5b20ce50848eu}, /* 1e-231 */
    {0x7c33920e46636a60u, 0x6180b1e901e4a5b2u}, /* 1e-230 */
    {0x4da03b48ebfe227cu, 0x3cf06f31a12ee78fu}, /* 1e-229 */
    {0x61084a1b26fdab1bu, 0x4c2c8afe097aa173u}, /* 1e-228 */
    {0x794a5ca1f0bd15e2u, 0x1f37adbd8bd949cfu}, /* 1e-227 */
    {0x4bce79e536762dadu, 0x5382cc967767ce22u}, /* 1e-226 */
    {0x5ec2185e8413b918u, 0xa8637fbc1541c1aau}, /* 1e-225 */
    {0x76729e762518a75eu, 0xd27c5fab1a923215u}, /* 1e-224 */
    {0x4a07a309d72f689bu, 0x438dbbcaf09b5f4du}, /* 1e-223 */
    {0x5c898bcc4cfb42c2u, 0x14712abdacc23720u}, /* 1e-222 */
    {0x73abeebf603a1372u, 0x998d756d17f2c4e8u}, /* 1e-221 */
    {0x484b75379c244c27u, 0x9ff869642ef7bb11u}, /* 1e-220 */
    {0x5a5e5285832d5f31u, 0x87f683bd3ab5a9d5u}, /* 1e-219 */
    {0x70f5e726e3f8b6fdu, 0xe9f424ac8963144bu}, /* 1e-218 */
    {0x4699b0784e7b725eu, 0xb23896ebd5ddecafu}, /* 1e-217 */
    {0x58401c96621a4ef6u, 0x5ec6bca6cb5567dau}, /* 1e-216 */
    {0x6e5023bbfaa0e2b3u, 0xf6786bd07e2ac1d1u}, /* 1e-215 */
    {0x44f216557ca48db0u, 0x7a0b43624edab923u}, /* 1e-214 */
    {0x562e9beadbcdb11cu, 0x988e143ae291676bu}, /* 1e-213 */
    {0x6bba42e592c11d63u, 0xbeb199499b35c146u}, /* 1e-212 */
    {0x435469cf7bb8b25eu, 0x572effce010198ccu}, /* 1e-211 */
    {0x542984435aa6def5u, 0xecfabfc18141feffu}, /* 1e-210 */
    {0x6933e554315096b3u, 0x68396fb1e1927ebeu}, /* 1e-209 */
    {0x41c06f549ed25e30u, 0x2123e5cf2cfb8f37u}, /* 1e-208 */
    {0x52308b29c686f5bcu, 0x296cdf42f83a7305u}, /* 1e-207 */
    {0x66bcadf43828b32bu, 0x33c81713b6490fc6u}, /* 1e-206 */
    {0x4035ecb8a3196ffbu, 0x005d0e6c51eda9dcu}, /* 1e-205 */
    {0x504367e6cbdfcbf9u, 0xc074520766691453u}, /* 1e-204 */
    {0x645441e07ed7bef8u, 0x3091668940035967u}, /* 1e-203 */
    {0x7d6952589e8daeb6u, 0x3cb5c02b90042fc1u}, /* 1e-202 */
    {0x4e61d37763188d31u, 0xe5f1981b3a029dd9u}, /* 1e-201 */
    {0x61fa48553bdeb07eu, 0x5f6dfe220883454fu}, /* 1e-200 */
    {0x7a78da6a8ad65c9du, 0xf7497daa8aa416a3u}, /* 1e-199 */
    {0x4c8b888296c5f9e2u, 0xba8dee8a96a68e26u}, /* 1e-198 */
    {0x5fae6aa33c77785bu, 0x69316a2d3c5031afu}, /* 1e-197 */
    {0x779a054c0b955672u, 0x437dc4b88b643e1bu}, /* 1e-196 */
    {0x4ac0434f873d5607u, 0x6a2e9af3571ea6d1u}, /* 1e-195 */
    {0x5d705423690cab89u, 0x44ba41b02ce65085u}, /* 1e-194 */
    {0x74cc692c434fd66bu, 0x95e8d21c381fe4a6u}, /* 1e-193 */
    {0x48ffc1bbaa11e603u, 0x3db18351a313eee8u}, /* 1e-192 */
    {0x5b3fb22a94965f84u, 0x0d1de4260bd8eaa2u}, /* 1e-191 */
    {0x720f9eb539bbf765u, 0x10655d2f8ecf254au}, /* 1e-190 */
    {0x4749c33144157a9fu, 0x2a3f5a3db941774fu}, /* 1e-189 */
    {0x591c33fd951ad946u, 0xf4cf30cd2791d522u}, /* 1e-188 */
    {0x6f6340fcfa618f98u, 0xb202fd0071764a6bu}, /* 1e-187 */
    {0x459e089e1c7cf9bfu, 0x6f41de2046e9ee83u}, /* 1e-186 */
    {0x57058ac5a39c382fu, 0x4b1255a858a46a23u}, /* 1e-185 */
    {0x6cc6ed770c83463bu, 0x1dd6eb126ecd84acu}, /* 1e-184 */
    {0x43fc546a67d20be4u, 0xf2a652eb854072ecu}, /* 1e-183 */
    {0x54fb698501c68edeu, 0x2f4fe7a666908fa7u}, /* 1e-182 */
    {0x6a3a43e642383295u, 0xbb23e1900034b390u}, /* 1e-181 */
    {0x42646a6fe9631f9du, 0x94f66cfa0020f03au}, /* 1e-180 */
    {0x52fd850be3bbe784u, 0xfa34083880292c49u}, /* 1e-179 */
    {0x67bce64edcaae166u, 0x38c10a46a033775bu}, /* 1e-178 */
    {0x40d60ff149eaccdfu, 0xe378a66c24202a99u}, /* 1e-177 */
    {0x510b93ed9c658017u, 0xdc56d0072d28353fu}, /* 1e-176 */
    {0x654e78e9037ee01du, 0xd36c8408f872428fu}, /* 1e-175 */
    {0x7ea21723445e9825u, 0x4847a50b368ed332u}, /* 1e-174 */
    {0x4f254e760abb1f17u, 0x4d2cc72702194400u}, /* 1e-173 */
    {0x62eea2138d69e6ddu, 0x2077f8f0c29f94ffu}, /* 1e-172 */
    {0x7baa4a9870c46094u, 0x6895f72cf3477a3fu}, /* 1e-171 */
    {0x4d4a6e9f467abc5cu, 0xc15dba7c180cac68u}, /* 1e-170 */
    {0x609d0a4718196b73u, 0xf1b5291b1e0fd781u}, /* 1e-169 */
    {0x78c44cd8de1fc650u, 0xee227361e593cd61u}, /* 1e-168 */
    {0x4b7ab0078ad3dbf2u, 0x94d5881d2f7c605du}, /* 1e-167 */
    {0x5e595c096d88d2efu, 0x3a0aea247b5b7874u}, /* 1e-166 */
    {0x75efb30bc8eb07abu, 0x088da4ad9a325691u}, /* 1e-165 */
    {0x49b5cfe75d92e4cau, 0xe55886ec805f761bu}, /* 1e-164 */
    {0x5c2343e134f79dfdu, 0x9eaea8a7a07753a2u}, /* 1e-163 */
    {0x732c14d98235857du, 0x065a52d18895288au}, /* 1e-162 */
    {0x47fb8d07f161736eu, 0x23f873c2f55d3956u}, /* 1e-161 */
    {0x59fa7049edb9d049u, 0xacf690b3b2b487acu}, /* 1e-160 */
    {0x70790c5c6928445cu, 0x183434e09f61a997u}, /* 1e-159 */
    {0x464ba7b9c1b92ab9u, 0x8f20a10c639d09feu}, /* 1e-158 */
    {0x57de91a832277567u, 0xf2e8c94f7c844c7eu}, /* 1e-157 */
    {0x6dd636123eb152c1u, 0xefa2fba35ba55f9du}, /* 1e-156 */
    {0x44a5e1cb672ed3b9u, 0x35c5dd4619475bc2u}, /* 1e-155 */
    {0x55cf5a3e40fa88a7u, 0x833754979f9932b3u}, /* 1e-154 */
    {0x6b4330cdd1392ad1u, 0x640529bd877f7f5fu}, /* 1e-153 */
    {0x4309fe80a2c3bac2u, 0xde833a1674afaf9cu}, /* 1e-152 */
    {0x53cc7e20cb74a973u, 0x9624089c11db9b83u}, /* 1e-151 */
    {0x68bf9da8fe51d3d0u, 0x7bad0ac316528263u}, /* 1e-150 */
    {0x4177c2899ef32462u, 0x4d4c26b9edf3917eu}, /* 1e-149 */
    {0x51d5b32c06afed7au, 0xe09f3068697075deu}, /* 1e-148 */
    {0x664b1ff7085be8d9u, 0x98c6fc8283cc9355u}, /* 1e-147 */
    {0x7fdde7f4ca72e30fu, 0xfef8bba324bfb82au}, /* 1e-146 */
    {0x4feab0f8fe87cde9u, 0xff5b7545f6f7d31au}, /* 1e-145 */
    {0x63e55d373e29c164u, 0x7f32529774b5c7e1u}, /* 1e-144 */
    {0x7cdeb4850db431bdu, 0x9efee73d51e339d9u}, /* 1e-143 */
    {0x4e0b30d328909f16u, 0x835f5086532e0428u}, /* 1e-142 */
    {0x618dfd07f2b4c6dcu, 0x243724a7e7f98532u}, /* 1e-141 */
    {0x79f17c49ef61f893u, 0x2d44edd1e1f7e67eu}, /* 1e-140 */
    {0x4c36edae359d3b5bu, 0xfc4b14a32d3af00fu}, /* 1e-139 */
    {0x5f44a919c3048a32u, 0xfb5dd9cbf889ac12u}, /* 1e-138 */
    {0x7715d36033c5acbfu, 0xba35503ef6ac1717u}, /* 1e-137 */
    {0x4a6da41c205b8bf7u, 0xd46152275a2b8e6fu}, /* 1e-136 */
    {0x5d090d2328726ef5u, 0xc979a6b130b6720au}, /* 1e-135 */
    {0x744b506bf28f0ab3u, 0x3bd8105d7ce40e8cu}, /* 1e-134 */
    {0x48af1243779966b0u, 0x05670a3a6e0e8918u}, /* 1e-133 */
    {0x5adad6d4557fc05cu, 0x06c0ccc909922b5eu}, /* 1e-132 */
    {0x71918c896adfb073u, 0x0870fffb4bf6b635u}, /* 1e-131 */
    {0x46faf7d5e2cbce47u, 0xe5469ffd0f7a31e1u}, /* 1e-130 */
    {0x58b9b5cb5b7ec1d9u, 0xde9847fc5358be5au}, /* 1e-129 */
    {0x6ee8233e325e7250u, 0x563e59fb682eedf0u}, /* 1e-128 */
    {0x45511606df7b0772u, 0x35e6f83d211d54b6u}, /* 1e-127 */
    {0x56a55b889759c94eu, 0xc360b64c6964a9e4u}, /* 1e-126 */
    {0x6c4eb26abd303ba2u, 0x7438e3df83bdd45cu}, /* 1e-125 */
    {0x43b12f82b63e2545u, 0x88a38e6bb256a4bau}, /* 1e-124 */
    {0x549d7b6363cdae96u, 0xeacc72069eec4de8u}, /* 1e-123 */
    {0x69c4da3c3cc11a3cu, 0xa57f8e8846a76162u}, /* 1e-122 */
    {0x421b0865a5f8b065u, 0xe76fb9152c289cdeu}, /* 1e-121 */
    {0x52a1ca7f0f76dc7fu, 0x614ba75a7732c415u}, /* 1e-120 */
    {0x674a3d1ed354939fu, 0x399e913114ff751au}, /* 1e-119 */
    {0x408e66334414dc43u, 0x84031abead1fa930u}, /* 1e-118 */
    {0x50b1ffc0151a1354u, 0x6503e16e5867937cu}, /* 1e-117 */
    {0x64de7fb01a609829u, 0x7e44d9c9ee81785bu}, /* 1e-116 */
    {0x7e161f9c20f8be33u, 0xddd6103c6a21d672u}, /* 1e-115 */
    {0x4ecdd3c1949b76e0u, 0x6aa5ca25c2552607u}, /* 1e-114 */
    {0x628148b1f9c25498u, 0x854f3caf32ea6f89u}, /* 1e-113 */
    {0x7b219ade7832e9beu, 0xa6a30bdaffa50b6bu}, /* 1e-112 */
    {0x4cf500cb0b1fd217u, 0x2825e768dfc72723u}, /* 1e-111 */
    {0x603240fdcde7c69cu, 0xf22f614317b8f0ecu}, /* 1e-110 */
    {0x783ed13d4161b844u, 0x2ebb3993dda72d27u}, /* 1e-109 */
    {0x4b2742c648dd132au, 0x9d3503fc6a887c38u}, /* 1e-108 */
    {0x5df11377db1457f5u, 0x448244fb852a9b46u}, /* 1e-107 */
    {0x756d5855d1d96df2u, 0x95a2d63a66754218u}, /* 1e-106 */
    {0x49645735a327e4b7u, 0x9d85c5e48009494fu}, /* 1e-105 */
    {0x5bbd6d030bf1dde5u, 0x84e7375da00b9ba3u}, /* 1e-104 */
    {0x72acc843ceee555eu, 0xe6210535080e828bu}, /* 1e-103 */
    {0x47abfd2a6154f55bu, 0x4fd4a34125091197u}, /* 1e-102 */
    {0x5996fc74f9aa32b2u, 0x23c9cc116e4b55fdu}, /* 1e-101 */
    {0x6ffcbb923814bf5eu, 0xacbc3f15c9de2b7cu}, /* 1e-100 */
    {0x45fdf53b630cf79bu, 0x2bf5a76d9e2adb2eu}, /* 1e-99 */
    {0x577d728a3bd03581u, 0xf6f3114905b591f9u}, /* 1e-98 */
    {0x6d5ccf2ccac442e2u, 0x74afd59b4722f677u}, /* 1e-97 */
    {0x445a017bfebaa9cdu, 0x88ede5810c75da0bu}, /* 1e-96 */
    {0x557081dafe695440u, 0xeb295ee14f93508du}, /* 1e-95 */
    {0x6acca251be03a951u, 0x25f3b699a37824b0u}, /* 1e-94 */
    {0x42bfe57316c249d2u, 0xb7b85220062b16eeu}, /* 1e-93 */
    {0x536fdecfdc72dc47u, 0x65a666a807b5dcaau}, /* 1e-92 */
    {0x684bd683d38f9359u, 0x3f10005209a353d4u}, /* 1e-91 */
    {0x412f66126439bc17u, 0xc76a003346061465u}, /* 1e-90 */
    {0x517b3f96fd482b1du, 0xb94480401787997eu}, /* 1e-89 */
    {0x65da0f7cbc9a35e5u, 0x2795a0501d697fddu}, /* 1e-88 */
    {0x7f50935bebc0c35eu, 0x717b086424c3dfd5u}, /* 1e-87 */
    {0x4f925c1973587a1bu, 0x06ece53e96fa6be5u}, /* 1e-86 */
    {0x6376f31fd02e98a1u, 0xc8a81e8e3cb906deu}, /* 1e-85 */
    {0x7c54afe7c43a3ecau, 0x3ad22631cbe74896u}, /* 1e-84 */
    {0x4db4edf0daa4673eu, 0x64c357df1f708d5eu}, /* 1e-83 */
    {0x6122296d114d810du, 0xfdf42dd6e74cb0b5u}, /* 1e-82 */
    {0x796ab3c855a0e151u, 0x7d71394ca11fdce2u}, /* 1e-81 */
    {0x4be2b05d35848cd2u, 0xee66c3cfe4b3ea0eu}, /* 1e-80 */
    {0x5edb5c7482e5b007u, 0xaa0074c3dde0e491u}, /* 1e-79 */
    {0x76923391a39f1c09u, 0x948091f4d5591db5u}, /* 1e-78 */
    {0x4a1b603b06437185u, 0xfcd05b390557b291u}, /* 1e-77 */
    {0x5ca23849c7d44de7u, 0x7c04720746ad9f35u}, /* 1e-76 */
    {0x73cac65c39c96161u, 0x5b058e8918590703u}, /* 1e-75 */
    {0x485ebbf9a41ddcdcu, 0xd8e37915af37a462u}, /* 1e-74 */
    {0x5a766af80d255414u, 0x0f1c575b1b058d7au}, /* 1e-73 */
    {0x711405b6106ea919u, 0x12e36d31e1c6f0d9u}, /* 1e-72 */
    {0x46ac8391ca4529afu, 0xabce243f2d1c5688u}, /* 1e-71 */
    {0x5857a4763cd6741bu, 0x96c1ad4ef8636c29u}, /* 1e-70 */
    {0x6e6d8d93cc0c1122u, 0x7c7218a2b67c4733u}, /* 1e-69 */
    {0x4504787c5f878ab5u, 0x8dc74f65b20dac80u}, /* 1e-68 */
    {0x5645969b77696d62u, 0xf139233f1e9117a0u}, /* 1e-67 */
    {0x6bd6fc425543c8bbu, 0xad876c0ee6355d88u}, /* 1e-66 */
    {0x43665da9754a5d75u, 0x4c74a3894fe15a75u}, /* 1e-65 */
    {0x543ff513d29cf4d2u, 0x9f91cc6ba3d9b113u}, /* 1e-64 */
    {0x694ff258c7443207u, 0x47763f868cd01d57u}, /* 1e-63 */
    {0x41d1f7777c8a9f44u, 0x8ca9e7b418021257u}, /* 1e-62 */
    {0x524675555bad4715u, 0xafd461a11e0296ecu}, /* 1e-61 */
    {0x66d812aab29898dbu, 0x1bc97a0965833ca7u}, /* 1e-60 */
    {0x40470baaaf9f5f88u, 0xf15dec45df7205e9u}, /* 1e-59 */
    {0x5058ce955b87376bu, 0x2db56757574e8763u}, /* 1e-58 */
    {0x646f023ab2690545u, 0xf922c12d2d22293bu}, /* 1e-57 */
    {0x7d8ac2c95f034697u, 0x776b7178786ab38au}, /* 1e-56 */
    {0x4e76b9bddb620c1eu, 0xaaa326eb4b42b036u}, /* 1e-55 */
    {0x6214682d523a8f26u, 0x554bf0a61e135c44u}, /* 1e-54 */
    {0x7a998238a6c932efu, 0xea9eeccfa5983355u}, /* 1e-53 */
    {0x4c9ff163683dbfd5u, 0xf2a35401c77f2015u}, /* 1e-52 */
    {0x5fc7edbc424d2fcbu, 0x6f4c2902395ee81au}, /* 1e-51 */
    {0x77b9e92b52e07bbeu, 0x4b1f3342c7b6a221u}, /* 1e-50 */
    {0x4ad431bb13cc4d56u, 0xeef38009bcd22555u}, /* 1e-49 */
    {0x5d893e29d8bf60acu, 0xaab0600c2c06aeaau}, /* 1e-48 */
    {0x74eb8db44eef38d7u, 0xd55c780f37085a54u}, /* 1e-47 */
    {0x49133890b1558386u, 0xe559cb0982653875u}, /* 1e-46 */
    {0x5b5806b4ddaae468u, 0x9eb03dcbe2fe8692u}, /* 1e-45 */
    {0x722e086215159d82u, 0xc65c4d3edbbe2836u}, /* 1e-44 */
    {0x475cc53d4d2d8271u, 0xbbf9b0474956d922u}, /* 1e-43 */
    {0x5933f68ca078e30eu, 0x2af81c591bac8f6au}, /* 1e-42 */
    {0x6f80f42fc8971bd1u, 0xb5b6236f6297b345u}, /* 1e-41 */
    {0x45b0989ddd5e7163u, 0x1191d6259d9ed00bu}, /* 1e-40 */
    {0x571cbec554b60dbbu, 0xd5f64baf0506840eu}, /* 1e-39 */
    {0x6ce3ee76a9e3912au, 0xcb73de9ac6482511u}, /* 1e-38 */
    {0x440e750a2a2e3abau, 0xbf286b20bbed172bu}, /* 1e-37 */
    {0x5512124cb4b9c969u, 0x6ef285e8eae85cf5u}, /* 1e-36 */
    {0x6a5696dfe1e83bc3u, 0xcaaf276325a27433u}, /* 1e-35 */
    {0x42761e4bed31255au, 0x5ead789df78588a0u}, /* 1e-34 */
    {0x5313a5dee87d6eb0u, 0xf658d6c57566eac8u}, /* 1e-33 */
    {0x67d88f56a29cca5du, 0x33ef0c76d2c0a57au}, /* 1e-32 */
    {0x40e7599625a1fe7au, 0x407567ca43b8676cu}, /* 1e-31 */
    {0x51212ffbaf0a7e18u, 0xd092c1bcd4a68147u}, /* 1e-30 */
    {0x65697bfa9acd1d9fu, 0x04b7722c09d02199u}, /* 1e-29 */
    {0x7ec3daf941806506u, 0xc5e54eb70c4429ffu}, /* 1e-28 */
    {0x4f3a68dbc8f03f24u, 0x3baf513267aa9a3fu}, /* 1e-27 */
    {0x63090312bb2c4eedu, 0x4a9b257f019540cfu}, /* 1e-26 */
    {0x7bcb43d769f762a8u, 0x9d41eedec1fa9103u}, /* 1e-25 */
    {0x4d5f0a66a23a9da9u, 0x6249354b393c9aa2u}, /* 1e-24 */
    {0x60b6cd004ac94513u, 0xbadb829e078bc14au}, /* 1e-23 */
    {0x78e480405d7b9658u, 0xa9926345896eb19du}, /* 1e-22 */
    {0x4b8ed0283a6d3df7u, 0x69fb7e0b75e52f02u}, /* 1e-21 */
    {0x5e72843249088d75u, 0x447a5d8e535e7ac3u}, /* 1e-20 */
    {0x760f253edb4ab0d2u, 0x9598f4f1e8361973u}, /* 1e-19 */
    {0x49c97747490eae83u, 0x9d7f99173121cfe8u}, /* 1e-18 */
    {0x5c3bd5191b525a24u, 0x84df7f5cfd6a43e2u}, /* 1e-17 */
    {0x734aca5f6226f0adu, 0xa6175f343cc4d4dau}, /* 1e-16 */
    {0x480ebe7b9d58566cu, 0x87ce9b80a5fb0509u}, /* 1e-15 */
    {0x5a126e1a84ae6c07u, 0xa9c24260cf79c64bu}, /* 1e-14 */
    {0x709709a125da0709u, 0x9432d2f9035837ddu}, /* 1e-13 */
    {0x465e6604b7a84465u, 0xfc9fc3dba21722eau}, /* 1e-12 */
    {0x57f5ff85e592557fu, 0x7bc7b4d28a9ceba5u}, /* 1e-11 */
    {0x6df37f675ef6eadfu, 0x5ab9a2072d44268eu}, /* 1e-10 */
    {0x44b82fa09b5a52cbu, 0x98b405447c4a9819u}, /* 1e-9 */
    {0x55e63b88c230e77eu, 0x7ee106959b5d3e1fu}, /* 1e-8 */
    {0x6b5fca6af2bd215eu, 0x1e99483b02348da7u}, /* 1e-7 */
    {0x431bde82d7b634dau, 0xd31fcd24e160d888u}, /* 1e-6 */
    {0x53e2d6238da3c211u, 0x87e7c06e19b90eaau}, /* 1e-5 */
    {0x68db8bac710cb295u, 0xe9e1b089a0275255u}, /* 1e-4 */
    {0x4189374bc6a7ef9du, 0xb22d0e5604189375u}, /* 1e-3 */
    {0x51eb851eb851eb85u, 0x1eb851eb851eb852u}, /* 1e-2 */
    {0x6666666666666666u, 0x6666666666666667u}, /* 1e-1 */
    {0x4000000000000000u, 0x0000000000000001u}, /* 1e0 */
    {0x5000000000000000u, 0x0000000000000001u}, /* 1e1 */
    {0x6400000000000000u, 0x0000000000000001u}, /* 1e2 */
    {0x7d00000000000000u, 0x0000000000000001u}, /* 1e3 */
    {0x4e20000000000000u, 0x0000000000000001u}, /* 1e4 */
    {0x61a8000000000000u, 0x0000000000000001u}, /* 1e5 */
    {0x7a12000000000000u, 0x0000000000000001u}, /* 1e6 */
    {0x4c4b400000000000u, 0x0000000000000001u}, /* 1e7 */
    {0x5f5e100000000000u, 0x0000000000000001u}, /* 1e8 */
    {0x7735940000000000u, 0x0000000000000001u}, /* 1e9 */
    {0x4a817c8000000000u, 0x0000000000000001u}, /* 1e10 */
    {0x5d21dba000000000u, 0x0000000000000001u}, /* 1e11 */
    {0x746a528800000000u, 0x0000000000000001u}, /* 1e12 */
    {0x48c2739500000000u, 0x0000000000000001u}, /* 1e13 */
    {0x5af3107a40000000u, 0x0000000000000001u}, /* 1e14 */
    {0x71afd498d0000000u, 0x0000000000000001u}, /* 1e15 */
    {0x470de4df82000000u, 0x0000000000000001u}, /* 1e16 */
    {0x58d15e1762800000u, 0x0000000000000001u}, /* 1e17 */
    {0x6f05b59d3b200000u, 0x0000000000000001u}, /* 1e18 */
    {0x4563918244f40000u, 0x0000000000000001u}, /* 1e19 */
    {0x56bc75e2d6310000u, 0x0000000000000001u}, /* 1e20 */
    {0x6c6b935b8bbd4000u, 0x0000000000000001u}, /* 1e21 */
    {0x43c33c1937564800u, 0x0000000000000001u}, /* 1e22 */
    {0x54b40b1f852bda00u, 0x0000000000000001u}, /* 1e23 */
    {0x69e10de76676d080u, 0x0000000000000001u}, /* 1e24 */
    {0x422ca8b0a00a4250u, 0x0000000000000001u}, /* 1e25 */
    {0x52b7d2dcc80cd2e4u, 0x0000000000000001u}, /* 1e26 */
    {0x6765c793fa10079du, 0x0000000000000001u}, /* 1e27 */
    {0x409f9cbc7c4a04c2u, 0x2000000000000001u}, /* 1e28 */
    {0x50c783eb9b5c85f2u, 0xa800000000000001u}, /* 1e29 */
    {0x64f964e68233a76fu, 0x5200000000000001u}, /* 1e30 */
    {0x7e37be2022c0914bu, 0x2680000000000001u}, /* 1e31 */
    {0x4ee2d6d415b85aceu, 0xf810000000000001u}, /* 1e32 */
    {0x629b8c891b267182u, 0xb614000000000001u}, /* 1e33 */
    {0x7b426fab61f00de3u, 0x6399000000000001u}, /* 1e34 */
    {0x4d0985cb1d3608aeu, 0x1e3fa00000000001u}, /* 1e35 */
    {0x604be73de4838ad9u, 0xa5cf880000000001u}, /* 1e36 */
    {0x785ee10d5da46d90u, 0x0f436a0000000001u}, /* 1e37 */
    {0x4b3b4ca85a86c47au, 0x098a224000000001u}, /* 1e38 */
    {0x5e0a1fd271287598u, 0x8becaad000000001u}, /* 1e39 */
    {0x758ca7c70d7292feu, 0xaee7d58400000001u}, /* 1e40 */
    {0x4977e8dc68679bdfu, 0x2d50e57280000001u}, /* 1e41 */
    {0x5bd5e313828182d6u, 0xf8a51ecf20000001u}, /* 1e42 */
    {0x72cb5bd86321e38cu, 0xb6ce6682e8000001u}, /* 1e43 */
    {0x47bf19673df52e37u, 0xf2410011d1000001u}, /* 1e44 */
    {0x59aedfc10d7279c5u, 0xeed1401645400001u}, /* 1e45 */
    {0x701a97b150cf1837u, 0x6a85901bd6900001u}, /* 1e46 */
    {0x46109eced2816f22u, 0xa2937a11661a0001u}, /* 1e47 */
    {0x5794c6828721caebu, 0x4b385895bfa08001u}, /* 1e48 */
    {0x6d79f82328ea3da6u, 0x1e066ebb2f88a001u}, /* 1e49 */
    {0x446c3b15f9926687u, 0xd2c40534fdb56401u}, /* 1e50 */
    {0x558749db77f70029u, 0xc77506823d22bd01u}, /* 1e51 */
    {0x6ae91c5255f4c034u, 0x39524822cc6b6c41u}, /* 1e52 */
    {0x42d1b1b375b8f820u, 0xa3d36d15bfc323a9u}, /* 1e53 */
    {0x53861e2053273628u, 0xccc8485b2fb3ec93u}, /* 1e54 */
    {0x6867a5a867f103b2u, 0xfffa5a71fba0e7b7u}, /* 1e55 */
    {0x4140c78940f6a24fu, 0xdffc78873d4490d3u}, /* 1e56 */
    {0x5190f96b91344ae3u, 0xd7fb96a90c95b507u}, /* 1e57 */
    {0x65f537c675815d9cu, 0xcdfa7c534fbb2249u}, /* 1e58 */
    {0x7f7285b812e1b504u, 0x01791b6823a9eadbu}, /* 1e59 */
    {0x4fa793930bcd1122u, 0x80ebb121164a32c9u}, /* 1e60 */
    {0x63917877cec0556bu, 0x21269d695bdcbf7bu}, /* 1e61 */
    {0x7c75d695c2706ac5u, 0xe97044c3b2d3ef5au}, /* 1e62 */
    {0x4dc9a61d998642bbu, 0xb1e62afa4fc47598u}, /* 1e63 */
    {0x613c0fa4ffe7d36au, 0x9e5fb5b8e3b592feu}, /* 1e64 */
    {0x798b138e3fe1c845u, 0x45f7a3271ca2f7beu}, /* 1e65 */
    {0x4bf6ec38e7ed1d2bu, 0x4bbac5f871e5dad7u}, /* 1e66 */
    {0x5ef4a74721e86476u, 0x1ea977768e5f518cu}, /* 1e67 */
    {0x76b1d118ea627d93u, 0xa653d55431f725efu}, /* 1e68 */
    {0x4a2f22af927d8e7cu, 0x47f465549f3a77b6u}, /* 1e69 */
    {0x5cbaeb5b771cf21bu, 0x59f17ea9c70915a3u}, /* 1e70 */
    {0x73e9a63254e42ea2u, 0x306dde5438cb5b0cu}, /* 1e71 */
    {0x487207df750e9d25u, 0x5e44aaf4a37f18e7u}, /* 1e72 */
    {0x5a8e89d75252446eu, 0xb5d5d5b1cc5edf21u}, /* 1e73 */
    {0x71322c4d26e6d58au, 0x634b4b1e3f7696e9u}, /* 1e74 */
    {0x46bf5bb038504576u, 0x7e0f0ef2e7aa1e52u}, /* 1e75 */
    {0x586f329c466456d4u, 0x1d92d2afa194a5e6u}, /* 1e76 */
    {0x6e8aff4357fd6c89u, 0x24f7875b89f9cf60u}, /* 1e77 */
    {0x4516df8a16fe63d5u, 0xb71ab499363c219cu}, /* 1e78 */
    {0x565c976c9cbdfccbu, 0x24e161bf83cb2a03u}, /* 1e79 */
    {0x6bf3bd47c3ed7bfdu, 0xee19ba2f64bdf484u}, /* 1e80 */
    {0x4378564cda746d7eu, 0xb4d0145d9ef6b8d2u}, /* 1e81 */
    {0x54566be0111188deu, 0x6204197506b46707u}, /* 1e82 */
    {0x696c06d81555eb15u, 0xfa851fd2486180c9u}, /* 1e83 */
    {0x41e384470d55b2edu, 0xbc9333e36d3cf07eu}, /* 1e84 */
    {0x525c6558d0ab1fa9u, 0x2bb800dc488c2c9du}, /* 1e85 */
    {0x66f37eaf04d5e793u, 0x76a601135aaf37c4u}, /* 1e86 */
    {0x40582f2d6305b0bcu, 0x2a27c0ac18ad82dbu}, /* 1e87 */
    {0x506e3af8bbc71cebu, 0x34b1b0d71ed8e391u}, /* 1e88 */
    {0x6489c9b6eab8e426u, 0x01de1d0ce68f1c75u}, /* 1e89 */
    {0x7dac3c24a5671d2fu, 0x8255a4502032e392u}, /* 1e90 */
    {0x4e8ba596e760723du, 0xb17586b2141fce3cu}, /* 1e91 */
    {0x622e8efca1388ecdu, 0x1dd2e85e9927c1cbu}, /* 1e92 */
    {0x7aba32bbc986b280u, 0x6547a2763f71b23du}, /* 1e93 */
    {0x4cb45fb55df42f90u, 0x3f4cc589e7a70f66u}, /* 1e94 */
    {0x5fe177a2b5713b74u, 0x4f1ff6ec6190d340u}, /* 1e95 */
    {0x77d9d58b62cd8a51u, 0x62e7f4a779f50810u}, /* 1e96 */
    {0x4ae825771dc07672u, 0xddd0f8e8ac39250au}, /* 1e97 */
    {0x5da22ed4e530940fu, 0x95453722d7476e4cu}, /* 1e98 */
    {0x750aba8a1e7cb913u, 0x7a9684eb8d1949dfu}, /* 1e99 */
    {0x4926b496530df3acu, 0x2c9e1313382fce2cu}, /* 1e100 */
    {0x5b7061bbe7d17097u, 0x37c597d8063bc1b7u}, /* 1e101 */
    {0x724c7a2ae1c5ccbdu, 0x05b6fdce07cab224u}, /* 1e102 */
    {0x476fcc5acd1b9ff6u, 0x23925ea0c4deaf57u}, /* 1e103 */
    {0x594bbf71806287f3u, 0xac76f648f6165b2cu}, /* 1e104 */
    {0x6f9eaf4de07b29f0u, 0x9794b3db339bf1f7u}, /* 1e105 */
    {0x45c32d90ac4cfa36u, 0x5ebcf0690041773bu}, /* 1e106 */
    {0x5733f8f4d76038c3u, 0xf66c2c834051d509u}, /* 1e107 */
    {0x6d00f7320d3846f4u, 0xf40737a410664a4bu}, /* 1e108 */
    {0x44209a7f48432c59u, 0x188482c68a3fee6fu}, /* 1e109 */
    {0x5528c11f1a53f76fu, 0x5ea5a3782ccfea0bu}, /* 1e110 */
    {0x6a72f166e0e8f54bu, 0x364f0c563803e48eu}, /* 1e111 */
    {0x4287d6e04c91994fu, 0x01f167b5e3026ed9u}, /* 1e112 */
    {0x5329cc985fb5ffa2u, 0xc26dc1a35bc30a8fu}, /* 1e113 */
    {0x67f43fbe77a37f8bu, 0x7309320c32b3cd32u}, /* 1e114 */
    {0x40f8a7d70ac62fb7u, 0x27e5bf479fb06040u}, /* 1e115 */
    {0x5136d1cccd77bba4u, 0xf1df2f19879c784fu}, /* 1e116 */
    {0x6584864000d5aa8eu, 0x2e56fadfe9839663u}, /* 1e117 */
    {0x7ee5a7d0010b1531u, 0xb9ecb997e3e47bfcu}, /* 1e118 */
    {0x4f4f88e200a6ed3fu, 0x1433f3feee6ecd7eu}, /* 1e119 */
    {0x63236b1a80d0a88eu, 0xd940f0feaa0a80ddu}, /* 1e120 */
    {0x7bec45e12104d2b2u, 0x8f912d3e548d2114u}, /* 1e121 */
    {0x4d73abacb4a303afu, 0x99babc46f4d834adu}, /* 1e122 */
    {0x60d09697e1cbc49bu, 0x80296b58b20e41d8u}, /* 1e123 */
    {0x7904bc3dda3eb5c2u, 0x6033c62ede91d24eu}, /* 1e124 */
    {0x4ba2f5a6a8673199u, 0x7c205bdd4b1b2371u}, /* 1e125 */
    {0x5e8bb3105280fdffu, 0xdb2872d49de1ec4du}, /* 1e126 */
    {0x762e9fd467213d7fu, 0xd1f28f89c55a6760u}, /* 1e127 */
    {0x49dd23e4c074c66fu, 0xe33799b61b58809cu}, /* 1e128 */
    {0x5c546cddf091f80bu, 0xdc058023a22ea0c3u}, /* 1e129 */
    {0x736988156cb6760eu, 0xd306e02c8aba48f3u}, /* 1e130 */
    {0x4821f50d63f209c9u, 0x43e44c1bd6b46d98u}, /* 1e131 */
    {0x5a2a7250bcee8c3bu, 0x94dd5f22cc6188feu}, /* 1e132 */
    {0x70b50ee4ec2a2f4au, 0x7a14b6eb7f79eb3eu}, /* 1e133 */
    {0x4671294f139a5d8eu, 0x8c4cf2532fac3307u}, /* 1e134 */
    {0x580d73a2d880f4f2u, 0x2f602ee7fb973fc8u}, /* 1e135 */
    {0x6e10d08b8ea1322eu, 0xbb383aa1fa7d0fbau}, /* 1e136 */
    {0x44ca82573924bf5du, 0x350324a53c8e29d5u}, /* 1e137 */
    {0x55fd22ed076def34u, 0x8243edce8bb1b44au}, /* 1e138 */
    {0x6b7c6ba849496b01u, 0xa2d4e9422e9e215cu}, /* 1e139 */
    {0x432dc3492dcde2e1u, 0x05c511c95d22d4dau}, /* 1e140 */
    {0x53f9341b79415b99u, 0x4736563bb46b8a10u}, /* 1e141 */
    {0x68f781225791b27fu, 0x9903ebcaa1866c94u}, /* 1e142 */
    {0x419ab0b576bb0f8fu, 0xbfa2735ea4f403ddu}, /* 1e143 */
    {0x52015ce2d469d373u, 0xaf8b10364e3104d4u}, /* 1e144 */
    {0x6681b41b89844850u, 0x9b6dd443e1bd4608u}, /* 1e145 */
    {0x4011109135f2ad32u, 0x6124a4aa6d164bc5u}, /* 1e146 */
    {0x501554b5836f587eu, 0xf96dcdd5085bdeb7u}, /* 1e147 */
    {0x641aa9e2e44b2e9eu, 0xb7c9414a4a72d664u}, /* 1e148 */
    {0x7d21545b9d5dfa46u, 0x65bb919cdd0f8bfdu}, /* 1e149 */
    {0x4e34d4b9425abc6bu, 0xff953b020a29b77eu}, /* 1e150 */
    {0x61c209e792f16b86u, 0xff7a89c28cb4255eu}, /* 1e151 */
    {0x7a328c6177adc668u, 0xbf592c332fe12eb5u}, /* 1e152 */
    {0x4c5f97bceacc9c01u, 0x7797bb9ffdecbd31u}, /* 1e153 */
    {0x5f777dac257fc301u, 0xd57daa87fd67ec7eu}, /* 1e154 */
    {0x77555d172edfb3c2u, 0x4add1529fcc1e79du}, /* 1e155 */
    {0x4a955a2e7d4bd059u, 0x6eca2d3a3df930c2u}, /* 1e156 */
    {0x5d3ab0ba1c9ec46fu, 0xca7cb888cd777cf3u}, /* 1e157 */
    {0x74895ce8a3c6758bu, 0xbd1be6ab00d55c2fu}, /* 1e158 */
    {0x48d5da11665c0977u, 0x5631702ae085599eu}, /* 1e159 */
    {0x5b0b5095bff30bd5u, 0x2bbdcc3598a6b005u}, /* 1e160 */
    {0x71ce24bb2fefcecau, 0x76ad3f42fed05c06u}, /* 1e161 */
    {0x4720d6f4fdf5e13eu, 0x8a2c4789df423984u}, /* 1e162 */
    {0x58e90cb23d73598eu, 0x2cb7596c5712c7e5u}, /* 1e163 */
    {0x6f234fdeccd02ff1u, 0xb7e52fc76cd779deu}, /* 1e164 */
    {0x457611eb40021df7u, 0x12ef3ddca406ac2bu}, /* 1e165 */
    {0x56d396661002a574u, 0xd7ab0d53cd085736u}, /* 1e166 */
    {0x6c887bff94034ed2u, 0x0d95d0a8c04a6d03u}, /* 1e167 */
    {0x43d54d7fbc821143u, 0x487da269782e8422u}, /* 1e168 */
    {0x54caa0dfaba29594u, 0x1a9d0b03d63a252au}, /* 1e169 */
    {0x69fd4917968b3af9u, 0x21444dc4cbc8ae75u}, /* 1e170 */
    {0x423e4daebe1704dbu, 0xb4cab09aff5d6d09u}, /* 1e171 */
    {0x52cde11a6d9cc612u, 0xa1fd5cc1bf34c84bu}, /* 1e172 */
    {0x678159610903f797u, 0x4a7cb3f22f01fa5eu}, /* 1e173 */
    {0x40b0d7dca5a27abeu, 0x8e8df0775d613c7bu}, /* 1e174 */
    {0x50dd0dd3cf0b196eu, 0x32316c9534b98b9au}, /* 1e175 */
    {0x65145148c2cddfc9u, 0xbebdc7ba81e7ee80u}, /* 1e176 */
    {0x7e59659af38157bcu, 0x2e6d39a92261ea20u}, /* 1e177 */
    {0x4ef7df80d830d6d5u, 0x9d044409b57d3254u}, /* 1e178 */
    {0x62b5d7610e3d0c8bu, 0x0445550c22dc7ee9u}, /* 1e179 */
    {0x7b634d3951cc4fadu, 0xc556aa4f2b939ea3u}, /* 1e180 */
    {0x4d1e1043d31fb1ccu, 0x9b562a717b3c4326u}, /* 1e181 */
    {0x60659454c7e79e3fu, 0xc22bb50dda0b53efu}, /* 1e182 */
    {0x787ef969f9e185cfu, 0xb2b6a251508e28ebu}, /* 1e183 */
    {0x4b4f5be23c2cf3a1u, 0xcfb22572d258d993u}, /* 1e184 */
    {0x5e2332dacb38308au, 0x439eaecf86ef0ff8u}, /* 1e185 */
    {0x75abff917e063cacu, 0xd4865a8368aad3f6u}, /* 1e186 */
    {0x498b7fbaeec3e5ecu, 0x04d3f892216ac47au}, /* 1e187 */
    {0x5bee5fa9aa74df67u, 0x0608f6b6a9c57598u}, /* 1e188 */
    {0x72e9f79415121740u, 0xc78b34645436d2feu}, /* 1e189 */
    {0x47d23abc8d2b4e88u, 0x7cb700beb4a243dfu}, /* 1e190 */
    {0x59c6c96bb076222au, 0x9be4c0ee61cad4d7u}, /* 1e191 */
    {0x70387bc69c93aab5u, 0x42ddf129fa3d8a0cu}, /* 1e192 */
    {0x46234d5c21dc4ab1u, 0x49cab6ba3c667648u}, /* 1e193 */
    {0x57ac20b32a535d5du, 0x9c3d6468cb8013dau}, /* 1e194 */
    {0x6d9728dff4e834b5u, 0x034cbd82fe6018d0u}, /* 1e195 */
    {0x447e798bf91120f1u, 0x220ff671defc0f82u}, /* 1e196 */
    {0x559e17eef755692du, 0x6a93f40e56bb1362u}, /* 1e197 */
    {0x6b059deab52ac378u, 0xc538f111ec69d83bu}, /* 1e198 */
    {0x42e382b2b13aba2bu, 0x7b4396ab33c22725u}, /* 1e199 */
    {0x539c635f5d8968b6u, 0x5a147c5600b2b0eeu}, /* 1e200 */
    {0x68837c3734ebc2e3u, 0xf0999b6b80df5d2au}, /* 1e201 */
    {0x41522da2811359ceu, 0x76600123308b9a3au}, /* 1e202 */
    {0x51a6b90b21583042u, 0x13f8016bfcae80c9u}, /* 1e203 */
    {0x6610674de9ae3c52u, 0x98f601c6fbda20fbu}, /* 1e204 */
    {0x7f9481216419cb67u, 0x3f338238bad0a939u}, /* 1e205 */
    {0x4fbcd0b4de901f20u, 0x8780316374c269c4u}, /* 1e206 */
    {0x63ac04e2163426e8u, 0xa9603dbc51f30435u}, /* 1e207 */
    {0x7c97061a9bc130a2u, 0xd3b84d2b666fc542u}, /* 1e208 */
    {0x4dde63d0a158be65u, 0xc453303b2005db49u}, /* 1e209 */
    {0x6155fcc4c9aeedffu, 0x3567fc49e807521bu}, /* 1e210 */
    {0x79ab7bf5fc1aa97fu, 0x02c1fb5c620926a2u}, /* 1e211 */
    {0x4c0b2d79bd90a9efu, 0x61b93d19bd45b826u}, /* 1e212 */
    {0x5f0df8d82cf4d46bu, 0x3a278c602c97262fu}, /* 1e213 */
    {0x76d1770e38320986u, 0x08b16f7837bcefbau}, /* 1e214 */
    {0x4a42ea68e31f45f3u, 0xc56ee5ab22d615d5u}, /* 1e215 */
    {0x5cd3a5031be71770u, 0xb6ca9f15eb8b9b4au}, /* 1e216 */
    {0x74088e43e2e0dd4cu, 0xe47d46db666e821cu}, /* 1e217 */
    {0x488558ea6dcc8a50u, 0x0ece4c4920051152u}, /* 1e218 */
    {0x5aa6af25093face4u, 0x1281df5b680655a6u}, /* 1e219 */
    {0x71505aee4b8f981du, 0x172257324207eb0fu}, /* 1e220 */
    {0x46d238d4ef39bf12u, 0x2e75767f6944f2eau}, /* 1e221 */
    {0x5886c70a2b082ed6u, 0xba12d41f43962fa4u}, /* 1e222 */
    {0x6ea878ccb5ca3a8cu, 0x68978927147bbb8du}, /* 1e223 */
    {0x45294b7ff19e6497u, 0xc15eb5b86ccd5538u}, /* 1e224 */
    {0x56739e5fee05fdbdu, 0xb1b663268800aa86u}, /* 1e225 */
    {0x6c1085f7e9877d2du, 0x1e23fbf02a00d528u}, /* 1e226 */
    {0x438a53baf1f4ae3cu, 0x32d67d761a408539u}, /* 1e227 */
    {0x546ce8a9ae71d9cbu, 0x3f8c1cd3a0d0a687u}, /* 1e228 */
    {0x698822d41a0e503eu, 0x0f6f24088904d029u}, /* 1e229 */
    {0x41f515c49048f226u, 0xc9a5768555a3021au}, /* 1e230 */
    {0x52725b35b45b2eb0u, 0x7c0ed426ab0bc2a0u}, /* 1e231 */
    {0x670ef2032171fa5cu, 0x9b12893055ceb348u}, /* 1e232 */
    {0x40695741f4e73c79u, 0xe0eb95be35a1300du}, /* 1e233 */
    {0x5083ad1272210b98u, 0x59267b2dc3097c10u}, /* 1e234 */
    {0x64a498570ea94e7eu, 0x6f7019f933cbdb14u}, /* 1e235 */
    {0x7dcdbe6cd253a21eu, 0x0b4c207780bed1d9u}, /* 1e236 */
    {0x4ea0970403744552u, 0xc70f944ab0774328u}, /* 1e237 */
    {0x6248bcc5045156a7u, 0x78d3795d5c9513f2u}, /* 1e238 */
    {0x7adaebf64565ac51u, 0x570857b4b3ba58eeu}, /* 1e239 */
    {0x4cc8d379eb5f8bb2u, 0xd66536d0f0547795u}, /* 1e240 */
    {0x5ffb085866376e9fu, 0x8bfe84852c69957au}, /* 1e241 */
    {0x77f9ca6e7fc54a47u, 0x6efe25a67783fad9u}, /* 1e242 */
    {0x4afc1e850fdb4e6cu, 0xa55ed7880ab27cc8u}, /* 1e243 */
    {0x5dbb262653d22207u, 0xceb68d6a0d5f1bf9u}, /* 1e244 */
    {0x7529efafe8c6aa89u, 0xc26430c490b6e2f7u}, /* 1e245 */
    {0x493a35cdf17c2a96u, 0x197e9e7ada724ddbu}, /* 1e246 */
    {0x5b88c3416ddb353bu, 0x9fde4619910ee151u}, /* 1e247 */
    {0x726af411c952028au, 0x87d5d79ff55299a6u}, /* 1e248 */
    {0x4782d88b1dd34196u, 0x94e5a6c3f953a008u}, /* 1e249 */
    {0x59638eade54811fcu, 0x3a1f1074f7a8880au}, /* 1e250 */
    {0x6fbc72595e9a167bu, 0x48a6d4923592aa0cu}, /* 1e251 */
    {0x45d5c777db204e0du, 0x0d6844db617baa48u}, /* 1e252 */
    {0x574b3955d1e86190u, 0x50c2561239da94d9u}, /* 1e253 */
    {0x6d1e07ab466279f4u, 0x64f2eb96c8513a10u}, /* 1e254 */
    {0x4432c4cb0bfd8c38u, 0xbf17d33e3d32c44au}, /* 1e255 */
    {0x553f75fdcefcef46u, 0xeeddc80dcc7f755cu}, /* 1e256 */
    {0x6a8f537d42bc2b18u, 0xaa953a113f9f52b3u}, /* 1e257 */
    {0x4299942e49b59aefu, 0x6a9d444ac7c393b0u}, /* 1e258 */
    {0x533ff939dc2301abu, 0x4544955d79b4789cu}, /* 1e259 */
    {0x680ff788532bc216u, 0x1695bab4d82196c3u}, /* 1e260 */
    {0x4109fab533fb594du, 0xce1d94b10714fe3au}, /* 1e261 */
    {0x514c796280fa2fa1u, 0x41a4f9dd48da3dc8u}, /* 1e262 */
    {0x659f97bb2138bb89u, 0x920e38549b10cd3au}, /* 1e263 */
    {0x7f077da9e986ea6bu, 0xf691c669c1d50089u}, /* 1e264 */
    {0x4f64ae8a31f45283u, 0x7a1b1c0219252056u}, /* 1e265 */
    {0x633dda2cbe716724u, 0x58a1e3029f6e686bu}, /* 1e266 */
    {0x7c0d50b7ee0dc0edu, 0x6eca5bc3474a0286u}, /* 1e267 */
    {0x4d885272f4c89894u, 0x653e795a0c8e4194u}, /* 1e268 */
    {0x60ea670fb1fabeb9u, 0x7e8e17b08fb1d1f9u}, /* 1e269 */
    {0x792500d39e796e67u, 0xde319d9cb39e4677u}, /* 1e270 */
    {0x4bb72084430be500u, 0xeadf0281f042ec0au}, /* 1e271 */
    {0x5ea4e8a553cede41u, 0x2596c3226c53a70du}, /* 1e272 */
    {0x764e22cea8c295d1u, 0x6efc73eb076890d0u}, /* 1e273 */
    {0x49f0d5c129799da2u, 0xe55dc872e4a15a82u}, /* 1e274 */
    {0x5c6d0b3173d8050bu, 0x9eb53a8f9dc9b122u}, /* 1e275 */
    {0x73884dfdd0ce064eu, 0x86628933853c1d6bu}, /* 1e276 */
    {0x483530bea280c3f1u, 0x13fd95c033459263u}, /* 1e277 */
    {0x5a427cee4b20f4edu, 0x58fcfb304016f6fcu}, /* 1e278 */
    {0x70d31c29dde93228u, 0xaf3c39fc501cb4bau}, /* 1e279 */
    {0x4683f19a2ab1bf59u, 0x6d85a43db211f0f5u}, /* 1e280 */
    {0x5824ee00b55e2f2fu, 0xc8e70d4d1e966d32u}, /* 1e281 */
    {0x6e2e2980e2b5bafbu, 0xbb20d0a0663c087eu}, /* 1e282 */
    {0x44dcd9f08db194ddu, 0x54f482643fe5854fu}, /* 1e283 */
    {0x5614106cb11dfa14u, 0xaa31a2fd4fdee6a3u}, /* 1e284 */
    {0x6b991487dd657899u, 0xd4be0bbca3d6a04bu}, /* 1e285 */
    {0x433facd4ea5f6b60u, 0x24f6c755e666242fu}, /* 1e286 */
    {0x540f980a24f74638u, 0x2e34792b5fffad3bu}, /* 1e287 */
    {0x69137e0cae3517c6u, 0x39c1977637ff9889u}, /* 1e288 */
    {0x41ac2ec7ece12edbu, 0xe418fea9e2ffbf56u}, /* 1e289 */
    {0x52173a79e8197a92u, 0xdd1f3e545bbfaf2bu}, /* 1e290 */
    {0x669d0918621fd937u, 0x94670de972af9af6u}, /* 1e291 */
    {0x402225af3d53e7c2u, 0xbcc068b1e7adc0dau}, /* 1e292 */
    {0x502aaf1b0ca8e1b3u, 0x6bf082de61993110u}, /* 1e293 */
    {0x64355ae1cfd31a20u, 0x46eca395f9ff7d54u}, /* 1e294 */
    {0x7d42b19a43c7e0a8u, 0x58a7cc7b787f5ca9u}, /* 1e295 */
    {0x4e49af006a5cec69u, 0x3768dfcd2b4f99eau}, /* 1e296 */
    {0x61dc1ac084f42783u, 0x854317c076238065u}, /* 1e297 */
    {0x7a532170a6313164u, 0x6693ddb093ac607eu}, /* 1e298 */
    {0x4c73f4e667debedeu, 0xc01c6a8e5c4bbc4fu}, /* 1e299 */
    {0x5f90f22001d66e96u, 0x70238531f35eab62u}, /* 1e300 */
    {0x77752ea8024c0a3cu, 0x0c2c667e7036563bu}, /* 1e301 */
    {0x4aa93d29016f8665u, 0x879bc00f0621f5e5u}, /* 1e302 */
    {0x5d538c7341cb67feu, 0xe982b012c7aa735eu}, /* 1e303 */
    {0x74a86f90123e41feu, 0xa3e35c1779951035u}, /* 1e304 */
    {0x48e945ba0b66e93fu, 0x266e198eabfd2a21u}, /* 1e305 */
    {0x5b2397288e40a38eu, 0xf0099ff256fc74aau}, /* 1e306 */
    {0x71ec7cf2b1d0cc72u, 0xac0c07eeecbb91d4u}, /* 1e307 */
    {0x4733ce17af227fc7u, 0xab8784f553f53b25u}, /* 1e308 */
    {0x5900c19d9aeb1fb9u, 0x96696632a8f289eeu}, /* 1e309 */
    {0x6f40f20501a5e7a7u, 0xfc03bfbf532f2c69u}, /* 1e310 */
    {0x458897432107b0c8u, 0xfd8257d793fd7bc2u}, /* 1e311 */
    {0x56eabd13e9499cfbu, 0x3ce2edcd78fcdab2u}, /* 1e312 */
    {0x6ca56c58e39c043au, 0x0c1ba940d73c115fu}, /* 1e313 */
    {0x43e763b78e4182a4u, 0x479149c886858adbu}, /* 1e314 */
    {0x54e13ca571d1e34du, 0x59759c3aa826ed92u}, /* 1e315 */
    {0x6a198bcece465c20u, 0xafd303495230a8f6u}, /* 1e316 */
    {0x424ff76140ebf994u, 0x6de3e20dd35e699au}, /* 1e317 */
    {0x52e3f5399126f7f9u, 0x895cda9148360401u}, /* 1e318 */
    {0x679cf287f570b5f7u, 0xebb411359a438501u}, /* 1e319 */
    {0x40c21794f96671bau, 0xf3508ac1806a3321u}, /* 1e320 */
    {0x50f29d7a37c00e29u, 0xb024ad71e084bfe9u}, /* 1e321 */
    {0x652f44d8c5b011b4u, 0x1c2dd8ce58a5efe3u}, /* 1e322 */
    {0x7e7b160ef71c1621u, 0x23394f01eecf6bdbu}, /* 1e323 */
    {0x4f0cedc95a718dd4u, 0xb603d1613541a369u}, /* 1e324 */
};

static const char digit_pairs[] = "0001020304050607080910111213141516171819"
                                  "2021222324252627282930313233343536373839"
                                  "4041424344454647484950515253545556575859"
                                  "6061626364656667686970717273747576777879"
                                  "8081828384858687888990919293949596979899";

/* The high and low 64 bits of a 64x64-bit product. */
#if defined(__SIZEOF_INT128__) && !defined(SENTIMENT_FORMAT_NO_INT128)
__extension__ typedef unsigned __int128 uint128;

static uint64_t mul64(uint64_t a, uint64_t b, uint64_t *lo)
{
    uint128 p = (uint128)a * b;

    *lo = (uint64_t)p;
    return (uint64_t)(p >> 64);
}
#else
static uint64_t mul64(uint64_t a, uint64_t b, uint64_t *lo)
{
    uint64_t a0 = a & 0xffffffffu, a1 = a >> 32;
    uint64_t b0 = b & 0xffffffffu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    /* Three terms below 2^32 each: no overflow. */
    uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);

    *lo = (mid << 32) | (p00 & 0xffffffffu);
    return p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}
#endif

/*
 * floor(cp * g / 2^128), with its lowest bit set if the fraction is non-zero
 * in its top 68 bits ("round to odd"). Bits below those are the error of g,
 * never part of the exact value (see pow10_table).
 */
static uint64_t scale(const uint64_t g[2], uint64_t cp)
{
    uint64_t p1_lo, p2_lo;
    uint64_t p1_hi = mul64(cp, g[1], &p1_lo);
    uint64_t p2_hi = mul64(cp, g[0], &p2_lo);
    uint64_t mid = p2_lo + p1_hi;
    uint64_t top = p2_hi + (mid < p2_lo);

    return top | (mid != 0 || (p1_lo >> 60) != 0);
}

/*
 * floor(q * log10(2)), floor(log10(3/4 * 2^q)) and floor(e * log2(10)) by
 * fixed-point multiplication; checked exhaustively against exact values for
 * |q| <= 1100 and |e| <= 400. The bias keeps the shifted value non-negative,
 * where >> is a plain floor division.
 */
static int floor_log10_pow2(int q)
{
    return (int)((((int32_t)q * 315653 + ((int32_t)1100 << 20)) >> 20) - 1100);
}

static int floor_log10_three_quarters_pow2(int q)
{
    return (
        int)((((int32_t)q * 315653 - 131237 + ((int32_t)1100 << 20)) >> 20) -
             1100);
}

static int floor_log2_pow10(int e)
{
    return (int)((((int32_t)e * 1741647 + ((int32_t)971 << 19)) >> 19) - 971);
}

/*
 * The shortest decimal sig * 10^*exp10 that reads back as c * 2^q (c > 0),
 * closest to it among equally short ones. irregular is set when the lower
 * neighbour of the double is half as far away as the upper one.
 */
static uint64_t shortest(uint64_t c, int q, int irregular, int *exp10)
{
    int k = irregular ? floor_log10_three_quarters_pow2(q)
                      : floor_log10_pow2(q);
    int h = q + floor_log2_pow10(-k) + 2;
    const uint64_t *g = pow10_table[-k - POW10_MIN];
    /* An odd c excludes the ends of R_v: they read back as the even
     * neighbour. */
    uint64_t out = c & 1;
    uint64_t cb = c << 2;
    uint64_t vb = scale(g, cb << h);
    uint64_t vbl = scale(g, (cb - 2 + (uint64_t)irregular) << h);
    uint64_t vbr = scale(g, (cb + 2) << h);
    uint64_t s = vb >> 2, t = s + 1;
    /* The multiples of 10^(k+1) around v. */
    uint64_t sp = s / 10 * 10, tp = sp + 10;
    int sp_in = vbl + out <= sp << 2;
    int tp_in = (tp << 2) + out <= vbr;
    int s_in, t_in;

    *exp10 = k;

    /* R_v holds at most one of sp and tp. */
    if (sp_in != tp_in)
        return sp_in ? sp : tp;

    /* R_v holds at least one of s and t. */
    s_in = vbl + out <= s << 2;
    t_in = (t << 2) + out <= vbr;
    if (s_in != t_in)
        return s_in ? s : t;

    /* Both read back: take the closer, and on a tie the even one, as
     * dtoa does. vb is compared with the midpoint 4s + 2. */
    if (vb < (s << 2) + 2 || (vb == (s << 2) + 2 && (s & 1) == 0))
        return s;
    return t;
}

/* Removes sig's trailing zeros, adding them to *exp10. sig < 10^17 has at
 * most 16, and one pass of halving steps removes up to 31. */
static uint64_t strip_zeros(uint64_t sig, int *exp10)
{
    if (sig % 10000000000000000u == 0) {
        sig /= 10000000000000000u;
        *exp10 += 16;
    }
    if (sig % 100000000u == 0) {
        sig /= 100000000u;
        *exp10 += 8;
    }
    if (sig % 10000u == 0) {
        sig /= 10000u;
        *exp10 += 4;
    }
    if (sig % 100u == 0) {
        sig /= 100u;
        *exp10 += 2;
    }
    if (sig % 10u == 0) {
        sig /= 10u;
        *exp10 += 1;
    }
    return sig;
}

static int count_digits(uint64_t v)
{
    int n = 1;

    while (v >= 10000) {
        v /= 10000;
        n += 4;
    }
    if (v >= 100) {
        v /= 100;
        n += 2;
    }
    if (v >= 10)
        n += 1;
    return n;
}

/* Writes the n decimal digits of v to out[0..n-1]. */
static void write_digits(uint64_t v, char *out, int n)
{
    char *p = out + n;

    /* Split off the low eight digits so most divisions are 32-bit. */
    while (v >= 100000000u) {
        uint32_t low = (uint32_t)(v % 100000000u);

        v /= 100000000u;
        p -= 8;
        memcpy(p + 6, digit_pairs + 2 * (low % 100), 2);
        low /= 100;
        memcpy(p + 4, digit_pairs + 2 * (low % 100), 2);
        low /= 100;
        memcpy(p + 2, digit_pairs + 2 * (low % 100), 2);
        low /= 100;
        memcpy(p, digit_pairs + 2 * low, 2);
    }
    {
        uint32_t w = (uint32_t)v;

        while (w >= 100) {
            p -= 2;
            memcpy(p, digit_pairs + 2 * (w % 100), 2);
            w /= 100;
        }
        if (w >= 10) {
            p -= 2;
            memcpy(p, digit_pairs + 2 * w, 2);
        } else {
            *--p = (char)('0' + w);
        }
    }
}

/*
 * Lays out sig * 10^exp10 as repr() does (Python's format_float_short with
 * 'r'): positional with at least one digit after the point when the decimal
 * point falls at -4 < decpt <= 16, else d.ddde+XX. Returns the length.
 */
static int layout(char *out, uint64_t sig, int exp10)
{
    char digits[20];
    int n = count_digits(sig);
    int decpt = n + exp10; /* value = 0.DIGITS * 10^decpt */
    char *p = out;

    write_digits(sig, digits, n);

    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            *p++ = '0';
            *p++ = '.';
            memset(p, '0', (size_t)-decpt);
            p += -decpt;
            memcpy(p, digits, (size_t)n);
            p += n;
        } else if (decpt < n) {
            memcpy(p, digits, (size_t)decpt);
            p += decpt;
            *p++ = '.';
            memcpy(p, digits + decpt, (size_t)(n - decpt));
            p += n - decpt;
        } else {
            memcpy(p, digits, (size_t)n);
            p += n;
            memset(p, '0', (size_t)(decpt - n));
            p += decpt - n;
            *p++ = '.';
            *p++ = '0';
        }
    } else {
        int e = decpt - 1;

        *p++ = digits[0];
        if (n > 1) {
            *p++ = '.';
            memcpy(p, digits + 1, (size_t)(n - 1));
            p += n - 1;
        }
        *p++ = 'e';
        if (e < 0) {
            *p++ = '-';
            e = -e;
        } else {
            *p++ = '+';
        }
        if (e >= 100) {
            *p++ = (char)('0' + e / 100);
            e %= 100;
        }
        memcpy(p, digit_pairs + 2 * e, 2);
        p += 2;
    }
    return (int)(p - out);
}

int sentiment_format_double(double value, char *buf, size_t size)
{
    /* Longest output: "-1.2345678901234567e-308" (24 bytes). */
    char tmp[SENTIMENT_FORMAT_BUFSIZE];
    char *p = tmp;
    uint64_t bits, frac;
    int biased, len;

    if (buf == NULL)
        return SENTIMENT_E_INVALID;

    memcpy(&bits, &value, sizeof bits);
    frac = bits & ((UINT64_C(1) << 52) - 1);
    biased = (int)((bits >> 52) & 0x7ff);

    if (biased == 0x7ff) {
        /* Python prints every NaN as "nan", whatever its sign bit. */
        if (frac != 0) {
            memcpy(p, "nan", 3);
            p += 3;
        } else {
            if (bits >> 63)
                *p++ = '-';
            memcpy(p, "inf", 3);
            p += 3;
        }
        len = (int)(p - tmp);
    } else {
        if (bits >> 63)
            *p++ = '-';
        if (biased == 0 && frac == 0) {
            memcpy(p, "0.0", 3);
            p += 3;
        } else {
            uint64_t c, sig;
            int q, exp10;

            if (biased == 0) {
                /* Subnormal: the same spacing as the smallest normals. */
                c = frac;
                q = 1 - 1075;
            } else {
                c = frac | (UINT64_C(1) << 52);
                q = biased - 1075;
            }
            /* At 2^n the double below is half as far as the one above,
             * except below the smallest normal, where subnormals keep the
             * spacing. */
            sig = shortest(c, q, frac == 0 && biased > 1, &exp10);
            sig = strip_zeros(sig, &exp10);
            p += layout(p, sig, exp10);
        }
        len = (int)(p - tmp);
    }

    if ((size_t)len >= size) {
        if (size > 0)
            buf[0] = '\0';
        return SENTIMENT_E_RANGE;
    }
    memcpy(buf, tmp, (size_t)len);
    buf[len] = '\0';
    return len;
}
