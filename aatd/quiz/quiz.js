// The quiz of one chapter. It reads its own JSON blob and writes feedback with textContent only:
// no eval, no network. Answers are remembered in this browser through window.aatdStore
// (store.js, rendered just before this script), keyed by bank, question and option keys and the
// bank's version, never by position; a changed bank forgets its old answers.
// AATD_ROOT_ID is replaced by the quiz's element id (a JSON string) when the quiz is rendered.
(function () {
  "use strict";
  var s = document.currentScript;
  var root = s && s.closest ? s.closest(".aatd-quiz") : null;
  if (!root) { root = document.getElementById(AATD_ROOT_ID); }
  if (!root || root.getAttribute("data-ready")) { return; }
  root.setAttribute("data-ready", "1");
  // The same quiz twice on one page: the second copy gets its own ids.
  if (document.getElementById(root.id) !== root) {
    var old = root.id, k = 2;
    while (document.getElementById(old + "-copy" + k)) { k++; }
    var nu = old + "-copy" + k;
    root.querySelectorAll("[id],[for],[name],[aria-describedby]").forEach(function (e) {
      ["id", "for", "name", "aria-describedby"].forEach(function (a) {
        var v = e.getAttribute(a);
        if (v && v.indexOf(old) === 0) { e.setAttribute(a, nu + v.slice(old.length)); }
      });
    });
    root.id = nu;
  }
  var data = JSON.parse(root.querySelector("script.aatd-quiz-data").textContent);
  var ok = {};
  var store = window.aatdStore ||
    { available: false, get: function () { return null; }, set: function () {}, clear: function () {} };
  var nojs = root.querySelector(".aatd-quiz-nojs");
  if (nojs) { nojs.remove(); }

  function el(tag, text) {
    var e = document.createElement(tag);
    if (text) { e.textContent = text; }
    return e;
  }
  function parse(v, units) {
    v = v.replace(/\s+/g, "");
    var u = units.replace(/\s+/g, "").toLowerCase();
    if (u && v.toLowerCase().slice(-u.length) === u) { v = v.slice(0, v.length - u.length); }
    if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(v)) { return null; }
    return parseFloat(v.replace(",", "."));
  }
  function show(q, box, state, lines) {
    box.textContent = "";
    box.className = "aatd-quiz-feedback" + (state === true ? " is-correct" : state === false ? " is-incorrect" : "");
    var p = el("p");
    if (state !== null) { p.appendChild(el("strong", state ? "\u2713 Correct. " : "\u2717 Not correct yet. ")); }
    if (lines.length === 1 && typeof lines[0] === "string") {
      p.appendChild(document.createTextNode(lines[0]));
      box.appendChild(p);
    } else {
      if (p.firstChild) { box.appendChild(p); }
      var ul = el("ul");
      lines.forEach(function (l) {
        var li = el("li");
        if (typeof l === "string") {
          li.textContent = l;
        } else {
          li.appendChild(el("strong", l[0] + ": "));
          li.appendChild(document.createTextNode(l[1]));
        }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    if (state !== null) {
      var r = el("p", "Review: "), a = el("a", q.section);
      a.href = "#" + q.anchor;
      a.addEventListener("click", function (ev) {
        if (document.getElementById(q.anchor)) { return; }
        var hs = document.querySelectorAll("h1,h2,h3,h4,h5,h6");
        for (var i = 0; i < hs.length; i++) {
          if (hs[i].textContent.replace(/[\u00b6#]/g, "").trim() === q.section) {
            ev.preventDefault();
            hs[i].scrollIntoView();
            return;
          }
        }
      });
      r.appendChild(a);
      box.appendChild(r);
    }
  }
  function updateScore() {
    var n = 0;
    Object.keys(ok).forEach(function (id) { if (ok[id]) { n++; } });
    root.querySelector(".aatd-quiz-score").textContent = "Score: " + n + " of " + data.n + " correct";
  }
  // What the reader gave for one question: the option keys picked, or the typed text.
  function answerOf(div, q) {
    if (q.type === "numeric") { return { v: data.version, value: div.querySelector("input").value }; }
    var picked = [];
    div.querySelectorAll("input").forEach(function (box, i) {
      if (box.checked) { picked.push(q.options[i].key); }
    });
    return { v: data.version, picked: picked };
  }
  function check(div, remember) {
    var id = div.getAttribute("data-qid"), q = data.questions[id];
    var box = div.querySelector(".aatd-quiz-feedback"), state, lines = [];
    if (q.type === "numeric") {
      var x = parse(div.querySelector("input").value, q.units);
      if (x === null) {
        show(q, box, null, ["Type a number first: digits, with a decimal point or comma if you need one."]);
        return;
      }
      state = Math.abs(x - q.answer) <= q.tolerance + 1e-9;
      lines = [state ? q.correct : q.incorrect];
      if (!state) {
        q.mistakes.some(function (m) {
          if (Math.abs(x - m.value) <= m.tolerance + 1e-9) { lines = [m.feedback]; return true; }
          return false;
        });
      }
    } else {
      var boxes = div.querySelectorAll("input"), picked = 0, missed = 0;
      state = true;
      for (var i = 0; i < boxes.length; i++) {
        var o = q.options[i];
        if (boxes[i].checked) {
          picked++;
          lines.push(q.type === "multiple"
            ? [o.text + (o.correct ? " (a correct choice)" : " (not a correct choice)"), o.feedback]
            : o.feedback);
          if (!o.correct) { state = false; }
        } else if (o.correct) {
          missed++;
          state = false;
        }
      }
      if (!picked) {
        show(q, box, null, [q.type === "multiple" ? "Select at least one answer first." : "Choose an answer first."]);
        return;
      }
      if (q.type === "multiple" && missed) {
        lines.push(missed === 1 ? "One more choice is also correct." : missed + " more choices are also correct.");
      }
    }
    ok[id] = state;
    show(q, box, state, lines);
    updateScore();
    if (remember) { store.set(data.chapter, "question", id, answerOf(div, q)); }
  }
  // Put a remembered answer back and check it again (same bank version only).
  function restore(div) {
    var id = div.getAttribute("data-qid"), q = data.questions[id];
    var saved = store.get(data.chapter, "question", id);
    if (!saved || saved.v !== data.version) { return; }
    if (q.type === "numeric") {
      if (typeof saved.value !== "string") { return; }
      div.querySelector("input").value = saved.value;
    } else {
      if (!Array.isArray(saved.picked) || !saved.picked.length) { return; }
      div.querySelectorAll("input").forEach(function (box, i) {
        box.checked = saved.picked.indexOf(q.options[i].key) !== -1;
      });
    }
    check(div, false);
  }
  function clearAll() {
    store.clear(data.chapter);
    ok = {};
    root.querySelectorAll(".aatd-quiz-q").forEach(function (div) {
      div.querySelectorAll("input").forEach(function (box) {
        if (box.type === "text") { box.value = ""; } else { box.checked = false; }
      });
      var box = div.querySelector(".aatd-quiz-feedback");
      box.textContent = "";
      box.className = "aatd-quiz-feedback";
    });
    updateScore();
  }

  root.querySelectorAll(".aatd-quiz-q").forEach(function (div) {
    div.querySelector(".aatd-quiz-check").addEventListener("click", function () { check(div, true); });
    var t = div.querySelector("input[type=text]");
    if (t) {
      t.addEventListener("keydown", function (e) {
        if (e.key === "Enter") { e.preventDefault(); check(div, true); }
      });
    }
    restore(div);
  });
  var clear = root.querySelector(".aatd-quiz-clear");
  if (store.available) {
    clear.hidden = false;
    clear.addEventListener("click", clearAll);
  } else {
    root.querySelector(".aatd-quiz-storage").textContent =
      "This browser does not keep answers here: they are gone when you leave the page.";
  }
})();
