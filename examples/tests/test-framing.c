/*
 * Framing, over raw sockets: what curl cannot send. Every answer must be
 * one well-formed HTTP response whose body is JSON, whatever the head
 * says; bad framing is refused, never guessed at. Copyright (c) 2026 The
 * libsentiment developers. MIT licence, see LICENSE.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "raw.h"
#include "tests.h"

#define POST_HEAD                                     \
    "POST /analyse/sentiment HTTP/1.1\r\nHost: t\r\n" \
    "Content-Type: application/json\r\n"
#define BODY "{\"sentence\":\"good\"}" /* 19 bytes */

/* Send a request on its own connection; the answer must be exactly one
 * response with this status and a JSON error body, then the close. */
static void expect_raw(unsigned port, const char *label, const char *data,
                       size_t len, int status)
{
    struct raw_response r;
    size_t n, used;
    char *buf = raw_exchange(port, data, len != 0 ? len : strlen(data), 3000,
                             &n);
    char name[200];

    used = buf != NULL ? raw_parse(buf, n, &r) : 0;
    snprintf(name, sizeof name, "%s -> one %d response, JSON error", label,
             status);
    check(used > 0 && used == n && r.status == status &&
              (status == 200 || raw_is_json_error(&r)),
          name, "%zu of %zu bytes parsed, status %d: %.300s", used, n, r.status,
          buf != NULL ? buf : "(no connection)");
    free(buf);
}

static void content_length(unsigned port)
{
    static const struct {
        const char *label, *value;
    } bad[] = {
        {"Content-Length: -1", "-1"},
        {"Content-Length: 99999999999999999999", "99999999999999999999"},
        {"Content-Length: abc", "abc"},
        {"Content-Length: 19, 19", "19, 19"},
        {"Content-Length: +19", "+19"},
        {"Content-Length: 0x13", "0x13"},
        {"empty Content-Length", ""},
    };
    char req[512];
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(req, sizeof req, POST_HEAD "Content-Length: %s\r\n\r\n" BODY,
                 bad[i].value);
        expect_raw(port, bad[i].label, req, 0, 400);
    }
    expect_raw(port, "two different Content-Lengths",
               POST_HEAD "Content-Length: 19\r\nContent-Length: 20\r\n\r\n" BODY
                         " ",
               0, 400);
    expect_raw(port, "two equal Content-Lengths",
               POST_HEAD "Content-Length: 19\r\nContent-Length: 19\r\n"
                         "Connection: close\r\n\r\n" BODY,
               0, 200);
    expect_raw(port, "chunked and Content-Length",
               POST_HEAD "Transfer-Encoding: chunked\r\nContent-Length: 19\r\n"
                         "\r\n13\r\n" BODY "\r\n0\r\n\r\n",
               0, 400);
    expect_raw(port, "chunked body",
               POST_HEAD "Transfer-Encoding: chunked\r\n\r\n13\r\n" BODY
                         "\r\n0\r\n\r\n",
               0, 411);
    expect_raw(port, "bad chunked framing",
               POST_HEAD "Transfer-Encoding: chunked\r\n\r\nzz\r\n" BODY
                         "\r\n0\r\n\r\n",
               0, 411);
    expect_raw(port, "Content-Length : 19 (space before the colon)",
               POST_HEAD "Content-Length : 19\r\n\r\n" BODY, 0, 400);
    expect_raw(port, "obsolete line folding",
               POST_HEAD "Content-Length: 19\r\nX-Folded: a\r\n b\r\n\r\n" BODY,
               0, 400);
}

static void paths(unsigned port)
{
    static const struct {
        const char *label, *path;
    } bad[] = {
        {"POST /sentiment%00junk", "/sentiment%00junk"},
        {"POST /analyse/sentiment%00", "/analyse/sentiment%00"},
        {"POST /sentiment%0a", "/sentiment%0a"},
        {"POST /sentiment%7F", "/sentiment%7F"},
        {"raw control byte in the path", "/sentiment\x01"},
    };
    char req[512];
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(req, sizeof req,
                 "POST %s HTTP/1.1\r\nHost: t\r\n"
                 "Content-Type: application/json\r\nContent-Length: 19\r\n"
                 "\r\n" BODY,
                 bad[i].path);
        expect_raw(port, bad[i].label, req, 0, 400);
    }
    expect_raw(port, "%00 in the query is not the path",
               "GET /healthz?x=%00 HTTP/1.1\r\nHost: t\r\n"
               "Connection: close\r\n\r\n",
               0, 200);
    expect_raw(
        port, "NUL byte in a header",
        POST_HEAD "X-Nul: a\0b\r\nContent-Length: 19\r\n\r\n" BODY,
        sizeof(POST_HEAD "X-Nul: a\0b\r\nContent-Length: 19\r\n\r\n" BODY) - 1,
        400);
    expect_raw(port, "HTTP/2.0 request line",
               "GET /healthz HTTP/2.0\r\nHost: t\r\n\r\n", 0, 505);
    expect_raw(port, "garbage request line", "HELLO\r\n\r\n", 0, 400);
}

static void sizes(unsigned port)
{
    size_t n = 9000;
    char *req = malloc(n + 512);

    if (req == NULL)
        return;
    /* A target over 2048 bytes, a request line over 8 KiB, a head over
     * 8 KiB: refused with JSON, where libmicrohttpd would answer HTML. */
    memcpy(req, "GET /", 5);
    memset(req + 5, 'a', 3000);
    strcpy(req + 3005, " HTTP/1.1\r\nHost: t\r\n\r\n");
    expect_raw(port, "3000-byte target", req, 0, 414);
    memset(req + 5, 'a', n);
    strcpy(req + 5 + n, " HTTP/1.1\r\nHost: t\r\n\r\n");
    expect_raw(port, "9000-byte request line", req, 0, 414);
    strcpy(req, "GET /healthz HTTP/1.1\r\nX-Big: ");
    memset(req + strlen(req), 'b', n);
    strcpy(req + 31 + n, "\r\n\r\n");
    expect_raw(port, "9000-byte header", req, 0, 431);
    free(req);
}

/* The second request on a kept-alive connection is parsed by
 * libmicrohttpd, not looked at first: it must still get one JSON
 * refusal (mhd-errors.c), never libmicrohttpd's HTML or its doubled
 * answer to a malformed Content-Length. */
static void second_request(unsigned port, const char *label, const char *second,
                           int status)
{
    char data[50000];
    struct raw_response r1, r2;
    size_t n, used1, used2 = 0;
    char *buf;
    char name[200];

    snprintf(data, sizeof data,
             POST_HEAD "Content-Length: 19\r\n\r\n" BODY "%s", second);
    buf = raw_exchange(port, data, strlen(data), 3000, &n);
    used1 = buf != NULL ? raw_parse(buf, n, &r1) : 0;
    if (used1 > 0 && used1 < n)
        used2 = raw_parse(buf + used1, n - used1, &r2);
    snprintf(name, sizeof name,
             "kept-alive, then %s -> 200, then one %d "
             "JSON error",
             label, status);
    check(used1 > 0 && r1.status == 200 && used2 > 0 && used1 + used2 == n &&
              r2.status == status && raw_is_json_error(&r2),
          name, "%zu+%zu of %zu bytes: %.600s", used1, used2, n, buf);
    free(buf);
}

static void kept_alive(unsigned port)
{
    char big[40100];

    second_request(port, "Content-Length: -1",
                   POST_HEAD "Content-Length: -1\r\n\r\n" BODY, 400);
    second_request(
        port, "Content-Length: 99999999999999999999",
        POST_HEAD "Content-Length: 99999999999999999999\r\n\r\n" BODY, 413);
    strcpy(big, "GET /healthz HTTP/1.1\r\nX-Big: ");
    memset(big + strlen(big), 'b', 40000);
    strcpy(big + 31 + 40000, "\r\n\r\n");
    second_request(port, "a 40000-byte header", big, 431);
    second_request(port, "two different Content-Lengths",
                   POST_HEAD
                   "Content-Length: 19\r\nContent-Length: 20\r\n\r\n" BODY " ",
                   400);
    second_request(port, "chunked and Content-Length",
                   POST_HEAD "Transfer-Encoding: chunked\r\n"
                             "Content-Length: 19\r\n\r\n",
                   400);
    second_request(port, "POST /sentiment%00junk",
                   "POST /sentiment%00junk HTTP/1.1\r\nHost: t\r\n"
                   "Content-Type: application/json\r\nContent-Length: 19\r\n"
                   "\r\n" BODY,
                   400);
}

void test_framing(const char *url)
{
    unsigned port = url_port(url);

    note("framing over raw sockets at %s", url);
    content_length(port);
    paths(port);
    sizes(port);
    kept_alive(port);
    expect_raw(port, "after all that, a good request",
               POST_HEAD "Content-Length: 19\r\nConnection: close\r\n\r\n" BODY,
               0, 200);
}
