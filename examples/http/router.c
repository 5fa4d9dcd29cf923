/*
 * The request cycle on libmicrohttpd: routing, method and header checks,
 * reading the body within limits, answering, counting and logging.
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * libmicrohttpd calls srv_request_begins() once the request line is in,
 * with the target as the client sent it (before percent-decoding), then
 * srv_dispatch() several times per request:
 *   1. once the headers are in (*upload_data_size == 0, *con_cls == NULL).
 *      If a body is coming, everything that does not need it is decided
 *      here, so a 404, 405, 413 (by Content-Length) or 415 goes out before a
 *      byte of the body is read, and libmicrohttpd then closes the
 *      connection instead of reading an unwanted upload. Without a body we
 *      wait for call 3: an answer queued this early always closes the
 *      connection, and health checks and page loads should keep theirs;
 *   2. once per chunk of body (*upload_data_size > 0);
 *   3. once the request is complete (*upload_data_size == 0): answer, or
 *      suspend the connection and forward. A response must be queued (or
 *      the connection suspended) here, or libmicrohttpd waits for nothing;
 *   4. for a forwarded request, once more after forward.c resumes it.
 * srv_request_completed() runs when the response is sent or the connection
 * is lost, and is the one place where a request is counted and logged.
 */

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "server.h"

enum state {
    ST_NO_BODY,    /* headers in, no body coming: answer on the next call */
    ST_BODY,       /* reading the body of a POST */
    ST_FORWARDING, /* suspended while the logic tier works */
    ST_FORWARDED,  /* resumed with the logic tier's result */
    ST_ANSWERED    /* a response is queued */
};

struct request {
    struct srv_app *app;
    struct MHD_Connection *connection;
    enum srv_route route;
    enum state state;
    bool started;  /* srv_dispatch() has seen it */
    bool bad_path; /* a control character in the path */
    uint64_t start_us;
    char method[16];
    char path[128];
    char client[INET6_ADDRSTRLEN];
    char *body;
    size_t len;
    bool overflow; /* body went past SRV_MAX_BODY */
    struct srv_upstream_result upstream;
    unsigned status; /* what we sent, for log and metrics */
    size_t bytes;
};

static const struct {
    const char *path;
    enum srv_route route;
} routes[] = {
    {"/analyse/sentiment", SRV_ROUTE_LOGIC},
    {"/sentiment", SRV_ROUTE_WEBAPP},
    {"/", SRV_ROUTE_PAGE},
    {"/index.html", SRV_ROUTE_PAGE},
    {"/healthz", SRV_ROUTE_HEALTHZ},
    {"/testHealth", SRV_ROUTE_HEALTHZ}, /* the original web app's route */
    {"/readyz", SRV_ROUTE_READYZ},
    {"/metrics", SRV_ROUTE_METRICS},
};

static enum srv_route find_route(const char *url)
{
    size_t i;
    for (i = 0; i < sizeof routes / sizeof routes[0]; i++)
        if (strcmp(url, routes[i].path) == 0)
            return routes[i].route;
    return SRV_ROUTE_OTHER;
}

/* The Allow header of each route; also what a 405 lists. */
static const char *allowed_methods(enum srv_route route)
{
    switch (route) {
    case SRV_ROUTE_LOGIC:
        return "POST";
    case SRV_ROUTE_WEBAPP:
        return "POST, OPTIONS";
    default:
        return "GET, HEAD";
    }
}

static bool method_allowed(enum srv_route route, const char *method)
{
    switch (route) {
    case SRV_ROUTE_LOGIC:
        return strcmp(method, "POST") == 0;
    case SRV_ROUTE_WEBAPP:
        return strcmp(method, "POST") == 0 || strcmp(method, "OPTIONS") == 0;
    default:
        return strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    }
}

static void client_address(struct MHD_Connection *c, char *buf, size_t size)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(
        c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *sa = info != NULL ? info->client_addr : NULL;

    socklen_t len = 0;

    if (sa != NULL && sa->sa_family == AF_INET)
        len = sizeof(struct sockaddr_in);
    else if (sa != NULL && sa->sa_family == AF_INET6)
        len = sizeof(struct sockaddr_in6);
    if (len == 0 || getnameinfo(sa, len, buf, (socklen_t)size, NULL, 0,
                                NI_NUMERICHOST) != 0)
        snprintf(buf, size, "-");
}

/* Queue a reply and remember what went out. The body of /sentiment is
 * readable cross-origin, errors included, so that a page on another origin
 * can show why its request failed. */
static enum MHD_Result answer(struct request *req,
                              const struct srv_reply *reply)
{
    bool draining = atomic_load(&req->app->draining);

    req->state = ST_ANSWERED;
    req->status = reply->status;
    req->bytes = reply->len;
    return srv_reply_send(req->connection, reply,
                          req->route == SRV_ROUTE_WEBAPP, draining);
}

static enum MHD_Result answer_error(struct request *req, unsigned status,
                                    const char *message)
{
    struct srv_reply reply;
    srv_reply_json_error(&reply, status, message);
    if (status == 405)
        reply.allow = allowed_methods(req->route);
    return answer(req, &reply);
}

static enum MHD_Result answer_static(struct request *req, unsigned status,
                                     const char *type, const char *body)
{
    struct srv_reply reply;
    srv_reply_text(&reply, status, type, body, strlen(body));
    return answer(req, &reply);
}

static enum MHD_Result answer_get(struct request *req)
{
    struct srv_app *app = req->app;
    struct srv_reply reply;
    size_t len;
    char *text;

    switch (req->route) {
    case SRV_ROUTE_PAGE:
        srv_reply_text(&reply, 200, "text/html; charset=utf-8",
                       (const char *)srv_page_html, srv_page_html_len);
        return answer(req, &reply);
    case SRV_ROUTE_HEALTHZ:
        /* Alive as long as we can answer, draining or not: a liveness
         * failure would make Kubernetes kill a pod that is shutting down
         * cleanly. */
        return answer_static(req, 200, "application/json",
                             "{\"status\":\"alive\"}");
    case SRV_ROUTE_READYZ:
        if (atomic_load(&app->draining))
            return answer_static(req, 503, "application/json",
                                 "{\"status\":\"draining\"}");
        return answer_static(req, 200, "application/json",
                             "{\"status\":\"ready\"}");
    case SRV_ROUTE_METRICS:
        text = srv_metrics_render(&len, atomic_load(&app->in_flight),
                                  !atomic_load(&app->draining));
        if (text == NULL)
            return answer_error(req, 500, "out of memory");
        srv_reply_text(&reply, 200,
                       "text/plain; version=0.0.4; "
                       "charset=utf-8",
                       text, len);
        reply.body_static = false;
        return answer(req, &reply);
    default:
        return answer_error(req, 404, "not found");
    }
}

/* Does the request announce a body? (Content-Length other than 0, or
 * Transfer-Encoding, which here means chunked.) */
static bool has_body(struct MHD_Connection *c)
{
    const char *len = MHD_lookup_connection_value(
        c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    const char *te = MHD_lookup_connection_value(
        c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);

    return te != NULL || (len != NULL && strtoull(len, NULL, 10) != 0);
}

/* The framing headers of a request, as libmicrohttpd received them. */
struct framing {
    unsigned content_lengths, transfer_encodings;
    const char *content_length;
    bool conflict, malformed;
};

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind,
                                     const char *key, const char *value)
{
    struct framing *f = cls;
    size_t i, n = value != NULL ? strlen(value) : 0;

    (void)kind;
    if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0) {
        f->transfer_encodings++;
    } else if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
        if (n == 0 || n > 18)
            f->malformed = true;
        for (i = 0; i < n; i++)
            if (value[i] < '0' || value[i] > '9')
                f->malformed = true;
        if (f->content_lengths++ > 0 && strcmp(value, f->content_length) != 0)
            f->conflict = true;
        f->content_length = value;
    }
    return MHD_YES;
}

/* The checks of head.c, for the requests that libmicrohttpd parsed
 * without the gate's look first (the second and later on a kept-alive
 * connection): the same refusals, where libmicrohttpd lets us answer.
 * Returns MHD_NO when the connection must just be closed: libmicrohttpd
 * 0.9.75 has by then queued a broken answer of its own to a malformed
 * Content-Length, and closing sends none of it. */
static enum MHD_Result check_framing(struct request *req, bool *refused)
{
    struct framing f = {0};

    *refused = true;
    MHD_get_connection_values(req->connection, MHD_HEADER_KIND, count_framing,
                              &f);
    if (f.malformed)
        return MHD_NO;
    if (req->bad_path)
        return answer_error(req, 400, "control character in the path");
    if (f.conflict)
        return answer_error(req, 400, "conflicting Content-Length headers");
    if (f.transfer_encodings > 0 && f.content_lengths > 0)
        return answer_error(req, 400,
                            "both Transfer-Encoding and Content-Length");
    if (f.transfer_encodings > 0)
        return answer_error(req, 411,
                            "a body needs a Content-Length "
                            "(Transfer-Encoding is not accepted)");
    *refused = false;
    return MHD_YES;
}

/* The headers are in: decide everything that does not need the body. */
static enum MHD_Result on_headers(struct request *req, const char *method)
{
    struct MHD_Connection *c = req->connection;
    const char *value;

    if (req->route == SRV_ROUTE_OTHER)
        return answer_error(req, 404, "not found");
    if (!method_allowed(req->route, method))
        return answer_error(req, 405, "method not allowed");

    if (strcmp(method, "OPTIONS") == 0) {
        struct srv_reply reply;
        srv_reply_text(&reply, 204, NULL, "", 0);
        reply.allow = allowed_methods(req->route);
        reply.preflight = true;
        return answer(req, &reply);
    }
    if (strcmp(method, "POST") != 0)
        return answer_get(req);

    value = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                        MHD_HTTP_HEADER_CONTENT_TYPE);
    if (!srv_content_type_is_json(value))
        return answer_error(req, 415, "Content-Type must be application/json");
    value = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                        MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (value != NULL && strtoull(value, NULL, 10) > SRV_MAX_BODY)
        return answer_error(req, 413, "request body is larger than 64 KiB");
    req->state = ST_BODY;
    return MHD_YES;
}

/* Called by forward.c on its thread when the logic tier is done. */
static void on_upstream(void *arg, struct srv_upstream_result *res)
{
    struct request *req = arg;

    req->upstream = *res;
    req->state = ST_FORWARDED;
    MHD_resume_connection(req->connection);
}

/* The whole body is in. */
static enum MHD_Result on_body(struct request *req)
{
    struct srv_app *app = req->app;
    struct srv_reply reply;
    const char *sentence;
    size_t sentence_len, len;
    void *doc;
    char *forward_body;

    srv_conns_body_done(req->connection);
    if (req->overflow)
        return answer_error(req, 413, "request body is larger than 64 KiB");
    if (srv_parse_sentence(req->body, req->len, &reply, &sentence,
                           &sentence_len, &doc) != 0)
        return answer(req, &reply);

    if (req->route == SRV_ROUTE_LOGIC || app->forwarder == NULL) {
        srv_score_sentence(sentence, sentence_len, &reply);
        srv_release_sentence(doc);
        return answer(req, &reply);
    }

    forward_body = srv_encode_request(sentence, sentence_len, &len);
    srv_release_sentence(doc);
    if (forward_body == NULL)
        return answer_error(req, 500, "out of memory");
    /* Suspend before submitting: the transfer may finish, and resume the
     * connection, before this function returns. */
    req->state = ST_FORWARDING;
    MHD_suspend_connection(req->connection);
    if (srv_forwarder_submit(app->forwarder, forward_body, len, on_upstream,
                             req) != 0) {
        free(forward_body);
        req->upstream.outcome = SRV_UPSTREAM_STOPPED;
        req->state = ST_FORWARDED;
        MHD_resume_connection(req->connection);
    }
    return MHD_YES;
}

/* Append a chunk of body, or note the overflow and drop the chunk. A body
 * that trickles in past the request deadline closes the connection: an
 * answer cannot be queued in the middle of an upload, and a client that
 * slow is not one we want to wait for. */
static enum MHD_Result on_chunk(struct request *req, const char *data,
                                size_t size)
{
    const struct srv_config *cfg = req->app->cfg;

    if (srv_now_us() - req->start_us >
        (uint64_t)cfg->request_timeout_ms * 1000u) {
        req->status = 408;
        return MHD_NO;
    }
    if (req->overflow || req->len + size > SRV_MAX_BODY) {
        req->overflow = true; /* keep reading to the end, then 413 */
        return MHD_YES;
    }
    if (req->body == NULL) {
        req->body = malloc(SRV_MAX_BODY);
        if (req->body == NULL)
            return MHD_NO;
    }
    memcpy(req->body + req->len, data, size);
    req->len += size;
    return MHD_YES;
}

enum MHD_Result srv_dispatch(void *cls, struct MHD_Connection *connection,
                             const char *url, const char *method,
                             const char *version, const char *upload_data,
                             size_t *upload_data_size, void **con_cls)
{
    struct srv_app *app = cls;
    struct request *req = *con_cls;
    struct srv_reply reply;

    (void)version;
    if (req == NULL) {
        req = srv_request_begins(app, url, connection);
        if (req == NULL)
            return MHD_NO;
        *con_cls = req;
    }
    if (!req->started) {
        bool body = has_body(connection), refused;
        enum MHD_Result ret;

        req->started = true;
        srv_mhd_head_ends(connection);
        req->route = find_route(url);
        snprintf(req->method, sizeof req->method, "%s", method);
        client_address(connection, req->client, sizeof req->client);
        if (!srv_conns_head_done(connection, body,
                                 app->cfg->request_timeout_ms))
            return MHD_NO; /* past its deadline: conns.c closed it */
        ret = check_framing(req, &refused);
        if (refused)
            return ret;
        if (body)
            return on_headers(req, method);
        req->state = ST_NO_BODY;
        return MHD_YES;
    }

    if (*upload_data_size != 0) {
        size_t size = *upload_data_size;
        *upload_data_size = 0;
        if (req->state != ST_BODY)
            return MHD_YES;
        return on_chunk(req, upload_data, size);
    }

    switch (req->state) {
    case ST_NO_BODY:
        /* e.g. a GET, or a POST with Content-Length: 0 (which on_body
         * refuses as malformed JSON) */
        if (on_headers(req, method) != MHD_YES)
            return MHD_NO;
        return req->state == ST_BODY ? on_body(req) : MHD_YES;
    case ST_BODY:
        return on_body(req);
    case ST_FORWARDED:
        srv_reply_from_upstream(&req->upstream, &reply);
        return answer(req, &reply);
    default:
        return MHD_YES;
    }
}

/* MHD_OPTION_URI_LOG_CALLBACK: the request line is in. What we return is
 * the request's *con_cls. The target is still percent-encoded here, which
 * is the only place where "%00" can be told from the end of the path. */
void *srv_request_begins(void *cls, const char *uri,
                         struct MHD_Connection *connection)
{
    struct srv_app *app = cls;
    struct request *req = calloc(1, sizeof *req);

    if (req == NULL)
        return NULL;
    req->app = app;
    req->connection = connection;
    req->start_us = srv_now_us();
    snprintf(req->method, sizeof req->method, "-");
    snprintf(req->path, sizeof req->path, "%s", uri != NULL ? uri : "-");
    snprintf(req->client, sizeof req->client, "-");
    req->bad_path = uri != NULL && srv_path_has_control(uri, strlen(uri));
    srv_mhd_head_begins(connection);
    atomic_fetch_add(&app->in_flight, 1);
    return req;
}

/* The request is over, answered or not: count it, log it, free it. */
void srv_request_completed(void *cls, struct MHD_Connection *connection,
                           void **con_cls, enum MHD_RequestTerminationCode toe)
{
    struct srv_app *app = cls;
    struct request *req = *con_cls;
    uint64_t micros;

    if (req == NULL)
        return;
    *con_cls = NULL;
    srv_mhd_head_ends(connection);
    srv_conns_answered(connection, app->cfg->header_timeout_ms);
    micros = srv_now_us() - req->start_us;
    if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK && req->status != 408)
        req->status = 0; /* the client went away before the answer */
    if (req->status != 0)
        srv_metrics_record(req->route, req->status, micros);
    if (app->cfg->access_log)
        srv_log_request(req->client, req->method, req->path, req->status,
                        req->bytes, micros);
    free(req->body);
    free(req->upstream.body);
    free(req->upstream.content_type);
    free(req);
    atomic_fetch_sub(&app->in_flight, 1);
}

int srv_router_init(bool compat_py311)
{
    return srv_score_init(compat_py311);
}

void srv_router_cleanup(void)
{
    srv_score_cleanup();
}
