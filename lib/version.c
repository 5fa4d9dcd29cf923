/*
 * The library's version: sentiment-version.h's values when it was built,
 * which a program compares with those of the header it was built with.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include "private.h"

const char *sentiment_version_string(void)
{
    return SENTIMENT_VERSION_STRING;
}

unsigned long sentiment_version(void)
{
    return SENTIMENT_VERSION_HEX;
}
