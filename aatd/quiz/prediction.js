// Prediction boxes of the web book. A notebook's "Your prediction:" cell holds an empty
// <div class="aatd-prediction" data-bank="<chapter>" data-prediction="<id>">; here it becomes a
// text box whose text is kept in this browser (window.aatdStore, key
// aatd/v1/<bank>/prediction/<id>) and is shown again at the top of every hidden answer
// (a collapsed cell output) that follows it in the same section, when the reader opens it.
// An answer's own collapsed <details class="aatd-answer"> inside such an output is opened.
(function () {
  "use strict";
  var store = window.aatdStore || { available: false, get: function () { return null; },
    set: function () {} };

  function answersAfter(box) {
    var section = box.closest("section");
    if (!section) { return []; }
    var all = section.querySelectorAll("details.hide");
    return Array.prototype.filter.call(all, function (d) {
      var after = box.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING;
      return after && d.closest("section") === section;
    });
  }

  function init(box, n) {
    var bank = box.getAttribute("data-bank");
    var id = box.getAttribute("data-prediction");
    if (!bank || !id || box.getAttribute("data-ready")) { return; }
    box.setAttribute("data-ready", "1");
    var fieldId = "aatd-prediction-" + n;
    var label = document.createElement("label");
    label.setAttribute("for", fieldId);
    label.textContent = "Type your prediction before you look:";
    var field = document.createElement("textarea");
    field.id = fieldId;
    field.rows = 2;
    field.className = "aatd-prediction-text";
    var note = document.createElement("p");
    note.className = "aatd-prediction-note";
    note.textContent = store.available
      ? "Kept in this browser only; it is shown again beside the answer."
      : "This browser does not let the page keep it; it is shown beside the answer until you leave.";
    var saved = store.get(bank, "prediction", id);
    if (typeof saved === "string") { field.value = saved; }
    box.appendChild(label);
    box.appendChild(field);
    box.appendChild(note);

    var echoes = answersAfter(box).map(function (details) {
      var echo = document.createElement("p");
      echo.className = "aatd-prediction-echo";
      var summary = details.querySelector("summary");
      if (summary) { summary.insertAdjacentElement("afterend", echo); }
      else { details.insertBefore(echo, details.firstChild); }
      return echo;
    });
    function update() {
      var text = field.value.trim();
      echoes.forEach(function (echo) {
        echo.textContent = text ? "Your prediction: " + text
          : "You wrote no prediction above; try one before reading on.";
      });
    }
    field.addEventListener("input", function () {
      store.set(bank, "prediction", id, field.value);
      update();
    });
    update();
  }

  function start() {
    // In the book the cell output is already behind "Show code cell output"; the answer's
    // own <details> (aatd.checks.hidden_answer, for Jupyter) would be a second click.
    var inner = document.querySelectorAll("details.hide details.aatd-answer");
    Array.prototype.forEach.call(inner, function (d) { d.open = true; });
    var boxes = document.querySelectorAll("div.aatd-prediction[data-prediction]");
    Array.prototype.forEach.call(boxes, init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
