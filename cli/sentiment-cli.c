/*
 * sentiment-cli - score lines of text with libsentiment.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * A thin layer over <sentiment.h>: options become analyzer flags, input is
 * cut into records, each record is scored and printed as one row. Nothing
 * here knows how scoring works; if you want to learn the API, read this file
 * after the header.
 *
 * Input is read in blocks of READ_SIZE bytes; the complete records of a
 * block (records.h) form a job, which is scored and written as cli.h
 * describes: on the reading thread, or with -j on a pool of threads
 * (jobs.c) that writes the jobs in input order. The incomplete record at
 * the end of a block goes on to the next job, so memory stays bounded by
 * the longest record (times the number of jobs in flight).
 */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sentiment.h>
#include <utf8proc.h>

#include "cli.h"
#include "records.h"

#define READ_SIZE ((size_t)1 << 20)
#define MAX_JOBS 1024
#define NO_BYTE ((size_t)-1) /* struct bad_record: no offset known. */

void die(const char *what, const char *why)
{
    fprintf(stderr, PROG ": %s: %s\n", what, why);
    exit(1);
}

/* Make room for 'extra' more bytes. Out of memory is fatal: a CLI that
 * cannot hold one record has nothing useful left to do. */
void buf_grow(struct buf *b, size_t extra)
{
    size_t cap = b->cap ? b->cap : 256;
    char *p;

    if (b->cap - b->len >= extra)
        return;
    if (extra > (size_t)-1 / 2 - b->len)
        die("buffer", sentiment_strerror(SENTIMENT_E_NOMEM));
    while (cap - b->len < extra)
        cap *= 2;
    if ((p = realloc(b->p, cap)) == NULL)
        die("buffer", sentiment_strerror(SENTIMENT_E_NOMEM));
    b->p = p;
    b->cap = cap;
}

static void put(struct buf *b, const char *s, size_t n)
{
    if (n == 0)
        return;
    buf_grow(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void puts_(struct buf *b, const char *s)
{
    put(b, s, strlen(s));
}
static void putch(struct buf *b, char c)
{
    put(b, &c, 1);
}

static void put_double(struct buf *b, double v)
{
    char num[SENTIMENT_FORMAT_BUFSIZE];
    int n = sentiment_format_double(v, num, sizeof num);

    put(b, num, n > 0 ? (size_t)n : 0);
}

/* A JSON string. The bytes must be valid UTF-8; only '"', '\\' and the
 * C0 controls need escaping, everything else is copied in runs. The escapes
 * are those of Python's json.dumps(s, ensure_ascii=False), which makes the
 * output easy to check. */
static void put_json_string(struct buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i, run = 0;

    putch(b, '"');
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[6] = {'\\', 'u', '0', '0', 0, 0};

        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
        case '\\':
            esc[1] = (char)c;
            put(b, esc, 2);
            break;
        case '\n':
            put(b, "\\n", 2);
            break;
        case '\r':
            put(b, "\\r", 2);
            break;
        case '\t':
            put(b, "\\t", 2);
            break;
        case '\b':
            put(b, "\\b", 2);
            break;
        case '\f':
            put(b, "\\f", 2);
            break;
        default:
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            put(b, esc, 6);
            break;
        }
    }
    put(b, s + run, n - run);
    putch(b, '"');
}

/* Python's str.isprintable() for one code point: everything but the
 * "Other" and "Separator" categories, except the space itself. */
static int py_printable(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return 0;
    case UTF8PROC_CATEGORY_ZS:
        return cp == ' ';
    default:
        return 1;
    }
}

/* A str literal exactly as Python's repr() writes it, so that --explain can
 * be compared with TextBlob's own output. */
static void put_py_string(struct buf *b, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
    char esc[12];

    putch(b, q);
    while (*u) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(u, -1, &cp);

        if (n <= 0) { /* Not from valid UTF-8: show the byte. */
            snprintf(esc, sizeof esc, "\\x%02x", *u++);
            puts_(b, esc);
            continue;
        }
        if (cp == '\\' || cp == (unsigned char)q) {
            putch(b, '\\');
            putch(b, (char)cp);
        } else if (cp == '\t' || cp == '\n' || cp == '\r') {
            puts_(b, cp == '\t' ? "\\t" : cp == '\n' ? "\\n" : "\\r");
        } else if (py_printable(cp)) {
            put(b, (const char *)u, (size_t)n);
        } else {
            snprintf(esc, sizeof esc,
                     cp <= 0xff     ? "\\x%02lx"
                     : cp <= 0xffff ? "\\u%04lx"
                                    : "\\U%08lx",
                     (unsigned long)cp);
            puts_(b, esc);
        }
        u += n;
    }
    putch(b, q);
}

/* sentiment_assessment_fn: append one assessment to job->col, as a Python
 * tuple or as a JSON object. The row is written once the score is known. */
static int on_assessment(void *user, const char *const *words, size_t n_words,
                         double p, double s, const char *label)
{
    struct job *j = user;
    struct buf *b = &j->col;
    int json = j->c->json;
    size_t i;

    if (j->n_assess++)
        puts_(b, ", ");
    puts_(b, json ? "{\"words\": [" : "([");
    for (i = 0; i < n_words; i++) {
        if (i)
            puts_(b, ", ");
        if (json)
            put_json_string(b, words[i], strlen(words[i]));
        else
            put_py_string(b, words[i]);
    }
    puts_(b, json ? "], \"polarity\": " : "], ");
    put_double(b, p);
    puts_(b, json ? ", \"subjectivity\": " : ", ");
    put_double(b, s);
    puts_(b, json ? ", \"label\": " : ", ");
    if (label && json)
        put_json_string(b, label, strlen(label));
    else if (label)
        put_py_string(b, label);
    else
        puts_(b, json ? "null" : "None");
    puts_(b, json ? "}" : ")");
    return 0;
}

/* sentiment_sentence_fn: append one sentence to job->sent, as
 * "START END POLARITY [SUBJECTIVITY]" (TAB between sentences) or as a JSON
 * object. --first-sentence needs only the first one and stops there. */
static int on_sentence(void *user, size_t start, size_t end, double p, double s)
{
    struct job *j = user;
    struct buf *b = &j->sent;
    char num[32];
    int json = j->c->json;

    if (j->n_sent++ == 0) {
        j->first_p = p;
        j->first_s = s;
    } else {
        puts_(b, json ? ", " : "\t");
    }
    if (!j->c->sentences)
        return 1;
    snprintf(num, sizeof num,
             json ? "{\"start\": %zu, \"end\": %zu, " : "%zu %zu ", start, end);
    puts_(b, num);
    puts_(b, json ? "\"polarity\": " : "");
    put_double(b, p);
    if (json || j->c->subjectivity) {
        puts_(b, json ? ", \"subjectivity\": " : " ");
        put_double(b, s);
    }
    if (json)
        putch(b, '}');
    return 0;
}

/* --sentences, --first-sentence: split the record; 0 or a SENTIMENT_E_*. */
static int split_record(struct job *j, const char *text, size_t len)
{
    int rc;

    j->sent.len = 0;
    j->n_sent = 0;
    j->first_p = j->first_s = 0.0; /* no sentence: TextBlob's empty text */
    rc = sentiment_analyzer_sentences(j->c->an, text, len, on_sentence, j);
    return rc == SENTIMENT_E_ABORTED && !j->c->sentences ? 0 : rc;
}

/* The record as a JSON string, repaired first if it is not valid UTF-8 so
 * that the output always is. */
static void put_json_text(struct job *j, const char *text, size_t len)
{
    size_t need;

    if (sentiment_utf8_validate(text, len, NULL) == 0) {
        put_json_string(&j->out, text, len);
        return;
    }
    need = sentiment_utf8_repair(text, len, NULL, 0);
    j->fix.len = 0;
    buf_grow(&j->fix, need);
    sentiment_utf8_repair(text, len, j->fix.p, need);
    put_json_string(&j->out, j->fix.p, need);
}

/* The row of a record that could not be scored: same number of columns as
 * a good row, so that rows and records still line up. */
static void put_error_row(struct job *j, const char *text, size_t len,
                          const char *why)
{
    const struct cli *c = j->c;

    if (c->json) {
        puts_(&j->out, "{\"text\": ");
        put_json_text(j, text, len);
        puts_(&j->out, ", \"error\": ");
        put_json_string(&j->out, why, strlen(why));
        puts_(&j->out, "}\n");
        return;
    }
    puts_(&j->out, "error");
    if (c->sentences) { /* one field, like any sentence list */
        putch(&j->out, '\n');
        return;
    }
    if (c->subjectivity)
        puts_(&j->out, "\terror");
    if (c->explain)
        puts_(&j->out, "\terror");
    putch(&j->out, '\n');
}

/* Score one record and append its row. A bad record gets an error row and
 * is noted for its message. */
static void score_record(struct job *j, const char *text, size_t len)
{
    const struct cli *c = j->c;
    struct bad_record *bad;
    double p, s;
    int rc;

    j->col.len = 0;
    j->n_assess = 0;
    p = s = 0.0;
    if (c->sentences || c->first_sentence)
        rc = split_record(j, text, len);
    else
        rc = 0;
    if (rc == 0 && c->explain)
        rc = sentiment_analyzer_assess(c->an, text, len, &p, &s, on_assessment,
                                       j);
    else if (rc == 0 && (c->json || !(c->sentences || c->first_sentence)))
        rc = sentiment_analyzer_score(c->an, text, len, &p, &s);
    if (rc == SENTIMENT_E_NOMEM)
        die(j->name, sentiment_strerror(rc));
    if (rc < 0) {
        if (j->n_bad == j->cap_bad) {
            size_t cap = j->cap_bad ? 2 * j->cap_bad : 16;

            if ((bad = realloc(j->bad, cap * sizeof *bad)) == NULL)
                die(j->name, sentiment_strerror(SENTIMENT_E_NOMEM));
            j->bad = bad;
            j->cap_bad = cap;
        }
        bad = &j->bad[j->n_bad++];
        bad->recno = j->n_records;
        bad->rc = rc;
        if (rc != SENTIMENT_E_UTF8 ||
            sentiment_utf8_validate(text, len, &bad->byte) != SENTIMENT_E_UTF8)
            bad->byte = NO_BYTE;
        put_error_row(j, text, len,
                      rc == SENTIMENT_E_UTF8 ? "invalid UTF-8"
                                             : sentiment_strerror(rc));
        return;
    }
    if (c->json) {
        puts_(&j->out, "{\"text\": ");
        put_json_text(j, text, len);
        puts_(&j->out, ", \"polarity\": ");
        put_double(&j->out, p);
        puts_(&j->out, ", \"subjectivity\": ");
        put_double(&j->out, s);
        if (c->explain) {
            puts_(&j->out, ", \"assessments\": [");
            put(&j->out, j->col.p, j->col.len);
            putch(&j->out, ']');
        }
        if (c->sentences) {
            puts_(&j->out, ", \"sentences\": [");
            put(&j->out, j->sent.p, j->sent.len);
            putch(&j->out, ']');
        }
        if (c->first_sentence) {
            puts_(&j->out, ", \"first_sentence\": {\"polarity\": ");
            put_double(&j->out, j->first_p);
            puts_(&j->out, ", \"subjectivity\": ");
            put_double(&j->out, j->first_s);
            putch(&j->out, '}');
        }
        puts_(&j->out, "}\n");
        return;
    }
    if (c->sentences) {
        put(&j->out, j->sent.p, j->sent.len);
        putch(&j->out, '\n');
        return;
    }
    if (c->first_sentence) {
        p = j->first_p;
        s = j->first_s;
    }
    put_double(&j->out, p);
    if (c->subjectivity) {
        putch(&j->out, '\t');
        put_double(&j->out, s);
    }
    if (c->explain) {
        puts_(&j->out, "\t[");
        put(&j->out, j->col.p, j->col.len);
        putch(&j->out, ']');
    }
    putch(&j->out, '\n');
}

/* Score every record of a job. Called on any thread. */
void score_job(struct job *j)
{
    const char *pos = j->in.p, *end = j->in.p + j->in.len;
    struct record r;

    while (record_next(&pos, end, j->c->delim, &r)) {
        j->n_records++;
        score_record(j, r.text, r.len);
    }
}

/* Print a scored job's messages, then write its rows; 'recno' counts the
 * records of the input written before. Returns 1 if the job had an error,
 * else 0, or -1 with errno set if the rows could not be written. */
int write_job(struct job *j, unsigned long *recno)
{
    size_t i;

    if (j->first)
        *recno = 0;
    if (j->io_errno)
        fprintf(stderr, PROG ": %s: %s\n", j->name, strerror(j->io_errno));
    for (i = 0; i < j->n_bad; i++) {
        const struct bad_record *b = &j->bad[i];

        if (b->rc == SENTIMENT_E_UTF8 && b->byte != NO_BYTE)
            fprintf(stderr, PROG ": %s:%lu: invalid UTF-8 at byte %zu\n",
                    j->name, *recno + b->recno, b->byte);
        else
            fprintf(stderr, PROG ": %s:%lu: %s\n", j->name, *recno + b->recno,
                    sentiment_strerror(b->rc));
    }
    *recno += j->n_records;
    if ((j->out.len && fwrite(j->out.p, 1, j->out.len, stdout) != j->out.len) ||
        fflush(stdout) != 0)
        return -1;
    j->out.len = 0;
    return j->n_bad || j->io_errno;
}

void job_free(struct job *j)
{
    free(j->in.p);
    free(j->out.p);
    free(j->col.p);
    free(j->fix.p);
    free(j->sent.p);
    free(j->bad);
}

/* Rows may still sit in stdio's buffer: only fclose() says if they made it. */
static void close_stdout(void)
{
    if (fclose(stdout) != 0)
        die("write error", strerror(errno));
}

/* Read one block. read(2) rather than fread() so that a pipe delivers its
 * lines as they come instead of a megabyte later; never more than a block,
 * so that the rows of one job stay small even once a long record has made
 * the buffer big. */
static ssize_t read_some(int fd, struct buf *b)
{
    ssize_t n;

    buf_grow(b, READ_SIZE);
    do
        n = read(fd, b->p + b->len, READ_SIZE);
    while (n < 0 && errno == EINTR);
    if (n > 0)
        b->len += (size_t)n;
    return n;
}

/* Cut one input into jobs: after each block, the complete records read so
 * far go to the pool and the incomplete one at the end starts the next job.
 * The last job holds the last record, if it has no separator, and any
 * read error. */
static void run_input(struct pool *pl, const char *name, int fd)
{
    struct job *j = pool_get(pl), *next;
    ssize_t n;

    j->name = name;
    j->first = 1;
    while ((n = read_some(fd, &j->in)) > 0) {
        size_t len = j->in.len;
        size_t k = records_end(j->in.p, len, len - (size_t)n, j->c->delim);

        if (k == 0)
            continue; /* No record ended in this block. */
        next = pool_get(pl);
        next->name = name;
        put(&next->in, j->in.p + k, len - k);
        j->in.len = k;
        pool_submit(pl, j);
        j = next;
    }
    if (n < 0)
        j->io_errno = errno;
    pool_submit(pl, j);
}

/* A job for an input that cannot be opened: only its message. */
static void open_error(struct pool *pl, const char *name, int err)
{
    struct job *j = pool_get(pl);

    j->name = name;
    j->first = 1;
    j->io_errno = err;
    pool_submit(pl, j);
}

/* --whole: gather every input, then score them as one record. The pool is
 * not needed; messages about the inputs come first anyway. */
static int run_whole(const struct cli *c, char **files)
{
    static struct job j; /* Static: reachable if we die. */
    unsigned long recno = 0;
    int status = 0, rc;
    ssize_t n;

    j.c = c;
    for (; *files; files++) {
        const char *name = strcmp(*files, "-") ? *files : "<stdin>";
        int fd = strcmp(*files, "-") ? open(*files, O_RDONLY) : 0;
        int err = fd < 0 ? errno : 0;

        if (fd >= 0) {
            while ((n = read_some(fd, &j.in)) > 0)
                ;
            err = n < 0 ? errno : 0;
            if (fd != 0)
                close(fd);
        }
        if (err) {
            fprintf(stderr, PROG ": %s: %s\n", name, strerror(err));
            status = 1;
        }
    }
    j.name = "<input>";
    j.n_records = 1;
    score_record(&j, j.in.p, j.in.len);
    if ((rc = write_job(&j, &recno)) < 0)
        die("write error", strerror(errno));
    status |= rc;
    job_free(&j);
    return status;
}

static void usage(FILE *f)
{
    fputs(
        "Usage: " PROG " [OPTIONS] [FILE...]\n"
        "Score each line of the FILEs (or standard input) with TextBlob's\n"
        "sentiment analyzer and print one row per line: its polarity.\n\n"
        "  -s, --subjectivity  also print the subjectivity (TAB-separated)\n"
        "  -z, --null          records end with NUL bytes, not newlines\n"
        "  -j, --jobs N        score on N threads (0: one per CPU; default 1)\n"
        "      --json          print JSON Lines with text and scores\n"
        "      --explain       also print the assessments of each record\n"
        "      --whole         score all input as one text\n"
        "      --sentences     split each record into sentences as TextBlob\n"
        "                      does and score each: START END POLARITY\n"
        "                      [SUBJECTIVITY] per sentence, TAB-separated\n"
        "      --first-sentence  print the first sentence's scores instead\n"
        "                      (0.0 if the record has no sentence)\n"
        "      --compat VER    py312 (default) or py311: match that Python\n"
        "      --lexicon FILE  use a lexicon XML file instead of the built-in one\n"
        "      --strict-utf8   reject records that are not valid UTF-8\n"
        "  -h, --help          show this help and exit\n"
        "  -V, --version       show the versions and exit\n\n"
        "Exit status: 0 on success, 1 if a record, input or output failed,\n"
        "2 on a usage or lexicon error.\n",
        f);
}

static int usage_error(const char *msg, const char *arg)
{
    if (msg)
        fprintf(stderr, PROG ": %s%s\n", msg, arg ? arg : "");
    fputs("Try '" PROG " --help' for more information.\n", stderr);
    return 2;
}

/* Build the analyzer the options ask for; exits 2 if a lexicon is bad. */
static sentiment_analyzer *make_analyzer(const char *lexicon, unsigned flags)
{
    sentiment_analyzer *an = NULL;
    unsigned long line = 0;
    int rc;

    if (!lexicon) {
        if ((rc = sentiment_analyzer_new(flags, &an)) < 0)
            die("analyzer", sentiment_strerror(rc));
        return an;
    }
    rc = sentiment_analyzer_new_from_file(lexicon, flags, &an, &line);
    if (rc < 0) {
        if (line)
            fprintf(stderr, PROG ": %s:%lu: %s\n", lexicon, line,
                    sentiment_strerror(rc));
        else
            fprintf(stderr, PROG ": %s: %s\n", lexicon, sentiment_strerror(rc));
        exit(2);
    }
    return an;
}

/* The -j argument: a number of threads, 0 for one per online CPU. */
static int parse_jobs(const char *arg, unsigned *jobs)
{
    char *end;
    unsigned long n;
    long cpus;

    errno = 0;
    n = strtoul(arg, &end, 10);
    if (*arg < '0' || *arg > '9' || *end || errno || n > MAX_JOBS)
        return -1;
    if (n == 0) {
        cpus = sysconf(_SC_NPROCESSORS_ONLN);
        n = cpus < 1 ? 1 : cpus > MAX_JOBS ? MAX_JOBS : (unsigned long)cpus;
    }
    *jobs = (unsigned)n;
    return 0;
}

enum {
    OPT_JSON = 256,
    OPT_EXPLAIN,
    OPT_WHOLE,
    OPT_COMPAT,
    OPT_LEXICON,
    OPT_STRICT,
    OPT_SENTENCES,
    OPT_FIRST_SENTENCE
};

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"subjectivity", no_argument, NULL, 's'},
        {"null", no_argument, NULL, 'z'},
        {"jobs", required_argument, NULL, 'j'},
        {"json", no_argument, NULL, OPT_JSON},
        {"explain", no_argument, NULL, OPT_EXPLAIN},
        {"whole", no_argument, NULL, OPT_WHOLE},
        {"compat", required_argument, NULL, OPT_COMPAT},
        {"lexicon", required_argument, NULL, OPT_LEXICON},
        {"strict-utf8", no_argument, NULL, OPT_STRICT},
        {"sentences", no_argument, NULL, OPT_SENTENCES},
        {"first-sentence", no_argument, NULL, OPT_FIRST_SENTENCE},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    static char *stdin_only[] = {"-", NULL};
    static char prog[] = PROG;
    static struct pool *pl; /* Static: reachable if we die. */
    struct cli c = {NULL, '\n', 0, 0, 0, 0, 0, 0};
    const char *lexicon = NULL;
    sentiment_analyzer *an;
    unsigned flags = 0, jobs = 1;
    char **files;
    int opt, status;

    argv[0] = prog; /* getopt's messages name argv[0] */
    while ((opt = getopt_long(argc, argv, "szj:hV", longopts, NULL)) != -1) {
        switch (opt) {
        case 's':
            c.subjectivity = 1;
            break;
        case 'z':
            c.delim = '\0';
            break;
        case 'j':
            if (parse_jobs(optarg, &jobs) < 0)
                return usage_error("--jobs must be a number from 0 to 1024, "
                                   "not ",
                                   optarg);
            break;
        case OPT_JSON:
            c.json = 1;
            break;
        case OPT_EXPLAIN:
            c.explain = 1;
            break;
        case OPT_WHOLE:
            c.whole = 1;
            break;
        case OPT_LEXICON:
            lexicon = optarg;
            break;
        case OPT_STRICT:
            flags |= SENTIMENT_STRICT_UTF8;
            break;
        case OPT_SENTENCES:
            c.sentences = 1;
            break;
        case OPT_FIRST_SENTENCE:
            c.first_sentence = 1;
            break;
        case OPT_COMPAT:
            if (strcmp(optarg, "py311") == 0)
                flags |= SENTIMENT_COMPAT_PY311;
            else if (strcmp(optarg, "py312") == 0)
                flags &= ~(unsigned)SENTIMENT_COMPAT_PY311;
            else
                return usage_error("--compat must be py311 or py312, not ",
                                   optarg);
            break;
        case 'h':
            usage(stdout);
            close_stdout();
            return 0;
        case 'V':
            printf(PROG " %s\nlibsentiment %s\nlexicon %s\n",
                   SENTIMENT_VERSION_STRING, sentiment_version_string(),
                   sentiment_lexicon_version());
            close_stdout();
            return 0;
        default:
            return usage_error(NULL, NULL);
        }
    }
    if (c.sentences && c.first_sentence)
        return usage_error("--sentences and --first-sentence exclude each "
                           "other",
                           NULL);
    if ((c.sentences || c.first_sentence) && c.explain && !c.json)
        return usage_error("--explain goes with --sentences or "
                           "--first-sentence only with --json",
                           NULL);
    c.an = an = make_analyzer(lexicon, flags);
    files = optind < argc ? argv + optind : stdin_only;

    /* Rows reach stdio a job at a time; a buffer as big as a job makes that
     * one write(2), whatever stdout is. */
    setvbuf(stdout, NULL, _IOFBF, READ_SIZE);
    if (c.whole) {
        status = run_whole(&c, files);
    } else {
        pl = pool_new(&c, jobs);
        for (; *files; files++) {
            int fd;

            if (strcmp(*files, "-") == 0)
                run_input(pl, "<stdin>", 0);
            else if ((fd = open(*files, O_RDONLY)) < 0)
                open_error(pl, *files, errno);
            else {
                run_input(pl, *files, fd);
                close(fd);
            }
        }
        status = pool_free(pl);
    }
    close_stdout();
    sentiment_analyzer_free(an);
    return status;
}
