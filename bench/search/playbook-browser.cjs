#!/usr/bin/env node
// Measure what a browser downloads, and how long it waits, for playbook's
// built-in search on a site served by serve.py (../../../shared/bench/serve.py
// or any static server on 127.0.0.1). Mirrors pagefind-browser.cjs so that
// the numbers compare.
//
// usage: SERVER_LOG=log NODE_PATH=node_modules node playbook-browser.cjs BASE_URL QUERIES_JSON [OUT_JSON]
// For every query a new browser context (empty cache) loads the home page,
// then in the page: focus the header box (which loads the search scripts),
// PlaybookSearch.open(base), search(q), results[0].data() (= time to first
// result), data() of results 1-4. A second query in the same page gives the
// warm cost. Relevance (hit@1/5) is taken from the top 10 URLs. Every query
// is also run with a typo (see typo()).
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// typo changes one letter of every word of 5+ letters (two for 9+), after
// the second letter: substitution, then deletion.
function typo(q) {
  return q.split(' ').map((w) => {
    if (w.length < 5) return w;
    const a = Array.from(w), i = Math.floor(a.length / 2);
    a[i] = a[i] === 'x' ? 'y' : 'x';
    if (a.length >= 9) a.splice(a.length - 2, 1);
    return a.join('');
  }).join(' ');
}

let BASE = '';
async function mark(label) { if (process.env.SERVER_LOG) await fetch(BASE + '/__mark/' + label); }

function serverBytes(file, label) {
  let cur = null, total = 0, requests = 0;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('MARK ')) { cur = line.slice(5); continue; }
    if (cur !== label || !line) continue;
    total += +line.split(' ')[1]; requests++;
  }
  return { total, requests };
}

async function query(browser, base, q, q2, id) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/', { waitUntil: 'load' });
  await mark(id + '-cold');
  const t = await page.evaluate(async (q) => {
    const t0 = performance.now();
    document.getElementById('search-input').focus();
    while (!window.PlaybookSearch) await new Promise((r) => setTimeout(r, 2));
    const e = await window.PlaybookSearch.open('/');
    const a = await e.search(q);
    const first = a.results.length ? await a.results[0].data() : null;
    const t1 = performance.now();
    await Promise.all(a.results.slice(1, 5).map((r) => r.data()));
    return { first_result_ms: t1 - t0, top5_ms: performance.now() - t0, results: a.total, first_url: first && first.url };
  }, q);
  await mark(id + '-warm');
  const w = await page.evaluate(async (q) => {
    const t0 = performance.now();
    const e = await window.PlaybookSearch.open('/');
    const a = await e.search(q);
    await Promise.all(a.results.slice(0, 5).map((r) => r.data()));
    return { top5_ms: performance.now() - t0 };
  }, q2);
  await mark(id + '-rel');
  const top = await page.evaluate(async (q) => {
    const e = await window.PlaybookSearch.open('/');
    const a = await e.search(q);
    return (await Promise.all(a.results.slice(0, 10).map((r) => r.data()))).map((d) => d.url);
  }, q);
  await mark(id + '-ui');
  // UI: type into the header box of a fresh page, wait for the first option.
  const page2 = await context.newPage();
  await page2.goto(base + '/', { waitUntil: 'load' });
  const t0 = Date.now();
  await page2.fill('#search-input', q);
  await page2.waitForSelector('#search-listbox [role=option], #search-status:not(:empty)', { timeout: 30000 });
  const ui = Date.now() - t0;
  await mark(id + '-end');
  await context.close();
  const out = { timing: t, warm_timing: w, top10: top, ui_ms: ui };
  if (process.env.SERVER_LOG) {
    out.cold = serverBytes(process.env.SERVER_LOG, id + '-cold');
    out.warm = serverBytes(process.env.SERVER_LOG, id + '-warm');
  }
  return out;
}

function median(a) { const s = [...a].sort((x, y) => x - y); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; }
function summary(label, v) { return `${label}: min ${Math.min(...v).toFixed(1)}  median ${median(v).toFixed(1)}  max ${Math.max(...v).toFixed(1)}`; }

(async () => {
  const [base, qfile, outFile] = process.argv.slice(2);
  BASE = base;
  const spec = JSON.parse(fs.readFileSync(qfile, 'utf8'));
  const extra = (process.env.EXTRA_QUERIES || 'lead scoring,churn,pipeline review,sla handoff,attribution').split(',');
  const all = spec.queries.map((q) => ({ ...q }))
    .concat(spec.queries.map((q) => ({ ...q, query: typo(q.query), kind: 'typo:' + q.kind })))
    .concat(extra.map((q) => ({ query: q, kind: 'common', expected_urls: [] })));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
  const rows = [];
  for (let i = 0; i < all.length; i++) {
    const q = all[i], q2 = all[(i + 7) % all.length].query;
    const r = await query(browser, base, q.query, q2, 'q' + i);
    const ranks = q.expected_urls.map((u) => r.top10.indexOf(u));
    Object.assign(r, { query: q.query, kind: q.kind, expected: q.expected_urls,
      hit1: q.expected_urls.length ? q.expected_urls.includes(r.top10[0]) : null,
      hit5: q.expected_urls.length ? ranks.every((x) => x >= 0 && x < Math.max(5, q.expected_urls.length)) : null });
    rows.push(r);
    console.log(`${q.kind.padEnd(20)} ${JSON.stringify(q.query).padEnd(26)} results ${String(r.timing.results).padStart(5)} first ${r.timing.first_result_ms.toFixed(0).padStart(4)} ms` +
      (r.cold ? ` cold ${(r.cold.total / 1024).toFixed(1).padStart(6)} KiB (${r.cold.requests} req) warm ${(r.warm.total / 1024).toFixed(1)} KiB` : '') +
      ` ui ${r.ui_ms} ms` + (r.hit1 === null ? '' : ` hit@1 ${r.hit1 ? 'Y' : 'n'} hit@5 ${r.hit5 ? 'Y' : 'n'}`));
  }
  await browser.close();
  const plain = rows.filter((r) => !r.kind.startsWith('typo'));
  console.log('## summary');
  console.log(summary('cold first-result ms', plain.map((r) => r.timing.first_result_ms)));
  console.log(summary('cold top-5 ms', plain.map((r) => r.timing.top5_ms)));
  if (plain[0].cold) {
    console.log(summary('cold KiB', plain.map((r) => r.cold.total / 1024)));
    console.log(summary('cold requests', plain.map((r) => r.cold.requests)));
    console.log(summary('warm 2nd-query KiB', plain.map((r) => r.warm.total / 1024)));
  }
  console.log(summary('warm 2nd-query top-5 ms', plain.map((r) => r.warm_timing.top5_ms)));
  console.log(summary('UI typed->first result ms', plain.map((r) => r.ui_ms)));
  for (const kind of ['', 'typo:']) {
    const rel = rows.filter((r) => r.hit1 !== null && r.kind.startsWith(kind) && (kind || !r.kind.startsWith('typo')));
    console.log(`relevance ${kind || 'exact'}: hit@1 ${rel.filter((r) => r.hit1).length}/${rel.length}, hit@5 ${rel.filter((r) => r.hit5).length}/${rel.length}`);
    for (const r of rel) if (!r.hit1) console.log(`  miss@1 ${r.kind} ${JSON.stringify(r.query)} expected ${r.expected.join(' ')} got ${r.top10.slice(0, 2).join(' ')}`);
  }
  if (outFile) fs.writeFileSync(outFile, JSON.stringify(rows, null, 1));
})().catch((e) => { console.error(e); process.exit(1); });
