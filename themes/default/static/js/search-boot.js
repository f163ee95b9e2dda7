// playbook search bootstrap, loaded (deferred) on every page. It costs
// nothing until a reader uses search: the first press on the header search
// form (pointerdown, which comes before focus and click), the first focus of
// its box (#search-input), a press of "/" or Ctrl/Cmd-K, or opening the
// search page (#search-page) loads search-engine.js and search-ui.js from
// the folder of this script and, at the same time, the index manifest, so
// that the first query waits for one round trip less. The site's base path is the header
// form's data-base attribute or its action ("{BasePath}search/") without
// "search/"; window.PlaybookSearchBoot = {base, manifest} hands both to
// search-engine.js and search-ui.js.
(function () {
  'use strict';
  var script = document.currentScript;
  var dir = script ? script.src.replace(/[^/]*$/, '') : '';
  var loaded = false;

  // basePath is the site root, ending in "/".
  function basePath() {
    var form = document.querySelector('form.site-search');
    var explicit = form && form.getAttribute('data-base');
    if (explicit) return explicit.endsWith('/') ? explicit : explicit + '/';
    var action = form ? form.getAttribute('action') || 'search/' : 'search/';
    return new URL(action, location.href).pathname.replace(/search\/?$/, '');
  }

  // prefetch starts the manifest download; search-engine.js takes it over.
  function prefetch() {
    var base = basePath();
    var manifest = fetch(base + 'search/manifest.json').then(function (r) {
      if (!r.ok) throw new Error('search index: ' + r.status + ' for manifest.json');
      return r.json();
    });
    manifest.catch(function () {}); // reported when the engine uses it
    window.PlaybookSearchBoot = { base: base, manifest: manifest };
  }

  function load() {
    if (loaded || !dir) return;
    loaded = true;
    prefetch();
    ['search-engine.js', 'search-ui.js'].forEach(function (name) {
      var s = document.createElement('script');
      s.src = dir + name;
      s.async = false; // run in order: the UI needs the engine
      document.head.appendChild(s);
    });
  }

  function typing(t) {
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  function start() {
    var input = document.getElementById('search-input');
    var form = document.querySelector('form.site-search');
    if (input) input.addEventListener('focus', load, { once: true });
    if (form) form.addEventListener('pointerdown', load, { once: true, passive: true });
    if (document.getElementById('search-page')) load();
    document.addEventListener('keydown', function (ev) {
      var slash = ev.key === '/' && !ev.ctrlKey && !ev.metaKey && !ev.altKey && !typing(ev.target);
      var k = (ev.key === 'k' || ev.key === 'K') && (ev.ctrlKey || ev.metaKey) && !ev.altKey;
      if (!slash && !k) return;
      var box = document.getElementById('search-page-input') || input;
      if (!box) return;
      ev.preventDefault();
      load();
      box.focus();
      box.select();
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
