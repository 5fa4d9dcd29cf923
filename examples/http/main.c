/*
 * sentiment-server: the tutorial's sentiment app on libsentiment.
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * One process answers the sa-logic contract (POST /analyse/sentiment), the
 * sa-webapp contract (POST /sentiment, locally or forwarded to
 * SA_LOGIC_API_URL) and serves the front page, so it can stand in for either
 * back-end tier or be the whole app.
 *
 * This file owns the lifetime: configuration, the socket, libmicrohttpd,
 * signals and the drain on SIGTERM.
 */

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sentiment.h>

#include "server.h"

static const char usage[] =
    "Usage: sentiment-server [--help | --version]\n"
    "\n"
    "Serves POST /analyse/sentiment and POST /sentiment with body\n"
    "{\"sentence\": \"...\"}, the front page at /, and /healthz, /readyz,\n"
    "/metrics. Configured by the environment:\n"
    "  HOST (127.0.0.1), PORT (5000; 0 = any free port), SA_LOGIC_API_URL\n"
    "  (forward /sentiment there), THREADS (CPUs), MAX_CONNECTIONS (10000),\n"
    "  MAX_CONNECTIONS_PER_IP (0 = off), CONNECTION_TIMEOUT (15 s idle),\n"
    "  HEADER_TIMEOUT_MS (10000), REQUEST_TIMEOUT_MS (10000),\n"
    "  SENTIMENT_COMPAT (py312; py311), UPSTREAM_CONNECT_TIMEOUT_MS (1000),\n"
    "  UPSTREAM_TIMEOUT_MS (5000), SHUTDOWN_DELAY_MS (0), DRAIN_TIMEOUT_MS\n"
    "  (20000), ACCESS_LOG (1).\n"
    "Prints the URL it listens on to stdout, and logs to stderr.\n"
    "SIGTERM or SIGINT: stop accepting, finish requests, exit 0.\n";

static void sleep_ms(unsigned ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* Wait until nothing is left to answer (no request in flight, no
 * connection open or waiting for its first head) or the deadline. */
static void drain(struct srv_app *app, struct srv_gate *gate,
                  uint64_t deadline_ms)
{
    while (srv_now_ms() < deadline_ms &&
           (atomic_load(&app->in_flight) > 0 || srv_conns_count() > 0 ||
            srv_gate_pending(gate) > 0 || !srv_gate_listener_closed(gate)))
        sleep_ms(5);
}

/* libmicrohttpd gets its connections from gate.c (MHD_add_connection), not
 * from a socket of its own. */
static struct MHD_Daemon *start_daemon(struct srv_app *app)
{
    const struct srv_config *cfg = app->cfg;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
                     MHD_USE_NO_LISTEN_SOCKET | MHD_ALLOW_SUSPEND_RESUME |
                     MHD_USE_ITC | MHD_USE_ERROR_LOG;
    struct MHD_OptionItem opts[] = {
        /* First, so that every message goes through it (mhd-errors.c). */
        {MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)srv_mhd_log, app},
        /* gate.c refuses beyond MAX_CONNECTIONS, counting these and its
         * own; MAX_CONNECTIONS_PER_IP is libmicrohttpd's (a connection
         * over it is closed when the gate hands it over). */
        {MHD_OPTION_CONNECTION_LIMIT, (intptr_t)cfg->max_connections, NULL},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, (intptr_t)cfg->max_per_ip, NULL},
        {MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)cfg->connection_timeout_s,
         NULL},
        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)srv_request_completed, app},
        {MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)srv_conns_notify, app},
        {MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)srv_request_begins, app},
        {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)cfg->threads, NULL},
        {MHD_OPTION_END, 0, NULL},
    };

    if (cfg->threads < 2)
        opts[7].option = MHD_OPTION_END; /* a pool of one is no pool */
    return MHD_start_daemon(flags, 0, NULL, NULL, srv_dispatch, app,
                            MHD_OPTION_ARRAY, opts, MHD_OPTION_END);
}

/* Each connection is a file descriptor: make sure MAX_CONNECTIONS of them
 * fit under the soft limit (often 1024), as far as the hard limit allows,
 * rather than failing accept() with EMFILE under load. If they cannot, the
 * limit is lowered to what fits, and said. */
static void raise_fd_limit(struct srv_config *cfg)
{
    struct rlimit rl;
    rlim_t want = (rlim_t)cfg->max_connections + 64;

    if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= want)
        return;
    rl.rlim_cur = (rl.rlim_max == RLIM_INFINITY || want < rl.rlim_max)
                      ? want
                      : rl.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &rl) != 0 && getrlimit(RLIMIT_NOFILE, &rl))
        return;
    if (rl.rlim_cur < want && rl.rlim_cur > 128) {
        cfg->max_connections = (unsigned)(rl.rlim_cur - 64);
        srv_log("the open-file limit is %lu: MAX_CONNECTIONS lowered to %u",
                (unsigned long)rl.rlim_cur, cfg->max_connections);
    }
}

/* Block the signals we wait for in every thread (they are inherited by the
 * threads created below), so that sigwait() in main gets them. */
static void block_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGINT);
    pthread_sigmask(SIG_BLOCK, set, NULL);
    /* A client closing early must not kill the process. */
    signal(SIGPIPE, SIG_IGN);
}

int main(int argc, char **argv)
{
    struct srv_config cfg;
    struct srv_app app;
    struct MHD_Daemon *daemon;
    struct srv_gate *gate;
    sigset_t set;
    char err[256], where[80];
    int fd, family = 0, sig = 0;
    uint64_t deadline;
    bool forwarding;

    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("sentiment-server (libsentiment %s)\n",
               sentiment_version_string());
        return 0;
    }
    if (argc > 1) {
        fputs(usage, strcmp(argv[1], "--help") == 0 ? stdout : stderr);
        return strcmp(argv[1], "--help") == 0 ? 0 : 2;
    }
    if (srv_config_from_env(&cfg, err, sizeof err) != 0) {
        fprintf(stderr, "sentiment-server: %s\n", err);
        return 2;
    }

    memset(&app, 0, sizeof app);
    app.cfg = &cfg;
    atomic_init(&app.draining, false);
    atomic_init(&app.in_flight, 0);
    block_signals(&set);
    raise_fd_limit(&cfg);

    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK ||
        srv_router_init(cfg.compat_py311) != 0) {
        fprintf(stderr, "sentiment-server: cannot initialise\n");
        return 1;
    }
    if (cfg.logic_url != NULL &&
        srv_forwarder_new(&app.forwarder, cfg.logic_url,
                          cfg.upstream_connect_ms,
                          cfg.upstream_timeout_ms) != 0) {
        fprintf(stderr, "sentiment-server: cannot start forwarding\n");
        return 1;
    }
    fd = srv_listen(cfg.host, cfg.port, &family, err, sizeof err);
    if (fd < 0) {
        fprintf(stderr, "sentiment-server: %s\n", err);
        return 1;
    }
    daemon = start_daemon(&app);
    if (daemon == NULL || srv_gate_start(&gate, &app, daemon, fd) != 0) {
        fprintf(stderr, "sentiment-server: cannot start the HTTP daemon\n");
        close(fd);
        return 1;
    }
    srv_describe_socket(fd, where, sizeof where);
    /* The one line on stdout: scripts that start us with PORT=0 read it. */
    printf("listening on %s\n", where);
    fflush(stdout);
    srv_log("listening on %s, %u threads, %s", where, cfg.threads,
            cfg.logic_url != NULL ? "forwarding /sentiment"
                                  : "scoring locally");

    while (sig != SIGTERM && sig != SIGINT)
        if (sigwait(&set, &sig) != 0)
            sig = 0;

    /* Drain: report not ready first, so that a load balancer polling
     * /readyz stops sending; after SHUTDOWN_DELAY_MS (the time Kubernetes
     * needs to take the pod out of its Service) stop accepting, without
     * resetting what is in the backlog; then answer what was accepted (each
     * answer now says Connection: close, so kept-alive clients reconnect
     * elsewhere instead of losing a request to a closing connection). At
     * SHUTDOWN_DELAY_MS + DRAIN_TIMEOUT_MS whatever is left is dropped, and
     * the process is out within a second. */
    srv_log("signal %d: draining", sig);
    deadline = srv_now_ms() + cfg.shutdown_delay_ms + cfg.drain_timeout_ms;
    atomic_store(&app.draining, true);
    if (cfg.shutdown_delay_ms > 0)
        sleep_ms(cfg.shutdown_delay_ms);
    srv_gate_close_listener(gate);
    drain(&app, gate, deadline);
    /* Every suspended connection must be resumed before the daemon stops;
     * stopping the forwarder ends any transfer still running, and their
     * 503s get a moment to go out. */
    forwarding = app.forwarder != NULL;
    srv_forwarder_stop(app.forwarder);
    if (forwarding)
        drain(&app, gate, srv_now_ms() + 200);
    srv_gate_stop(gate);
    MHD_stop_daemon(daemon);
    /* Only now: a request still arriving until the daemon stopped was
     * refused by the stopped forwarder (503), not handed to freed memory. */
    srv_forwarder_free(app.forwarder);
    srv_router_cleanup();
    curl_global_cleanup();
    srv_log("stopped");
    return 0;
}
