/* gongkai reading modes (大字 large text, 高对比 high contrast), remembered in localStorage, plus keyboard
   access to the phone navigation drawer and the print button. Loaded in <head> without defer so the chosen
   mode applies before the first paint. No inline script, no third party. */
(function () {
  "use strict";
  var root = document.documentElement;
  var MODES = { large: "gk-large", contrast: "gk-contrast" };

  function stored(name) {
    try { return window.localStorage.getItem("gk-" + name) === "1"; } catch (e) { return false; }
  }
  function store(name, on) {
    try { window.localStorage.setItem("gk-" + name, on ? "1" : "0"); } catch (e) { /* private mode */ }
  }

  root.classList.add("gk-js");
  Object.keys(MODES).forEach(function (name) {
    if (stored(name)) { root.classList.add(MODES[name]); }
  });

  function setupPrefs() {
    var buttons = document.querySelectorAll("[data-gk-pref]");
    Array.prototype.forEach.call(buttons, function (button) {
      var name = button.getAttribute("data-gk-pref");
      button.setAttribute("aria-pressed", String(root.classList.contains(MODES[name])));
      button.addEventListener("click", function () {
        var on = root.classList.toggle(MODES[name]);
        button.setAttribute("aria-pressed", String(on));
        store(name, on);
      });
    });
  }

  function setupDrawer() {
    var toggle = document.getElementById("__drawer");
    var menu = document.querySelector(".gk-menu");
    if (!toggle || !menu) { return; }
    function sync() { menu.setAttribute("aria-expanded", String(toggle.checked)); }
    function open(on) {
      toggle.checked = on;
      sync();
      if (on) {
        var first = document.querySelector(".md-sidebar--primary .md-nav__list a");
        if (first) { first.focus(); }
      } else {
        menu.focus();
      }
    }
    sync();
    toggle.addEventListener("change", sync);
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        open(!toggle.checked);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) { open(false); }
    });
  }

  function setupPrint() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-gk-print]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupPrefs();
    setupDrawer();
    setupPrint();
  });
}());
