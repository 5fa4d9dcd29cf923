/*
 * Building and sending responses. Copyright (c) 2026 The libsentiment
 * developers. MIT licence, see LICENSE.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <jansson.h>
#include <sentiment.h>

#include "server.h"

/* Used when even the error message cannot be allocated. */
static const char oom_body[] = "{\"error\": \"out of memory\"}";

/* Copy message into buf, each byte of an invalid UTF-8 sequence replaced
 * by '?'. jansson quotes the bytes of the input near a parse error, which
 * may be half of a character (`["\<first byte of an emoji>`), and it
 * refuses to encode a string that is not UTF-8. */
static const char *valid_utf8(const char *message, char *buf, size_t size)
{
    size_t len = strlen(message), done = 0, bad;

    if (sentiment_utf8_validate(message, len, NULL) == 0)
        return message;
    if (len >= size)
        len = size - 1;
    memcpy(buf, message, len);
    buf[len] = '\0';
    while (done < len &&
           sentiment_utf8_validate(buf + done, len - done, &bad) != 0) {
        buf[done + bad] = '?';
        done += bad + 1;
    }
    return buf;
}

/* An error body {"error": message}. The message is one of our own fixed
 * strings or jansson's parse error text, encoded by jansson so that any
 * quote or control character in it stays valid JSON. */
void srv_reply_json_error(struct srv_reply *reply, unsigned status,
                          const char *message)
{
    char safe[512];
    json_t *obj = json_pack("{s:s}", "error",
                            valid_utf8(message, safe, sizeof safe));
    char *text = obj != NULL ? json_dumps(obj, JSON_COMPACT) : NULL;

    json_decref(obj);
    memset(reply, 0, sizeof *reply);
    reply->status = status;
    reply->content_type = "application/json";
    if (text == NULL) {
        reply->status = 500;
        reply->body = (char *)oom_body;
        reply->len = sizeof oom_body - 1;
        reply->body_static = true;
        return;
    }
    reply->body = text;
    reply->len = strlen(text);
}

/* A JSON body that the caller malloc'd; the reply takes it. */
void srv_reply_json(struct srv_reply *reply, unsigned status, char *body,
                    size_t len)
{
    memset(reply, 0, sizeof *reply);
    reply->status = status;
    reply->content_type = "application/json";
    reply->body = body;
    reply->len = len;
}

/* A static body (the page, health texts). */
void srv_reply_text(struct srv_reply *reply, unsigned status,
                    const char *content_type, const char *body, size_t len)
{
    memset(reply, 0, sizeof *reply);
    reply->status = status;
    reply->content_type = content_type;
    reply->body = (char *)body;
    reply->len = len;
    reply->body_static = true;
}

static bool add(struct MHD_Response *r, const char *name, const char *value)
{
    return MHD_add_response_header(r, name, value) == MHD_YES;
}

/* Queue the reply on the connection and release the body. With cors, the
 * answer may be read by pages of any origin: the API is anonymous and sets
 * no cookies, so "*" exposes nothing (and is what a browser needs to call
 * the web-app tier cross-origin, as the original front end does). With
 * closing, the connection is closed after the answer: while draining we do
 * not want clients to keep reusing it. */
enum MHD_Result srv_reply_send(struct MHD_Connection *connection,
                               const struct srv_reply *reply, bool cors,
                               bool closing)
{
    struct MHD_Response *r;
    enum MHD_Result ret;
    bool ok;

    if (reply->body_static)
        r = MHD_create_response_from_buffer(reply->len, reply->body,
                                            MHD_RESPMEM_PERSISTENT);
    else
        r = MHD_create_response_from_buffer(reply->len, reply->body,
                                            MHD_RESPMEM_MUST_FREE);
    if (r == NULL) {
        if (!reply->body_static)
            free(reply->body);
        return MHD_NO;
    }
    ok = true;
    if (reply->content_type != NULL)
        ok = ok && add(r, MHD_HTTP_HEADER_CONTENT_TYPE, reply->content_type);
    if (reply->allow != NULL)
        ok = ok && add(r, MHD_HTTP_HEADER_ALLOW, reply->allow);
    ok = ok && add(r, "X-Content-Type-Options", "nosniff");
    ok = ok && add(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (cors)
        ok = ok && add(r, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    if (cors && reply->preflight) {
        /* Spring's @CrossOrigin, which the original web app used, caches a
         * preflight for 30 minutes; the front end sends only Content-Type. */
        ok = ok && add(r, "Access-Control-Allow-Methods", "POST, OPTIONS") &&
             add(r, "Access-Control-Allow-Headers", "Content-Type") &&
             add(r, "Access-Control-Max-Age", "1800");
    }
    if (closing)
        ok = ok && add(r, MHD_HTTP_HEADER_CONNECTION, "close");
    ret = ok ? MHD_queue_response(connection, reply->status, r) : MHD_NO;
    MHD_destroy_response(r);
    return ret;
}

/* Write a whole JSON error answer straight to a socket that nothing else
 * writes to at the time, and that closes after it. Returns the body's
 * length. */
size_t srv_send_json_error(int fd, unsigned status, const char *message)
{
    struct srv_reply reply;
    char head[512];
    const char *reason;
    int n;

    srv_reply_json_error(&reply, status, message);
    reason = MHD_get_reason_phrase_for(reply.status);
    n = snprintf(head, sizeof head,
                 "HTTP/1.1 %u %s\r\nContent-Type: application/json\r\n"
                 "Content-Length: %zu\r\nConnection: close\r\n"
                 "X-Content-Type-Options: nosniff\r\n"
                 "Cache-Control: no-store\r\n\r\n",
                 reply.status, reason != NULL ? reason : "Error", reply.len);
    if (n > 0 && (size_t)n < sizeof head) {
        struct iovec iov[2] = {{head, (size_t)n}, {reply.body, reply.len}};
        struct msghdr msg = {.msg_iov = iov, .msg_iovlen = 2};
        /* A few hundred bytes fit an idle socket's send buffer whole; if
         * not, the client can tell a cut answer by its Content-Length. */
        if (sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT) < 0)
            n = 0;
    }
    if (!reply.body_static)
        free(reply.body);
    return reply.len;
}
