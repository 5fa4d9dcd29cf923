// The public header must compile as C++ and link from C++ code.
//
// Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.

#include <sentiment.h>

#include <cstdio>
#include <cstring>

int main()
{
    double polarity = 0.0, subjectivity = 0.0;
    if (sentiment_score("I love yogobella!", 17, &polarity, &subjectivity) !=
        SENTIMENT_OK)
        return 1;
    char buf[SENTIMENT_FORMAT_BUFSIZE];
    if (sentiment_format_double(polarity, buf, sizeof buf) < 0)
        return 1;
    std::printf("%s\n", buf);
    return std::strcmp(buf, "0.625") == 0 ? 0 : 1;
}
