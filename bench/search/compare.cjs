#!/usr/bin/env node
// Side-by-side search benchmark: playbook's built-in search and Pagefind on
// the same built site (Pagefind's index in public/pagefind/), served by one
// or more static servers (serve.py from ../../../shared/bench/, nginx), in
// one headless Chromium.
//
// usage: SERVERS=name=URL=LOG[,name=URL=LOG...] NODE_PATH=node_modules node compare.cjs QUERIES_JSON [OUT_JSON]
//    or: SERVER_LOG=log NODE_PATH=node_modules node compare.cjs BASE_URL QUERIES_JSON [OUT_JSON]
// Every server serves the same public/ and logs one "PATH BYTES STATUS"
// line per response; GET /__mark/LABEL shows in the log as "MARK LABEL"
// (serve.py) or as "/__mark/LABEL 0 204" (nginx).
//
// The queries are the corpus generator's (gencorpus.py --queries), their typo
// variants (typo() below) and a few common ones. For every query both tools
// run on every server, one after the other in an order that rotates from
// query to query (so that load spikes on the shared machine hit all alike),
// each in a new browser context (empty cache): load the home page, mark the server log, then in the page
//   playbook: focus #search-input (loads the scripts and the manifest),
//             PlaybookSearch.open(base), search(q), results[0].data()
//   Pagefind: import('/pagefind/pagefind.js'), init(), search(q), results[0].data()
// = time to first result; data() of results 1-4 = top 5. Bytes and requests
// are counted by the server between marks (Pagefind's worker fetches
// included). A second, different query in the same page gives the warm
// cost; the top 10 URLs give hit@1 and hit@5.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// typo changes one letter in the middle of every word of 5+ letters and
// drops the second-last letter of words of 9+ letters.
function typo(q) {
  return q.split(' ').map((w) => {
    if (w.length < 5) return w;
    const a = Array.from(w), i = Math.floor(a.length / 2);
    a[i] = a[i] === 'x' ? 'y' : 'x';
    if (a.length >= 9) a.splice(a.length - 2, 1);
    return a.join('');
  }).join(' ');
}

// Code run in the page. Each returns {first_ms, top5_ms, results, top10}.
const TOOLS = {
  playbook: {
    cold: async (q) => {
      const t0 = performance.now();
      document.getElementById('search-input').focus();
      while (!window.PlaybookSearch) await new Promise((r) => setTimeout(r, 1));
      const e = await window.PlaybookSearch.open('/');
      const a = await e.search(q);
      if (a.results.length) await a.results[0].data();
      const t1 = performance.now();
      await Promise.all(a.results.slice(1, 5).map((r) => r.data()));
      return { first_ms: t1 - t0, top5_ms: performance.now() - t0, results: a.total };
    },
    warm: async (q) => {
      const t0 = performance.now();
      const a = await (await window.PlaybookSearch.open('/')).search(q);
      await Promise.all(a.results.slice(0, 5).map((r) => r.data()));
      return { top5_ms: performance.now() - t0 };
    },
    top: async (q) => {
      const a = await (await window.PlaybookSearch.open('/')).search(q);
      return (await Promise.all(a.results.slice(0, 10).map((r) => r.data()))).map((d) => d.url);
    },
  },
  pagefind: {
    cold: async (q) => {
      const t0 = performance.now();
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const s = await pf.search(q);
      if (s.results.length) await s.results[0].data();
      const t1 = performance.now();
      await Promise.all(s.results.slice(1, 5).map((r) => r.data()));
      window.__pf = pf;
      return { first_ms: t1 - t0, top5_ms: performance.now() - t0, results: s.results.length };
    },
    warm: async (q) => {
      const t0 = performance.now();
      const s = await window.__pf.search(q);
      await Promise.all(s.results.slice(0, 5).map((r) => r.data()));
      return { top5_ms: performance.now() - t0 };
    },
    top: async (q) => {
      const s = await window.__pf.search(q);
      return (await Promise.all(s.results.slice(0, 10).map((r) => r.data()))).map((d) => d.url);
    },
  },
};

async function mark(server, label) { await fetch(server.base + '/__mark/' + label); }

// markLabel returns the label of a mark line of either server's log, or null.
function markLabel(line) {
  if (line.startsWith('MARK ')) return line.slice(5);
  if (line.startsWith('/__mark/')) return line.slice(8).split(' ')[0];
  return null;
}

// segments splits a server's log at the marks: label → {bytes, requests}.
function segments(server) {
  const seg = {};
  let cur = null;
  for (const line of fs.readFileSync(server.log, 'utf8').split('\n')) {
    const label = markLabel(line);
    if (label !== null) { cur = seg[label] = { bytes: 0, requests: 0 }; continue; }
    if (cur && line) { cur.bytes += +line.split(' ')[1]; cur.requests++; }
  }
  return seg;
}

// parseServers reads SERVERS (name=URL=LOG,...) or the older BASE_URL
// argument with SERVER_LOG; it returns the servers and the other arguments.
function parseServers(argv) {
  if (process.env.SERVERS) {
    const servers = process.env.SERVERS.split(',').map((s) => {
      const [name, base, log] = s.split('=');
      return { name, base, log };
    });
    return { servers, args: argv };
  }
  return { servers: [{ name: 'server', base: argv[0], log: process.env.SERVER_LOG }], args: argv.slice(1) };
}

// rotate returns the runs of query i: every server × tool, in an order that
// changes from one query to the next.
function rotate(combos, i) {
  const k = i % combos.length, r = combos.slice(k).concat(combos.slice(0, k));
  return Math.floor(i / combos.length) % 2 ? r.reverse() : r;
}

async function run(browser, server, tool, q, q2, id) {
  const t = TOOLS[tool], BASE = server.base, mark1 = (label) => mark(server, label);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(BASE + '/', { waitUntil: 'networkidle' });
  await mark1(id + '-cold');
  const cold = await page.evaluate(t.cold, q);
  await mark1(id + '-warm');
  const warm = await page.evaluate(t.warm, q2);
  await mark1(id + '-rel');
  const top10 = await page.evaluate(t.top, q);
  let ui_ms = null;
  if (tool === 'playbook') {
    // the header box of a fresh page: typing to the first option shown
    const p2 = await context.newPage();
    await p2.goto(BASE + '/', { waitUntil: 'networkidle' });
    const t0 = Date.now();
    await p2.fill('#search-input', q);
    await p2.waitForSelector('#search-listbox [role=option], #search-status:not(:empty)', { timeout: 30000 });
    ui_ms = Date.now() - t0;
  }
  await mark1(id + '-end');
  await context.close();
  if (errors.length) throw new Error(tool + ' ' + JSON.stringify(q) + ': page error ' + errors.join('; '));
  const seg = segments(server);
  return { cold, warm, top10, ui_ms, coldNet: seg[id + '-cold'], warmNet: seg[id + '-warm'] };
}

const median = (a) => { const s = [...a].sort((x, y) => x - y), n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const stat = (v, f = (x) => x.toFixed(0)) => v.length ? `${f(median(v))} [${f(Math.min(...v))}–${f(Math.max(...v))}]` : 'n/a';
const kib = (x) => (x / 1024).toFixed(0) + ' KiB';

(async () => {
  const { servers, args } = parseServers(process.argv.slice(2));
  const [qfile, outFile] = args;
  if (!qfile || servers.some((s) => !s.base || !s.log)) {
    console.error('usage: SERVERS=name=URL=LOG[,...] node compare.cjs QUERIES_JSON [OUT_JSON]');
    process.exit(2);
  }
  const spec = JSON.parse(fs.readFileSync(qfile, 'utf8'));
  const extra = (process.env.EXTRA_QUERIES || 'lead scoring,churn,pipeline review,sla handoff,attribution').split(',');
  const all = spec.queries.map((q) => ({ ...q }))
    .concat(spec.queries.map((q) => ({ ...q, query: typo(q.query), kind: 'typo:' + q.kind })))
    .concat(extra.map((q) => ({ query: q, kind: 'common', expected_urls: [] })));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
  const combos = servers.flatMap((server) => ['playbook', 'pagefind'].map((tool) => ({ server, tool })));
  console.log('# browser', browser.version(), '·', all.length, 'queries ·', servers.map((s) => s.name).join(', '), '· tools and servers interleaved');
  const rows = [];
  for (let i = 0; i < all.length; i++) {
    const q = all[i], q2 = all[(i + 7) % all.length].query;
    for (const { server, tool } of rotate(combos, i)) {
      const r = await run(browser, server, tool, q.query, q2, `q${i}-${tool}`);
      const ranks = q.expected_urls.map((u) => r.top10.indexOf(u));
      Object.assign(r, { tool, server: server.name, query: q.query, kind: q.kind,
        hit1: q.expected_urls.length ? q.expected_urls.includes(r.top10[0]) : null,
        hit5: q.expected_urls.length ? ranks.every((x) => x >= 0 && x < Math.max(5, q.expected_urls.length)) : null });
      rows.push(r);
      console.log(`${server.name.padEnd(6)} ${tool.padEnd(8)} ${q.kind.padEnd(20)} ${JSON.stringify(q.query).padEnd(28)} n=${String(r.cold.results).padStart(5)} ` +
        `first ${r.cold.first_ms.toFixed(0).padStart(4)} ms cold ${kib(r.coldNet.bytes).padStart(8)} (${r.coldNet.requests} req) ` +
        `warm ${kib(r.warmNet.bytes)}` + (r.ui_ms === null ? '' : ` ui ${r.ui_ms} ms`) +
        (r.hit1 === null ? '' : ` hit@1 ${r.hit1 ? 'Y' : 'n'} hit@5 ${r.hit5 ? 'Y' : 'n'}`));
    }
  }
  await browser.close();
  if (outFile) fs.writeFileSync(outFile, JSON.stringify(rows, null, 1));
  report(rows, combos, spec.queries.length);
})().catch((e) => { console.error(e); process.exit(1); });

// report prints one markdown table: a column per server × tool, and the
// ratio playbook / Pagefind of the median times per server.
function report(rows, combos, corpusQueries) {
  const of = (c) => rows.filter((r) => r.tool === c.tool && r.server === c.server.name);
  const pick = (c, f) => of(c).filter((r) => !r.kind.startsWith('typo')).map(f);
  const rel = (c, typoRows) => {
    const rs = of(c).filter((r) => r.hit1 !== null && r.kind.startsWith('typo:') === typoRows);
    return `${rs.filter((r) => r.hit1).length}/${rs.length}, ${rs.filter((r) => r.hit5).length}/${rs.length}`;
  };
  const name = (c) => `${c.tool === 'playbook' ? 'playbook' : 'Pagefind'} (${c.server.name})`;
  const line = (label, f, fmt) => `| ${label} | ${combos.map((c) => stat(pick(c, f), fmt)).join(' | ')} |`;
  console.log(`\n| measurement (median [min–max], ${pick(combos[0], () => 1).length} queries) | ${combos.map(name).join(' | ')} |`);
  console.log(`| --- |${combos.map(() => ' --- |').join('')}`);
  console.log(line('cold query bytes', (r) => r.coldNet.bytes, kib));
  console.log(line('cold query requests', (r) => r.coldNet.requests));
  console.log(line('cold time to first result (ms)', (r) => r.cold.first_ms));
  console.log(line('cold time to top 5 (ms)', (r) => r.cold.top5_ms));
  console.log(line('2nd query bytes', (r) => r.warmNet.bytes, kib));
  console.log(line('2nd query top 5 (ms)', (r) => r.warm.top5_ms));
  console.log(`| header box: typing to first result (ms) | ${combos.map((c) => c.tool === 'playbook' ? stat(pick(c, (r) => r.ui_ms)) : '–').join(' | ')} |`);
  console.log(`| hit@1, hit@5 (${corpusQueries} corpus queries) | ${combos.map((c) => rel(c, false)).join(' | ')} |`);
  console.log(`| typo variants hit@1, hit@5 | ${combos.map((c) => rel(c, true)).join(' | ')} |`);
  for (let i = 0; i + 1 < combos.length; i += 2) {
    const [pb, pf] = [combos[i], combos[i + 1]], ratio = (f) => (median(pick(pb, f)) / median(pick(pf, f))).toFixed(2);
    console.log(`ratio playbook / Pagefind on ${pb.server.name}: cold first result ${ratio((r) => r.cold.first_ms)}×, ` +
      `top 5 ${ratio((r) => r.cold.top5_ms)}×, cold bytes ${ratio((r) => r.coldNet.bytes)}×`);
  }
  for (const r of rows) if (r.hit1 === false) console.log(`  miss@1 ${r.server} ${r.tool} ${r.kind} ${JSON.stringify(r.query)} got ${r.top10.slice(0, 2).join(' ')}`);
}
