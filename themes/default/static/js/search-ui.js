// playbook search UI: the header search box (an ARIA combobox with a
// listbox of results) and the full search page (/search/?q=...). Loaded by
// search-boot.js on first use, after search-engine.js. Every piece of page
// data is inserted as text, never as HTML. Sets window.searchReady = true
// once it is bound (and, on the search page, once the first results show).
(function () {
  'use strict';

  var FACET_TITLES = { type: 'Type', team: 'Team', tag: 'Tag', audience: 'Audience', industry: 'Industry' };
  // facetTitle names a facet: a known title, else its field name read as
  // words ("deal_stage" → "Deal stage") for the facets of a site's types.
  function facetTitle(name) {
    if (FACET_TITLES[name]) return FACET_TITLES[name];
    var s = name.replace(/[_-]+/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
  var POPUP_RESULTS = 6;
  var PAGE_SIZE = 10;
  var MAX_FACET_VALUES = 12;

  var form = document.querySelector('form.site-search');
  var input = document.getElementById('search-input');
  var pageRoot = document.getElementById('search-page');
  if (!window.PlaybookSearch || (!input && !pageRoot)) return;
  var base = basePath();
  var engine = window.PlaybookSearch.open(base);

  // basePath is the site root: the one search-boot.js found, else the
  // form's data-base attribute if set, else its action ({BasePath}search/)
  // without the trailing "search/".
  function basePath() {
    if (window.PlaybookSearchBoot) return window.PlaybookSearchBoot.base;
    var explicit = form && form.getAttribute('data-base');
    if (explicit) return explicit.endsWith('/') ? explicit : explicit + '/';
    var action = form ? form.getAttribute('action') || 'search/' : 'search/';
    return new URL(action, location.href).pathname.replace(/search\/?$/, '');
  }

  function el(tag, className, textContent) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (textContent) e.textContent = textContent;
    return e;
  }

  // appendMarks adds [text, highlighted] pieces as text nodes and <mark>s.
  function appendMarks(parent, pieces) {
    pieces.forEach(function (p) {
      parent.appendChild(p[1] ? el('mark', '', p[0]) : document.createTextNode(p[0]));
    });
    return parent;
  }

  // crumbs is a result's type and section path, the type left out when
  // the path starts with it ("Playbook › Playbooks" → "Playbooks").
  function crumbs(d) {
    var path = (d.path || []).filter(Boolean), type = d.type || '';
    var first = (path[0] || '').toLowerCase();
    if (type && first.indexOf(type.toLowerCase()) === 0) type = '';
    return [type].concat(path).filter(function (p, i, all) { return p && p !== all[i - 1]; }).join(' › ');
  }

  // withHighlight adds the matched words to a result's URL (?hl=…) for the
  // page the reader lands on to mark them (nav.js).
  function withHighlight(url, answer) {
    var words = answer && answer.highlight ? Array.from(answer.highlight.words) : [];
    words = words.filter(function (w) { return w.length > 1; }).slice(0, 8);
    if (!words.length) return url;
    var u = new URL(url, location.href);
    u.searchParams.set('hl', words.join(' '));
    return u.pathname + u.search + u.hash;
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  // latest runs async jobs and drops the answers of all but the newest.
  function latest() {
    var seq = 0;
    return function (job, done) {
      var mine = ++seq;
      return job().then(function (v) { if (mine === seq) return done(v); });
    };
  }

  function searchURL(q, filters) {
    var p = new URLSearchParams();
    if (q) p.set('q', q);
    Object.keys(filters || {}).forEach(function (k) { if (filters[k]) p.set(k, filters[k]); });
    var s = p.toString();
    return base + 'search/' + (s ? '?' + s : '');
  }

  // ---- header combobox -------------------------------------------------

  function Combobox() {
    this.popup = el('div', 'search-popup');
    this.popup.hidden = true;
    this.status = el('p', 'search-status');
    this.status.id = 'search-status';
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.list = el('ul', 'search-listbox');
    this.list.id = 'search-listbox';
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', 'Search results');
    this.all = el('a', 'search-all', 'Show all results');
    this.all.href = base + 'search/';
    this.popup.append(this.status, this.list, this.all);
    form.appendChild(this.popup);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', 'search-listbox');
    input.setAttribute('aria-expanded', 'false');
    this.options = [];
    this.active = -1;
    this.run = latest();
    input.addEventListener('input', this.update.bind(this));
    input.addEventListener('keydown', this.key.bind(this));
    input.addEventListener('focus', this.reopen.bind(this));
    form.addEventListener('submit', this.submit.bind(this));
    form.addEventListener('focusout', this.blur.bind(this));
    if (input.value.trim() && document.activeElement === input) this.update();
  }

  Combobox.prototype.update = function () {
    var q = input.value, self = this;
    if (!q.trim()) { this.close(); this.list.textContent = ''; this.options = []; return; }
    this.all.href = searchURL(q.trim());
    this.run(function () {
      return engine.then(function (e) { return e.search(q); }).then(function (a) {
        return Promise.all(a.results.slice(0, POPUP_RESULTS).map(function (r) { return r.data(); }))
          .then(function (data) { return { answer: a, data: data }; });
      });
    }, function (v) { self.render(q, v.answer, v.data); }).catch(function (err) { self.fail(err); });
  };

  Combobox.prototype.render = function (q, answer, data) {
    var self = this;
    this.list.textContent = '';
    this.options = [];
    this.active = -1;
    input.removeAttribute('aria-activedescendant');
    data.forEach(function (d) {
      self.option(withHighlight(d.url, answer), 'search-hit', function (a) {
        appendMarks(a.appendChild(el('span', 'search-hit-title')), d.titleMarks);
        a.appendChild(el('span', 'search-hit-path', crumbs(d)));
        appendMarks(a.appendChild(el('span', 'search-hit-excerpt')), d.excerpt);
      });
      d.subs.forEach(function (s) {
        self.option(withHighlight(s.url, answer), 'search-sub', function (a) {
          appendMarks(a.appendChild(el('span', 'search-hit-title')), s.titleMarks);
        });
      });
    });
    this.status.textContent = answer.total ? plural(answer.total, 'result') : 'No results for “' + q.trim() + '”';
    this.all.hidden = answer.total <= data.length;
    this.all.textContent = 'Show all ' + plural(answer.total, 'result');
    this.shownQuery = q;
    if (!answer.total) this.didYouMean(q);
    this.open();
  };

  // didYouMean offers the closest words of the index after a search that
  // found nothing; choosing one searches for it in the box.
  Combobox.prototype.didYouMean = function (q) {
    var self = this;
    engine.then(function (e) { return e.suggest(q); }).then(function (s) {
      if (!s || self.shownQuery !== q || input.value !== q) return;
      self.status.append(' Did you mean ');
      var a = self.status.appendChild(el('a', 'search-suggestion', s));
      a.href = searchURL(s);
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        input.value = s;
        input.focus();
        self.update();
      });
      self.status.append('?');
    });
  };

  Combobox.prototype.option = function (url, className, fill) {
    var li = el('li', className), a = el('a');
    li.id = 'search-opt-' + this.options.length;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    a.href = url;
    a.tabIndex = -1;
    fill(a);
    li.appendChild(a);
    this.list.appendChild(li);
    this.options.push(li);
  };

  Combobox.prototype.fail = function (err) {
    this.status.textContent = 'Search is unavailable right now.';
    this.open();
    if (window.console) console.warn(err);
  };

  Combobox.prototype.open = function () {
    this.popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  Combobox.prototype.close = function () {
    this.popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    this.select(-1);
  };

  Combobox.prototype.reopen = function () {
    if (input.value.trim() && this.popup.hidden && this.options.length) this.open();
  };

  Combobox.prototype.blur = function (ev) {
    if (!ev.relatedTarget || !form.contains(ev.relatedTarget)) this.close();
  };

  Combobox.prototype.select = function (i) {
    if (this.options[this.active]) this.options[this.active].setAttribute('aria-selected', 'false');
    this.active = i;
    var li = this.options[i];
    if (!li) { input.removeAttribute('aria-activedescendant'); return; }
    li.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  };

  Combobox.prototype.key = function (ev) {
    var n = this.options.length;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!n) return;
      ev.preventDefault();
      if (this.popup.hidden) this.open();
      var step = ev.key === 'ArrowDown' ? 1 : -1;
      this.select(this.active < 0 ? (step > 0 ? 0 : n - 1) : (this.active + step + n) % n);
    } else if (ev.key === 'Enter') {
      this.submit(ev);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      if (!this.popup.hidden) this.close();
      else { input.value = ''; this.update(); }
    }
  };

  // submit follows the active option, if any; else the form goes to the
  // search page. Both keydown and the submit event (which some input paths
  // send even after keydown was cancelled) come here.
  Combobox.prototype.submit = function (ev) {
    if (this.popup.hidden || this.active < 0) return;
    ev.preventDefault();
    location.href = this.options[this.active].firstChild.href;
  };

  // ---- full search page --------------------------------------------------

  function SearchPage(root) {
    this.input = document.getElementById('search-page-input');
    this.status = document.getElementById('search-page-status');
    this.facetBox = document.getElementById('search-facets');
    this.list = document.getElementById('search-results');
    this.more = document.getElementById('search-more');
    this.run = latest();
    var params = new URLSearchParams(location.search);
    this.filters = {};
    params.forEach((v, k) => { if (k !== 'q' && v) this.filters[k] = v; });
    this.input.value = params.get('q') || '';
    this.input.addEventListener('input', () => { this.update(true); });
    root.querySelector('form').addEventListener('submit', (ev) => { ev.preventDefault(); this.update(true); });
    this.more.addEventListener('click', () => { this.page(); });
    this.update(false);
  }

  SearchPage.prototype.update = function (push) {
    var q = this.input.value, self = this;
    if (push) history.replaceState(null, '', searchURL(q.trim(), this.filters));
    return this.run(function () {
      return engine.then(function (e) { return e.search(q, self.filters, { facets: true }); });
    }, function (a) { self.render(q.trim(), a); }).catch(function (err) {
      self.status.textContent = 'Search is unavailable right now.';
      if (window.console) console.warn(err);
    }).then(function () { window.searchReady = true; });
  };

  SearchPage.prototype.render = function (q, answer) {
    this.answer = answer;
    this.shown = 0;
    this.list.textContent = '';
    var self = this;
    this.renderFacets(q ? answer.facets : []);
    // The count is announced once the first results are shown.
    return this.page().then(function () {
      if (self.answer !== answer) return;
      self.status.textContent = !q ? 'Type to search.' : answer.total ? plural(answer.total, 'result') + ' for “' + q + '”' : 'No results for “' + q + '”';
      if (q && !answer.total) self.didYouMean(q);
    });
  };

  // didYouMean offers the closest words of the index after a search that
  // found nothing.
  SearchPage.prototype.didYouMean = function (q) {
    var self = this, answer = this.answer;
    engine.then(function (e) { return e.suggest(q); }).then(function (s) {
      if (!s || self.answer !== answer) return;
      self.status.append(' Did you mean ');
      var a = self.status.appendChild(el('a', 'search-suggestion', s));
      a.href = searchURL(s, self.filters);
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        self.input.value = s;
        self.update(true);
      });
      self.status.append('?');
    });
  };

  // page shows the next PAGE_SIZE results.
  SearchPage.prototype.page = function () {
    var self = this, batch = this.answer.results.slice(this.shown, this.shown + PAGE_SIZE);
    this.shown += batch.length;
    this.more.hidden = this.shown >= this.answer.total;
    var answer = this.answer;
    // The batch is shown at once, when every result's text is in: results
    // filled one by one would push each other down (layout shift).
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (data) {
      if (self.answer !== answer) return;
      data.forEach(function (d) { self.fill(self.list.appendChild(el('li', 'search-result')), d); });
    });
  };

  SearchPage.prototype.fill = function (li, d) {
    var h = li.appendChild(el('h2', 'search-result-title')), a = h.appendChild(el('a'));
    a.href = withHighlight(d.url, this.answer);
    appendMarks(a, d.titleMarks);
    li.appendChild(el('p', 'search-result-path', crumbs(d)));
    appendMarks(li.appendChild(el('p', 'search-result-excerpt')), d.excerpt);
    if (!d.subs.length) return;
    var ul = li.appendChild(el('ul', 'search-subs')), answer = this.answer;
    d.subs.forEach(function (s) {
      var sub = ul.appendChild(el('li')), link = sub.appendChild(el('a'));
      link.href = withHighlight(s.url, answer);
      appendMarks(link, s.titleMarks);
      appendMarks(sub.appendChild(el('p', 'search-sub-excerpt')), s.excerpt);
    });
  };

  SearchPage.prototype.renderFacets = function (facets) {
    var self = this;
    this.facetBox.textContent = '';
    facets.forEach(function (f) {
      if (!f.values.length) return;
      var group = self.facetBox.appendChild(el('div', 'search-facet'));
      var title = group.appendChild(el('h2', 'search-facet-title', facetTitle(f.name)));
      title.id = 'search-facet-' + f.name;
      var ul = group.appendChild(el('ul'));
      ul.setAttribute('aria-labelledby', title.id);
      f.values.slice(0, MAX_FACET_VALUES).forEach(function (v) {
        var b = ul.appendChild(el('li')).appendChild(el('button', 'search-facet-value'));
        b.type = 'button';
        b.setAttribute('aria-pressed', v.selected ? 'true' : 'false');
        b.dataset.facet = f.name;
        b.dataset.value = v.label;
        b.appendChild(el('span', 'search-facet-label', v.label));
        b.appendChild(el('span', 'search-facet-count', String(v.count)));
        b.addEventListener('click', function () { self.toggle(f.name, v.label); });
        if (self.refocus === f.name + '\n' + v.label) b.focus();
      });
    });
  };

  SearchPage.prototype.toggle = function (facet, label) {
    if (this.filters[facet] === label) delete this.filters[facet];
    else this.filters[facet] = label;
    this.refocus = facet + '\n' + label;
    this.update(true);
  };

  if (input && form) new Combobox();
  if (pageRoot) new SearchPage(pageRoot);
  else engine.then(function () { window.searchReady = true; }, function () { window.searchReady = true; });
})();
