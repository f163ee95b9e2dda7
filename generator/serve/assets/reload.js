// Live reload for `playbook serve`. Served by the preview server only and
// never written into the output folder. Listens to Server-Sent Events:
// reload the page (keeping the scroll position), swap stylesheets, or show
// an overlay with the build errors while the last good page stays visible.
(function () {
  'use strict';
  var scrollKey = 'playbook:scroll:' + location.pathname;
  var overlayId = 'playbook-build-errors';
  var seen = null; // server id and build number this page is up to date with
  var script = document.currentScript;
  var loadedBuild = script ? Number(new URL(script.src).searchParams.get('build')) : NaN;

  function saveScroll() {
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    } catch (e) { /* storage may be disabled */ }
  }

  function restoreScroll() {
    var saved = null;
    try {
      saved = sessionStorage.getItem(scrollKey);
      sessionStorage.removeItem(scrollKey);
    } catch (e) { return; }
    if (!saved) { return; }
    var xy = JSON.parse(saved);
    window.scrollTo(xy[0], xy[1]);
  }

  function reload() {
    saveScroll();
    window.playbookReloading = true;
    location.reload();
  }

  function swapStylesheets(build) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin || url.pathname.indexOf('/__playbook/') === 0) { return; }
      url.searchParams.set('playbook-build', String(build));
      var fresh = link.cloneNode();
      fresh.href = url.href;
      fresh.addEventListener('load', function () { link.remove(); });
      fresh.addEventListener('error', function () { link.remove(); });
      link.after(fresh);
    });
  }

  function ensureOverlayStyles() {
    if (document.querySelector('link[data-playbook-overlay]')) { return; }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/__playbook/overlay.css';
    link.setAttribute('data-playbook-overlay', '');
    document.head.appendChild(link);
  }

  function hideOverlay() {
    var old = document.getElementById(overlayId);
    if (old) { old.remove(); }
    document.documentElement.removeAttribute('data-playbook-build-failed');
  }

  function showOverlay(errors) {
    hideOverlay();
    ensureOverlayStyles();
    var box = document.createElement('section');
    box.id = overlayId;
    box.setAttribute('role', 'alert');
    box.setAttribute('aria-labelledby', overlayId + '-title');
    var title = document.createElement('h2');
    title.id = overlayId + '-title';
    title.textContent = 'Build failed: the last good version of the site is shown';
    box.appendChild(title);
    var list = document.createElement('ul');
    errors.forEach(function (err) {
      var item = document.createElement('li');
      if (err.file) {
        var where = document.createElement('code');
        where.textContent = err.file + (err.line ? ':' + err.line : '') + (err.col ? ':' + err.col : '');
        item.appendChild(where);
        item.appendChild(document.createTextNode(' '));
      }
      item.appendChild(document.createTextNode(err.message));
      list.appendChild(item);
    });
    box.appendChild(list);
    var hint = document.createElement('p');
    hint.textContent = 'Fix the file and save: this page reloads by itself.';
    box.appendChild(hint);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Hide';
    close.addEventListener('click', hideOverlay);
    box.appendChild(close);
    document.body.appendChild(box);
    document.documentElement.setAttribute('data-playbook-build-failed', '');
  }

  // The warnings of this page (broken links and anchors included): a
  // small badge that opens the list, gone once none are left.
  var badgeId = 'playbook-page-warnings';

  function showWarnings(list) {
    var old = document.getElementById(badgeId);
    var wasOpen = old && old.querySelector('ul') && !old.querySelector('ul').hidden;
    if (old) { old.remove(); }
    if (!list.length) { return; }
    ensureOverlayStyles();
    var box = document.createElement('aside');
    box.id = badgeId;
    box.setAttribute('aria-label', 'Build warnings for this page');
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = list.length + (list.length === 1 ? ' warning' : ' warnings');
    var items = document.createElement('ul');
    items.hidden = !wasOpen;
    button.setAttribute('aria-expanded', String(!!wasOpen));
    button.addEventListener('click', function () {
      items.hidden = !items.hidden;
      button.setAttribute('aria-expanded', String(!items.hidden));
    });
    list.forEach(function (w) {
      var item = document.createElement('li');
      item.textContent = w.text;
      items.appendChild(item);
    });
    box.appendChild(button);
    box.appendChild(items);
    document.body.appendChild(box);
  }

  function fetchWarnings() {
    fetch('/__playbook/warnings?path=' + encodeURIComponent(location.pathname), { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(showWarnings, function () { /* the server went away: keep what is shown */ });
  }

  function parse(ev) { return JSON.parse(ev.data); }

  function connect() {
    var source = new EventSource('/__playbook/events');
    source.addEventListener('hello', function (ev) {
      var s = parse(ev);
      // A build finished while this page was away (loading, or the
      // server restarted): the page is stale.
      var stale = seen ? seen.server !== s.server || seen.build !== s.build : s.build !== loadedBuild;
      if (stale && !s.failed) {
        reload();
        return;
      }
      seen = { server: s.server, build: s.build };
      if (!s.failed) { hideOverlay(); }
      fetchWarnings();
      window.playbookLiveReload = 'connected';
    });
    source.addEventListener('reload', function () { reload(); });
    source.addEventListener('warnings', fetchWarnings);
    source.addEventListener('css', function (ev) {
      var s = parse(ev);
      seen = { server: s.server, build: s.build };
      hideOverlay();
      swapStylesheets(s.build);
    });
    source.addEventListener('builderror', function (ev) {
      var s = parse(ev);
      seen = { server: s.server, build: s.build };
      showOverlay(s.errors || []);
    });
  }

  if (document.readyState === 'complete') {
    restoreScroll();
  } else {
    window.addEventListener('load', restoreScroll);
  }
  connect();
}());
