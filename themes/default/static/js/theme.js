// Dark-mode toggle and the collapsible main menu. No inline handlers: this
// file binds everything (the site runs under default-src 'self').
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "playbook-theme";
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function currentTheme() {
    var set = root.getAttribute("data-theme");
    if (set === "dark" || set === "light") return set;
    return dark && dark.matches ? "dark" : "light";
  }

  function save(theme) {
    try { localStorage.setItem(KEY, theme); } catch (e) { /* storage disabled */ }
  }

  function syncToggle(button) {
    button.setAttribute("aria-pressed", currentTheme() === "dark" ? "true" : "false");
  }

  function initThemeToggle() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    syncToggle(button);
    button.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      save(next);
      syncToggle(button);
    });
    if (dark && dark.addEventListener) {
      dark.addEventListener("change", function () { syncToggle(button); });
    }
  }

  function initMenu() {
    var button = document.querySelector(".menu-toggle");
    var menu = document.getElementById("site-menu");
    if (!button || !menu) return;
    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    }
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }

  // A table wider than the column scrolls sideways; make it reachable by
  // keyboard (focusable) only while it actually overflows.
  function initScrollableTables() {
    var tables = document.querySelectorAll(".prose table");
    function update() {
      for (var i = 0; i < tables.length; i++) {
        var t = tables[i];
        if (t.scrollWidth > t.clientWidth + 1) {
          t.setAttribute("tabindex", "0");
        } else {
          t.removeAttribute("tabindex");
        }
      }
    }
    if (!tables.length) return;
    update();
    window.addEventListener("resize", update);
  }

  // GitHub finds a heading whatever the letter case of a link's #fragment
  // ("#Next-Steps" reaches id "next-steps"); do the same when no id matches
  // exactly, so links written for GitHub land. The build still warns.
  function followFragmentAnyCase() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!id || document.getElementById(id)) return;
    var want = id.toLowerCase();
    var all = document.querySelectorAll("[id]");
    for (var i = 0; i < all.length; i++) {
      if (all[i].id.toLowerCase() === want) {
        all[i].scrollIntoView();
        return;
      }
    }
  }

  initThemeToggle();
  initMenu();
  initScrollableTables();
  followFragmentAnyCase();
  window.addEventListener("hashchange", followFragmentAnyCase);
})();
