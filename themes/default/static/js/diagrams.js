// Draws the ```mermaid diagrams of a page with the mermaid library
// (js/vendor/mermaid.min.js, which the page loads before this file only
// when it has a diagram; nothing is fetched from elsewhere). Each diagram is
// drawn twice, with mermaid's light and dark themes: the stylesheet shows the
// one that matches the colour scheme (the system's or the theme toggle's, so
// toggling needs no redraw) and the light one in print. Without JavaScript,
// or when a diagram cannot be drawn, its source stays visible as code.
(function () {
  "use strict";
  var figures = document.querySelectorAll("figure.diagram-mermaid");
  var mermaid = window.mermaid;
  if (!figures.length || !mermaid) return;
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

  // One diagram after the other: mermaid keeps its settings globally.
  var queue = Promise.resolve();
  Array.prototype.forEach.call(figures, function (figure, i) {
    queue = queue.then(function () { return draw(figure, i + 1); });
  });
})();
