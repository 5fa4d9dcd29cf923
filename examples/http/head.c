/*
 * The check of a request head before libmicrohttpd sees it. Copyright (c)
 * 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * libmicrohttpd 0.9.75 answers some bad heads itself, with HTML bodies (431,
 * 414, 400), and one of them wrongly: a Content-Length that is not a number
 * gets its status line and headers twice. It also takes the first of two
 * different Content-Lengths, lets chunked win over a Content-Length, and
 * cuts a decoded path at %00. It has no hook to change those answers, so
 * gate.c looks at the bytes first (without reading them: MSG_PEEK) and
 * refuses what libmicrohttpd would mishandle, with our JSON errors. This is
 * not a parser: libmicrohttpd still parses every request; here we only find
 * the end of the head and refuse the framing and bytes we do not accept.
 */

#include <string.h>
#include <strings.h>

#include "server.h"

static bool is_tchar(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') ||
           (c != '\0' && strchr("!#$%&'*+-.^_`|~", c));
}

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Does the path (the target up to '?') hold a control character, raw or
 * percent-encoded? %00 would cut libmicrohttpd's decoded path short, and
 * no route has one. */
bool srv_path_has_control(const char *target, size_t len)
{
    size_t i;

    for (i = 0; i < len && target[i] != '?'; i++) {
        unsigned char c = (unsigned char)target[i];
        if (c < 0x20 || c == 0x7f)
            return true;
        if (c == '%' && i + 2 < len) {
            int hi = hex_value((unsigned char)target[i + 1]);
            int lo = hex_value((unsigned char)target[i + 2]);
            if (hi >= 0 && lo >= 0 &&
                (hi * 16 + lo < 0x20 || hi * 16 + lo == 0x7f))
                return true;
        }
    }
    return false;
}

/* Is v (trimmed of blanks) a Content-Length we take: 1 to 18 digits? More
 * digits cannot be a body we would read, and would overflow. */
static bool content_length_ok(const char *v, size_t len)
{
    size_t i;

    if (len == 0 || len > 18)
        return false;
    for (i = 0; i < len; i++)
        if (v[i] < '0' || v[i] > '9')
            return false;
    return true;
}

static void trim(const char **v, size_t *len)
{
    while (*len > 0 && (**v == ' ' || **v == '\t')) {
        (*v)++;
        (*len)--;
    }
    while (*len > 0 && ((*v)[*len - 1] == ' ' || (*v)[*len - 1] == '\t'))
        (*len)--;
}

#define REFUSE(code, text) \
    do {                   \
        *message = (text); \
        return (code);     \
    } while (0)

/* The request line: METHOD SP TARGET SP HTTP/1.x. */
static unsigned check_request_line(const char *line, size_t len,
                                   const char **message)
{
    const char *sp1 = memchr(line, ' ', len), *target, *sp2, *version;
    size_t target_len, version_len;
    size_t i;

    if (sp1 == NULL || sp1 == line)
        REFUSE(400, "malformed request line");
    for (i = 0; line + i < sp1; i++)
        if (!is_tchar((unsigned char)line[i]))
            REFUSE(400, "malformed request line");
    target = sp1 + 1;
    sp2 = memchr(target, ' ', len - (size_t)(target - line));
    if (sp2 == NULL || sp2 == target)
        REFUSE(400, "malformed request line");
    target_len = (size_t)(sp2 - target);
    if (target_len > SRV_MAX_URI)
        REFUSE(414, "request target is longer than 2048 bytes");
    for (i = 0; i < target_len; i++) {
        unsigned char c = (unsigned char)target[i];
        if (c <= 0x20 || c == 0x7f)
            REFUSE(400, "control character in the request target");
    }
    if (srv_path_has_control(target, target_len))
        REFUSE(400, "control character in the path");
    version = sp2 + 1;
    version_len = len - (size_t)(version - line);
    if (version_len != 8 || memcmp(version, "HTTP/", 5) != 0 ||
        version[6] != '.' || version[5] < '0' || version[5] > '9' ||
        version[7] < '0' || version[7] > '9')
        REFUSE(400, "malformed request line");
    if (version[5] != '1' || (version[7] != '0' && version[7] != '1'))
        REFUSE(505, "only HTTP/1.0 and HTTP/1.1 are served");
    return 0;
}

/* See server.h. */
unsigned srv_head_check(const char *buf, size_t len, size_t max,
                        const char **message)
{
    size_t pos = 0, content_lengths = 0;
    const char *content_length = NULL;
    size_t content_length_len = 0;
    bool transfer_encoding = false, request_line = true;

    *message = NULL;
    /* RFC 9112 2.2: ignore empty lines before the request line. */
    while (pos < len && (buf[pos] == '\r' || buf[pos] == '\n'))
        pos++;
    for (;;) {
        const char *line = buf + pos, *eol, *colon, *v;
        size_t line_len, vlen, i;
        unsigned status;

        eol = memchr(line, '\n', len - pos);
        if (eol == NULL) {
            if (len < max)
                return 0; /* more to come */
            if (request_line)
                REFUSE(414, "request line is too long");
            REFUSE(431, "request header is larger than 8 KiB");
        }
        line_len = (size_t)(eol - line);
        pos += line_len + 1;
        if (line_len > 0 && line[line_len - 1] == '\r')
            line_len--;
        for (i = 0; i < line_len; i++) {
            unsigned char c = (unsigned char)line[i];
            if ((c < 0x20 && c != '\t') || c == 0x7f)
                REFUSE(400, "control character in the request head");
        }
        if (request_line) {
            status = check_request_line(line, line_len, message);
            if (status != 0)
                return status;
            request_line = false;
            continue;
        }
        if (line_len == 0)
            break; /* the end of the head */
        if (line[0] == ' ' || line[0] == '\t')
            REFUSE(400, "obsolete line folding in a header");
        colon = memchr(line, ':', line_len);
        if (colon == NULL || colon == line)
            REFUSE(400, "malformed header line");
        for (v = line; v < colon; v++)
            if (!is_tchar((unsigned char)*v))
                REFUSE(400, "malformed header name");
        v = colon + 1;
        vlen = line_len - (size_t)(v - line);
        trim(&v, &vlen);
        if ((size_t)(colon - line) == 14 &&
            strncasecmp(line, "Content-Length", 14) == 0) {
            if (!content_length_ok(v, vlen))
                REFUSE(400, "Content-Length must be a decimal number of "
                            "at most 18 digits");
            if (content_lengths++ > 0 && (vlen != content_length_len ||
                                          memcmp(v, content_length, vlen) != 0))
                REFUSE(400, "conflicting Content-Length headers");
            content_length = v;
            content_length_len = vlen;
        } else if ((size_t)(colon - line) == 17 &&
                   strncasecmp(line, "Transfer-Encoding", 17) == 0) {
            transfer_encoding = true;
        }
    }
    if (transfer_encoding && content_lengths > 0)
        REFUSE(400, "both Transfer-Encoding and Content-Length");
    if (transfer_encoding)
        REFUSE(411, "a body needs a Content-Length (Transfer-Encoding is "
                    "not accepted)");
    return 200;
}
