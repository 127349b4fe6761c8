/* gongkai compensation estimator (补偿估算). Exact integer arithmetic in 分 with BigInt: the same
   steps as generator/estimate (arithmetic.py, breakdown.py); no binary floats touch money.
   Reads the calculator the generator wrote into data-estimator; renders an itemised table. */
(function () {
  "use strict";

  // What a phone keyboard types around a number (issue 11): full-width digits from a Chinese IME, spaces,
  // a unit after it (120平方米, 120 ㎡, 3个月), a full stop at the end. The rule list and the messages are
  // generator/estimate/typed_input.py's RULES, written in here by the build; these steps apply them
  // exactly as typed_input.tidy / read_quantity do (tests/test_typed_input.py runs both on one table).
  var RULES = /*gk:typed-input*/{}/*gk:end*/;
  var NUMBER = /^([0-9]+)(?:\.([0-9]+))?$/;
  function among(chars, c) { return chars.indexOf(c) >= 0; }
  function split(text) {
    var t = Array.from(text).map(function (c) { return RULES.full_width[c] || c; }).join("");
    t = Array.from(t).filter(function (c) { return !among(RULES.spaces, c); }).join("");
    while (t && among(RULES.trailing, t.charAt(t.length - 1))) { t = t.slice(0, -1); }
    var low = t.toLowerCase();
    var unit = RULES.units.filter(function (u) { return low.endsWith(u.toLowerCase()); })[0] || "";
    if (unit) { t = t.slice(0, t.length - unit.length); }
    return [Array.from(t).map(function (c) { return among(RULES.decimal_marks, c) ? "." : c; }).join(""), unit];
  }
  function tidy(text) { return split(text)[0]; }
  function kindOf(factor) { return RULES.unit_kinds[factor] || factor; }
  function readQuantity(text, places, factor) {
    var parts = split(text), t = parts[0], unit = parts[1], msg = RULES.messages;
    var m = NUMBER.exec(t);
    if (!m) {
      if (Array.from(t).some(function (c) { return among(RULES.commas, c); })) { throw new Error(msg.comma); }
      if (t.charAt(0) === "-" && NUMBER.test(t.slice(1))) { throw new Error(msg.negative); }
      throw new Error(msg.not_number);
    }
    if (factor && unit && RULES.unit_kinds[unit] !== kindOf(factor)) {
      throw new Error(msg.unit.split("{want}").join(factor).split("{typed}").join(unit));
    }
    var whole = m[1], frac = m[2] || "";
    if (whole.replace(/^0+/, "").length > RULES.max_integer_digits) { throw new Error(msg.too_big); }
    if (frac.replace(/0+$/, "").length > places) {
      throw new Error(places ? msg.places.replace("{places}", String(places)) : msg.integer);
    }
    return { units: BigInt(whole + (frac + "0".repeat(places)).slice(0, places)), places: places };
  }
  window.gkTypedInput = { tidy: tidy, readQuantity: readQuantity };

  function quantityText(q) {
    if (q.places === 0) { return q.units.toString(); }
    var scale = 10n ** BigInt(q.places);
    var frac = (q.units % scale).toString().padStart(q.places, "0").replace(/0+$/, "");
    var whole = (q.units / scale).toString();
    return frac ? whole + "." + frac : whole;
  }

  function lineFen(rateFen, quantities) {
    var product = rateFen, scale = 1n;
    quantities.forEach(function (q) { product *= q.units; scale *= 10n ** BigInt(q.places); });
    return (2n * product + scale) / (2n * scale);
  }

  function formatFen(fen) {
    var yuan = (fen / 100n).toString(), cents = (fen % 100n).toString().padStart(2, "0");
    return yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + "." + cents;
  }

  /* The situation as the generator's Situation: {lines: {id: {factor: text}}, shared: {factor: text}}.
     On the household page every field name starts with its standard's prefix ("id|"). */
  function readSituation(form, data, prefix) {
    prefix = prefix || "";
    var situation = { lines: {}, shared: {} };
    var zoneEl = form.elements[prefix + "zone"];
    var zone = zoneEl ? zoneEl.value : "";
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name.indexOf(prefix) !== 0 || el.name === prefix + "zone") { return; }
      var parts = el.name.slice(prefix.length).split(":");
      if (prefix === "" && parts[0].indexOf("|") >= 0) { return; }
      var value = el.type === "checkbox" ? (el.checked ? "1" : "") : el.value.trim();
      if (value === "") { return; }
      if (parts[0] === "shared") { situation.shared[parts[1]] = value; }
      if (parts[0] === "zone" && zone) { (situation.lines[zone] = situation.lines[zone] || {})[parts[1]] = value; }
      if (parts[0] === "line") { (situation.lines[parts[1]] = situation.lines[parts[1]] || {})[parts[2]] = value; }
    });
    return situation;
  }

  function quantities(line, situation) {
    var own = situation.lines[line.id] || {};
    return line.measures.map(function (m) {
      if (m.flag && line.minimum_for) { return { measure: m, q: { units: 1n, places: 0 } }; }
      var raw = m.shared ? situation.shared[m.factor] : own[m.factor];
      return { measure: m, q: raw === undefined ? { units: 0n, places: m.places } : readQuantity(raw, m.places, m.factor) };
    });
  }

  function item(line, kind, qs, amount, note) {
    return {
      id: line.id, name: line.name, kind: kind, rate: line.rate + " " + line.unit,
      quantity: qs.map(function (x) { return quantityText(x.q) + " " + x.measure.factor; }).join(" × "),
      amount: amount, note: note || "", source: line.source
    };
  }

  function estimate(data, situation) {
    var counted = {}, incomplete = [], items = [];
    data.lines.forEach(function (line) {
      if (line.minimum_for) { return; }
      var qs = quantities(line, situation);
      var zero = qs.map(function (x) { return x.q.units === 0n; });
      if (zero.every(function (z) { return !z; })) {
        counted[line.id] = item(line, "rate", qs, lineFen(BigInt(line.rate_fen), qs.map(function (x) { return x.q; })));
      } else if (qs.some(function (x, i) { return !x.measure.shared && !zero[i]; })) {
        incomplete.push(line.id);
      }
    });
    data.lines.forEach(function (line) {
      if (line.minimum_for && counted[line.minimum_for]) {
        var up = topUp(line, counted[line.minimum_for], situation);
        if (up.amount) { items.push(up); } // a 0.00 floor row read as "you get nothing": left out, as in Python
      } else if (counted[line.id]) {
        items.push(counted[line.id]);
      }
    });
    var total = items.reduce(function (sum, it) { return sum + it.amount; }, 0n);
    return { items: items, total: total, incomplete: incomplete };
  }

  function topUp(floor, target, situation) {
    var qs = quantities(floor, situation);
    var floorFen = lineFen(BigInt(floor.rate_fen), qs.map(function (x) { return x.q; }));
    var diff = floorFen > target.amount ? floorFen - target.amount : 0n;
    var note = "按最低标准计 " + formatFen(floorFen) + " 元，按“" + target.name + "”计 " + formatFen(target.amount) +
      " 元，" + (diff ? "补足差额 " + formatFen(diff) + " 元" : "已达到最低标准，无需补足");
    return item(floor, "top_up", qs, diff, note);
  }

  /* Field validation: every filled-in field must be a valid number for its measure. */
  function validate(form) {
    var ok = true;
    Array.prototype.forEach.call(form.querySelectorAll("input[data-places]"), function (el) {
      var message = "";
      if (el.value.trim() !== "") {
        var factor = el.name.split(":").pop();
        try { readQuantity(el.value, Number(el.getAttribute("data-places")), factor); } catch (e) { message = e.message; }
      }
      var box = document.getElementById(el.getAttribute("aria-describedby"));
      if (box) { box.textContent = message; }
      if (message) { el.setAttribute("aria-invalid", "true"); ok = false; } else { el.removeAttribute("aria-invalid"); }
    });
    Array.prototype.forEach.call(form.querySelectorAll("select[name$='zone']"), function (sel) {
      var p = sel.name.slice(0, -4);
      var filled = Array.prototype.some.call(form.querySelectorAll("input[name^='" + p + "zone:']"),
        function (el) { return el.value.trim() !== ""; });
      var box = document.getElementById(sel.id + "-error");
      if (filled && !sel.value) { sel.setAttribute("aria-invalid", "true"); ok = false; } else { sel.removeAttribute("aria-invalid"); }
      if (box) { box.textContent = filled && !sel.value ? "填了土地面积，请在这里选您家所在的区片" : ""; }
    });
    return ok;
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function sourceCell(source) {
    var td = el("td"), a = el("a", source.label, "gk-cite");
    a.href = source.href;
    td.appendChild(a);
    return td;
  }

  /* The same conventions as the generator's tables (generator/emit/tables.py): each cell named by its
     column (data-label) and every part's ARIA role, so the table stacks into cards (gk-tables.css). */
  function role(node, name) {
    node.setAttribute("role", name);
    return node;
  }

  function cell(tr, td, label) {
    td.setAttribute("data-label", label);
    return tr.appendChild(role(td, "cell"));
  }

  function table(result) {
    var t = role(el("table", undefined, "gk-figures gk-breakdown gk-estimate"), "table");
    t.appendChild(el("caption", "估算明细（仅供理解）"));
    var head = role(el("tr"), "row");
    ["项目", "单价", "数量", "金额（元）", "依据"].forEach(function (h) {
      var th = role(el("th", h), "columnheader"); th.scope = "col"; head.appendChild(th);
    });
    t.appendChild(role(el("thead"), "rowgroup")).appendChild(head);
    var body = t.appendChild(role(el("tbody"), "rowgroup"));
    result.items.forEach(function (it) {
      var tr = role(body.appendChild(el("tr")), "row");
      tr.setAttribute("data-line", it.id);
      tr.setAttribute("data-kind", it.kind);
      var th = role(tr.appendChild(el("th", it.name)), "rowheader"); th.scope = "row";
      if (it.note) { th.appendChild(el("br")); th.appendChild(el("span", it.note, "gk-est-note")); }
      cell(tr, el("td", it.rate, "gk-est-rate"), "单价");
      cell(tr, el("td", it.quantity, "gk-est-qty"), "数量");
      cell(tr, el("td", formatFen(it.amount), "gk-amount gk-est-amount"), "金额（元）");
      cell(tr, sourceCell(it.source), "依据");
    });
    var foot = role(role(t.appendChild(el("tfoot")), "rowgroup").appendChild(el("tr")), "row");
    var label = role(foot.appendChild(el("th", "合计（估算）")), "rowheader"); label.scope = "row"; label.colSpan = 3;
    cell(foot, el("td", formatFen(result.total), "gk-amount"), "金额（元）").setAttribute("data-total", "");
    foot.appendChild(role(el("td"), "cell"));
    return t;
  }

  function render(box, data, form) {
    var out = box.querySelector(".gk-estimator__result");
    out.textContent = "";
    if (!validate(form)) {
      out.appendChild(el("p", form.elements.zone ? "请先改正标红的地方（区片要选一个，数量只写数字）。"
        : "请先改正标红的地方（数量只写数字）。", "gk-warning"));
      return;
    }
    var result = estimate(data, readSituation(form, data));
    if (result.incomplete.length) {
      var names = result.incomplete.map(function (id) {
        return data.lines.filter(function (l) { return l.id === id; })[0].name;
      });
      var p = out.appendChild(el("p", "以下项目还缺少数量（例如月数或搬迁次数）：" + names.join("、"), "gk-est-incomplete"));
      p.setAttribute("data-incomplete", result.incomplete.join(" "));
    }
    if (!result.items.length) {
      out.appendChild(el("p", "填写上面的数量后，这里会逐项显示估算明细。", "gk-estimator__empty"));
      return;
    }
    var wrap = out.appendChild(el("div", undefined, "gk-table"));
    wrap.appendChild(table(result));
  }

  function init(box) {
    var data = JSON.parse(box.getAttribute("data-estimator"));
    var form = box.querySelector("form");
    var update = function () { render(box, data, form); };
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    box.setAttribute("data-ready", "");
    update();
  }

  /* The household page: one fieldset per standard, a compensation mode, one total (estimate/household.py). */
  function forMode(data, mode) {
    var kept = data.lines.filter(function (l) { return !mode || !l.modes || !l.modes.length || l.modes.indexOf(mode) >= 0; });
    var ids = kept.map(function (l) { return l.id; });
    kept = kept.filter(function (l) { return !l.minimum_for || ids.indexOf(l.minimum_for) >= 0; });
    return { standard: data.standard, lines: kept };
  }

  function householdMode(form) {
    var checked = form.querySelector("input[name=mode]:checked");
    return checked ? checked.value : "";
  }

  function renderHousehold(box, form, sections) {
    var out = box.querySelector(".gk-estimator__result"), mode = householdMode(form), total = 0n, shown = 0;
    out.textContent = "";
    if (!validate(form)) {
      out.appendChild(el("p", "请先改正标红的地方（数量只写数字；填了土地面积的要选区片）。", "gk-warning"));
      return;
    }
    sections.forEach(function (sec) {
      var fs = document.getElementById("std-" + sec.data.standard);
      var data = forMode(sec.data, mode);
      Array.prototype.forEach.call(fs.querySelectorAll(".gk-est-item[data-modes]"), function (item) {
        item.hidden = !!mode && item.getAttribute("data-modes").indexOf(mode === "monetary" ? "货币补偿" : "产权调换") < 0;
      });
      var result = estimate(data, readSituation(form, data, sec.prefix));
      if (!result.items.length) { return; }
      shown += 1;
      total += result.total;
      var t = table(result);
      t.querySelector("caption").textContent = sec.title + "（估算）";
      t.setAttribute("data-standard", sec.data.standard);
      out.appendChild(el("div", undefined, "gk-table")).appendChild(t);
    });
    if (!shown) {
      out.appendChild(el("p", "填写上面的数量后，这里会逐项显示估算明细和合计。", "gk-estimator__empty"));
      return;
    }
    var modeLabel = mode ? form.querySelector("label[for='gk-mode-" + mode + "']").textContent : "";
    var p = out.appendChild(el("p", "全户合计（估算" + (modeLabel ? "，" + modeLabel : "") + "）：", "gk-household__total"));
    var strong = p.appendChild(el("strong", formatFen(total) + " 元", "gk-amount"));
    strong.setAttribute("data-household-total", total.toString());
  }

  function saveToUrl(form) {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) { return; }
      if ((el.type === "checkbox" || el.type === "radio") ? el.checked : el.value.trim() !== "") {
        params.append(el.name, el.type === "checkbox" ? "1" : el.value.trim());
      }
    });
    history.replaceState(null, "", location.pathname + location.search + (params.toString() ? "#" + params.toString() : ""));
  }

  function restoreFromUrl(form) {
    if (location.hash.length < 2) { return; }
    var params = new URLSearchParams(location.hash.slice(1));
    params.forEach(function (value, name) {
      var els = form.querySelectorAll("[name='" + name.replace(/'/g, "") + "']");
      Array.prototype.forEach.call(els, function (el) {
        if (el.type === "radio") { el.checked = el.value === value; } else if (el.type === "checkbox") { el.checked = value === "1"; } else { el.value = value; }
      });
    });
  }

  function initHousehold(box) {
    var form = box.querySelector("form");
    var sections = Array.prototype.map.call(box.querySelectorAll("fieldset[data-estimator]"), function (fs) {
      return { prefix: fs.getAttribute("data-prefix"), title: fs.getAttribute("data-title"),
               data: JSON.parse(fs.getAttribute("data-estimator")) };
    });
    restoreFromUrl(form);
    var update = function () { renderHousehold(box, form, sections); saveToUrl(form); };
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    var print = box.querySelector("[data-print]");
    if (print) { print.addEventListener("click", function () { window.print(); }); }
    box.setAttribute("data-ready", "");
    renderHousehold(box, form, sections);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".gk-estimator[data-estimator]"), init);
    Array.prototype.forEach.call(document.querySelectorAll(".gk-household"), initHousehold);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
