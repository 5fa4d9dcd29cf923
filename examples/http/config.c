/*
 * Configuration from the environment, the way the tutorial's containers are
 * configured (PORT, SA_LOGIC_API_URL). Copyright (c) 2026 The libsentiment
 * developers. MIT licence, see LICENSE.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server.h"

/* Read an unsigned decimal variable within [min, max]. An unset or empty
 * variable keeps the default already in *out. A bad value is an error rather
 * than a silent default: a typo in a manifest should stop the pod, not
 * change its behaviour. */
static int env_unsigned(const char *name, unsigned long min, unsigned long max,
                        unsigned long *out, char *err, size_t err_size)
{
    const char *s = getenv(name);
    char *end;
    unsigned long v;

    if (s == NULL || *s == '\0')
        return 0;
    errno = 0;
    v = strtoul(s, &end, 10);
    if (errno != 0 || *end != '\0' || *s == '-' || *s == '+' || v < min ||
        v > max) {
        snprintf(err, err_size,
                 "%s=%s: expected a whole number from %lu to %lu", name, s, min,
                 max);
        return -1;
    }
    *out = v;
    return 0;
}

static int env_uint(const char *name, unsigned long min, unsigned long max,
                    unsigned *out, char *err, size_t err_size)
{
    unsigned long v = *out;
    if (env_unsigned(name, min, max, &v, err, err_size) != 0)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static int env_long(const char *name, unsigned long min, unsigned long max,
                    long *out, char *err, size_t err_size)
{
    unsigned long v = (unsigned long)*out;
    if (env_unsigned(name, min, max, &v, err, err_size) != 0)
        return -1;
    *out = (long)v;
    return 0;
}

/* Fill *cfg from the environment. Returns 0, or -1 with a message in err.
 * The strings point into the environment, which outlives the server. */
int srv_config_from_env(struct srv_config *cfg, char *err, size_t err_size)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned long log = 1;
    const char *url, *compat;

    cfg->host = getenv("HOST");
    if (cfg->host == NULL || *cfg->host == '\0')
        cfg->host = "127.0.0.1";
    cfg->port = 5000;
    cfg->threads = cpus > 0 ? (unsigned)(cpus < 64 ? cpus : 64) : 1;
    cfg->max_connections = 10000;
    cfg->max_per_ip = 0;
    cfg->connection_timeout_s = 15;
    cfg->header_timeout_ms = 10000;
    cfg->request_timeout_ms = 10000;
    cfg->upstream_connect_ms = 1000;
    cfg->upstream_timeout_ms = 5000;
    cfg->shutdown_delay_ms = 0;
    cfg->drain_timeout_ms = 20000;

    if (env_uint("PORT", 0, 65535, &cfg->port, err, err_size) ||
        env_uint("THREADS", 1, 64, &cfg->threads, err, err_size) ||
        env_uint("MAX_CONNECTIONS", 1, 100000, &cfg->max_connections, err,
                 err_size) ||
        env_uint("MAX_CONNECTIONS_PER_IP", 0, 100000, &cfg->max_per_ip, err,
                 err_size) ||
        env_uint("CONNECTION_TIMEOUT", 1, 3600, &cfg->connection_timeout_s, err,
                 err_size) ||
        env_uint("HEADER_TIMEOUT_MS", 1, 3600000, &cfg->header_timeout_ms, err,
                 err_size) ||
        env_uint("REQUEST_TIMEOUT_MS", 1, 3600000, &cfg->request_timeout_ms,
                 err, err_size) ||
        env_long("UPSTREAM_CONNECT_TIMEOUT_MS", 1, 600000,
                 &cfg->upstream_connect_ms, err, err_size) ||
        env_long("UPSTREAM_TIMEOUT_MS", 1, 600000, &cfg->upstream_timeout_ms,
                 err, err_size) ||
        env_uint("SHUTDOWN_DELAY_MS", 0, 600000, &cfg->shutdown_delay_ms, err,
                 err_size) ||
        env_uint("DRAIN_TIMEOUT_MS", 0, 600000, &cfg->drain_timeout_ms, err,
                 err_size) ||
        env_unsigned("ACCESS_LOG", 0, 1, &log, err, err_size))
        return -1;
    cfg->access_log = log != 0;

    /* The CPython whose numbers we give, as sentiment-cli --compat. */
    compat = getenv("SENTIMENT_COMPAT");
    cfg->compat_py311 = false;
    if (compat != NULL && strcmp(compat, "py311") == 0) {
        cfg->compat_py311 = true;
    } else if (compat != NULL && *compat != '\0' &&
               strcmp(compat, "py312") != 0) {
        snprintf(err, err_size,
                 "SENTIMENT_COMPAT=%s: expected py311 (CPython 3.11 and "
                 "older) or py312 (3.12 and newer, the default)",
                 compat);
        return -1;
    }

    /* An empty SA_LOGIC_API_URL means "no logic tier", as an unset one. */
    url = getenv("SA_LOGIC_API_URL");
    cfg->logic_url = (url != NULL && *url != '\0') ? url : NULL;
    if (cfg->logic_url != NULL && strncmp(url, "http://", 7) != 0 &&
        strncmp(url, "https://", 8) != 0) {
        snprintf(err, err_size,
                 "SA_LOGIC_API_URL=%s: expected an http:// or https:// URL",
                 url);
        return -1;
    }
    return 0;
}
