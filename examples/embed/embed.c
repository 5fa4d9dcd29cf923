/*
 * embed - the smallest program that uses libsentiment.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * Scores its argument (or a sentence of its own) with the one-shot call and
 * prints polarity and subjectivity the way Python prints them.
 */

#include <stdio.h>
#include <string.h>

#include <sentiment.h>

int main(int argc, char **argv)
{
    const char *text = argc > 1 ? argv[1] : "I love yogobella!";
    char p[SENTIMENT_FORMAT_BUFSIZE], s[SENTIMENT_FORMAT_BUFSIZE];
    double polarity, subjectivity;

    if (sentiment_score(text, strlen(text), &polarity, &subjectivity) < 0)
        return 1;
    sentiment_format_double(polarity, p, sizeof p);
    sentiment_format_double(subjectivity, s, sizeof s);
    printf("%s\t%s\n", p, s);
    return 0;
}
