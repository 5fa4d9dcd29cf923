// e2e.mjs: the front page in headless Chromium, as a user would use it.
// Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
//
// Usage: node e2e.mjs URL SCREENSHOT.png [LABEL [SEND_COLOUR]]
//
// Types "I love yogobella!", clicks Send and reads the result line and its
// colour; then types a second sentence and presses Enter. With SEND_COLOUR
// (e.g. "rgb(76, 175, 80)", the green release) the Send button must have
// that background colour. Prints one
// PASS/FAIL line per check and "N passed, M failed"; exits 1 on a failure.
// Uses the Debian chromium (no browser download) through playwright-core.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url, screenshot, label, sendColour] = process.argv.slice(2);
const tag = label ? `e2e (${label})` : 'e2e';
if (!url || !screenshot) {
  console.error('usage: node e2e.mjs URL SCREENSHOT.png [LABEL [SEND_COLOUR]]');
  process.exit(2);
}

let passed = 0;
let failed = 0;
function check(ok, name, detail) {
  if (ok) {
    passed++;
    console.log(`PASS ${tag}: ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${tag}: ${name}${detail ? ` (${detail})` : ''}`);
  }
}

// The page's colour rule, computed here independently: g = round((p+1)*128).
function colour(p) {
  const g = Math.round((p + 1) * 128);
  return `rgb(${255 - g}, ${g}, 0)`;
}

const profile = mkdtempSync(join(tmpdir(), 'sentiment-e2e-'));
let ctx;
try {
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    timeout: 30000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
  const page = ctx.pages()[0] ?? await ctx.newPage();
  page.setDefaultTimeout(10000);
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  const nav = await page.goto(url);
  check(nav && nav.status() === 200, 'page loads', nav && `status ${nav.status()}`);
  check(await page.title() === 'Sentiment Analysis', 'title is "Sentiment Analysis"',
    await page.title());
  check(await page.getAttribute('#sentence', 'placeholder') === 'Type your sentence.',
    'field says "Type your sentence."');
  if (sendColour) {
    const button = await page.$eval('#send', (e) => getComputedStyle(e).backgroundColor);
    check(button === sendColour, `the Send button is ${sendColour}`, button);
  }

  // Send button path.
  await page.fill('#sentence', 'I love yogobella!');
  const [resp] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/sentiment') &&
      r.request().method() === 'POST'),
    page.click('#send'),
  ]);
  check(resp.status() === 200, 'POST /sentiment answers 200', `status ${resp.status()}`);
  const body = await resp.json().catch(() => ({}));
  check(body.sentence === 'I love yogobella!' && body.polarity === 0.625,
    'answer carries sentence and polarity 0.625', JSON.stringify(body));
  await page.waitForSelector('#result:not(:empty)');
  const text = await page.textContent('#result');
  check(text === '"I love yogobella!" has polarity of 0.625',
    'result line reads \'"I love yogobella!" has polarity of 0.625\'', text);
  const bg = await page.$eval('#result', (e) => getComputedStyle(e).backgroundColor);
  check(bg === colour(0.625), `result colour is ${colour(0.625)}`, bg);
  await page.screenshot({ path: screenshot, fullPage: true });

  // Enter key path, with a negative sentence so that the colour changes.
  await page.fill('#sentence', 'This is a terrible, awful day');
  const [resp2] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/sentiment') &&
      r.request().method() === 'POST'),
    page.press('#sentence', 'Enter'),
  ]);
  const body2 = await resp2.json().catch(() => ({}));
  await page.waitForFunction(() =>
    document.querySelector('#result').textContent.startsWith('"This is a terrible'));
  const text2 = await page.textContent('#result');
  const bg2 = await page.$eval('#result', (e) => getComputedStyle(e).backgroundColor);
  check(resp2.status() === 200 && typeof body2.polarity === 'number' && body2.polarity < 0,
    'Enter key sends too (negative sentence)', JSON.stringify(body2));
  check(text2 === `"This is a terrible, awful day" has polarity of ${body2.polarity}` &&
    bg2 === colour(body2.polarity), 'second result line and colour', `${text2} / ${bg2}`);

  check(consoleErrors.length === 0, 'no console errors', consoleErrors.join(' | '));
} catch (e) {
  check(false, 'browser run', String(e && e.message ? e.message.split('\n')[0] : e));
} finally {
  if (ctx) await ctx.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${tag}: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
