/*
 * Raw HTTP over loopback sockets, for what curl cannot send (bad framing,
 * control bytes, trickled heads) and for load that must count every lost
 * request. Copyright (c) 2026 The libsentiment developers. MIT licence, see
 * LICENSE.
 */

#ifndef TEST_RAW_H
#define TEST_RAW_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

/* A TCP connection to 127.0.0.1:port from the address src (NULL: any). */
int tcp_connect_from(const char *src, unsigned port);

/* Send len bytes on a fresh connection and read until the server closes
 * it or timeout_ms pass. Returns a malloc'd, NUL-terminated buffer (its
 * length in *out_len), or NULL if the connection failed. */
char *raw_exchange(unsigned port, const char *data, size_t len,
                   unsigned timeout_ms, size_t *out_len);

/* One HTTP/1.1 response, as raw_parse() found it. */
struct raw_response {
    int status;
    const char *body; /* into the parsed buffer */
    size_t body_len;
    bool close; /* Connection: close */
    bool json;  /* Content-Type: application/json */
};

/* Parse the response at the start of buf: a status line, headers with
 * exactly one Content-Length, and that many bytes of body. Returns the
 * bytes it takes, or 0 if they are not one well-formed response. */
size_t raw_parse(const char *buf, size_t len, struct raw_response *r);
/* Is the response's body a JSON object with a string "error"? */
bool raw_is_json_error(const struct raw_response *r);

/* ---- load -------------------------------------------------------------- */

struct load {
    unsigned port;
    unsigned connections; /* client threads, one connection each */
    bool keep_alive;      /* reuse a connection until told to close */
    const char *src;      /* client address, NULL: 127.0.0.1 */
    unsigned pause_ms;    /* between a thread's requests */
    /* results */
    atomic_long ok;      /* 200 answers */
    atomic_long failed;  /* sent, and no complete 200 within 5 s */
    atomic_long refused; /* could not connect: nothing was sent */
    char first_failure[160];
    /* latencies of every ok request, in seconds (up to max_samples) */
    double *samples;
    size_t max_samples;
    atomic_size_t n_samples;
    /* internal */
    atomic_bool stop;
    void *threads;
};

int load_start(struct load *l);
void load_stop(struct load *l);
/* The p-th percentile (0-100) of the samples, in seconds. */
double load_percentile(struct load *l, double p);

/* Slow clients: `target` connections from src, each sending a request
 * head one header line every interval_ms and never finishing it. A
 * connection the server closes is opened again at once. */
struct slowloris {
    unsigned port;
    unsigned target;
    unsigned interval_ms;
    unsigned ramp_per_tick; /* new connections per 20 ms, at most */
    const char *src;
    /* results */
    atomic_long held;              /* connected right now */
    atomic_long min_held;          /* the fewest held at a sample, after the
                                   first ramp-up */
    atomic_long held_sum, samples; /* held, every half second */
    atomic_long opened, closed_by_server;
    /* internal */
    atomic_bool stop, ramped;
    void *thread;
};

int slowloris_start(struct slowloris *s);
void slowloris_stop(struct slowloris *s);

/* Raise the soft open-file limit to at least n; false if it cannot. */
bool raise_nofile(unsigned long n);

#endif /* TEST_RAW_H */
