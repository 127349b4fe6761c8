/* gongkai site search (loaded only on the search page). No library, no network beyond this site.
 *
 * The index is built by generator/search/: search/data/meta.json (directory, synonyms, filters) and a
 * few data files read by byte ranges: the key records of a query's characters, then the heads and
 * text windows of the results shown.
 * Tokens: every character and every pair of adjacent characters (rules mirrored from tokens.py),
 * so a phrase of two or more characters matches a page that holds all its pairs.
 */
(function () {
  "use strict";
  var form = document.getElementById("gk-search-form");
  if (!form || !window.fetch) return;
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DENSE_WEIGHTS = [0, 8, 26, 50];
  var PAGE_SIZE = 5;
  var SYNONYM_FACTOR = 0.85;
  var PIECE_FACTOR = 0.5;
  var PAIR_FACTOR = 0.2;
  var PIECE_MAX = 4; // characters: most Chinese words are two to four
  var FEW = 3; // fewer phrase hits than this: also rank pages holding pieces of the phrase
  var SNIPPET = 90;
  var BEFORE = 96, AFTER = 192; // bytes of context fetched around a text window
  var NEAR = 512; // a window starting this close to the text's start comes in the head's range
  var CODE = {};
  for (var a = 0; a < ALPHABET.length; a++) CODE[ALPHABET.charAt(a)] = a;

  var dataUrl = new URL(form.getAttribute("data-index"), location.href).href;
  var root = form.getAttribute("data-root");
  var input = document.getElementById("gk-q");
  var status = document.getElementById("gk-search-status");
  var list = document.getElementById("gk-search-results");
  var more = document.getElementById("gk-search-more");
  var browse = document.getElementById("gk-search-browse");
  var cache = {};
  var meta = null;
  var current = null; // {ranked, shown, keys, token}
  var token = 0;
  form.className += " gk-search-form--ready";

  /* ---- tokens (mirror of generator/search/tokens.py) ---- */
  var NON_WORD = [[0x80, 0xbf], [0x2000, 0x2bff], [0x3000, 0x303f], [0xe000, 0xf8ff], [0xfe10, 0xfe6f], [0xff00, 0xffff]];
  function isWord(c) {
    var cp = c.codePointAt(0);
    if (cp < 0x80) return (c >= "0" && c <= "9") || (c >= "a" && c <= "z");
    for (var i = 0; i < NON_WORD.length; i++) if (cp >= NON_WORD[i][0] && cp <= NON_WORD[i][1]) return false;
    return true;
  }
  function normChar(ch) {
    var n = (ch.normalize ? ch.normalize("NFKC") : ch).toLowerCase();
    var out = "";
    for (var c of n) {
      if (/\s/.test(c)) continue;
      out += isWord(c) ? c : "\n";
    }
    return out;
  }
  function normalise(text) {
    var out = "";
    for (var ch of text) out += normChar(ch);
    return out;
  }
  // Question words carry no topic: "不同意补偿怎么办" searches 不同意补偿 (issue 11; the same steps as
  // generator/post/search/tokens.py query_terms, and its list). A piece the cut leaves with one character is
  // dropped too (住哪里 -> 住); a query that is nothing but question words is kept as it is.
  var QUESTION_WORDS = /*gk:question-words*/[]/*gk:end*/; // tokens.QUESTION_WORDS, written in by the build
  function withoutQuestionWords(run) { // and 2025年 -> 2025: pages write dates as 2025-03-01 as often
    var out = run.replace(/([0-9]+)年度?/g, "$1\n");
    QUESTION_WORDS.forEach(function (w) { out = out.split(w).join("\n"); });
    if (out === run) return [run];
    return out.split("\n").filter(function (p) { return Array.from(p).length >= 2; });
  }
  function queryTerms(q) {
    var terms = [], plain = [];
    q.split(/\s+/).forEach(function (piece) {
      normalise(piece).split("\n").forEach(function (run) {
        if (!run) return;
        plain.push(run);
        withoutQuestionWords(run).forEach(function (p) { terms.push(p); });
      });
    });
    if (!terms.length) terms = plain;
    return terms.filter(function (t, i) { return terms.indexOf(t) === i; }).slice(0, 8);
  }
  function bestBets(q, ok) { // editors' pinned pages for a phrase the query holds, longest phrase first
    var text = normalise(q).split("\n").join(""), docs = [];
    Object.keys(meta.bets || {}).sort(function (x, y) { return y.length - x.length || (x < y ? -1 : 1); })
      .forEach(function (phrase) {
        if (text.indexOf(phrase) < 0) return;
        meta.bets[phrase].forEach(function (d) { if (docs.indexOf(d) < 0 && (!ok || ok[d])) docs.push(d); });
      });
    return docs;
  }
  function withBets(q, ranked, filters) {
    var pinned = bestBets(q, allowed(filters)), byDoc = {};
    ranked.forEach(function (r) { byDoc[r.doc] = r; });
    return pinned.map(function (d) { return byDoc[d] || { doc: d, score: 0, matched: 0, part: 0, best: 0 }; })
      .concat(ranked.filter(function (r) { return pinned.indexOf(r.doc) < 0; }));
  }
  function keysOf(term) {
    var cs = Array.from(term);
    if (cs.length === 1) return cs;
    var keys = [];
    for (var i = 0; i + 1 < cs.length; i++) keys.push(cs[i] + cs[i + 1]);
    return keys;
  }
  function bucket(key) {
    var h = 0x811c9dc5;
    for (var ch of key) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0;
    return h >>> 16;
  }

  /* ---- index files (layout: generator/search/index.py) ---- */
  var whole = {}; // data file URL -> Promise of all its bytes, once a server ignored a range request
  var utf8 = new TextDecoder("utf-8");
  function getJSON(url, options) {
    if (!cache[url]) {
      cache[url] = fetch(url, options || {}).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + url);
        return r.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }
  function getBytes(url, start, end) { // bytes [start, end) of a data file, with one range request
    if (end <= start) return Promise.resolve(new Uint8Array(0));
    if (whole[url]) return whole[url].then(function (b) { return b.subarray(start, end); });
    var id = url + "#" + start + "-" + end;
    if (!cache[id]) {
      // no-store: Chromium's HTTP cache lets one request per URL run at a time, which would fetch the
      // pieces of one file one after the other; pieces stay in `cache` for this page's later queries.
      cache[id] = fetch(url, { headers: { Range: "bytes=" + start + "-" + (end - 1) }, cache: "no-store" }).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + url);
        var from = 0;
        var bytes = r.arrayBuffer().then(function (buf) { return new Uint8Array(buf); });
        if (r.status === 206) {
          var m = /bytes (\d+)-/.exec(r.headers.get("Content-Range") || "");
          from = m ? +m[1] : start;
        } else {
          whole[url] = bytes; // the server sent the whole file: later pieces come from it
        }
        return bytes.then(function (b) { return b.subarray(start - from, end - from); });
      });
      cache[id].catch(function () { delete cache[id]; delete whole[url]; });
    }
    return cache[id];
  }
  function varints(text) {
    var values = [], value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var n = CODE[text.charAt(i)];
      value += (n & 31) * Math.pow(2, shift);
      if (n & 32) { shift += 5; } else { values.push(value); value = 0; shift = 0; }
    }
    return values;
  }
  function placed(lengths, files, heads) { // files: [[name, item count]] -> per item {f: URL, at, n, h}
    var out = [], i = 0;
    files.forEach(function (file) {
      for (var j = 0, at = 0; j < file[1] && i < lengths.length; j++, i++) {
        var h = heads ? heads[i] : 0;
        out.push({ f: dataUrl + file[0], at: at, h: h, n: lengths[i] }); // head at `at`, text after it
        at += h + lengths[i];
      }
    });
    return out;
  }
  function loadMeta() {
    if (meta) return Promise.resolve(meta);
    return getJSON(dataUrl + "meta.json", { cache: "no-cache" }).then(function (m) {
      var at = 0;
      m.starts = varints(m.keys.dir).map(function (d) { return (at += d); });
      m.slots = placed(varints(m.keys.len), m.keys.files);
      m.docs = placed(varints(m.pages.len), m.pages.files, varints(m.pages.head));
      meta = m;
      return m;
    });
  }
  function slotOf(key) { // the last slot starting at or before the key's bucket
    var b = bucket(key), lo = 0, hi = meta.starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (meta.starts[mid] <= b) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  function loadSlot(n) { // -> {key: postings text}
    var id = "s:" + n;
    if (!cache[id]) {
      var s = meta.slots[n];
      cache[id] = getBytes(s.f, s.at, s.at + s.n).then(function (b) {
        var table = {};
        utf8.decode(b).split("\n").forEach(function (line) {
          var cut = line.indexOf(" ");
          if (cut > 0) table[line.slice(0, cut)] = line.slice(cut + 1);
        });
        return table;
      });
      cache[id].catch(function () { delete cache[id]; });
    }
    return cache[id];
  }
  function loadResult(r) { // -> {u, t, s, x: text around the result's window, before/after: text cut there}
    var d = meta.docs[r.doc], w = meta.pages.w, text = d.at + d.h;
    var from = Math.min(r.part * w, Math.max(0, d.n - w));
    var start = Math.max(0, from - BEFORE), end = Math.min(d.n, from + w + AFTER);
    var got = start <= NEAR // one range: the head and the text up to the window's end
      ? getBytes(d.f, d.at, text + end).then(function (b) { return [b.subarray(0, d.h), b.subarray(d.h + start)]; })
      : Promise.all([getBytes(d.f, d.at, text), getBytes(d.f, text + start, text + end)]);
    return got.then(function (parts) {
      var head = JSON.parse(utf8.decode(parts[0]));
      var x = utf8.decode(parts[1]).replace(/^\ufffd+|\ufffd+$/g, ""); // characters cut at the edges
      return { u: head[0], t: head[1], s: head[2], x: x, before: start > 0, after: end < d.n };
    });
  }
  function decode(text) { // -> {w: {doc: weight}, p: {doc: part}, n: df}
    var w = {}, p = {}, n = 0, i, c;
    if (!text) return null;
    if (text.charAt(0) === "!") { // three pages a character, two bits of level each, part unknown
      for (i = 1; i < text.length; i++) {
        c = CODE[text.charAt(i)];
        for (var k = 0; k < 3; k++) {
          var lv = (c >> (2 * k)) & 3;
          if (lv) { w[3 * (i - 1) + k] = DENSE_WEIGHTS[lv]; p[3 * (i - 1) + k] = 0; n++; }
        }
      }
      return { w: w, p: p, n: n };
    }
    if (text.charAt(0) === "~") {
      for (i = 1; i < text.length; i++) {
        c = CODE[text.charAt(i)];
        if (c >> 4) { w[i - 1] = DENSE_WEIGHTS[c >> 4]; p[i - 1] = c & 15; n++; }
      }
      return { w: w, p: p, n: n };
    }
    var doc = -1;
    i = 0;
    function read() {
      var value = 0, shift = 0, k;
      do { k = CODE[text.charAt(i++)]; value += (k & 31) * Math.pow(2, shift); shift += 5; } while (k & 32);
      return value;
    }
    while (i < text.length) {
      doc += read() + 1;
      w[doc] = CODE[text.charAt(i++)];
      p[doc] = read();
      n++;
    }
    return { w: w, p: p, n: n };
  }
  function loadKeys(keys) {
    return Promise.all(keys.map(function (k) {
      return loadSlot(slotOf(k)).then(function (slot) {
        var key = "d:" + k;
        if (!(key in cache)) cache[key] = decode(slot[k]);
        return cache[key];
      });
    })).then(function (decoded) {
      var table = {};
      keys.forEach(function (k, i) { table[k] = decoded[i]; });
      return table;
    });
  }

  /* ---- ranking ---- */
  // A term as typed (factor 1), then with synonyms (meta.syn: glossary aliases, everyday words and keyboard
  // slips, one table built by generator/post/search/synonyms.py): first every alias replaced at once, longest
  // first (房子赔偿 -> 房屋补偿), then each alias alone with each of its terms. An alias inside a longer one
  // found in the term is left alone (赔 in 赔偿), and so is an alias already standing inside its own term
  // (坟 in 坟墓, 评估 in 房屋征收评估).
  function aliasesIn(term) {
    var found = [];
    Object.keys(meta.syn).sort(function (x, y) { return y.length - x.length || (x < y ? -1 : 1); })
      .forEach(function (alias) {
        if (term.indexOf(alias) >= 0 && !found.some(function (f) { return f.indexOf(alias) >= 0; })) found.push(alias);
      });
    return found;
  }
  function replaced(term, aliases, pick) { // pick(alias) -> the term written for it
    var out = "", i = 0;
    while (i < term.length) {
      var alias = aliases.filter(function (x) { return term.startsWith(x, i); })[0], target = alias && pick(alias);
      var off = alias ? target.indexOf(alias) : -1;
      if (alias && !(off >= 0 && i >= off && term.startsWith(target, i - off))) {
        out += target;
        i += alias.length;
      } else {
        out += term.charAt(i++);
      }
    }
    return out;
  }
  function variants(term) {
    var out = [{ text: term, factor: 1 }], found = aliasesIn(term);
    function add(text) {
      if (out.length < 6 && !out.some(function (v) { return v.text === text; })) out.push({ text: text, factor: SYNONYM_FACTOR });
    }
    add(replaced(term, found, function (alias) { return meta.syn[alias][0]; }));
    found.forEach(function (alias) {
      meta.syn[alias].forEach(function (target) { add(replaced(term, [alias], function () { return target; })); });
    });
    return out;
  }
  function matchVariant(v, table, into) {
    var lists = keysOf(v.text).map(function (k) { return table[k]; });
    if (lists.some(function (l) { return !l; })) return;
    lists.sort(function (x, y) { return x.n - y.n; });
    Object.keys(lists[0].w).forEach(function (d) {
      var w = 64;
      for (var i = 0; i < lists.length; i++) {
        var x = lists[i].w[d];
        if (x === undefined) return;
        if (x < w) w = x;
      }
      var s = w * v.factor;
      if (!into[d] || into[d].s < s) into[d] = { s: s, part: lists[0].p[d] };
    });
  }
  function termHits(term, table) { // doc -> {s: idf-weighted score, part}
    var hits = {};
    variants(term).forEach(function (v) { matchVariant(v, table, hits); });
    var out = {}, idf = idfOf(Object.keys(hits).length);
    Object.keys(hits).forEach(function (d) { out[d] = { s: idf * hits[d].s, part: hits[d].part }; });
    return out;
  }
  function idfOf(df) { return Math.log(1 + (meta.n - df + 0.5) / (df + 0.5)); }
  function inside(p, f) { // piece p lies inside the piece f found before, and adds no page worth it
    return f.start <= p.start && p.end <= f.end &&
      (p.end - p.start < 3 || Object.keys(p.hits).every(function (d) { return d in f.hits; }));
  }
  function pieces(term, table) { // few pages hold the whole phrase: the longest piece some page holds, from each start
    // (overlapping pieces are kept unless one lies inside another, so 房子评估 keeps 评估 as well as 房子评; a piece
    // of three or more characters inside another is kept when other pages hold it: 租房过渡费 keeps 过渡费 although
    // a glossary entry holds 房过渡费)
    var cs = Array.from(term), found = [];
    for (var i = 0; i + 1 < cs.length; i++) {
      var best = null;
      for (var j = i + 2; j <= cs.length && j - i < cs.length && j - i <= PIECE_MAX; j++) {
        var hits = termHits(cs.slice(i, j).join(""), table);
        if (!Object.keys(hits).length) break;
        best = { hits: hits, start: i, end: j };
      }
      if (best && !found.some(function (f) { return inside(best, f); })) {
        found.push(best);
      }
    }
    var out = found.map(function (f) { return [f.hits, PIECE_FACTOR]; }); // and, weaker, every pair of characters
    for (i = 0; i + 1 < cs.length; i++) {
      var pair = cs[i] + cs[i + 1];
      if (!found.some(function (f) { return f.start === i && f.end === i + 2; })) out.push([termHits(pair, table), PAIR_FACTOR]);
    }
    var merged = {};
    out.forEach(function (hf) {
      var hits = hf[0];
      Object.keys(hits).forEach(function (d) {
        var m = merged[d] || (merged[d] = { s: 0, part: hits[d].part, top: 0 });
        m.s += hf[1] * hits[d].s;
        if (hits[d].s > m.top) { m.top = hits[d].s; m.part = hits[d].part; }
      });
    });
    return merged;
  }
  function allowed(filters) {
    var ok = null;
    if (filters.type) {
      ok = {};
      meta.types.forEach(function (t) {
        if (t[0] === filters.type) for (var d = t[1]; d < t[2]; d++) ok[d] = true;
      });
    }
    if (filters.area) {
      var inArea = {}, d = -1;
      meta.areas.forEach(function (a) {
        if (a[0] === filters.area) varints(a[1]).forEach(function (g) { d += g + 1; inArea[d] = true; });
      });
      if (ok) Object.keys(ok).forEach(function (k) { if (!inArea[k]) delete ok[k]; });
      else ok = inArea;
    }
    return ok;
  }
  function rank(terms, table, filters) {
    var total = {}, ok = allowed(filters);
    terms.forEach(function (term) {
      var hits = termHits(term, table);
      if (Object.keys(hits).length < FEW && Array.from(term).length >= 3) {
        var extra = pieces(term, table);
        Object.keys(extra).forEach(function (d) { if (!hits[d]) hits[d] = extra[d]; });
      }
      Object.keys(hits).forEach(function (d) {
        var t = total[d] || (total[d] = { doc: +d, score: 0, matched: 0, part: hits[d].part, best: 0 });
        t.score += hits[d].s;
        t.matched++;
        if (hits[d].s > t.best) { t.best = hits[d].s; t.part = hits[d].part; }
      });
    });
    return Object.keys(total).map(function (d) { return total[d]; })
      .filter(function (r) { return !ok || ok[r.doc]; })
      .sort(function (x, y) { return y.matched - x.matched || y.score - x.score || x.doc - y.doc; });
  }

  /* ---- snippets ---- */
  function marks(text, keys) { // [original chars, marked flags]
    var chars = Array.from(text), seq = [], flags = chars.map(function () { return false; });
    chars.forEach(function (ch, i) {
      for (var c of normChar(ch)) seq.push(c === "\n" ? null : { c: c, i: i });
    });
    for (var j = 0; j < seq.length; j++) {
      if (!seq[j]) continue;
      if (keys[seq[j].c]) flags[seq[j].i] = true;
      if (seq[j + 1] && keys[seq[j].c + seq[j + 1].c]) flags[seq[j].i] = flags[seq[j + 1].i] = true;
    }
    return [chars, flags];
  }
  function snippet(part, keys) {
    var m = marks(part.x, keys), chars = m[0], flags = m[1];
    var best = 0, bestLen = 0, run = 0;
    for (var i = 0; i < chars.length; i++) {
      run = flags[i] ? run + 1 : 0;
      if (run > bestLen) { bestLen = run; best = i - run + 1; }
    }
    var start = Math.max(0, best - 30), end = Math.min(chars.length, start + SNIPPET);
    var p = document.createElement("p");
    p.className = "gk-search-snippet";
    if (start > 0 || part.before) p.appendChild(document.createTextNode("…"));
    for (i = start; i < end;) {
      var j = i;
      while (j < end && flags[j] === flags[i]) j++;
      var piece = chars.slice(i, j).join("").replace(/\s+/g, " ");
      if (flags[i]) {
        var mark = document.createElement("mark");
        mark.textContent = piece;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(piece));
      }
      i = j;
    }
    if (end < chars.length || part.after) p.appendChild(document.createTextNode("…"));
    return p;
  }
  function item(part, keys) {
    var li = document.createElement("li");
    li.className = "gk-search-result";
    var a = document.createElement("a");
    a.href = root + part.u;
    a.textContent = part.t;
    var h = document.createElement("h2");
    h.className = "gk-search-result__title";
    h.appendChild(a);
    var s = document.createElement("span");
    s.className = "gk-search-result__section";
    s.textContent = part.s;
    li.appendChild(h);
    li.appendChild(s);
    li.appendChild(snippet(part, keys));
    return li;
  }

  /* ---- page ---- */
  function say(text) { status.textContent = text; }
  function showMore() {
    var c = current, from = c.shown, slice = c.ranked.slice(from, from + PAGE_SIZE);
    c.shown += slice.length;
    return Promise.all(slice.map(loadResult)).then(function (parts) {
      if (c.token !== token) return;
      parts.forEach(function (part) { list.appendChild(item(part, c.keys)); });
      more.hidden = c.shown >= c.ranked.length;
    });
  }
  function run(q, filters) {
    var my = ++token, started = Date.now();
    var terms = queryTerms(q);
    list.textContent = "";
    more.hidden = true;
    document.documentElement.setAttribute("data-gk-search", "busy");
    if (!terms.length) {
      say("");
      browse.hidden = false;
      document.documentElement.setAttribute("data-gk-search", "done");
      return Promise.resolve();
    }
    say("正在搜索……");
    return loadMeta().then(function () {
      var keys = {}, all = [];
      terms.forEach(function (t) {
        variants(t).forEach(function (v) { keysOf(v.text).forEach(function (k) { keys[k] = true; }); });
      });
      all = Object.keys(keys);
      return loadKeys(all).then(function (table) {
        if (my !== token) return null;
        current = { ranked: withBets(q, rank(terms, table, filters), filters), shown: 0, keys: keys, token: my };
        var n = current.ranked.length;
        browse.hidden = n > 0;
        say(n ? "找到 " + n + " 个相关页面" + (filters.type || filters.area ? "（已按条件筛选）" : "") + "。"
          : "没有找到与“" + q + "”相关的页面。请换个说法，或从下面的栏目查找。");
        return n ? showMore() : null;
      });
    }).then(function () {
      if (my !== token) return;
      document.documentElement.setAttribute("data-gk-search", "done");
      window.gkSearchMs = Date.now() - started;
    }).catch(function () {
      if (my !== token) return;
      say("搜索数据加载失败，请检查网络后重试，或从下面的栏目查找。");
      browse.hidden = false;
      document.documentElement.setAttribute("data-gk-search", "error");
    });
  }
  // The area filter is nested: a town, then (when it has any) one of its villages. The index knows a
  // village by its label "镇 · 村", so the filter value is the village's label when one is chosen.
  var village = form.elements.village, villageBox = village && village.parentNode;
  var villages = village ? Array.prototype.slice.call(village.options, 1) : [];
  function showVillages(town, chosen) {
    if (!village) return;
    while (village.options.length > 1) village.remove(1);
    villages.forEach(function (o) { if (o.getAttribute("data-town") === town) village.add(o); });
    village.value = chosen || "";
    villageBox.hidden = village.options.length < 2;
  }
  function setArea(value) {
    var owner = villages.filter(function (o) { return o.value === value; })[0];
    var town = owner ? owner.getAttribute("data-town") : value, select = form.elements.area;
    select.value = "";
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === town) select.value = town;
    showVillages(select.value, owner && select.value ? value : "");
  }
  function filtersOf() {
    var chosen = village && !villageBox.hidden ? village.value : "";
    return { type: form.elements.type.value, area: chosen || form.elements.area.value };
  }
  function submit(event) {
    if (event) event.preventDefault();
    var q = input.value.trim(), f = filtersOf();
    var params = new URLSearchParams();
    if (q) params.set("q", q);
    if (f.type) params.set("type", f.type);
    if (f.area) params.set("area", f.area);
    var search = params.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
    return run(q, f);
  }
  form.addEventListener("submit", submit);
  form.elements.type.addEventListener("change", function () { if (input.value.trim()) submit(); });
  form.elements.area.addEventListener("change", function () {
    showVillages(form.elements.area.value, "");
    if (input.value.trim()) submit();
  });
  if (village) village.addEventListener("change", function () { if (input.value.trim()) submit(); });
  more.addEventListener("click", function () { if (current) showMore(); });
  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  (function (value, select) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) select.value = value;
  })(params.get("type") || "", form.elements.type);
  setArea(params.get("area") || "");
  window.gkSearchTokens = { normalise: normalise, queryTerms: queryTerms, keysOf: keysOf, bucket: bucket };
  window.gkSearch = function (q, filters) {
    input.value = q;
    if (filters) { form.elements.type.value = filters.type || ""; setArea(filters.area || ""); }
    return submit();
  };
  if (input.value.trim()) submit(); else document.documentElement.setAttribute("data-gk-search", "ready");
})();
