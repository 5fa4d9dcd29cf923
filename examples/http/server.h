/*
 * sentiment-server - the tutorial's sa-logic and sa-webapp tiers on
 * libsentiment, over libmicrohttpd and jansson.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

/*
 * Internal declarations shared by the files of the server. Each file has one
 * job: config.c reads the environment, listen.c opens the socket, gate.c
 * accepts connections and holds them until their first head is in, head.c
 * checks a head, conns.c keeps the deadlines of libmicrohttpd's
 * connections, router.c drives libmicrohttpd, score.c answers the scoring routes, reply.c builds
 * responses, forward.c talks to the logic tier, metrics.c counts, log.c
 * writes the access log, main.c ties the lifetime together.
 *
 * Names visible across files start with srv_.
 */

#ifndef SRV_SERVER_H
#define SRV_SERVER_H

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <microhttpd.h>

/* The largest request body we read: the 64 KiB the front end's nginx also
 * allows (client_max_body_size 64k). */
#define SRV_MAX_BODY (64u * 1024u)

/* The largest logic-tier answer we accept: it echoes the sentence, which
 * ENSURE_ASCII escaping can grow up to six-fold, plus the numbers. */
#define SRV_MAX_UPSTREAM_BODY (6u * SRV_MAX_BODY + 4096u)

/* The largest request head (request line and headers) we take, as nginx's
 * large_client_header_buffers (8k), and the longest request target. */
#define SRV_MAX_HEAD 8192u
#define SRV_MAX_URI 2048u

/* ---- config.c ---------------------------------------------------------- */

struct srv_config {
    const char *host;              /* HOST, default 127.0.0.1 */
    unsigned port;                 /* PORT, default 5000; 0 picks a free one */
    const char *logic_url;         /* SA_LOGIC_API_URL, NULL = score locally */
    unsigned threads;              /* THREADS, default: online CPUs */
    unsigned max_connections;      /* MAX_CONNECTIONS */
    unsigned max_per_ip;           /* MAX_CONNECTIONS_PER_IP, 0 = no limit */
    unsigned connection_timeout_s; /* CONNECTION_TIMEOUT, idle seconds */
    unsigned header_timeout_ms;    /* HEADER_TIMEOUT_MS, whole head */
    unsigned request_timeout_ms;   /* REQUEST_TIMEOUT_MS, whole body */
    long upstream_connect_ms;      /* UPSTREAM_CONNECT_TIMEOUT_MS */
    long upstream_timeout_ms;      /* UPSTREAM_TIMEOUT_MS */
    unsigned shutdown_delay_ms;    /* SHUTDOWN_DELAY_MS */
    unsigned drain_timeout_ms;     /* DRAIN_TIMEOUT_MS */
    bool access_log;               /* ACCESS_LOG, default 1 */
    bool compat_py311;             /* SENTIMENT_COMPAT=py311 */
};

int srv_config_from_env(struct srv_config *cfg, char *err, size_t err_size);

/* ---- listen.c ---------------------------------------------------------- */

int srv_listen(const char *host, unsigned port, int *family_out, char *err,
               size_t err_size);
int srv_describe_socket(int fd, char *buf, size_t size);

/* ---- head.c ------------------------------------------------------------ */

/* Look at the first len bytes a connection sent (max: what we take at
 * most). Returns 0 if the head is not complete yet, 200 if it is and
 * libmicrohttpd may have it, or the status of the error to answer, with a
 * message. */
unsigned srv_head_check(const char *buf, size_t len, size_t max,
                        const char **message);
bool srv_path_has_control(const char *target, size_t len);

/* ---- metrics.c --------------------------------------------------------- */

/* The routes, for metrics labels and dispatch. Unknown paths share one
 * label so that scanners cannot grow the label set. */
enum srv_route {
    SRV_ROUTE_LOGIC,   /* POST /analyse/sentiment */
    SRV_ROUTE_WEBAPP,  /* POST /sentiment */
    SRV_ROUTE_PAGE,    /* GET / */
    SRV_ROUTE_HEALTHZ, /* GET /healthz */
    SRV_ROUTE_READYZ,  /* GET /readyz */
    SRV_ROUTE_METRICS, /* GET /metrics */
    SRV_ROUTE_OTHER,
    SRV_ROUTE_COUNT
};

const char *srv_route_label(enum srv_route route);
void srv_metrics_record(enum srv_route route, unsigned status, uint64_t micros);
void srv_metrics_upstream(int outcome);
char *srv_metrics_render(size_t *len, long in_flight, bool ready);

/* ---- log.c ------------------------------------------------------------- */

void srv_log_request(const char *client, const char *method, const char *path,
                     unsigned status, size_t bytes, uint64_t micros);
void srv_log(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* ---- forward.c --------------------------------------------------------- */

enum srv_upstream_outcome {
    SRV_UPSTREAM_OK,      /* an HTTP answer came back (any status) */
    SRV_UPSTREAM_DOWN,    /* could not connect or the exchange broke */
    SRV_UPSTREAM_TIMEOUT, /* no complete answer in time */
    SRV_UPSTREAM_TOO_BIG, /* the answer exceeded SRV_MAX_UPSTREAM_BODY */
    SRV_UPSTREAM_STOPPED, /* the server shut down first */
    SRV_UPSTREAM_OUTCOMES
};

struct srv_upstream_result {
    enum srv_upstream_outcome outcome;
    long status; /* the HTTP status if outcome is OK */
    char *body;  /* malloc'd, owned by the receiver; may be NULL */
    size_t len;
    char *content_type; /* malloc'd copy or NULL */
    char detail[128];   /* curl's message when it failed */
};

typedef void (*srv_upstream_done)(void *arg,
                                  struct srv_upstream_result *result);

struct srv_forwarder;

int srv_forwarder_new(struct srv_forwarder **out, const char *base_url,
                      long connect_ms, long timeout_ms);
int srv_forwarder_submit(struct srv_forwarder *fwd, char *body, size_t len,
                         srv_upstream_done done, void *arg);
void srv_forwarder_stop(struct srv_forwarder *fwd);
void srv_forwarder_free(struct srv_forwarder *fwd);

/* ---- conns.c ----------------------------------------------------------- */

uint64_t srv_now_ms(void);
void srv_conns_notify(void *cls, struct MHD_Connection *connection,
                      void **socket_context,
                      enum MHD_ConnectionNotificationCode code);
long srv_conns_count(void);
bool srv_conns_head_done(struct MHD_Connection *connection, bool body,
                         unsigned request_timeout_ms);
void srv_conns_body_done(struct MHD_Connection *connection);
void srv_conns_answered(struct MHD_Connection *connection,
                        unsigned header_timeout_ms);
void srv_conns_sweep(bool draining, unsigned idle_drain_ms);

/* ---- router.c ---------------------------------------------------------- */

struct srv_app {
    const struct srv_config *cfg;
    struct srv_forwarder *forwarder; /* NULL when scoring locally */
    atomic_bool draining;            /* SIGTERM seen: not ready */
    atomic_long in_flight;           /* requests begun, not completed */
};

enum MHD_Result srv_dispatch(void *cls, struct MHD_Connection *connection,
                             const char *url, const char *method,
                             const char *version, const char *upload_data,
                             size_t *upload_data_size, void **con_cls);
void *srv_request_begins(void *cls, const char *uri,
                         struct MHD_Connection *connection);
void srv_request_completed(void *cls, struct MHD_Connection *connection,
                           void **con_cls, enum MHD_RequestTerminationCode toe);
int srv_router_init(bool compat_py311);
void srv_router_cleanup(void);

/* ---- mhd-errors.c ------------------------------------------------------ */

void srv_mhd_head_begins(struct MHD_Connection *connection);
void srv_mhd_head_ends(struct MHD_Connection *connection);
void srv_mhd_log(void *cls, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;

/* ---- gate.c ------------------------------------------------------------ */

struct srv_gate;

int srv_gate_start(struct srv_gate **out, struct srv_app *app,
                   struct MHD_Daemon *daemon, int listen_fd);
void srv_gate_close_listener(struct srv_gate *g);
bool srv_gate_listener_closed(struct srv_gate *g);
long srv_gate_pending(struct srv_gate *g);
void srv_gate_stop(struct srv_gate *g);

/* ---- reply.c ----------------------------------------------------------- */

/* What a handler decided to send. The body is malloc'd or static. */
struct srv_reply {
    unsigned status;
    const char *content_type;
    char *body;
    size_t len;
    bool body_static;  /* do not free body */
    const char *allow; /* Allow header for 405 and OPTIONS, or NULL */
    bool preflight;    /* a CORS preflight answer */
};

void srv_reply_json_error(struct srv_reply *reply, unsigned status,
                          const char *message);
void srv_reply_json(struct srv_reply *reply, unsigned status, char *body,
                    size_t len);
void srv_reply_text(struct srv_reply *reply, unsigned status,
                    const char *content_type, const char *body, size_t len);
size_t srv_send_json_error(int fd, unsigned status, const char *message);
enum MHD_Result srv_reply_send(struct MHD_Connection *connection,
                               const struct srv_reply *reply, bool cors,
                               bool closing);

/* ---- score.c ----------------------------------------------------------- */

int srv_score_init(bool compat_py311);
void srv_score_cleanup(void);
bool srv_content_type_is_json(const char *value);
int srv_parse_sentence(const char *body, size_t len, struct srv_reply *err,
                       const char **sentence, size_t *sentence_len, void **doc);
void srv_release_sentence(void *doc);
void srv_score_sentence(const char *sentence, size_t len,
                        struct srv_reply *reply);
char *srv_encode_request(const char *sentence, size_t len, size_t *out_len);
void srv_reply_from_upstream(struct srv_upstream_result *res,
                             struct srv_reply *reply);

/* ---- page.c (generated from examples/frontend/index.html) -------------- */

extern const unsigned char srv_page_html[];
extern const size_t srv_page_html_len;

/* ---- time -------------------------------------------------------------- */

static inline uint64_t srv_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

#endif /* SRV_SERVER_H */
