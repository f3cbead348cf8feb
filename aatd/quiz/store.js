// The reader's answers, kept in this browser only (localStorage): quiz answers under
// aatd/v1/<bank>/question/<id> and predictions under aatd/v1/<bank>/prediction/<id>.
// Nothing leaves the browser. Where storage is blocked (private mode, a strict setting) every
// call quietly does nothing and the page works as before.
window.aatdStore = window.aatdStore || (function () {
  "use strict";
  var PREFIX = "aatd/v1/";
  var ls = null;
  try {
    ls = window.localStorage;
    ls.setItem(PREFIX + "probe", "1");
    ls.removeItem(PREFIX + "probe");
  } catch {
    ls = null;
  }
  function key(bank, kind, id) { return PREFIX + bank + "/" + kind + "/" + id; }
  return {
    available: ls !== null,
    get: function (bank, kind, id) {
      if (!ls) { return null; }
      try {
        var text = ls.getItem(key(bank, kind, id));
        return text === null ? null : JSON.parse(text);
      } catch {
        return null;
      }
    },
    set: function (bank, kind, id, value) {
      if (!ls) { return; }
      try { ls.setItem(key(bank, kind, id), JSON.stringify(value)); } catch { /* full or blocked */ }
    },
    clear: function (bank) {
      if (!ls) { return; }
      try {
        var doomed = [];
        for (var i = 0; i < ls.length; i++) {
          var k = ls.key(i);
          if (k && k.indexOf(PREFIX + bank + "/") === 0) { doomed.push(k); }
        }
        doomed.forEach(function (k) { ls.removeItem(k); });
      } catch { /* blocked */ }
    }
  };
})();
