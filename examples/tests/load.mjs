// load.mjs: a bounded load for the rolling-restart check.
// Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
//
// Usage: node load.mjs URL STOP_FILE MAX_SECONDS CONCURRENCY [MAX_REQUESTS [PAUSE_MS]]
//
// CONCURRENCY loops POST {"sentence": ...} to URL over keep-alive
// connections, each waiting for its answer (and PAUSE_MS after it) before
// the next request, until STOP_FILE exists, MAX_SECONDS have passed or
// MAX_REQUESTS were sent (whichever is first), so the load is bounded in
// time, in count, in rate and in requests in flight. Every answer that is
// not a 200 with the expected polarity, and every connection error, counts
// as a failure. Prints one JSON line: {"total", "ok", "failed", ...}.

import { existsSync } from 'node:fs';
import http from 'node:http';

const [url, stopFile, maxSeconds, concurrency, maxRequests, pauseMs] = process.argv.slice(2);
if (!url || !stopFile) {
  console.error('usage: node load.mjs URL STOP_FILE MAX_SECONDS CONCURRENCY [MAX_REQUESTS [PAUSE_MS]]');
  process.exit(2);
}
const deadline = Date.now() + 1000 * Number(maxSeconds || 30);
const limit = Number(maxRequests || Infinity);
const pause = Number(pauseMs || 0);
let sent = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency || 4) });
const body = JSON.stringify({ sentence: 'I love yogobella!' });
const stats = { total: 0, ok: 0, failed: 0, statuses: {}, errors: {}, seconds: 0 };

function once() {
  return new Promise((resolve) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      timeout: 5000,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        let good = false;
        try {
          const doc = JSON.parse(text);
          good = res.statusCode === 200 && doc.polarity === 0.625;
        } catch { /* counted below */ }
        stats.statuses[res.statusCode] = (stats.statuses[res.statusCode] ?? 0) + 1;
        resolve(good ? null : `status ${res.statusCode}`);
      });
      res.on('error', (e) => resolve(e.code || e.message));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve(e.code || e.message));
    req.end(body);
  });
}

async function worker() {
  while (Date.now() < deadline && sent < limit && !existsSync(stopFile)) {
    sent++;
    const err = await once();
    stats.total++;
    if (err === null) {
      stats.ok++;
    } else {
      stats.failed++;
      stats.errors[err] = (stats.errors[err] ?? 0) + 1;
    }
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

const t0 = Date.now();
await Promise.all(Array.from({ length: Number(concurrency || 4) }, worker));
stats.seconds = (Date.now() - t0) / 1000;
agent.destroy();
console.log(JSON.stringify(stats));
