// Checklists that remember: a page's steps and task-list items become
// check boxes whose ticks the browser keeps (localStorage, per page path,
// under each item's stable id from the build: data-check), with progress,
// Reset and "Copy as checklist" (Markdown). Without this script the boxes
// stay as the build wrote them and the bar stays hidden.
(function () {
  "use strict";
  var KEY = "playbook-checklist:" + location.pathname;

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (e) {
      return [];
    }
  }

  function save(ids) {
    try {
      if (ids.length) localStorage.setItem(KEY, JSON.stringify(ids));
      else localStorage.removeItem(KEY);
    } catch (e) { /* storage disabled or full: ticks last for this visit */ }
  }

  // itemText is the text of a check box's step or task-list item, nested
  // lists left out.
  function itemText(box) {
    if (box.id) {
      var label = document.querySelector('label[for="' + box.id + '"]');
      if (label) return label.textContent.replace(/\s+/g, " ").trim();
    }
    var li = box.closest("li");
    if (!li) return "";
    var copy = li.cloneNode(true);
    copy.querySelectorAll("ul, ol, input").forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function markdown(boxes) {
    return boxes.map(function (b) {
      return "- [" + (b.checked ? "x" : " ") + "] " + itemText(b);
    }).join("\n") + "\n";
  }

  function init() {
    var bar = document.querySelector("[data-checklist]");
    var main = document.getElementById("main");
    if (!bar || !main) return;
    var boxes = Array.prototype.slice.call(main.querySelectorAll('input[type="checkbox"][data-check]'));
    if (!boxes.length) return;
    var status = bar.querySelector("[data-checklist-status]");
    var meter = bar.querySelector("[data-checklist-meter]");
    var note = bar.querySelector("[data-checklist-note]");
    var text = bar.querySelector("[data-checklist-text]");
    var ticked = load();

    boxes.forEach(function (b) {
      if (b.disabled) { // a task-list item: made tickable, named by its text
        b.disabled = false;
        b.setAttribute("aria-label", itemText(b) || "Task");
        b.classList.add("task-check");
      }
      b.checked = ticked.indexOf(b.getAttribute("data-check")) >= 0;
      b.addEventListener("change", update);
    });

    function update() {
      var done = boxes.filter(function (b) { return b.checked; });
      save(done.map(function (b) { return b.getAttribute("data-check"); }));
      status.textContent = done.length + " of " + boxes.length + " done";
      meter.max = boxes.length;
      meter.value = done.length;
      meter.textContent = done.length + "/" + boxes.length;
    }

    function copied(message) {
      note.textContent = message;
    }

    bar.querySelector("[data-checklist-reset]").addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; });
      update();
      copied("");
    });

    bar.querySelector("[data-checklist-copy]").addEventListener("click", function () {
      var md = markdown(boxes);
      text.value = md;
      function fallback() {
        text.parentNode.hidden = false;
        text.focus();
        text.select();
        copied("Select the text below and copy it (Ctrl+C or ⌘C).");
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(md).then(function () {
          text.parentNode.hidden = true;
          copied("Copied " + boxes.length + " items as a Markdown checklist.");
        }, fallback);
      } else {
        fallback();
      }
    });

    update();
    bar.hidden = false;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
