/* gongkai plain-language explainers: glossary terms (a.gk-term[data-gloss]) and citations
   (a.gk-cite[data-quote]) open their text on tap, click or keyboard — not only on hover.
   Each link becomes a disclosure button (aria-expanded, aria-controls) followed by its panel; the
   panel keeps the original link (to the glossary entry or the article). Escape or 关闭 closes it.
   Without JavaScript the links simply lead to the glossary entry or the article. No library. */
(function () {
  "use strict";

  var counter = 0;
  var open = null;

  function make(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function close(returnFocus) {
    if (!open) { return; }
    var current = open;
    open = null;
    current.button.setAttribute("aria-expanded", "false");
    current.panel.hidden = true;
    if (returnFocus) { current.button.focus(); }
  }

  function toggle(entry) {
    var wasOpen = open === entry;
    close(false);
    if (wasOpen) { return; }
    entry.button.setAttribute("aria-expanded", "true");
    entry.panel.hidden = false;
    open = entry;
  }

  function panelFor(link, kind) {
    var panel = make("span", "gk-pop gk-pop--" + kind);
    panel.id = "gk-pop-" + (++counter);
    panel.hidden = true;
    panel.setAttribute("role", "note");
    var title, text, more;
    if (kind === "term") {
      var term = link.getAttribute("data-term") || link.textContent;
      title = term === link.textContent ? term : link.textContent + "（" + term + "）";
      text = link.getAttribute("data-gloss");
      more = "在术语表中查看";
    } else {
      title = link.textContent;
      text = link.getAttribute("data-quote");
      more = "打开原文";
    }
    panel.setAttribute("aria-label", title);
    panel.appendChild(make("strong", "gk-pop__title", title));
    text.split(/\n+/).forEach(function (para) {
      if (para.trim()) { panel.appendChild(make("span", "gk-pop__text", para.trim())); }
    });
    var actions = panel.appendChild(make("span", "gk-pop__actions"));
    var a = actions.appendChild(make("a", "gk-pop__more", more + " →"));
    a.href = link.getAttribute("href");
    var shut = actions.appendChild(make("button", "gk-pop__close", "关闭"));
    shut.type = "button";
    return { panel: panel, shut: shut };
  }

  function upgrade(link, kind) {
    var wrap = make("span", "gk-pop-wrap");
    var button = make("button", link.className + " gk-pop__toggle", link.textContent);
    button.type = "button";
    var built = panelFor(link, kind);
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", built.panel.id);
    button.setAttribute("data-href", link.getAttribute("href"));
    wrap.appendChild(button);
    // A button cannot break, so a 、 or ， after it could wrap onto a line of its own: it goes inside the
    // button (not underlined, not read out), which then moves to the next line as one piece.
    var after = link.nextSibling;
    if (after && after.nodeType === 3 && /^[、，。；：）]/.test(after.data)) {
      button.textContent = "";
      button.classList.add("gk-pop__toggle--sep");
      button.appendChild(make("span", "gk-pop-label", link.textContent));
      button.appendChild(make("span", "gk-pop-sep", after.data.charAt(0))).setAttribute("aria-hidden", "true");
      after.data = after.data.slice(1);
    }
    wrap.appendChild(built.panel);
    link.parentNode.replaceChild(wrap, link);
    var entry = { button: button, panel: built.panel };
    button.addEventListener("click", function (e) { e.stopPropagation(); toggle(entry); });
    built.shut.addEventListener("click", function (e) { e.stopPropagation(); close(true); });
    built.panel.addEventListener("click", function (e) { e.stopPropagation(); });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("a.gk-term[data-gloss]"), function (a) { upgrade(a, "term"); });
    Array.prototype.forEach.call(document.querySelectorAll("a.gk-cite[data-quote]"), function (a) { upgrade(a, "cite"); });
    document.addEventListener("click", function () { close(false); });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" || e.key === "Esc") { close(true); }
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
