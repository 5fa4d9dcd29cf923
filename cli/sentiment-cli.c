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
 * Input is read in big blocks into one growable buffer and every complete
 * record in it is handled by score_records(), which appends the rows to an
 * output buffer that is then written with one fwrite(). A record longer than
 * a block just makes the buffer grow, so memory stays bounded by the longest
 * record. The per-chunk state lives in struct job so that a threaded version
 * can give every thread its own job and write the outputs in order.
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

#define PROG "sentiment-cli"
#define READ_SIZE ((size_t)1 << 20)

struct cli {
    const sentiment_analyzer *an;
    char delim;             /* Record separator: '\n', or '\0' with -z. */
    int subjectivity;       /* -s: add the subjectivity column. */
    int json;               /* --json: JSON Lines instead of TAB columns. */
    int explain;            /* --explain: add the assessments. */
    int whole;              /* --whole: all input is one record. */
};

/* A growable byte string. Not NUL-terminated. */
struct buf {
    char *p;
    size_t len, cap;
};

/* Everything one scoring loop writes to; the options are shared. */
struct job {
    const struct cli *c;
    struct buf in;          /* Input not yet scored. */
    struct buf out;         /* Rows not yet written. */
    struct buf col;         /* The assessments of the current record. */
    struct buf fix;         /* The current record with invalid UTF-8 repaired. */
    const char *name;       /* Input name for messages. */
    unsigned long recno;    /* Number of the current record in that input. */
    size_t n_assess;        /* Assessments of the current record so far. */
};

static void die(const char *what, const char *why)
{
    fprintf(stderr, PROG ": %s: %s\n", what, why);
    exit(1);
}

/* Make room for 'extra' more bytes. Out of memory is fatal: a CLI that
 * cannot hold one record has nothing useful left to do. */
static void buf_grow(struct buf *b, size_t extra)
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

static void puts_(struct buf *b, const char *s) { put(b, s, strlen(s)); }
static void putch(struct buf *b, char c) { put(b, &c, 1); }

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
        case '"': case '\\': esc[1] = (char)c; put(b, esc, 2); break;
        case '\n': put(b, "\\n", 2); break;
        case '\r': put(b, "\\r", 2); break;
        case '\t': put(b, "\\t", 2); break;
        case '\b': put(b, "\\b", 2); break;
        case '\f': put(b, "\\f", 2); break;
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
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
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

        if (n <= 0) {                   /* Not from valid UTF-8: show the byte. */
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
            snprintf(esc, sizeof esc, cp <= 0xff ? "\\x%02lx" :
                     cp <= 0xffff ? "\\u%04lx" : "\\U%08lx", (unsigned long)cp);
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
    if (c->subjectivity)
        puts_(&j->out, "\terror");
    if (c->explain)
        puts_(&j->out, "\terror");
    putch(&j->out, '\n');
}

/* Score one record and append its row. Returns 1 for a bad record (it gets
 * an error row and a message), 0 otherwise. */
static int score_record(struct job *j, const char *text, size_t len)
{
    const struct cli *c = j->c;
    double p, s;
    size_t bad = 0;
    int rc;

    j->col.len = 0;
    j->n_assess = 0;
    if (c->explain)
        rc = sentiment_analyzer_assess(c->an, text, len, &p, &s,
                                       on_assessment, j);
    else
        rc = sentiment_analyzer_score(c->an, text, len, &p, &s);
    if (rc == SENTIMENT_E_NOMEM)
        die(j->name, sentiment_strerror(rc));
    if (rc < 0) {
        if (rc == SENTIMENT_E_UTF8 &&
            sentiment_utf8_validate(text, len, &bad) == SENTIMENT_E_UTF8)
            fprintf(stderr, PROG ": %s:%lu: invalid UTF-8 at byte %zu\n",
                    j->name, j->recno, bad);
        else
            fprintf(stderr, PROG ": %s:%lu: %s\n", j->name, j->recno,
                    sentiment_strerror(rc));
        put_error_row(j, text, len, rc == SENTIMENT_E_UTF8 ?
                      "invalid UTF-8" : sentiment_strerror(rc));
        return 1;
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
        puts_(&j->out, "}\n");
        return 0;
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
    return 0;
}

/* Score every record in buf[0..len): each ends with the delimiter, except
 * that a last one without it is a record too (the caller passes such a tail
 * only at end of input). A '\r' before a '\n' is not part of the record.
 * Returns 1 if any record was bad. This is the unit of work a threaded
 * version would hand out per chunk. */
static int score_records(struct job *j, const char *buf, size_t len)
{
    char delim = j->c->delim;
    const char *end = buf + len;
    int status = 0;

    while (buf < end) {
        const char *e = memchr(buf, delim, (size_t)(end - buf));
        size_t n = (size_t)((e ? e : end) - buf);

        if (e && delim == '\n' && n > 0 && buf[n - 1] == '\r')
            n--;
        j->recno++;
        status |= score_record(j, buf, n);
        buf = e ? e + 1 : end;
    }
    return status;
}

/* Write the pending rows. A failed write is fatal: the rows are lost. */
static void flush_rows(struct job *j)
{
    if ((j->out.len && fwrite(j->out.p, 1, j->out.len, stdout) != j->out.len)
        || fflush(stdout) != 0)
        die("write error", strerror(errno));
    j->out.len = 0;
}

/* Rows may still sit in stdio's buffer: only fclose() says if they made it. */
static void close_stdout(void)
{
    if (fclose(stdout) != 0)
        die("write error", strerror(errno));
}

/* Read one block. read(2) rather than fread() so that a pipe delivers its
 * lines as they come instead of a megabyte later; never more than a block,
 * so that the rows of one chunk stay small even once a long record has
 * made the buffer big. */
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

/* Score all records of one input. With --whole, only gather the bytes: the
 * caller scores them once every input is read. Returns 1 on any error. */
static int run_input(struct job *j, int fd)
{
    const struct cli *c = j->c;
    int status = 0;
    ssize_t n;

    j->recno = 0;
    while ((n = read_some(fd, &j->in)) > 0) {
        size_t k = j->in.len, from = k - (size_t)n;

        if (c->whole)
            continue;
        while (k > from && j->in.p[k - 1] != c->delim)
            k--;
        if (k == from)
            continue;                   /* No record ended in this block. */
        status |= score_records(j, j->in.p, k);
        memmove(j->in.p, j->in.p + k, j->in.len - k);
        j->in.len -= k;
        flush_rows(j);
    }
    if (n < 0) {
        fprintf(stderr, PROG ": %s: %s\n", j->name, strerror(errno));
        status = 1;
    }
    if (!c->whole && j->in.len) {       /* A last record without delimiter. */
        status |= score_records(j, j->in.p, j->in.len);
        j->in.len = 0;
        flush_rows(j);
    }
    return status;
}

static void usage(FILE *f)
{
    fputs("Usage: " PROG " [OPTIONS] [FILE...]\n"
          "Score each line of the FILEs (or standard input) with TextBlob's\n"
          "sentiment analyzer and print one row per line: its polarity.\n\n"
          "  -s, --subjectivity  also print the subjectivity (TAB-separated)\n"
          "  -z, --null          records end with NUL bytes, not newlines\n"
          "      --json          print JSON Lines with text and scores\n"
          "      --explain       also print the assessments of each record\n"
          "      --whole         score all input as one text\n"
          "      --compat VER    py312 (default) or py311: match that Python\n"
          "      --lexicon FILE  use a lexicon XML file instead of the built-in one\n"
          "      --strict-utf8   reject records that are not valid UTF-8\n"
          "  -h, --help          show this help and exit\n"
          "  -V, --version       show the versions and exit\n\n"
          "Exit status: 0 on success, 1 if a record, input or output failed,\n"
          "2 on a usage or lexicon error.\n", f);
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

enum { OPT_JSON = 256, OPT_EXPLAIN, OPT_WHOLE, OPT_COMPAT, OPT_LEXICON,
       OPT_STRICT };

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"subjectivity", no_argument, NULL, 's'},
        {"null", no_argument, NULL, 'z'},
        {"json", no_argument, NULL, OPT_JSON},
        {"explain", no_argument, NULL, OPT_EXPLAIN},
        {"whole", no_argument, NULL, OPT_WHOLE},
        {"compat", required_argument, NULL, OPT_COMPAT},
        {"lexicon", required_argument, NULL, OPT_LEXICON},
        {"strict-utf8", no_argument, NULL, OPT_STRICT},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    static char *stdin_only[] = {"-", NULL};
    static char prog[] = PROG;
    static struct job j;
    struct cli c = {NULL, '\n', 0, 0, 0, 0};
    const char *lexicon = NULL;
    sentiment_analyzer *an;
    unsigned flags = 0;
    char **files;
    int opt, status = 0;

    argv[0] = prog;                     /* getopt's messages name argv[0] */
    while ((opt = getopt_long(argc, argv, "szhV", longopts, NULL)) != -1) {
        switch (opt) {
        case 's': c.subjectivity = 1; break;
        case 'z': c.delim = '\0'; break;
        case OPT_JSON: c.json = 1; break;
        case OPT_EXPLAIN: c.explain = 1; break;
        case OPT_WHOLE: c.whole = 1; break;
        case OPT_LEXICON: lexicon = optarg; break;
        case OPT_STRICT: flags |= SENTIMENT_STRICT_UTF8; break;
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
    c.an = an = make_analyzer(lexicon, flags);
    j.c = &c;
    files = optind < argc ? argv + optind : stdin_only;

    /* Rows reach stdio a chunk at a time; a buffer as big as a chunk makes
     * that one write(2), whatever stdout is. */
    setvbuf(stdout, NULL, _IOFBF, READ_SIZE);
    for (; *files; files++) {
        int fd = 0;

        j.name = *files;
        if (strcmp(*files, "-") == 0)
            j.name = "<stdin>";
        else if ((fd = open(*files, O_RDONLY)) < 0) {
            fprintf(stderr, PROG ": %s: %s\n", *files, strerror(errno));
            status = 1;
            continue;
        }
        status |= run_input(&j, fd);
        if (fd != 0)
            close(fd);
    }
    if (c.whole) {
        j.name = "<input>";
        j.recno = 1;
        status |= score_record(&j, j.in.p, j.in.len);
        flush_rows(&j);
    }
    close_stdout();
    sentiment_analyzer_free(an);
    free(j.in.p);
    free(j.out.p);
    free(j.col.p);
    free(j.fix.p);
    return status;
}
