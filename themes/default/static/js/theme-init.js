// Runs before the first paint (render-blocking on purpose, kept tiny): applies
// the reader's saved colour theme so the page never flashes the wrong one.
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var saved = localStorage.getItem("playbook-theme");
    if (saved === "dark" || saved === "light") {
      root.setAttribute("data-theme", saved);
    }
  } catch (e) {
    // Storage can be disabled; the system preference applies then.
  }
})();
