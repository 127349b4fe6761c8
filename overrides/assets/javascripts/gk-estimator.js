/* gongkai compensation estimator (补偿估算). Exact integer arithmetic in 分 with BigInt: the same
   steps as generator/estimate (arithmetic.py, breakdown.py); no binary floats touch money.
   Reads the calculator the generator wrote into data-estimator; renders an itemised table. */
(function () {
  "use strict";

  var NUMBER = /^([0-9]+)(?:\.([0-9]+))?$/;
  var MAX_INTEGER_DIGITS = 9;

  // What a phone keyboard types around a number (issue 11): full-width digits from a Chinese IME, spaces,
  // a unit after it (120平方米, 120 ㎡, 3个月), a full stop at the end. All understood; only the number counts.
  var UNITS = /(平方米|平米|平方|㎡|m²|m2|亩|个月|月|次|户|株|棵|根|眼|座|个|处|米|元)$/i;
  function tidy(text) {
    var t = text.replace(/[\uff10-\uff19\uff0e]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); });
    t = t.replace(/[\s\u3000]+/g, "").replace(/[。．.]+$/, "");
    return t.replace(UNITS, "");
  }
  function parseQuantity(text, places) {
    var m = NUMBER.exec(tidy(text));
    if (!m) {
      if (/[,，]/.test(text)) { throw new Error("数字中间不要加逗号，直接写 1200 这样就行"); }
      throw new Error("这里只写数字，例如 120；看不懂的可以先空着");
    }
    var whole = m[1], frac = m[2] || "";
    if (whole.replace(/^0+/, "").length > MAX_INTEGER_DIGITS) { throw new Error("这个数字太大了，请再核对一下"); }
    if (frac.replace(/0+$/, "").length > places) {
      throw new Error(places ? "小数点后最多写 " + places + " 位，例如 120.5" : "这里写整数，例如 3");
    }
    frac = (frac + "0".repeat(places)).slice(0, places);
    return { units: BigInt(whole + frac), places: places };
  }

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

  /* The situation as the generator's Situation: {lines: {id: {factor: text}}, shared: {factor: text}}. */
  function readSituation(form, data) {
    var situation = { lines: {}, shared: {} };
    var zone = form.elements.zone ? form.elements.zone.value : "";
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "zone") { return; }
      var parts = el.name.split(":");
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
      return { measure: m, q: raw === undefined ? { units: 0n, places: m.places } : parseQuantity(raw, m.places) };
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
        try { parseQuantity(el.value, Number(el.getAttribute("data-places"))); } catch (e) { message = e.message; }
      }
      var box = document.getElementById(el.getAttribute("aria-describedby"));
      if (box) { box.textContent = message; }
      if (message) { el.setAttribute("aria-invalid", "true"); ok = false; } else { el.removeAttribute("aria-invalid"); }
    });
    var zoneFilled = Array.prototype.some.call(form.querySelectorAll("input[name^='zone:']"),
      function (el) { return el.value.trim() !== ""; });
    if (zoneFilled && form.elements.zone && !form.elements.zone.value) {
      form.elements.zone.setAttribute("aria-invalid", "true");
      return false;
    }
    if (form.elements.zone) { form.elements.zone.removeAttribute("aria-invalid"); }
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

  function cell(tr, td, label) {
    td.setAttribute("data-label", label);
    return tr.appendChild(td);
  }

  function table(result) {
    var t = el("table", undefined, "gk-figures gk-breakdown gk-estimate");
    t.appendChild(el("caption", "估算明细（仅供理解）"));
    var head = el("tr");
    ["项目", "单价", "数量", "金额（元）", "依据"].forEach(function (h) {
      var th = el("th", h); th.scope = "col"; head.appendChild(th);
    });
    t.appendChild(el("thead")).appendChild(head);
    var body = t.appendChild(el("tbody"));
    result.items.forEach(function (it) {
      var tr = body.appendChild(el("tr"));
      tr.setAttribute("data-line", it.id);
      tr.setAttribute("data-kind", it.kind);
      var th = tr.appendChild(el("th", it.name)); th.scope = "row";
      if (it.note) { th.appendChild(el("br")); th.appendChild(el("span", it.note, "gk-est-note")); }
      cell(tr, el("td", it.rate, "gk-est-rate"), "单价");
      cell(tr, el("td", it.quantity, "gk-est-qty"), "数量");
      cell(tr, el("td", formatFen(it.amount), "gk-amount gk-est-amount"), "金额（元）");
      cell(tr, sourceCell(it.source), "依据");
    });
    var foot = t.appendChild(el("tfoot")).appendChild(el("tr"));
    var label = foot.appendChild(el("th", "合计（估算）")); label.scope = "row"; label.colSpan = 3;
    cell(foot, el("td", formatFen(result.total), "gk-amount"), "金额（元）").setAttribute("data-total", "");
    foot.appendChild(el("td"));
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

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".gk-estimator[data-estimator]"), init);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
