// playbook search engine: reads the sharded index that `playbook build`
// writes under search/ and answers queries. No framework, no eval, no WASM.
// The file formats are described in docs/search.md; the tokenizer follows
// generator/search/tokenize.go. Exposes window.PlaybookSearch.open(base).
(function () {
  'use strict';

  var STOP = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is',
    'it', 'of', 'on', 'or', 'that', 'the', 'this', 'to', 'was', 'were', 'with']);
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\u3005\uff70\u3099-\u309c\uff9e\uff9f]/u;
  var MAX_WORD = 48;
  var PREFIX_TERMS = 24; // most completions of a prefix used
  var MAX_SHARDS = 4; // most shards fetched for one prefix or typo scan
  var WEIGHT = { exact: 1, prefix: 0.6, typo1: 0.3, typo2: 0.15 };
  var utf8 = new TextEncoder();
  var text = new TextDecoder();

  function fold(s) {
    return s.normalize('NFKD').replace(/\p{Mn}/gu, '').toLowerCase();
  }

  // tokenize returns the search words of s: {w, cjk} like Tokenize in Go.
  function tokenize(s) {
    var out = [];
    for (var m of s.matchAll(WORD)) segments(m[0], out);
    return out;
  }

  function segments(word, out) {
    var cur = '', cjk = null;
    for (var ch of word) {
      var c = CJK.test(ch);
      if (cjk !== null && c !== cjk) { emit(cur, cjk, out); cur = ''; }
      cur += ch;
      cjk = c;
    }
    if (cur) emit(cur, cjk, out);
  }

  function emit(s, cjk, out) {
    if (cjk) {
      var cs = Array.from(s.normalize('NFKC'));
      if (cs.length === 1) out.push({ w: cs[0], cjk: true });
      for (var i = 0; i + 1 < cs.length; i++) out.push({ w: cs[i] + cs[i + 1], cjk: true });
      return;
    }
    for (var m of fold(s).matchAll(WORD)) {
      if (utf8.encode(m[0]).length <= MAX_WORD) out.push({ w: m[0], cjk: false });
    }
  }

  // parseQuery splits a query into words; "quoted phrases" are kept whole
  // for verification; the last word is a prefix while it is being typed.
  function parseQuery(q) {
    var words = [], phrases = [], cjkRuns = [];
    var parts = q.split('"');
    parts.forEach(function (part, i) {
      var quoted = i % 2 === 1 && i < parts.length - 1;
      var toks = tokenize(part);
      if (quoted && toks.length > 1) phrases.push(toks.map(function (t) { return t.w; }));
      toks.forEach(function (t) {
        if (!t.cjk && STOP.has(t.w)) return;
        words.push({ w: t.w, cjk: t.cjk, prefix: false, quoted: quoted });
      });
      for (var m of part.matchAll(WORD)) {
        if (CJK.test(m[0])) cjkRuns.push(m[0].normalize('NFKC'));
      }
    });
    var last = words[words.length - 1];
    if (last && !last.cjk && !last.quoted && /[\p{L}\p{N}]$/u.test(q)) last.prefix = true;
    var stopTail = tokenize(q).pop();
    if (stopTail && !stopTail.cjk && STOP.has(stopTail.w) && /[\p{L}\p{N}]$/u.test(q) &&
        words.length === 0) {
      words.push({ w: stopTail.w, cjk: false, prefix: true, quoted: false });
    }
    var seen = new Set();
    words = words.filter(function (x) {
      var k = x.w + (x.prefix ? '*' : '');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    return { words: words, phrases: phrases, cjkRuns: cjkRuns };
  }

  // stemGuesses returns likely index stems of a word the index has never
  // seen in this exact form ("scoring" → "score"), by stripping suffixes.
  function stemGuesses(w) {
    var out = new Set([w]);
    var sfx = ['ations', 'ation', 'ings', 'ing', 'ers', 'er', 'edly', 'ed', 'ies', 'es', 's', 'ly',
      'ment', 'ments', 'ness', 'ful', 'ity', 'ive', 'ize', 'izes', 'ized', 'al', 'e', 'y'];
    sfx.forEach(function (s) {
      if (w.length - s.length < 3 || !w.endsWith(s)) return;
      var b = w.slice(0, -s.length);
      out.add(b); out.add(b + 'e'); out.add(b + 'i');
      if (b.length > 3 && b[b.length - 1] === b[b.length - 2]) out.add(b.slice(0, -1));
    });
    if (w.endsWith('y')) out.add(w.slice(0, -1) + 'i');
    return out;
  }

  // editDistance is the optimal-string-alignment distance, or max+1 when it
  // is larger than max.
  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  function typoBudget(w) {
    var n = Array.from(w).length;
    return n >= 8 ? 2 : n >= 4 ? 1 : 0;
  }

  // Reader walks the binary encodings written by generator/search/encode.go.
  function Reader(buf) { this.b = buf; this.p = 0; }
  Reader.prototype.uvarint = function () {
    var x = 0, s = 1, c;
    do {
      if (this.p >= this.b.length) throw new Error('search index: truncated');
      c = this.b[this.p++];
      x += (c & 0x7f) * s;
      s *= 128;
    } while (c & 0x80);
    return x;
  };
  Reader.prototype.bytes = function () {
    var n = this.uvarint();
    var out = this.b.subarray(this.p, this.p + n);
    this.p += n;
    return out;
  };
  Reader.prototype.str = function () { return text.decode(this.bytes()); };
  Reader.prototype.suffix = function (prev) {
    var n = this.uvarint(), rest = this.bytes();
    var full = new Uint8Array(n + rest.length);
    full.set(prev.subarray(0, n));
    full.set(rest, n);
    return full;
  };
  Reader.prototype.docList = function () {
    var n = this.uvarint(), out = new Uint32Array(n), last = 0;
    for (var i = 0; i < n; i++) { last += this.uvarint(); out[i] = last; }
    return out;
  };

  function decodeShard(buf) {
    var r = new Reader(buf), n = r.uvarint(), terms = [], prev = new Uint8Array(0);
    for (var i = 0; i < n; i++) {
      var stemBytes = r.suffix(prev);
      prev = stemBytes;
      var t = { stem: text.decode(stemBytes), surfaces: [] };
      for (var k = r.uvarint(); k > 0; k--) t.surfaces.push(text.decode(r.suffix(stemBytes)));
      t.docs = r.docList();
      t.scores = r.b.subarray(r.p, r.p + t.docs.length);
      r.p += t.docs.length;
      terms.push(t);
    }
    return terms;
  }

  function decodeFacets(buf) {
    var r = new Reader(buf), out = [];
    for (var n = r.uvarint(); n > 0; n--) {
      var f = { name: r.str(), values: [] };
      for (var k = r.uvarint(); k > 0; k--) f.values.push({ label: r.str(), docs: r.docList() });
      out.push(f);
    }
    return out;
  }

  async function gunzip(buf) {
    if (buf[0] !== 0x1f || buf[1] !== 0x8b) return buf; // the server already decoded it
    var s = new Blob([buf]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(s).arrayBuffer());
  }

  function Engine(base, manifest) {
    this.base = base;
    this.m = manifest;
    this.cache = new Map();
    // Home and section pages rank below content pages that match as well.
    this.list = new Uint8Array(manifest.n);
    (manifest.lists || []).forEach((id) => { this.list[id] = 1; });
  }

  Engine.prototype.fetch = function (path, gz) {
    var url = this.base + 'search/' + path, hit = this.cache.get(url);
    if (hit) return hit;
    var p = fetch(url).then(function (r) {
      if (!r.ok) throw new Error('search index: ' + r.status + ' for ' + url);
      return r.arrayBuffer();
    }).then(function (b) { return gz ? gunzip(new Uint8Array(b)) : new Uint8Array(b); });
    this.cache.set(url, p);
    p.catch(() => this.cache.delete(url));
    return p;
  };

  Engine.prototype.shard = function (hash) {
    var key = 'shard:' + hash, hit = this.cache.get(key);
    if (!hit) {
      hit = this.fetch('s/' + hash + '.bin', true).then(decodeShard);
      this.cache.set(key, hit);
    }
    return hit;
  };

  Engine.prototype.facets = function () {
    var key = 'facets', hit = this.cache.get(key);
    if (!hit) {
      hit = this.fetch('facets/' + this.m.facets + '.bin', true).then(decodeFacets);
      this.cache.set(key, hit);
    }
    return hit;
  };

  // shardsIn returns the shards whose key range meets [lo, hi].
  Engine.prototype.shardsIn = function (lo, hi) {
    return this.m.shards.filter(function (s) { return s[0] <= hi && lo <= s[1]; }).map(function (s) { return s[2]; });
  };

  Engine.prototype.terms = async function (hashes) {
    var lists = await Promise.all(hashes.map(this.shard, this));
    return [].concat.apply([], lists);
  };

  // resolve finds the index terms one query word matches, each with a
  // weight: exact (same stem or word), prefix completions, then typos.
  Engine.prototype.resolve = async function (word) {
    var w = word.w, keys = word.cjk ? new Set([w]) : stemGuesses(w), hashes = new Set();
    keys.forEach((k) => this.shardsIn(k, k).forEach((h) => hashes.add(h)));
    var pre = word.prefix ? this.shardsIn(w, w + '\uffff') : [];
    if (pre.length <= MAX_SHARDS) pre.forEach((h) => hashes.add(h));
    var terms = await this.terms(Array.from(hashes));
    var found = new Map(), completions = [];
    terms.forEach(function (t) {
      if (keys.has(t.stem) || t.surfaces.indexOf(w) >= 0) found.set(t, WEIGHT.exact);
      else if (word.prefix && (t.stem.startsWith(w) || t.surfaces.some(function (s) { return s.startsWith(w); }))) completions.push(t);
    });
    completions.sort(function (a, b) { return b.docs.length - a.docs.length || (a.stem < b.stem ? -1 : 1); });
    completions.slice(0, PREFIX_TERMS).forEach(function (t) { found.set(t, WEIGHT.prefix); });
    if (found.size === 0 && !word.cjk && !word.quoted) await this.typos(word, found);
    return found;
  };

  // typos adds the terms within the word's edit budget. It scans the shards
  // holding words with the same first letters (a typo in the first two
  // letters is not found).
  Engine.prototype.typos = async function (word, found) {
    var w = word.w, max = typoBudget(w);
    if (max === 0) return;
    var hashes = this.shardsIn(w.slice(0, 2), w.slice(0, 2) + '\uffff');
    if (hashes.length > MAX_SHARDS) hashes = this.shardsIn(w.slice(0, 3), w.slice(0, 3) + '\uffff');
    if (hashes.length > MAX_SHARDS) hashes = this.shardsIn(w, w);
    var terms = await this.terms(hashes);
    terms.forEach(function (t) {
      var best = max + 1;
      [t.stem].concat(t.surfaces).forEach(function (s) {
        best = Math.min(best, editDistance(w, s, max));
        if (word.prefix && s.length > w.length) best = Math.min(best, editDistance(w, s.slice(0, w.length), max));
      });
      if (best <= max) found.set(t, best === 1 ? WEIGHT.typo1 : WEIGHT.typo2);
    });
  };

  // suggest returns the query with each word replaced by the closest word
  // in the index ("did you mean"), or "" when it finds nothing closer. It
  // scans the shards of words with the same first letters, as typos does,
  // with a wider budget.
  Engine.prototype.suggest = async function (q) {
    var words = parseQuery(q).words.filter(function (x) { return !x.cjk; });
    if (!words.length) return '';
    var self = this, changed = false;
    var out = await Promise.all(words.map(async function (x) {
      var w = x.w, max = Math.max(2, Math.ceil(Array.from(w).length / 3));
      var hashes = self.shardsIn(w.slice(0, 1), w.slice(0, 1) + '\uffff');
      if (hashes.length > MAX_SHARDS) hashes = self.shardsIn(w.slice(0, 2), w.slice(0, 2) + '\uffff');
      if (hashes.length > MAX_SHARDS) hashes = hashes.slice(0, MAX_SHARDS);
      var best = null, bestD = max + 1, bestN = 0;
      (await self.terms(hashes)).forEach(function (t) {
        t.surfaces.forEach(function (sf) {
          var d = editDistance(w, sf, max);
          if (d < bestD || (d === bestD && t.docs.length > bestN)) { best = sf; bestD = d; bestN = t.docs.length; }
        });
      });
      if (!best || best === w) return w;
      changed = true;
      return best;
    }));
    return changed ? out.join(' ') : '';
  };

  // search runs a query; filters maps a facet name to a selected label.
  // The facet table is read only when opts.facets is true or a filter is
  // set (the header box needs neither). It returns {results, total, facets,
  // words} where every result has {id, score, data()} and data() resolves
  // to what the UI shows; facets is [] when they were not asked for.
  Engine.prototype.search = async function (q, filters, opts) {
    var query = parseQuery(q);
    var wantFacets = (opts && opts.facets) || Object.keys(filters || {}).some(function (k) { return filters[k]; });
    var facetsP = wantFacets ? this.facets() : Promise.resolve([]);
    if (!query.words.length) return this.answer([], query, await facetsP, filters);
    var main = await this.rank(query);
    // "hand off" and "hand-off" also find "handoff": each pair of adjacent
    // plain words is tried joined (the index joins hyphenated compounds).
    var alts = joined(query).slice(0, 3);
    if (alts.length) {
      var seen = new Set(main.results.map(function (r) { return r.id; }));
      var extra = [];
      for (var alt of await Promise.all(alts.map(this.rank, this))) {
        alt.results.forEach(function (r) { if (!seen.has(r.id)) { seen.add(r.id); extra.push(r); } });
        alt.highlight.words.forEach(function (w) { main.highlight.words.add(w); });
      }
      if (extra.length) main.results = main.results.concat(extra).sort((a, b) => this.list[a.id] - this.list[b.id] || b.score - a.score || a.id - b.id);
    }
    return this.answer(main.results, query, await facetsP, filters, main.highlight);
  };

  // joined returns the queries made by joining two adjacent plain words.
  function joined(query) {
    var out = [], ws = query.words;
    for (var i = 0; i + 1 < ws.length; i++) {
      var a = ws[i], b = ws[i + 1];
      if (a.cjk || b.cjk || a.quoted || b.quoted) continue;
      var words = ws.slice(0, i).concat([{ w: a.w + b.w, cjk: false, prefix: b.prefix, quoted: false }], ws.slice(i + 2));
      out.push({ words: words, phrases: query.phrases, cjkRuns: query.cjkRuns });
    }
    return out;
  }

  // rank scores the pages matching every word of query.
  Engine.prototype.rank = async function (query) {
    var resolved = await Promise.all(query.words.map(this.resolve, this));
    var n = this.m.n, score = new Float64Array(n), hits = new Uint8Array(n), exact = new Uint8Array(n);
    var highlight = { words: new Set(), prefixes: [], cjk: query.cjkRuns };
    resolved.forEach(function (terms, i) {
      var best = new Float64Array(n), bestWeight = new Float64Array(n);
      terms.forEach(function (weight, t) {
        highlight.words.add(t.stem);
        t.surfaces.forEach(function (s) { highlight.words.add(s); });
        for (var k = 0; k < t.docs.length; k++) {
          var d = t.docs[k], s = t.scores[k] * weight;
          if (s > best[d]) best[d] = s;
          if (weight > bestWeight[d]) bestWeight[d] = weight;
        }
      });
      for (var d = 0; d < n; d++) {
        if (best[d] > 0 && hits[d] === i) {
          hits[d]++;
          score[d] += best[d];
          if (bestWeight[d] >= WEIGHT.prefix) exact[d]++;
        }
      }
      if (query.words[i].prefix) highlight.prefixes.push(query.words[i].w);
    });
    var ids = [], need = query.words.length;
    for (var d = 0; d < n; d++) if (hits[d] === need) ids.push(d);
    var list = this.list;
    ids.sort(function (a, b) { return exact[b] - exact[a] || list[a] - list[b] || score[b] - score[a] || a - b; });
    var results = ids.map((id) => this.result(id, score[id], highlight));
    if (query.phrases.length) results = await this.verifyPhrases(results, query.phrases);
    return { results: results, highlight: highlight };
  };

  // answer filters results by the selected facets and counts facet values.
  Engine.prototype.answer = function (results, query, facets, filters, highlight) {
    filters = filters || {};
    var n = this.m.n, member = facets.map(function (f) {
      var sel = filters[f.name], v = sel && f.values.find(function (x) { return x.label === sel; });
      if (!sel) return null;
      var set = new Uint8Array(n);
      if (v) v.docs.forEach(function (d) { set[d] = 1; });
      return set;
    });
    var pass = function (id, skip) {
      return member.every(function (set, i) { return i === skip || !set || set[id]; });
    };
    var counts = facets.map(function (f, i) {
      var inResults = new Uint8Array(n);
      results.forEach(function (r) { if (pass(r.id, i)) inResults[r.id] = 1; });
      var values = f.values.map(function (v) {
        var c = 0;
        for (var k = 0; k < v.docs.length; k++) c += inResults[v.docs[k]];
        return { label: v.label, count: c, selected: filters[f.name] === v.label };
      }).filter(function (v) { return v.count > 0 || v.selected; });
      return { name: f.name, values: values };
    });
    var shown = results.filter(function (r) { return pass(r.id, -1); });
    return { results: shown, total: shown.length, facets: counts, words: query.words, highlight: highlight };
  };

  Engine.prototype.result = function (id, score, highlight) {
    var eng = this, data = null;
    return {
      id: id, score: score,
      fragment: function () { return eng.fragment(id); },
      data: function () { return data || (data = eng.fragment(id).then(function (f) { return present(f, highlight); })); }
    };
  };

  // fragment fetches a page's fragment: its folder is named in the manifest
  // after the page's chunk, so no other file is needed to find it.
  Engine.prototype.fragment = async function (id) {
    var folder = this.m.frags[Math.floor(id / this.m.chunk)];
    var buf = await this.fetch('f/' + folder + '/' + id + '.bin', true);
    return JSON.parse(text.decode(buf));
  };

  // verifyPhrases keeps the results whose text holds every quoted phrase,
  // checking the best candidates first (at most 60 fragments).
  Engine.prototype.verifyPhrases = async function (results, phrases) {
    var out = [], checked = 0;
    for (var i = 0; i < results.length && out.length < 20 && checked < 60; i += 10) {
      var batch = results.slice(i, i + 10);
      checked += batch.length;
      var frags = await Promise.all(batch.map(function (r) { return r.fragment(); }));
      frags.forEach(function (f, k) {
        var words = fragmentWords(f);
        if (phrases.every(function (p) { return hasSequence(words, p); })) out.push(batch[k]);
      });
    }
    return out;
  };

  function fragmentWords(f) {
    var all = [f.t, f.d || ''];
    f.s.forEach(function (s) { all.push(s[1], s[2]); });
    return tokenize(all.join(' \n ')).map(function (t) { return t.w; });
  }

  function hasSequence(words, seq) {
    outer: for (var i = 0; i + seq.length <= words.length; i++) {
      for (var k = 0; k < seq.length; k++) if (words[i + k] !== seq[k]) continue outer;
      return true;
    }
    return false;
  }

  // marks splits s into [text, highlighted] pieces.
  function marks(s, hl) {
    var ranges = [];
    if (hl) {
      for (var m of s.matchAll(WORD)) {
        var f = fold(m[0]);
        if (hl.words.has(f) || hl.prefixes.some(function (p) { return f.startsWith(p); })) ranges.push([m.index, m.index + m[0].length]);
      }
      hl.cjk.forEach(function (c) {
        for (var at = s.indexOf(c); at >= 0; at = s.indexOf(c, at + c.length)) ranges.push([at, at + c.length]);
      });
    }
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var out = [], pos = 0;
    ranges.forEach(function (r) {
      if (r[0] < pos) return;
      if (r[0] > pos) out.push([s.slice(pos, r[0]), false]);
      out.push([s.slice(r[0], r[1]), true]);
      pos = r[1];
    });
    if (pos < s.length) out.push([s.slice(pos), false]);
    return out;
  }

  function hitCount(pieces) {
    return pieces.reduce(function (n, p) { return n + (p[1] ? 1 : 0); }, 0);
  }

  // excerpt returns about `size` words of s around its densest hits.
  function excerpt(s, hl, size) {
    var words = Array.from(s.matchAll(/\S+/g));
    if (!words.length) return [];
    var hit = words.map(function (m) { return hitCount(marks(m[0], hl)) > 0 ? 1 : 0; });
    var best = 0, bestAt = 0, run = 0;
    for (var i = 0; i < words.length; i++) {
      run += hit[i] - (i >= size ? hit[i - size] : 0);
      if (run > best) { best = run; bestAt = Math.max(0, i - size + 1); }
    }
    // keep every hit of the best window, with a little lead-in before the first
    var first = -1, last = -1;
    for (var k = bestAt; k < Math.min(words.length, bestAt + size); k++) if (hit[k]) { if (first < 0) first = k; last = k; }
    var start = first < 0 ? 0 : Math.max(0, last - size + 1, Math.min(first - 3, words.length - size));
    var end = Math.min(words.length, start + size);
    var from = words[start].index, last = words[end - 1];
    var piece = s.slice(from, last.index + last[0].length);
    var out = marks(piece, hl);
    if (start > 0) out.unshift(['… ', false]);
    if (end < words.length) out.push([' …', false]);
    return out;
  }

  // snippet picks the main excerpt of a result, the first of these that
  // holds a matched word: the prose around its densest hits, the
  // description, a matching heading followed by its section's text. A page
  // matched only by its title, tags or code shows its description unmarked
  // (its title is marked), else the start of its prose.
  function snippet(f, hl) {
    var bodyText = f.s.map(function (s) { return s[2]; }).join(' ');
    var main = excerpt(bodyText, hl, 26);
    if (hitCount(main)) return main;
    var desc = f.d ? excerpt(f.d, hl, 26) : [];
    if (hitCount(desc)) return desc;
    var sec = f.s.find(function (s) { return hitCount(marks(s[1], hl)) > 0; });
    if (sec) {
      var rest = excerpt(sec[2] || f.d || '', null, 18);
      return marks(sec[1], hl).concat(rest.length ? [[': ', false]] : [], rest);
    }
    return desc.length ? desc : main;
  }

  // present turns a fragment into what a result shows: title, section path,
  // excerpt and up to three matching headings.
  function present(f, hl) {
    var main = snippet(f, hl);
    var subs = f.s.filter(function (s) { return s[0]; }).map(function (s, i) {
      var inTitle = hitCount(marks(s[1], hl)), inText = hitCount(marks(s[2], hl));
      return { order: i, rank: inTitle * 100 + inText, title: s[1], titleMarks: marks(s[1], hl),
        url: f.u + '#' + s[0], excerpt: excerpt(s[2], hl, 14) };
    }).filter(function (s) { return s.rank > 0; });
    subs.sort(function (a, b) { return b.rank - a.rank || a.order - b.order; });
    return { url: f.u, title: f.t, titleMarks: marks(f.t, hl), type: f.y || '', path: f.p || [],
      excerpt: main, subs: subs.slice(0, 3) };
  }

  // open reads the manifest, reusing the download search-boot.js started.
  async function open(base) {
    var boot = window.PlaybookSearchBoot, m;
    if (boot && boot.base === base && boot.manifest) {
      var pending = boot.manifest;
      boot.manifest = null; // used once: an open after a failure fetches again
      m = await pending;
    } else {
      var r = await fetch(base + 'search/manifest.json');
      if (!r.ok) throw new Error('search index: ' + r.status + ' for manifest.json');
      m = await r.json();
    }
    if (m.v !== 2) throw new Error('search index: unknown format ' + m.v);
    return new Engine(base, m);
  }

  var opened = new Map();
  window.PlaybookSearch = {
    // open loads the manifest once per base path.
    open: function (base) {
      if (!opened.has(base)) {
        var p = open(base);
        opened.set(base, p);
        p.catch(function () { opened.delete(base); });
      }
      return opened.get(base);
    },
    tokenize: tokenize,
    parseQuery: parseQuery,
    editDistance: editDistance
  };
})();
