/*
 * A plain main() for the fuzz targets, in place of libFuzzer's: runs
 * LLVMFuzzerTestOneInput() once on each input and exits, so that any C
 * compiler builds the targets and `meson test` replays their seeds (also
 * under the sanitize and valgrind setups). Also the way to rerun a crash
 * file that libFuzzer wrote, under a debugger.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * usage: <target>-replay PATH...
 *
 * Each PATH is a file, a directory (every regular file in it whose name does
 * not start with '.', in name order, not recursively) or "-" (standard
 * input). Each input is copied into a heap block of exactly its size, so
 * that ASan sees a read past its end as libFuzzer would. A failed check or a
 * crash in the target aborts; an unreadable PATH, or no input at all, is an
 * error (exit status 1). Link it with exactly one target.
 */

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* libFuzzer calls this once before the first input if a target defines it. */
#if defined(__GNUC__) || defined(__clang__)
extern int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));
#endif

static unsigned long n_inputs;

/* Reads a whole stream; returns a malloc'd block of exactly its size (at
 * least 1 byte allocated), or NULL. */
static uint8_t *slurp(FILE *f, size_t *size)
{
    size_t len = 0, cap = 4096;
    uint8_t *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (len == cap) {
            uint8_t *bigger = realloc(buf, cap *= 2);
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        return NULL;
    }
    uint8_t *exact = malloc(len ? len : 1);
    if (exact)
        memcpy(exact, buf, len);
    free(buf);
    *size = len;
    return exact;
}

static int run_file(const char *path)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t size = 0;
    uint8_t *data = slurp(f, &size);
    if (f != stdin)
        fclose(f);
    if (!data) {
        fprintf(stderr, "replay: %s: cannot read\n", path);
        return -1;
    }
    fprintf(stderr, "replay: %s (%zu bytes)\n", path, size);
    LLVMFuzzerTestOneInput(data, size);
    free(data);
    n_inputs++;
    return 0;
}

static int skip_hidden(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

static int run_path(const char *path)
{
    struct stat st;
    if (strcmp(path, "-") == 0)
        return run_file(path);
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return run_file(path);

    struct dirent **names;
    int n = scandir(path, &names, skip_hidden, alphasort);
    if (n < 0) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return -1;
    }
    int rc = 0;
    for (int k = 0; k < n; k++) {
        size_t len = strlen(path) + strlen(names[k]->d_name) + 2;
        char *file = malloc(len);
        if (!file) {
            rc = -1;
        } else {
            snprintf(file, len, "%s/%s", path, names[k]->d_name);
            if (stat(file, &st) == 0 && S_ISREG(st.st_mode) &&
                run_file(file) != 0)
                rc = -1;
            free(file);
        }
        free(names[k]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
#if defined(__GNUC__) || defined(__clang__)
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
#endif
    int rc = 0;
    for (int k = 1; k < argc; k++)
        if (run_path(argv[k]) != 0)
            rc = 1;
    if (n_inputs == 0) {
        fprintf(stderr, "replay: no input (usage: %s PATH...)\n", argv[0]);
        return 1;
    }
    printf("replayed %lu input%s\n", n_inputs, n_inputs == 1 ? "" : "s");
    return rc;
}
