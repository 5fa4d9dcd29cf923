/*
 * test-server: contract tests for sentiment-server, over loopback.
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * Usage: test-server SERVER_BINARY   start servers (PORT=0) and test all
 *        test-server --url URL       test the contract of a running server
 *        test-server --slowloris SECONDS SERVER_BINARY
 *                                    4,000 slow clients for SECONDS, while
 *                                    another client's latency is measured
 *
 * Output is TAP; the last line is "# N passed, M failed". Every server it
 * starts is stopped at the end, and killed if a check leaves one behind.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <curl/curl.h>

#include "harness.h"
#include "tests.h"

int main(int argc, char **argv)
{
    struct server srv;
    const char *env[] = {"THREADS=2", NULL};
    int rc;

    if (argc != 2 && !(argc == 3 && strcmp(argv[1], "--url") == 0) &&
        !(argc == 4 && strcmp(argv[1], "--slowloris") == 0)) {
        fputs("usage: test-server SERVER_BINARY | --url URL | "
              "--slowloris SECONDS SERVER_BINARY\n",
              stderr);
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    atexit(kill_all_servers);

    if (argc == 4) {
        test_slowloris(argv[3], (unsigned)strtoul(argv[2], NULL, 10));
    } else if (argc == 3) {
        test_contract(argv[2]);
        test_framing(argv[2]);
    } else {
        if (check(server_start(&srv, argv[1], env) == 0, "server starts",
                  "%s printed no URL", argv[1])) {
            test_contract(srv.url);
            test_framing(srv.url);
            /* Exit 0 also means no sanitizer report at exit, in
             * sanitized builds. */
            check(server_stop(&srv, 5000) == 0 && WIFEXITED(srv.exit_status) &&
                      WEXITSTATUS(srv.exit_status) == 0,
                  "server stops on SIGTERM with status 0", "wait status 0x%x",
                  srv.exit_status);
            {
                char *log = server_log(&srv);
                check(log != NULL &&
                          strstr(log, "\"POST /analyse/sentiment\" 200 ") &&
                          strstr(log, "\"GET /nope\" 404 "),
                      "one log line per request", "log: %.300s", log);
                free(log);
            }
            remove(srv.log_path);
        }
        test_forward(argv[1]);
        test_lifecycle(argv[1]);
    }
    rc = finish_tests();
    curl_global_cleanup();
    return rc;
}
