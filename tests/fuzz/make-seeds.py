#!/usr/bin/env python3
"""Writes the hand-picked seed inputs of the fuzz targets:

    python3 tests/fuzz/make-seeds.py        (from the repository root)

score/    texts with the two leading bytes of fuzz-score.c (flags, API path,
          the callback's stop): worked examples of TextBlob's rules (the
          spec-NN seeds, see lib/README.md) and the edge vectors,
          emoticons, Unicode traps, invalid UTF-8, NUL bytes, and texts that
          outgrow the library's stack buffers (a sentence > 4 KiB, a word
          > 256 bytes, many assessments).
sentences/ texts with the two leading bytes of fuzz-sentences.c (flags, the
          callback's stop): the traps of SPEC-SENTENCES.md, abbreviations,
          initials, numbers, collocations, realignment, Unicode white space,
          invalid UTF-8 and runs of marks and spaces.
lexicon/  XML documents with the leading byte of fuzz-lexicon.c: small valid
          lexicons (senses, parts of speech, -ly adverbs, labels, intensity,
          namespaces, entities, encodings), malformed ones, and the start of
          data/en-sentiment.xml.

The seeds are committed; rerun this only to change them (it deletes the
seed files it does not write). libFuzzer never writes into these
directories: .ci/hardening.sh gives it a scratch corpus.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

WORKED_EXAMPLES = [
    "Textblob is amazingly simple to use. What great fun!",
    "This movie is not good.",
    "This movie is not very good.",
    "I don't like it, it isn't good.",
    "The food was very very good!!!",
    "I like yogobella!",
    "What a terrible, horrible, no good, very bad day :(",
    "Great job :) :-) ;)",
    "It was really not bad at all.",
    "",
    "Café crème was délicieux — très bon, really nice ♥",
    "!!!",
    "Seriously, this is the best thing ever!!! <3",
    "Meh. It's okay, I guess... not great, not terrible.",
    "The U.S. economy is extremely weak e.g. in Mr. Smith's view.",
    "I'm sooo happy :D :D",
    "This is a sarcastic remark (!) about a wonderful day.",
    "NOT GOOD. VERY BAD.",
    "Absolutely horrible service; never again. :'(",
    "good :c", "good :c)", "good : c )",
    "good :-d", "good : - D", "good XD",
    "not :)", "very :)",
    "Grr.", "grr.",
    "good\n\nbad",
    "not END-OF-SENTENCE good",
    "not İ good", "not i good",
]

EDGE = [
    "It is not. Good.", "Very. Good.", "It is not.\n\nGood.", " ", "(!)",
    "good : ' (", "not é good", "good\u200bbad", "nice— good",
    "not definitely", "?!", "wow..... good", "St. good", "not an good",
    "really is the good", "very :( good", "( ! ) good", "good ( !)",
    "NOT good at ALL!!!", "  leading and trailing  ", "tab\tseparated\tgood",
    "crlf\r\n\r\ngood", "don’t like it “great” ‘fine’",
    "\u212aind words", "ＧＯＯＤ İS good", "good\u00a0bad\u2003nice\u3000ok\x85fine\x1cyes",
    "B|. Brr. A. i.e. w/ vs. good", "'good' \"bad\" `nice`",
    "excruciatingly not really very extremely good!!!",
]

EMOTICONS = ("<3 ♥ >:D :-D :D =-D =D X-D x-D XD xD 8-D >:P :-P :P :-p :p :-b "
             ":b :c) :o) :^) >:) :-) :) =) =] :] :} :> :3 8) 8-) >;] ;-) ;) "
             ";-] ;] ;D ;^) *-) *) >:o :-O :O :o :-o o_O o.O °O° °o° >:/ :-/ "
             ":/ :\\ >:\\ :-. :-s :s :S :-S >.> >:[ :-( :( =( :-[ :[ :{ :-< "
             ":c :-c =/ :'( :''''( ;'( :d :-d")

BINARY = {
    "utf8-overlong": b"good \xc0\xaf bad \xe0\x80\xaf",
    "utf8-surrogate": b"not \xed\xa0\x80 good",
    "utf8-truncated": b"very good \xe2\x82",
    "utf8-above-max": b"\xf4\x90\x80\x80 nice \xf8\x88\x80\x80\x80",
    "utf8-lone-continuation": b"\x80\xbf great \xff\xfe",
    "utf8-mixed": "Café ".encode() + b"\xe9 tr\xe8s bon :) \xf0\x9f\x98",
    "nul-bytes": b"good\x00bad\x00\x00not\x00nice",
    "long-sentence": (b"this is a very good and not bad sentence, " * 130).rstrip(b" ,") + b".",
    "long-word": b"not " + b"x" * 300 + b" good " + b"y" * 5000 + b"!",
    "many-assessments": b" ".join(b"not very good :) (!) bad!" for _ in range(300)),
    "long-invalid": b"good \xff " * 1500,
    "eos-run": b"good" + b"\n\n" * 200 + b"END-OF-SENTENCE " * 50 + b"bad",
}

LEXICONS = {
    "minimal.xml": '<sentiment><word form="good" pos="JJ" polarity="0.7" '
                   'subjectivity="0.6" intensity="1.0"/></sentiment>',
    "senses-pos-ly.xml": """<?xml version="1.0" encoding="utf-8"?>
<sentiment language="en">
<word form="happy" wordnet_id="a-1" pos="JJ" sense="glad" polarity="0.8" subjectivity="1.0" intensity="1.0" confidence="0.9" />
<word form="happy" wordnet_id="a-2" pos="JJ" sense="content" polarity="0.4" subjectivity="0.5" intensity="1.0" />
<word form="happy" pos="NN" polarity="0.1" subjectivity="0.2" />
<word form="very" pos="RB" polarity="0.2" subjectivity="0.3" intensity="1.3" />
<word form="not" pos="RB" polarity="0.0" subjectivity="0.0" intensity="1.0" />
<word form="simple" pos="JJ" polarity="0.0" subjectivity="0.1" />
<word form="crap" pos="NN" polarity="-0.8" subjectivity="0.8" label="profanity" />
<word form="bad" pos="JJ" polarity="-0.7" subjectivity="0.6" > stray > text </word>
</sentiment>
""",
    "no-pos-defaults.xml": '<s><word form="meh"/><word form="ok" polarity="0.5"/>'
                           '<word polarity="1"/><word form="" polarity="1"/></s>',
    "numbers.xml": '<s><word form="a1" pos="JJ" polarity=" 1e308 " subjectivity="-0.0" intensity="1_0"/>'
                   '<word form="a2" pos="JJ" polarity="nan" subjectivity="inf" intensity="-Infinity"/>'
                   '<word form="a3" pos="RB" polarity=".5" subjectivity="5." intensity="0"/>'
                   '<word form="a3" pos="JJ" polarity="+1E-3" subjectivity="0x10" /></s>',
    "nested-namespace.xml": '<r xmlns:p="urn:x"><word form="good" polarity="1"/>'
                            '<p:word form="bad" polarity="-1"/><x><word form="deep" polarity="1"/></x>'
                            '<word xmlns="urn:y" form="ns" polarity="1"/></r>',
    "entities-cdata.xml": '<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY g "good">'
                          '<!ENTITY gg "&g;&g;">]>\n<s><word form="&g;" polarity="0.5"/>'
                          '<word form="&gg;ly" pos="RB" polarity="&#49;"/><![CDATA[<word form="x"/>]]>'
                          '<!-- <word form="hidden"/> --><?pi data?></s>',
    "latin1.xml": '<?xml version="1.0" encoding="ISO-8859-1"?>\n<s><word form="caf\xe9" polarity="1"/></s>',
    "bad-number.xml": '<s>\n<word form="good" polarity="0.5"/>\n<word form="x" polarity="abc"/>\n</s>',
    "bad-number-no-form.xml": '<s><word polarity="1" subjectivity="--1"/></s>',
    "unclosed.xml": '<s>\n<word form="good" polarity="0.5">\n',
    "mismatched.xml": '<s><word form="a"></s></word>',
    "two-roots.xml": '<s/><s/>',
    "empty.xml": '',
    "bad-attr.xml": '<s><word form="a" form="b"/></s>',
    "undefined-entity.xml": '<s><word form="&nope;" polarity="1"/></s>',
}

BINARY_LEXICONS = {
    "utf16-bom.xml": '<s><word form="good" polarity="0.9"/></s>'.encode("utf-16"),
    "invalid-utf8.xml": b'<s><word form="g\xffd" polarity="0.9"/></s>',
    "nul.xml": b'<s><word form="a\x00b"/></s>',
}


def write(directory, name, data):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)
    return name


SENTENCES = [
    "Good. . . Bad.", "Good... Bad.", "I love it.I hate it.", "  Good. Bad.  ",
    "It costs 5. Then it is bad.", "It costs 5. then it is bad.", "ok.\rBad.",
    "Good. -- Bad.", "Good.--Bad.", "Good. :) Bad.", '"Good." Bad.',
    "St. Louis is good. St. is bad.", "Dr. No is good.", "X. Good. Y.",
    "Good.\u00a0Bad.", "Good.\u2028Bad.", "Good.\x1cBad.", "Good . . . and bad.",
    "Very bad acting!!! I promise.", "Really?! Yes.", "J. Bach was good. He was.",
    "In 1990. Cooper said so.", "(Good.) Bad.", "(Good.)-- bad.", 'He said ("good.") Bad.',
    "Mr. Smith is good. He is bad.", "The U.S. Army is good. It is.",
    "The ex-gen. Smith came. He left.", "It was in Jan. However it was bad.",
    "ok. \u212a. Bad.", "Good. \u01c5ungla is bad.", "Good.\n\nBad.\tNice.",
    "!!! ??? ...", "Good.\x00 Bad. Nice.", "a! b? c. D", "e.g. i.e. etc. Fine.",
]
BINARY_SENTENCES = {
    "invalid-ff": b"Good. Bad\xff. Nice.",
    "invalid-truncated": b"\xe2\x82. Good. \xf0\x9f. Bad.",
    "invalid-surrogate": b"Good.\xc2 Bad. \xed\xa0\x80 Nice! \xe2\x80\xa8 Ok.",
    "run-periods": b"x" + b"." * 3000 + b" Y.",
    "run-spaced-periods": b". " * 1500,
    "run-bangs": b"x" + b"!" * 3000 + b" y",
    "run-spaces": b"a." + b" " * 3000 + b"b",
    "long-token": b"a" * 5000 + b". Bad.",
    "closers": b'a. ")]}\' ' * 200,
}


def main():
    score = os.path.join(HERE, "score")
    lexicon = os.path.join(HERE, "lexicon")
    sentences = os.path.join(HERE, "sentences")
    written = {score: set(), lexicon: set(), sentences: set()}

    # Seed i gets flags i % 8 and the callback stop i % 5.
    stexts = [("trap-%02d" % k, t.encode("latin-1", "backslashreplace")
               .decode("unicode_escape").encode("utf-8"))
              for k, t in enumerate(SENTENCES)]
    stexts += sorted(BINARY_SENTENCES.items())
    for i, (name, text) in enumerate(stexts):
        written[sentences].add(write(sentences, name, bytes([i % 8, i % 5]) + text))

    # Seed i gets path i % 4, flags (i // 4) % 4, the callback stop i % 5.
    texts = [("spec-%02d" % k, t.encode()) for k, t in enumerate(WORKED_EXAMPLES)]
    texts += [("edge-%02d" % k, t.encode()) for k, t in enumerate(EDGE)]
    texts += [("emoticons", EMOTICONS.encode()),
              ("emoticons-glued", EMOTICONS.replace(" ", "good").encode())]
    texts += sorted(BINARY.items())
    for i, (name, text) in enumerate(texts):
        b0 = (i % 4) << 2 | (i // 4) % 4
        if i % 7 == 3:
            b0 |= 0x10
        if not text:
            b0 |= 0x20
        written[score].add(write(score, name, bytes([b0, i % 5]) + text))

    for i, (name, xml) in enumerate(sorted(LEXICONS.items())):
        data = xml.encode("latin-1") if "ISO-8859-1" in xml else xml.encode()
        written[lexicon].add(write(lexicon, name, bytes([i % 8]) + data))
    for i, (name, data) in enumerate(sorted(BINARY_LEXICONS.items())):
        written[lexicon].add(write(lexicon, name, bytes([(i + 4) % 8]) + data))
    with open(os.path.join(ROOT, "data", "en-sentiment.xml"), "rb") as f:
        head = f.read(16000)
    cut = head.rfind(b"\n")
    written[lexicon].add(write(lexicon, "en-sentiment-head.xml",
                               b"\x04" + head[:cut + 1] + b"</sentiment>\n"))

    for directory, names in written.items():
        for name in os.listdir(directory):
            if name not in names:
                os.remove(os.path.join(directory, name))
    print("score: %d seeds, lexicon: %d seeds, sentences: %d seeds"
          % (len(written[score]), len(written[lexicon]), len(written[sentences])))


if __name__ == "__main__":
    sys.exit(main())
