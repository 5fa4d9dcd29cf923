/*
 * libmicrohttpd's own error answers, replaced by ours. Copyright (c) 2026
 * The libsentiment developers. MIT licence, see LICENSE.
 *
 * gate.c checks the first head of a connection before libmicrohttpd reads
 * it; the later requests of a kept-alive connection reach libmicrohttpd
 * directly, and when it refuses one itself (a head too large, a malformed
 * Content-Length, which 0.9.75 answers with its status line and headers
 * twice) it sends an HTML page. It has no hook for its error answers, but
 * it logs each one, through our logger, on the connection's own thread,
 * before sending anything. So the logger writes our JSON answer with the
 * same status to the socket and shuts down its sending side: libmicrohttpd's
 * own answer then fails to go out and it closes the connection.
 *
 * The log call does not say which connection it is about. It can only be
 * one whose request line libmicrohttpd has parsed (srv_request_begins())
 * and whose head it has not passed to us yet (srv_dispatch()): each worker
 * thread keeps those connections in a small thread-local set, and the
 * logger acts only when the set holds exactly one. With more (several
 * slow heads at once on one thread) it leaves libmicrohttpd's answer be.
 * Nothing is written then to a connection that has an answer under way:
 * a connection in the set has had no answer queued for this request.
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "server.h"

#define MAX_PENDING 16

static _Thread_local struct MHD_Connection *pending[MAX_PENDING];
static _Thread_local unsigned n_pending;
static _Thread_local bool overflowed;

void srv_mhd_head_begins(struct MHD_Connection *connection)
{
    if (n_pending < MAX_PENDING)
        pending[n_pending++] = connection;
    else
        overflowed = true;
}

void srv_mhd_head_ends(struct MHD_Connection *connection)
{
    unsigned i;

    for (i = 0; i < n_pending; i++)
        if (pending[i] == connection) {
            pending[i] = pending[--n_pending];
            break;
        }
    if (n_pending == 0)
        overflowed = false;
}

static const char *message_for(unsigned status)
{
    switch (status) {
    case 413:
        return "request body is larger than 64 KiB";
    case 414:
        return "request line is too long";
    case 431:
        return "request header is too large";
    case 505:
        return "only HTTP/1.0 and HTTP/1.1 are served";
    default:
        return "malformed request (framing or header)";
    }
}

/* MHD_OPTION_EXTERNAL_LOGGER. */
void srv_mhd_log(void *cls, const char *fmt, va_list ap)
{
    static const char error_line[] =
        "Error processing request (HTTP response code is %u";
    char text[512];
    va_list copy;

    (void)cls;
    va_copy(copy, ap);
    if (strncmp(fmt, error_line, sizeof error_line - 1) == 0 &&
        n_pending == 1 && !overflowed) {
        unsigned status = va_arg(copy, unsigned);
        const union MHD_ConnectionInfo *info = MHD_get_connection_info(
            pending[0], MHD_CONNECTION_INFO_CONNECTION_FD);
        if (info != NULL && status >= 400 && status < 600) {
            srv_send_json_error(info->connect_fd, status, message_for(status));
            shutdown(info->connect_fd, SHUT_WR);
            srv_metrics_record(SRV_ROUTE_OTHER, status, 0);
        }
    }
    va_end(copy);
    vsnprintf(text, sizeof text, fmt, ap);
    text[strcspn(text, "\n")] = '\0';
    srv_log("libmicrohttpd: %s", text);
}
