// The npm package "sentiment" (AFINN-165), the fastest scorer of its kind
// that runs here, on the same lines as bench-score: prints its MB/s.
//
// Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
//
// usage: node npm-sentiment.js CORPUS   (with "sentiment" installed, see
// compare-npm-sentiment.sh)
'use strict';
const fs = require('fs');
const Sentiment = require('sentiment');

const text = fs.readFileSync(process.argv[2], 'utf8');
const lines = text.split('\n');
const scorer = new Sentiment();
let best = Infinity;
let checksum = 0;
for (let round = 0; round < 3; round++) {
  const start = process.hrtime.bigint();
  for (const line of lines) checksum += scorer.analyze(line).comparative;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  best = Math.min(best, seconds);
}
const mb = Buffer.byteLength(text) / 1e6;
console.log(`npm sentiment ${(mb / best).toFixed(1)} MB/s (${lines.length} lines, best of 3, checksum ${checksum.toFixed(3)})`);
