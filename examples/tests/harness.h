/*
 * A small harness for testing sentiment-server over loopback: start and stop
 * servers, make requests with libcurl, report TAP. Copyright (c) 2026 The
 * libsentiment developers. MIT licence, see LICENSE.
 */

#ifndef TEST_HARNESS_H
#define TEST_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* ---- reporting (TAP, plan at the end) ----------------------------------- */

/* Record one check; prints "ok N - name" or "not ok N - name # detail". */
bool check(bool ok, const char *name, const char *detail_fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void note(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
int finish_tests(void);

/* ---- servers ------------------------------------------------------------ */

struct server {
    pid_t pid;
    char url[96];      /* "http://127.0.0.1:PORT" */
    char log_path[64]; /* its stderr */
    int exit_status;   /* after server_stop: waitpid status */
};

/* Start the server binary with PORT=0 HOST=127.0.0.1 and the extra
 * "NAME=VALUE" strings of env (NULL-terminated, may be NULL). Returns 0
 * once it has printed the URL it listens on. */
int server_start(struct server *srv, const char *binary,
                 const char *const *env);
/* Run the binary with env and args and wait (bounded): its exit status. */
int run_and_wait(const char *binary, const char *const *env, const char *arg,
                 char *out, size_t out_size);
/* SIGTERM and wait up to timeout_ms; SIGKILL after. Returns 0 if it
 * exited by itself. */
int server_stop(struct server *srv, unsigned timeout_ms);
/* server_stop, and did it exit with status 0 by itself? (In a sanitized
 * build that also means no sanitizer report.) */
bool server_stop_clean(struct server *srv);
/* Kill every server still running (registered with atexit). */
void kill_all_servers(void);
/* Read the server's log (stderr) into a malloc'd string. */
char *server_log(const struct server *srv);

/* ---- HTTP --------------------------------------------------------------- */

struct response {
    long status;
    char *body; /* NUL-terminated; may contain NULs before len */
    size_t len;
    char *headers; /* raw header block, NUL-terminated */
    size_t headers_len;
    int curl_code; /* CURLcode */
    double seconds;
};

struct request {
    const char *method; /* default GET, or POST when body set */
    const char *url;
    const char *path;         /* appended to url */
    const char *content_type; /* NULL: none sent */
    const char *body;
    size_t len;                 /* of body; 0 with body = strlen */
    const char *const *headers; /* extra "Name: value", NULL-terminated */
    bool chunked;
    long timeout_ms; /* default 5000 */
};

int http(const struct request *req, struct response *resp);
void response_free(struct response *resp);
/* A libcurl write callback that drops the body (so that none reaches the
 * TAP stream on stdout). */
size_t discard_body(char *data, size_t size, size_t nmemb, void *user);
/* A response header's value (case-insensitive name), copied into buf. */
bool header_value(const struct response *resp, const char *name, char *buf,
                  size_t size);
/* Does the body contain this text? */
bool body_has(const struct response *resp, const char *text);
/* Is the body a JSON object with a string "error", sent as JSON? */
bool is_json_error(const struct response *resp);

/* POST {"sentence": s} (encoded with jansson) to url+path. */
int post_sentence(const char *url, const char *path, const char *sentence,
                  size_t len, struct response *resp);

/* A port with nothing listening (bound then closed), and a socket that
 * listens but never accepts: a logic tier that is down and one that is
 * hung. */
unsigned closed_port(void);
int silent_listener(unsigned *port);
/* A raw TCP connection to 127.0.0.1:port, or -1. */
int tcp_connect(unsigned port);
unsigned url_port(const char *url);

void sleep_ms(unsigned ms);
double now_seconds(void);

#endif /* TEST_HARNESS_H */
