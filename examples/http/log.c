/*
 * The log: one line per request, plus start-up and shutdown notes, on
 * stderr. Copyright (c) 2026 The libsentiment developers. MIT licence, see
 * LICENSE.
 *
 * Each line is formatted into a local buffer and written with one write(2),
 * so lines from different worker threads never interleave (a pipe or a file
 * opened O_APPEND takes writes up to PIPE_BUF bytes whole) and no stdio
 * lock is taken on the request path.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "server.h"

#define LINE_MAX_BYTES 512
#define PATH_MAX_BYTES 200

/* "2026-01-31T12:34:56.789Z" in UTC. */
static size_t timestamp(char *buf, size_t size)
{
    struct timeval tv;
    struct tm tm;
    size_t n;

    gettimeofday(&tv, NULL);
    gmtime_r(&tv.tv_sec, &tm);
    n = strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
    n += (size_t)snprintf(buf + n, size - n, ".%03ldZ",
                          (long)(tv.tv_usec / 1000));
    return n < size ? n : size - 1;
}

static void emit(char *line, size_t len)
{
    ssize_t w;

    if (len >= LINE_MAX_BYTES - 1)
        len = LINE_MAX_BYTES - 2;
    line[len++] = '\n';
    /* A lost log line is not worth failing a request over: ignore errors,
     * retry only the interrupted write. */
    do
        w = write(STDERR_FILENO, line, len);
    while (w < 0 && errno == EINTR);
}

/* Copy a client-controlled string for the log, replacing anything that is
 * not printable ASCII (or is a quote) so that a request cannot forge log
 * lines or terminal escapes. */
static void sanitize(char *out, size_t size, const char *in)
{
    size_t i = 0;

    for (; in != NULL && *in != '\0' && i + 1 < size; in++) {
        unsigned char c = (unsigned char)*in;
        out[i++] = (c < 0x20 || c >= 0x7f || c == '"') ? '?' : (char)c;
    }
    out[i] = '\0';
}

void srv_log_request(const char *client, const char *method, const char *path,
                     unsigned status, size_t bytes, uint64_t micros)
{
    char line[LINE_MAX_BYTES], m[16], p[PATH_MAX_BYTES];
    size_t n = timestamp(line, sizeof line);

    sanitize(m, sizeof m, method);
    sanitize(p, sizeof p, path);
    n += (size_t)snprintf(line + n, sizeof line - n,
                          " %s \"%s %s\" %u %zu %llu.%06llus",
                          client != NULL ? client : "-", m, p, status, bytes,
                          (unsigned long long)(micros / 1000000u),
                          (unsigned long long)(micros % 1000000u));
    emit(line, n < sizeof line ? n : sizeof line - 1);
}

void srv_log(const char *fmt, ...)
{
    char line[LINE_MAX_BYTES];
    size_t n = timestamp(line, sizeof line);
    va_list ap;
    int k;

    line[n++] = ' ';
    va_start(ap, fmt);
    k = vsnprintf(line + n, sizeof line - n, fmt, ap);
    va_end(ap);
    if (k > 0)
        n += (size_t)k;
    emit(line, n < sizeof line ? n : sizeof line - 1);
}
