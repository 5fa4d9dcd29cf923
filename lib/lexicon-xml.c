/*
 * Reading Pattern's XML lexicon format with expat.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * TextBlob reads the file with ElementTree and takes root.findall("word"):
 * the <word> children of the root element, nothing deeper. ElementTree
 * parses with namespace processing, so a <word> in a default namespace is
 * not "word" to it; expat's namespace mode gives the same names. Text
 * content (the lexicon has stray ">" characters) is ignored, as ElementTree
 * ignores it.
 */

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <expat.h>

#include "private.h"

typedef struct loader {
    XML_Parser parser;
    sentimentp_builder *builder;
    locale_t c_locale;
    unsigned depth;
    int error;
    unsigned long error_line;
} loader;

static void stop(loader *ld, int code)
{
    if (ld->error)
        return;
    ld->error = code;
    ld->error_line = (unsigned long)XML_GetCurrentLineNumber(ld->parser);
    XML_StopParser(ld->parser, XML_FALSE);
}

/* float(w.attrib.get(name, fallback)) */
static bool number(loader *ld, const char *value, double fallback, double *out)
{
    if (!value) {
        *out = fallback;
        return true;
    }
    if (sentimentp_parse_double(value, ld->c_locale, out))
        return true;
    stop(ld, SENTIMENT_E_LEXICON);
    return false;
}

static void add_word(loader *ld, const XML_Char **attrs)
{
    const char *form = NULL, *pos = NULL, *polarity = NULL,
               *subjectivity = NULL, *intensity = NULL, *label = NULL;
    for (size_t k = 0; attrs[k]; k += 2) {
        const char *name = attrs[k], *value = attrs[k + 1];
        if (strcmp(name, "form") == 0)
            form = value;
        else if (strcmp(name, "pos") == 0)
            pos = value;
        else if (strcmp(name, "polarity") == 0)
            polarity = value;
        else if (strcmp(name, "subjectivity") == 0)
            subjectivity = value;
        else if (strcmp(name, "intensity") == 0)
            intensity = value;
        else if (strcmp(name, "label") == 0)
            label = value;
    }
    /* TextBlob converts the numbers of every word before it looks at the
     * form, so a bad number fails the load even on a word without one. */
    double p, s, i;
    if (!number(ld, polarity, 0.0, &p) || !number(ld, subjectivity, 0.0, &s) ||
        !number(ld, intensity, 1.0, &i))
        return;
    if (!form || !*form)
        return;
    int rc = sentimentp_builder_add(ld->builder, form, pos, p, s, i, label);
    if (rc != SENTIMENT_OK)
        stop(ld, rc);
}

static void XMLCALL on_start(void *data, const XML_Char *name,
                             const XML_Char **attrs)
{
    loader *ld = data;
    if (ld->depth == 1 && strcmp(name, "word") == 0)
        add_word(ld, attrs);
    ld->depth++;
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
    loader *ld = data;
    (void)name;
    ld->depth--;
}

static int begin(loader *ld, sentimentp_builder *b)
{
    memset(ld, 0, sizeof *ld);
    ld->builder = b;
    ld->c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (ld->c_locale == (locale_t)0)
        return SENTIMENT_E_NOMEM;
    /* The separator only has to be a byte that cannot occur in a name. */
    ld->parser = XML_ParserCreateNS(NULL, '\x01');
    if (!ld->parser) {
        freelocale(ld->c_locale);
        return SENTIMENT_E_NOMEM;
    }
    XML_SetUserData(ld->parser, ld);
    XML_SetElementHandler(ld->parser, on_start, on_end);
    return SENTIMENT_OK;
}

/* Feeds one chunk; returns false once the document has failed. */
static bool feed(loader *ld, const char *data, int len, bool final)
{
    if (XML_Parse(ld->parser, data, len, final) == XML_STATUS_OK)
        return true;
    if (!ld->error) {
        enum XML_Error e = XML_GetErrorCode(ld->parser);
        ld->error = e == XML_ERROR_NO_MEMORY ? SENTIMENT_E_NOMEM
                                             : SENTIMENT_E_XML;
        ld->error_line = (unsigned long)XML_GetCurrentLineNumber(ld->parser);
    }
    return false;
}

static int end(loader *ld, unsigned long *error_line)
{
    XML_ParserFree(ld->parser);
    freelocale(ld->c_locale);
    /* a line number only where the document itself is at fault */
    if (error_line)
        *error_line = ld->error == SENTIMENT_E_XML ||
                              ld->error == SENTIMENT_E_LEXICON
                          ? ld->error_line
                          : 0;
    return ld->error;
}

int sentimentp_xml_load(sentimentp_builder *b, const char *xml, size_t len,
                        unsigned long *error_line)
{
    loader ld;
    int rc = begin(&ld, b);
    if (rc != SENTIMENT_OK)
        return rc;
    bool ok = true;
    while (ok && len > INT_MAX / 2) {
        ok = feed(&ld, xml, INT_MAX / 2, false);
        xml += INT_MAX / 2;
        len -= INT_MAX / 2;
    }
    if (ok)
        feed(&ld, xml, (int)len, true);
    return end(&ld, error_line);
}

int sentimentp_xml_load_file(sentimentp_builder *b, const char *path,
                             unsigned long *error_line)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (error_line)
            *error_line = 0;
        return errno == ENOMEM ? SENTIMENT_E_NOMEM : SENTIMENT_E_IO;
    }
    loader ld;
    int rc = begin(&ld, b);
    if (rc != SENTIMENT_OK) {
        fclose(f);
        return rc;
    }
    char chunk[65536];
    bool ok = true;
    while (ok) {
        size_t n = fread(chunk, 1, sizeof chunk, f);
        if (n < sizeof chunk && ferror(f)) {
            ld.error = SENTIMENT_E_IO;
            break;
        }
        ok = feed(&ld, chunk, (int)n, n < sizeof chunk) && n == sizeof chunk;
    }
    fclose(f);
    return end(&ld, error_line);
}
