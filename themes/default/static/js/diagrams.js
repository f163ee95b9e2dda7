// Draws the ```mermaid diagrams of a page with the mermaid library
// (js/vendor/mermaid.min.js, named by this script's data-mermaid attribute;
// nothing is fetched from elsewhere). The 3.5 MB library is loaded only when
// a diagram comes near the viewport (or the page is about to print), so a
// page whose diagram is further down loads as fast as any other. Each
// diagram is drawn twice, with mermaid's light and dark themes: the
// stylesheet shows the one that matches the colour scheme (the system's or
// the theme toggle's, so toggling needs no redraw) and the light one in
// print. Without JavaScript, or when a diagram cannot be drawn, its source
// stays visible as code; a page printed before its diagrams were drawn
// prints their source.
(function () {
  "use strict";
  var figures = document.querySelectorAll("figure.diagram-mermaid");
  var script = document.currentScript;
  var src = script && script.getAttribute("data-mermaid");
  if (!figures.length || !src) return;
  var mermaid = null;
  var font = window.getComputedStyle(document.body).fontFamily;
  // [class suffix, mermaid theme, theme variables]. The dark theme's edge
  // labels get the page's dark background (main.css --bg) for contrast.
  var themes = [["light", "default", {}], ["dark", "dark", { edgeLabelBackground: "#11151c" }]];

  function render(source, id, theme) {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      suppressErrorRendering: true,
      theme: theme[1],
      themeVariables: theme[2],
      fontFamily: font
    });
    return mermaid.render(id, source);
  }

  function draw(figure, n) {
    var code = figure.querySelector(".diagram-source code");
    var source = code ? code.textContent : "";
    var boxes = [];
    var chain = Promise.resolve();
    themes.forEach(function (t) {
      chain = chain.then(function () {
        return render(source, "pb-diagram-" + n + "-" + t[0], t);
      }).then(function (out) {
        var box = document.createElement("div");
        box.className = "diagram-drawn diagram-" + t[0];
        box.innerHTML = out.svg;
        boxes.push(box);
      });
    });
    return chain.then(function () {
      boxes.forEach(function (box) { figure.appendChild(box); });
      figure.classList.add("is-drawn");
    }, function (err) {
      var note = document.createElement("figcaption");
      note.className = "diagram-error";
      note.textContent = "This diagram could not be drawn: " + (err && err.message ? err.message : String(err));
      figure.appendChild(note);
    });
  }

  // library loads mermaid once, by a script element added to the page.
  var loading = null;
  function library() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var el = document.createElement("script");
        el.src = src;
        el.onload = function () { window.mermaid ? resolve(window.mermaid) : reject(new Error("mermaid did not load")); };
        el.onerror = function () { reject(new Error("could not load " + src)); };
        document.head.appendChild(el);
      });
    }
    return loading;
  }

  // One diagram after the other: mermaid keeps its settings globally.
  var queue = Promise.resolve();
  var numbers = new Map();
  Array.prototype.forEach.call(figures, function (figure, i) { numbers.set(figure, i + 1); });
  function schedule(figure) {
    if (!numbers.has(figure)) return;
    var n = numbers.get(figure);
    numbers.delete(figure);
    queue = queue.then(library).then(function (m) {
      mermaid = m;
      return draw(figure, n);
    }, function (err) {
      var note = document.createElement("figcaption");
      note.className = "diagram-error";
      note.textContent = "This diagram could not be drawn: " + err.message;
      figure.appendChild(note);
    });
  }
  function scheduleAll() { Array.prototype.forEach.call(figures, schedule); }

  window.addEventListener("beforeprint", scheduleAll);
  if (!("IntersectionObserver" in window)) return scheduleAll();
  var seen = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (!e.isIntersecting) return;
      seen.unobserve(e.target);
      schedule(e.target);
    });
  }, { rootMargin: "200px 0px" });
  Array.prototype.forEach.call(figures, function (figure) { seen.observe(figure); });
})();
