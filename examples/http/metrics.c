/*
 * Prometheus metrics: requests by route and status, a latency histogram per
 * route, upstream outcomes. Copyright (c) 2026 The libsentiment developers.
 * MIT licence, see LICENSE.
 *
 * Every counter is a relaxed atomic in a fixed table: recording is a couple
 * of atomic adds on the request path and no lock, and the label sets are
 * bounded (routes and status codes are closed lists), so a scanner hitting
 * random paths cannot grow memory or the scrape.
 */

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sentiment.h>

#include "server.h"

static const char *const route_labels[SRV_ROUTE_COUNT] = {
    "/analyse/sentiment", "/sentiment", "/", "/healthz", "/readyz",
    "/metrics",           "other",
};

/* The status codes the server sends; anything else is counted as "other". */
static const unsigned statuses[] = {
    200, 204, 400, 404, 405, 408, 413, 415, 500, 502, 503, 504,
};
#define N_STATUS (sizeof statuses / sizeof statuses[0] + 1)

/* Bucket bounds in microseconds: the library scores a sentence in a few
 * microseconds and a forwarded request takes a loopback round trip, so the
 * interesting range is 50 us to 100 ms; the rest is for bad days. */
static const struct {
    uint64_t us;
    const char *le;
} bounds[] = {
    {50, "0.00005"},  {100, "0.0001"},  {250, "0.00025"}, {500, "0.0005"},
    {1000, "0.001"},  {2500, "0.0025"}, {5000, "0.005"},  {10000, "0.01"},
    {25000, "0.025"}, {50000, "0.05"},  {100000, "0.1"},  {250000, "0.25"},
    {500000, "0.5"},  {1000000, "1"},   {2500000, "2.5"}, {5000000, "5"},
};
#define N_BUCKET (sizeof bounds / sizeof bounds[0] + 1)

static atomic_ulong requests[SRV_ROUTE_COUNT][N_STATUS];
static atomic_ulong buckets[SRV_ROUTE_COUNT][N_BUCKET];
static atomic_ullong sum_us[SRV_ROUTE_COUNT];
static atomic_ulong upstream[SRV_UPSTREAM_OUTCOMES];

static const char *const upstream_labels[SRV_UPSTREAM_OUTCOMES] = {
    "answered", "down", "timeout", "too_big", "stopped",
};

const char *srv_route_label(enum srv_route route)
{
    return route_labels[route < SRV_ROUTE_COUNT ? route : SRV_ROUTE_OTHER];
}

static size_t status_index(unsigned status)
{
    size_t i;
    for (i = 0; i < N_STATUS - 1; i++)
        if (statuses[i] == status)
            return i;
    return N_STATUS - 1;
}

/* Count one finished request. Called from worker threads. */
void srv_metrics_record(enum srv_route route, unsigned status, uint64_t micros)
{
    size_t b = 0;

    if (route >= SRV_ROUTE_COUNT)
        route = SRV_ROUTE_OTHER;
    while (b < N_BUCKET - 1 && micros > bounds[b].us)
        b++;
    atomic_fetch_add_explicit(&requests[route][status_index(status)], 1,
                              memory_order_relaxed);
    atomic_fetch_add_explicit(&buckets[route][b], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&sum_us[route], micros, memory_order_relaxed);
}

void srv_metrics_upstream(int outcome)
{
    if (outcome >= 0 && outcome < SRV_UPSTREAM_OUTCOMES)
        atomic_fetch_add_explicit(&upstream[outcome], 1, memory_order_relaxed);
}

/* A growable text buffer for the scrape; on allocation failure it stops
 * growing and the scrape is answered with 500 by the caller. */
struct text {
    char *buf;
    size_t len, cap;
    bool failed;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
put(struct text *t, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (t->failed)
        return;
    for (;;) {
        va_start(ap, fmt);
        n = vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            t->failed = true;
            return;
        }
        if ((size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        {
            size_t cap = t->cap * 2 + (size_t)n;
            char *p = realloc(t->buf, cap);
            if (p == NULL) {
                t->failed = true;
                return;
            }
            t->buf = p;
            t->cap = cap;
        }
    }
}

static unsigned long load(atomic_ulong *v)
{
    return atomic_load_explicit(v, memory_order_relaxed);
}

/* Render the Prometheus text exposition format (version 0.0.4). Returns a
 * malloc'd buffer and its length, or NULL. Counters are read one by one, so
 * a scrape taken under load may be off by the requests that finished while
 * it was written; Prometheus tolerates that. */
char *srv_metrics_render(size_t *len, long in_flight, bool ready)
{
    struct text t = {NULL, 0, 0, false};
    size_t r, s, b;

    t.cap = 8192;
    t.buf = malloc(t.cap);
    if (t.buf == NULL)
        return NULL;

    put(&t, "# HELP sentiment_http_requests_total HTTP requests answered, by "
            "route and status code.\n"
            "# TYPE sentiment_http_requests_total counter\n");
    for (r = 0; r < SRV_ROUTE_COUNT; r++)
        for (s = 0; s < N_STATUS; s++) {
            unsigned long n = load(&requests[r][s]);
            if (n == 0)
                continue;
            if (s < N_STATUS - 1)
                put(&t,
                    "sentiment_http_requests_total{route=\"%s\","
                    "code=\"%u\"} %lu\n",
                    route_labels[r], statuses[s], n);
            else
                put(&t,
                    "sentiment_http_requests_total{route=\"%s\","
                    "code=\"other\"} %lu\n",
                    route_labels[r], n);
        }

    put(&t, "# HELP sentiment_http_request_duration_seconds Time from the "
            "request headers to the end of the response.\n"
            "# TYPE sentiment_http_request_duration_seconds histogram\n");
    for (r = 0; r < SRV_ROUTE_COUNT; r++) {
        unsigned long cumulative = 0;
        unsigned long long us = atomic_load_explicit(&sum_us[r],
                                                     memory_order_relaxed);

        for (b = 0; b < N_BUCKET; b++)
            cumulative += load(&buckets[r][b]);
        if (cumulative == 0)
            continue;
        cumulative = 0;
        for (b = 0; b < N_BUCKET; b++) {
            cumulative += load(&buckets[r][b]);
            if (b < N_BUCKET - 1)
                put(&t,
                    "sentiment_http_request_duration_seconds_bucket{"
                    "route=\"%s\",le=\"%s\"} %lu\n",
                    route_labels[r], bounds[b].le, cumulative);
            else
                put(&t,
                    "sentiment_http_request_duration_seconds_bucket{"
                    "route=\"%s\",le=\"+Inf\"} %lu\n",
                    route_labels[r], cumulative);
        }
        put(&t,
            "sentiment_http_request_duration_seconds_sum{route=\"%s\"} "
            "%llu.%06llu\n",
            route_labels[r], us / 1000000u, us % 1000000u);
        put(&t,
            "sentiment_http_request_duration_seconds_count{route=\"%s\"} "
            "%lu\n",
            route_labels[r], cumulative);
    }

    put(&t, "# HELP sentiment_upstream_requests_total Requests forwarded to "
            "the logic tier, by outcome.\n"
            "# TYPE sentiment_upstream_requests_total counter\n");
    for (s = 0; s < SRV_UPSTREAM_OUTCOMES; s++)
        put(&t, "sentiment_upstream_requests_total{outcome=\"%s\"} %lu\n",
            upstream_labels[s], load(&upstream[s]));

    put(&t,
        "# HELP sentiment_http_requests_in_flight Requests begun and not "
        "yet answered.\n"
        "# TYPE sentiment_http_requests_in_flight gauge\n"
        "sentiment_http_requests_in_flight %ld\n"
        "# HELP sentiment_ready 1 while the server takes traffic, 0 while "
        "it drains.\n"
        "# TYPE sentiment_ready gauge\n"
        "sentiment_ready %d\n"
        "# HELP sentiment_build_info The library this server runs on.\n"
        "# TYPE sentiment_build_info gauge\n"
        "sentiment_build_info{version=\"%s\"} 1\n",
        in_flight, ready ? 1 : 0, sentiment_version_string());

    if (t.failed) {
        free(t.buf);
        return NULL;
    }
    *len = t.len;
    return t.buf;
}
