// Reader navigation, loaded (deferred) on every page; no inline handlers
// (strict CSP). Each part does nothing on a page without its element:
// - the section sidebar (#sidebar): a drawer on narrow screens, opened by
//   the header's .sidebar-toggle, closed by Esc, the close button or a
//   press outside, focus returned to the toggle; a collapsed section the
//   reader opens is filled from the site's tree (nav.json, fetched once);
// - the table of contents (.toc-details): opened beside the text on wide
//   screens, its current section marked (aria-current) by an
//   IntersectionObserver while the reader scrolls;
// - code blocks (.prose pre): a copy button (clipboard API, announced in a
//   polite live region) and the block's language.
(function () {
  'use strict';

  var wide = window.matchMedia('(min-width: 75rem)');
  var drawerQuery = window.matchMedia('(max-width: 63.99rem)');

  // ---- Sidebar drawer ----
  function initSidebar() {
    var nav = document.getElementById('sidebar');
    var toggle = document.querySelector('.sidebar-toggle');
    if (!nav || !toggle) return;
    toggle.hidden = false;
    toggle.setAttribute('aria-controls', 'sidebar');
    var backdrop = document.createElement('div');
    backdrop.className = 'sidebar-backdrop';
    backdrop.hidden = true;
    nav.parentNode.insertBefore(backdrop, nav.nextSibling);
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'sidebar-close';
    close.textContent = 'Close';
    nav.insertBefore(close, nav.firstChild);

    function setOpen(open, refocus) {
      nav.classList.toggle('is-open', open);
      backdrop.hidden = !open;
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      document.documentElement.classList.toggle('drawer-open', open);
      if (open) {
        var cur = nav.querySelector('[aria-current="page"]') || nav.querySelector('a');
        if (cur) cur.focus();
      } else if (refocus) {
        toggle.focus();
      }
    }
    toggle.addEventListener('click', function () { setOpen(!nav.classList.contains('is-open'), true); });
    close.addEventListener('click', function () { setOpen(false, true); });
    backdrop.addEventListener('click', function () { setOpen(false, true); });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && nav.classList.contains('is-open')) setOpen(false, true);
    });
    drawerQuery.addEventListener('change', function () { if (!drawerQuery.matches) setOpen(false, false); });
    var cur = nav.querySelector('[aria-current="page"]');
    if (cur && cur.scrollIntoView && !drawerQuery.matches) cur.scrollIntoView({ block: 'nearest' });
    nav.addEventListener('toggle', function (e) { if (e.target.open) fill(nav, e.target); }, true);
    nav.addEventListener('click', function (e) {
      var more = e.target.closest && e.target.closest('.nav-more a');
      if (!more) return;
      e.preventDefault();
      var details = more.closest('details');
      var list = details.querySelector('ul');
      loadTree(nav).then(function (byURL) {
        var entries = byURL[details.getAttribute('data-url')] || [];
        var shown = {};
        list.querySelectorAll(':scope > li > a, :scope > li > details').forEach(function (el) {
          shown[el.getAttribute('href') || el.getAttribute('data-url')] = el.closest('li');
        });
        var overview = list.querySelector(':scope > .nav-overview');
        var items = [overview];
        entries.forEach(function (n) { items.push(shown[n.u] || item(n)); });
        list.textContent = '';
        items.forEach(function (li) { if (li) list.appendChild(li); });
        var cur = list.querySelector('[aria-current="page"]') || list.querySelector('a');
        if (cur) cur.focus();
      }, function () { location.href = more.href; });
    });
  }

  // ---- Collapsed sections filled from nav.json ----
  var tree = null;
  function loadTree(nav) {
    if (!tree) {
      tree = fetch(nav.getAttribute('data-tree')).then(function (r) {
        if (!r.ok) throw new Error('nav.json: ' + r.status);
        return r.json();
      }).then(function (top) {
        var byURL = {};
        (function walk(list) {
          list.forEach(function (n) { if (n.c) { byURL[n.u] = n.c; walk(n.c); } });
        })(top);
        return byURL;
      });
    }
    return tree;
  }
  function fill(nav, details) {
    if (details.getAttribute('data-filled') || details.querySelector(':scope > ul > li:not(.nav-overview)')) return;
    details.setAttribute('data-filled', '1');
    loadTree(nav).then(function (byURL) {
      var list = details.querySelector('ul');
      (byURL[details.getAttribute('data-url')] || []).forEach(function (n) { list.appendChild(item(n)); });
    }).catch(function () { details.removeAttribute('data-filled'); });
  }
  function item(n) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = n.u;
    a.textContent = n.c ? 'Overview' : n.t;
    if (!n.c) { li.appendChild(a); return li; }
    li.className = 'nav-section';
    var d = document.createElement('details');
    d.setAttribute('data-url', n.u);
    var s = document.createElement('summary');
    s.textContent = n.t;
    var ul = document.createElement('ul');
    var ov = document.createElement('li');
    ov.className = 'nav-overview';
    ov.appendChild(a);
    ul.appendChild(ov);
    d.appendChild(s);
    d.appendChild(ul);
    li.appendChild(d);
    return li;
  }

  // ---- Table of contents and scroll-spy ----
  function initTOC() {
    var details = document.querySelector('.toc-details');
    if (!details) return;
    function sync() { if (wide.matches) details.open = true; }
    sync();
    wide.addEventListener('change', sync);
    if (!('IntersectionObserver' in window)) return;
    var links = {};
    var headings = [];
    details.querySelectorAll('a[href^="#"]').forEach(function (a) {
      var id = decodeURIComponent(a.getAttribute('href').slice(1));
      var h = document.getElementById(id);
      if (h) { links[id] = a; headings.push(h); }
    });
    if (!headings.length) return;
    var visible = {};
    var current = null;
    function mark() {
      // The first heading on screen, else the last one above the screen.
      var pick = null;
      for (var i = 0; i < headings.length; i++) {
        if (visible[headings[i].id]) { pick = headings[i]; break; }
      }
      if (!pick) {
        for (var j = headings.length - 1; j >= 0; j--) {
          if (headings[j].getBoundingClientRect().top < 0) { pick = headings[j]; break; }
        }
      }
      if (pick === current) return;
      if (current) links[current.id].removeAttribute('aria-current');
      current = pick;
      if (current) links[current.id].setAttribute('aria-current', 'location');
    }
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { visible[e.target.id] = e.isIntersecting; });
      mark();
    }, { rootMargin: '-64px 0px -40% 0px' });
    headings.forEach(function (h) { io.observe(h); });
  }

  // ---- Copy buttons ----
  var live = null;
  function announce(text) {
    if (!live) {
      live = document.createElement('div');
      live.className = 'visually-hidden';
      live.setAttribute('role', 'status');
      document.body.appendChild(live);
    }
    live.textContent = '';
    setTimeout(function () { live.textContent = text; }, 50);
  }
  function initCopy() {
    document.querySelectorAll('.prose pre').forEach(function (pre) {
      if (pre.classList.contains('diagram-source') || !pre.querySelector('code')) return;
      var wrap = document.createElement('div');
      wrap.className = 'code-block';
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(pre);
      var code = pre.querySelector('code');
      var lang = code.getAttribute('data-lang');
      if (lang) {
        var label = document.createElement('span');
        label.className = 'code-lang';
        label.setAttribute('aria-hidden', 'true');
        label.textContent = lang;
        wrap.appendChild(label);
      }
      if (!navigator.clipboard) return;
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'code-copy';
      b.textContent = 'Copy';
      b.setAttribute('aria-label', lang ? 'Copy ' + lang + ' code' : 'Copy code');
      b.addEventListener('click', function () {
        navigator.clipboard.writeText(code.innerText.replace(/\n$/, '')).then(function () {
          b.textContent = 'Copied';
          announce('Code copied to the clipboard');
          setTimeout(function () { b.textContent = 'Copy'; }, 2000);
        }, function () { announce('Copying failed'); });
      });
      wrap.appendChild(b);
    });
  }

  // ---- Search filters: open beside the results on wide screens ----
  function initFilters() {
    var details = document.querySelector('.search-filters');
    if (!details) return;
    var q = window.matchMedia('(min-width: 48rem)');
    function sync() { details.open = q.matches; }
    sync();
    q.addEventListener('change', sync);
  }

  // ---- Words a search matched, marked on the page it led to (?hl=) ----
  function initHighlight() {
    var hl = new URLSearchParams(location.search).get('hl');
    var root = document.querySelector('.page');
    if (!hl || !root) return;
    var words = hl.split(/\s+/).filter(Boolean).map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    });
    if (!words.length) return;
    var re;
    try {
      re = new RegExp('(^|[^\\p{L}\\p{N}])((?:' + words.join('|') + ')[\\p{L}\\p{N}]*)', 'giu');
    } catch (e) { return; }
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentNode.closest('script, style, .toc, .code-copy, mark, nav') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var first = null;
    nodes.forEach(function (node) {
      var text = node.nodeValue, last = 0, m, frag = null;
      re.lastIndex = 0;
      while ((m = re.exec(text))) {
        frag = frag || document.createDocumentFragment();
        var start = m.index + m[1].length;
        frag.appendChild(document.createTextNode(text.slice(last, start)));
        var mark = document.createElement('mark');
        mark.className = 'search-hl';
        mark.textContent = m[2];
        frag.appendChild(mark);
        first = first || mark;
        last = start + m[2].length;
      }
      if (!frag) return;
      frag.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(frag, node);
    });
    if (first && !location.hash) first.scrollIntoView({ block: 'center' });
  }

  function start() {
    initHighlight();
    initFilters();
    initSidebar();
    initTOC();
    initCopy();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
