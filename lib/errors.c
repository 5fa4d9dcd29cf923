/*
 * Error messages.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include "private.h"

const char *sentiment_strerror(int code)
{
    switch (code) {
    case SENTIMENT_OK:
        return "success";
    case SENTIMENT_E_NOMEM:
        return "out of memory";
    case SENTIMENT_E_INVALID:
        return "invalid argument";
    case SENTIMENT_E_UTF8:
        return "invalid UTF-8";
    case SENTIMENT_E_IO:
        return "cannot read the lexicon file";
    case SENTIMENT_E_XML:
        return "the lexicon is not well-formed XML";
    case SENTIMENT_E_LEXICON:
        return "the lexicon has a value that is not a number";
    case SENTIMENT_E_ABORTED:
        return "stopped by the assessment callback";
    case SENTIMENT_E_RANGE:
        return "output buffer too small";
    default:
        return "unknown error";
    }
}
