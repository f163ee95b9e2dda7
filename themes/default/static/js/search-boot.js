// playbook search bootstrap, loaded (deferred) on every page. It costs
// nothing until a reader uses search: the first focus of the header box
// (#search-input), a press of "/" or Ctrl/Cmd-K, or opening the search page
// (#search-page) loads search-engine.js and search-ui.js from the folder of
// this script. The site's base path is read by search-ui.js from the header
// form's data-base attribute or its action ("{BasePath}search/").
(function () {
  'use strict';
  var script = document.currentScript;
  var dir = script ? script.src.replace(/[^/]*$/, '') : '';
  var loaded = false;

  function load() {
    if (loaded || !dir) return;
    loaded = true;
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
    if (input) input.addEventListener('focus', load, { once: true });
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
