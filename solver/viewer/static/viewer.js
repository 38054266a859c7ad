// codesolve viewer: plain JavaScript, no build step, no library.
//
// Data comes by key (see solver/viewer/data.py): from the JSON script blocks with the id
// "d:KEY" embedded in a static page (parsed only when asked for), else from the loopback
// server at /api/KEY. Everything a run recorded (model output included) is shown
// through textContent, never parsed as HTML.
"use strict";

const STATIC = document.getElementById("d:runs") !== null;
const cache = new Map();

function load(key) {
  if (cache.has(key)) return cache.get(key);
  let promise;
  if (STATIC) {
    const el = document.getElementById("d:" + key);
    promise = el ? Promise.resolve(JSON.parse(el.textContent))
                 : Promise.reject(new Error("not in this page: " + key));
  } else {
    promise = fetch("api/" + key).then(r => r.ok ? r.json() : r.json().then(e => { throw new Error(e.error); }));
  }
  cache.set(key, promise);
  promise.catch(() => cache.delete(key));
  return promise;
}

// ------------------------------------------------------------------ DOM helpers
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const pct = x => (x === null || x === undefined) ? "-" : (100 * x).toFixed(1) + "%";
const num = (x, d = 0) => (x === null || x === undefined) ? "-" : Number(x).toFixed(d);
const money = x => (x === null || x === undefined) ? "-" : Number(x).toFixed(4);
const secs = x => (x === null || x === undefined) ? "-" : Number(x).toFixed(1) + " s";

function crumbs(...items) {
  const nav = document.getElementById("crumbs");
  nav.replaceChildren();
  items.forEach((it, i) => {
    if (i) nav.append(h("span", { class: "sep" }, "/"));
    nav.append(it.href ? h("a", { href: it.href }, it.text) : h("span", {}, it.text));
  });
}

function kvTable(obj) {
  const rows = Object.entries(obj || {}).map(([k, v]) =>
    h("tr", {}, h("td", {}, k), h("td", {}, typeof v === "object" ? JSON.stringify(v) : String(v))));
  return rows.length ? h("table", { class: "kv" }, rows) : h("p", { class: "muted" }, "none");
}

function mount(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false && c !== ""));
}

function badge(text, kind) { return h("span", { class: "badge " + (kind || "") }, text); }

// ------------------------------------------------------------------ syntax highlighting
const KEYWORDS = {
  python: "False None True and as assert async await break class continue def del elif else except finally for " +
          "from global if import in is lambda nonlocal not or pass raise return try while with yield match case",
  cpp: "alignas auto bool break case catch char class const constexpr continue default delete do double else enum " +
       "explicit extern false float for friend goto if inline int long mutable namespace new noexcept nullptr " +
       "operator private protected public return short signed sizeof static static_cast struct switch template " +
       "this throw true try typedef typename union unsigned using virtual void volatile while size_t string vector",
};
const TOKEN = {
  python: /("""[\s\S]*?"""|'''[\s\S]*?'''|[rbfu]*"(?:\\.|[^"\\\n])*"|[rbfu]*'(?:\\.|[^'\\\n])*')|(#[^\n]*)|(\b\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?j?\b)|([A-Za-z_]\w*)/g,
  cpp: /("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|(\b\d[\d']*(?:\.\d*)?(?:[eE][+-]?\d+)?[uUlLfF]*\b)|([A-Za-z_]\w*)|(^[ \t]*#[^\n]*)/gm,
};

function highlight(code, language) {
  const lang = language === "cpp" || language === "c" ? "cpp" : "python";
  const re = new RegExp(TOKEN[lang].source, TOKEN[lang].flags);
  const words = new Set(KEYWORDS[lang].split(" "));
  const out = h("code", {});
  let last = 0, m;
  while ((m = re.exec(code)) !== null) {
    if (m.index > last) out.append(code.slice(last, m.index));
    let cls = null;
    if (m[1] !== undefined) cls = "hl-str";
    else if (m[2] !== undefined) cls = "hl-com";
    else if (m[3] !== undefined) cls = "hl-num";
    else if (m[4] !== undefined) {
      if (words.has(m[4])) cls = "hl-kw";
      else if (code[re.lastIndex] === "(") cls = "hl-fn";
    } else if (m[5] !== undefined) cls = "hl-pre";
    out.append(cls ? h("span", { class: cls }, m[0]) : m[0]);
    last = re.lastIndex;
    if (m[0].length === 0) re.lastIndex++;
  }
  out.append(code.slice(last));
  return out;
}

// ------------------------------------------------------------------ chart (inline SVG)
const COLOURS = ["#2459a8", "#1f7a3d", "#b3261e", "#a35f00", "#6a3d9a"];

function chart(series, xs, opts) {
  const W = 560, H = 260, L = 44, R = 12, T = 10, B = 34;
  const NS = "http://www.w3.org/2000/svg";
  const s = (tag, attrs) => { const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); return e; };
  const log = opts.log && xs.length > 1;
  const lo = log ? Math.log2(Math.max(1, Math.min(...xs))) : Math.min(...xs);
  const hi = log ? Math.log2(Math.max(...xs)) : Math.max(...xs);
  const fx = x => L + (hi === lo ? 0.5 : ((log ? Math.log2(x) : x) - lo) / (hi - lo)) * (W - L - R);
  const fy = y => T + (1 - y) * (H - T - B);
  const svg = s("svg", { class: "chart", width: W, height: H, viewBox: `0 0 ${W} ${H}` });
  for (let g = 0; g <= 1.0001; g += 0.25) {
    svg.append(s("line", { x1: L, x2: W - R, y1: fy(g), y2: fy(g), class: "grid" }));
    const t = s("text", { x: L - 6, y: fy(g) + 4, "text-anchor": "end" }); t.textContent = (100 * g) + "%"; svg.append(t);
  }
  for (const x of xs) {
    const t = s("text", { x: fx(x), y: H - B + 16, "text-anchor": "middle" }); t.textContent = x; svg.append(t);
  }
  const xl = s("text", { x: (L + W - R) / 2, y: H - 4, "text-anchor": "middle" }); xl.textContent = opts.xlabel;
  svg.append(xl);
  series.forEach((se, i) => {
    const c = COLOURS[i % COLOURS.length];
    const pts = se.xs.map((x, j) => `${fx(x)},${fy(se.ys[j])}`).join(" ");
    svg.append(s("polyline", { points: pts, fill: "none", stroke: c, "stroke-width": 2,
                              "stroke-dasharray": se.dashed ? "5 4" : "" }));
    se.xs.forEach((x, j) => svg.append(s("circle", { cx: fx(x), cy: fy(se.ys[j]), r: 3, fill: c })));
  });
  const legend = h("div", { class: "legend" },
    series.map((se, i) => h("span", {}, h("i", { style: `background:${COLOURS[i % COLOURS.length]}` }), se.name)));
  return h("div", {}, svg, legend);
}

// ------------------------------------------------------------------ pages
async function home() {
  const runs = await load("runs");
  if (runs.runs.length === 1) { location.replace("#/run/0"); return; }
  crumbs({ text: "runs" });
  const app = document.getElementById("app");
  mount(app, 
    h("h1", {}, `${runs.runs.length} runs`),
    h("p", {}, h("a", { href: "#/compare", id: "compare-link" }, "Compare these runs")),
    h("table", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, "run"), h("th", {}, "model"), h("th", {}, "tests model"),
                     h("th", { class: "num" }, "problems")),
      runs.runs.map(r => h("tr", {}, h("td", {}, r.index), h("td", {}, h("a", { href: `#/run/${r.index}` }, r.run_dir)),
                           h("td", {}, r.model || "-"), h("td", {}, r.tests_model || "-"),
                           h("td", { class: "num" }, r.problems)))));
}

function metricCard(name, key, value, interval) {
  return h("div", { class: "metric", dataset: { metric: key } },
    h("div", { class: "name" }, name),
    h("div", { class: "value", dataset: { value: value === null || value === undefined ? "" : String(value) } }, pct(value)),
    interval ? h("div", { class: "ci" }, `95% CI ${pct(interval[0])} – ${pct(interval[1])}`) : null);
}

const FILTERS = [
  ["all", "all"], ["solved", "solved"], ["unsolved", "unsolved"],
  ["missed", "covered but missed"], ["errors", "errors"],
];
const FILTER_TEST = {
  all: () => true,
  solved: r => r.solved === true,
  unsolved: r => r.status === "done" && r.solved !== true,
  missed: r => r.coverage === true && r.solved !== true,
  errors: r => r.status === "error",
};
const SORTS = {
  position: [(a, b) => a.i - b.i, "run order"],
  seconds: [(a, b) => b.seconds - a.seconds, "time"],
  cost: [(a, b) => b.cost - a.cost, "cost"],
  clusters: [(a, b) => b.clusters - a.clusters, "clusters"],
  samples: [(a, b) => b.samples - a.samples, "samples"],
};
const PAGE = 200;

function params() {
  const q = location.hash.indexOf("?");
  return new URLSearchParams(q < 0 ? "" : location.hash.slice(q + 1));
}

async function runPage(r) {
  const [runs, run, list] = await Promise.all([load("runs"), load(`run/${r}`), load(`run/${r}/problems`)]);
  crumbs(...(runs.runs.length > 1 ? [{ text: "runs", href: "#/" }] : []), { text: run.run_dir });
  const rep = run.report, k = rep.submissions, iv = rep.intervals || {};
  const cfg = run.config;
  const app = document.getElementById("app");
  const errors = Object.entries(rep.errors || {});
  const byId = new Map(list.rows.map(row => [row.id, row.i]));
  mount(app, 
    h("h1", {}, run.run_dir),
    h("p", {}, `Model ${cfg.model || "?"}`, cfg.tests_model ? `, tests model ${cfg.tests_model}` : ", no tests model",
      `; ${cfg.samples ?? "?"} samples per problem and language (${(cfg.languages || []).join(", ")}), ${k} submissions.`,
      " ", h("span", { class: "muted small" }, `Figures: ${run.report_source}.`)),
    h("div", { class: "cards", id: "solve-rate" },
      metricCard("1@k · first submission", "1_at_k", rep["1_at_k"], iv["1_at_k"]),
      metricCard(`${k}@k · solved`, `${k}_at_k`, rep[`${k}_at_k`], iv[`${k}_at_k`]),
      metricCard("coverage · any correct sample", "coverage", rep.coverage, iv.coverage),
      rep.pass_at_k && rep.pass_at_k["1"] !== undefined
        ? metricCard("pass@1 · random sample", "pass_at_1", rep.pass_at_k["1"], (iv.pass_at_k || {})["1"]) : null),
    h("p", { class: "muted small" }, `${rep.judged} of ${rep.problems} problems judged` +
      (rep.interval_method ? `; intervals: ${rep.interval_method}` : "") + "."),
    passAtK(rep),
    curveSection(rep),
    h("h2", {}, "Model usage and cost"), usageTable(rep.usage, "role"),
    rep.cost_per_solved !== null && rep.cost_per_solved !== undefined
      ? h("p", {}, `Cost per solved problem ${money(rep.cost_per_solved)}; tokens per solved problem ` +
                   `${num(rep.tokens_per_solved)}.`) : null,
    stageUsage(run.stage_usage),
    h("h3", {}, "Time per stage (seconds, summed over problems)"), kvTable(rep.time_per_stage_s),
    errors.length ? h("div", { id: "failed" }, h("h2", {}, `Failed problems (${errors.length})`),
      h("ul", {}, errors.map(([id, msg]) => h("li", {},
        byId.has(id) ? h("a", { href: `#/run/${r}/problem/${byId.get(id)}` }, id) : id, ": ",
        h("span", { class: "error" }, msg))))) : null,
    h("details", {}, h("summary", {}, "Configuration"), kvTable(cfg)),
    h("h2", {}, "Problems"), problemList(r, list));
}

function passAtK(rep) {
  const ks = Object.keys(rep.pass_at_k || {});
  if (ks.length < 2) return null;
  const shown = ks.filter(x => Number(x) <= 16 || (Number(x) & (Number(x) - 1)) === 0 || x === ks[ks.length - 1]);
  const iv = (rep.intervals || {}).pass_at_k || {};
  return h("div", { id: "pass-at-k" }, h("h2", {}, "pass@k (unbiased, over the model's samples)"),
    h("table", {}, h("tr", {}, shown.map(x => h("th", { class: "num" }, `pass@${x}`))),
      h("tr", {}, shown.map(x => h("td", { class: "num", dataset: { k: x, value: rep.pass_at_k[x] } },
        pct(rep.pass_at_k[x])))),
      Object.keys(iv).length ? h("tr", {}, shown.map(x => h("td", { class: "num muted small" },
        iv[x] ? `${pct(iv[x][0])} – ${pct(iv[x][1])}` : "-"))) : null));
}

function curveSection(rep) {
  const c = rep.curve || {}, k = rep.submissions;
  if (!c.samples || !c.samples.length) return null;
  const series = [
    { name: "pass@k (any of k samples)", xs: c.samples, ys: c.pass_at_k },
    { name: `${k}@k (solved with ${k} submissions)`, xs: c.samples, ys: c[`${k}_at_k`] },
    { name: "1@k (first submission)", xs: c.samples, ys: c["1_at_k"] },
  ];
  const a = rep.adaptive_curve;
  if (a && a.samples && a.samples.length)
    series.push({ name: "1@k, adaptive budget (samples spent)", xs: a.samples, ys: a["1_at_k"], dashed: true });
  return h("div", { id: "curve" }, h("h2", {}, "Solve rate against samples"),
           chart(series, c.samples, { log: c.samples[c.samples.length - 1] > 16, xlabel: "samples per problem" }));
}

function usageTable(usage, first) {
  const rows = Object.entries(usage || {});
  if (!rows.length) return h("p", { class: "muted" }, "no model usage recorded");
  return h("table", {}, h("tr", {}, [first, "requests", "samples", "cached", "prompt tokens", "completion tokens",
                                     "retries", "cost"].map((t, i) => h("th", { class: i ? "num" : "" }, t))),
    rows.map(([name, u]) => h("tr", {}, h("td", {}, name),
      ["requests", "samples", "cached_samples", "prompt_tokens", "completion_tokens", "retries"].map(
        f => h("td", { class: "num" }, num(u[f] || 0))), h("td", { class: "num" }, money(u.cost || 0)))));
}

function stageUsage(stages) {
  const rows = [];
  for (const [stage, roles] of Object.entries(stages || {}))
    for (const [role, u] of Object.entries(roles)) rows.push([`${stage} · ${role}`, u]);
  if (!rows.length) return null;
  return h("div", {}, h("h3", {}, "Per stage"), usageTable(Object.fromEntries(rows), "stage · role"));
}

function problemList(r, list) {
  const p = params();
  let filter = p.get("filter") || "all", sort = p.get("sort") || "position", query = p.get("q") || "";
  let shown = PAGE;
  const counts = Object.fromEntries(FILTERS.map(([f]) => [f, list.rows.filter(FILTER_TEST[f]).length]));
  const body = h("tbody", {});
  const count = h("span", { id: "problem-count" });
  const more = h("div", { class: "more" });
  const search = h("input", { type: "search", placeholder: "problem id…", value: query, id: "problem-search" });
  const buttons = FILTERS.map(([f, label]) => h("button", { class: "filter", dataset: { filter: f },
    onclick: () => { filter = f; shown = PAGE; update(); } }, `${label} (${counts[f]})`));
  const sortSel = h("select", { id: "problem-sort", onchange: e => { sort = e.target.value; shown = PAGE; update(); } },
    Object.entries(SORTS).map(([s, [, label]]) => h("option", { value: s, selected: s === sort }, `sort: ${label}`)));
  search.addEventListener("input", () => { query = search.value; shown = PAGE; update(); });
  const k = list.k;

  function row(x) {
    const state = x.status === "error" ? badge("error", "bad")
      : !x.judged ? badge("not judged")
      : x.solved ? badge(x.first ? "solved" : "solved (not first)", "good")
      : x.coverage ? badge("missed", "warn") : badge("unsolved", "bad");
    return h("tr", { class: "problem-row", dataset: { id: x.id, i: x.i },
                     onclick: () => { location.hash = `#/run/${r}/problem/${x.i}`; } },
      h("td", { class: "num" }, x.i + 1), h("td", {}, h("a", { href: `#/run/${r}/problem/${x.i}` }, x.id)),
      h("td", {}, x.title), h("td", {}, state), h("td", {}, x.first_verdict || "-"),
      h("td", { class: "num" }, x.samples), h("td", { class: "num" }, x.survivors),
      h("td", { class: "num" }, x.clusters), h("td", { class: "num" }, secs(x.seconds)),
      h("td", { class: "num" }, money(x.cost)), h("td", { class: "num" }, x.tokens));
  }

  function update() {
    buttons.forEach(b => b.classList.toggle("active", b.dataset.filter === filter));
    const q = query.trim().toLowerCase();
    const rows = list.rows.filter(x => FILTER_TEST[filter](x) && (!q || x.id.toLowerCase().includes(q)));
    rows.sort(SORTS[sort][0]);
    mount(body, rows.slice(0, shown).map(row));
    count.textContent = `${rows.length} of ${list.rows.length} problems`;
    count.dataset.count = rows.length;
    mount(more, rows.length > shown
      ? h("button", { onclick: () => { shown += PAGE * 5; update(); } }, `show more (${rows.length - shown} left)`) : "");
    const ps = new URLSearchParams({ filter, sort, ...(query ? { q: query } : {}) });
    history.replaceState(null, "", `#/run/${r}?${ps}`);
  }

  const table = h("table", { id: "problem-list" }, h("thead", {}, h("tr", {},
    ["#", "problem", "title", "state", "first verdict", "samples", "survivors", "clusters", "time", "cost", "tokens"]
      .map((t, i) => h("th", { class: [0, 5, 6, 7, 8, 9, 10].includes(i) ? "num" : "" }, t)))), body);
  update();
  return h("div", {}, h("div", { class: "toolbar" }, buttons, sortSel, search, count),
    h("p", { class: "muted small" }, `state: solved = one of the ${k} submissions passed the hidden tests; ` +
      "missed = some sample was correct but no submission was (a selection failure)."), table, more);
}

// ------------------------------------------------------------------ one problem
function classOf(label) {
  const m = /^o(\d+)$/.exec(label);
  return m ? null : "fail-" + label;
}
function colourOf(label) {
  const m = /^o(\d+)$/.exec(label);
  if (!m) return null;
  const hue = (Number(m[1]) * 137.508 + 200) % 360;
  return `hsl(${hue}, 60%, ${Number(m[1]) === 0 ? 85 : 78}%)`;
}

async function problemPage(r, i) {
  const [runs, run, p] = await Promise.all([load("runs"), load(`run/${r}`), load(`run/${r}/problem/${i}`)]);
  crumbs(...(runs.runs.length > 1 ? [{ text: "runs", href: "#/" }] : []),
         { text: run.run_dir, href: `#/run/${r}` }, { text: p.id });
  const app = document.getElementById("app");
  const a = p.attempt || {}, L = p.list;
  const cands = a.candidates || [], clusters = a.clusters || [], subs = a.submissions || [];
  const hidden = p.hidden || [], correct = p.correct || [];
  const subPlace = new Map(subs.map((s, j) => [s, j + 1]));
  const nav = h("p", {},
    i > 0 ? h("a", { href: `#/run/${r}/problem/${i - 1}`, id: "prev" }, "← previous") : null, " ",
    h("a", { href: `#/run/${r}/problem/${i + 1}`, id: "next" }, "next →"));
  const state = p.status === "error" ? badge("error", "bad") : !L.judged ? badge("not judged")
    : L.solved ? badge(L.first ? "solved by the first submission" : "solved (not by the first submission)", "good")
    : L.coverage ? badge("missed: a correct sample was not chosen", "warn") : badge("unsolved", "bad");
  mount(app, 
    nav,
    h("h1", {}, p.id, p.title ? ` — ${p.title}` : ""),
    h("p", { id: "problem-state" }, state, " ", `${L.samples} samples, ${L.survivors} passed the examples, ` +
      `${L.clusters} clusters; ${secs(p.seconds)}, cost ${money(L.cost)}, ${L.tokens} tokens.`),
    p.error ? h("pre", { class: "error wrap" }, p.error) : null,
    h("details", { id: "statement", open: (p.statement || "").length < 3000 },
      h("summary", {}, "Statement"),
      p.statement ? h("pre", { class: "wrap" }, p.statement) : h("p", { class: "muted" }, "not recorded in this run")),
    subs.length ? h("div", { id: "submissions" }, h("h2", {}, "Submissions"), h("ol", {}, subs.map(s =>
      h("li", {}, h("a", { href: `#/run/${r}/problem/${i}`, onclick: e => { e.preventDefault(); openCandidate(s); } },
        `candidate ${s}`), ` (${cands[s] ? cands[s].language : "?"}) — hidden tests: `,
        verdictBadge(hidden[s], correct[s]))))) : null,
    clusterTable(a, cands, subs, correct),
    matrix(a),
    expectedTests(a),
    a.adjudication && Object.keys(a.adjudication).length
      ? h("div", {}, h("h2", {}, "S* round (distinguishing inputs)"), h("pre", { class: "wrap" },
          JSON.stringify(a.adjudication, null, 2))) : null,
    h("h2", {}, `Candidates (${cands.length})`),
    h("div", { id: "candidates" }, cands.map(c => candidate(c, hidden[c.id], correct[c.id], subPlace.get(c.id)))),
    h("h2", {}, "Execution"),
    h("table", { class: "kv" },
      h("tr", {}, h("td", {}, "input sources"), h("td", {}, JSON.stringify(a.input_sources || {}))),
      h("tr", {}, h("td", {}, "inputs valid"), h("td", {}, String(!!a.inputs_valid))),
      h("tr", {}, h("td", {}, "execution budget"), h("td", {}, JSON.stringify(a.execution || {}))),
      h("tr", {}, h("td", {}, "seconds per stage"), h("td", {}, Object.entries(a.timings || {})
        .map(([s, t]) => `${s} ${Number(t).toFixed(2)}`).join(", "))),
      a.budget && Object.keys(a.budget).length
        ? h("tr", {}, h("td", {}, "adaptive budget"), h("td", {}, JSON.stringify(a.budget))) : null),
    (a.notes || []).length ? h("div", {}, h("h3", {}, "Notes"), h("ul", {}, a.notes.map(n => h("li", {}, n)))) : null,
    h("h3", {}, "Model usage"), usageTable(a.usage, "role"));
}

function verdictBadge(v, ok) {
  if (v === null || v === undefined) return badge("not judged");
  return badge(v, ok ? "good" : "bad");
}

function openCandidate(id) {
  const el = document.getElementById(`cand-${id}`);
  if (!el) return;
  el.open = true;
  el.scrollIntoView({ block: "start" });
}

function clusterTable(a, cands, subs, correct) {
  const clusters = a.clusters || [];
  if (!clusters.length) return h("p", { class: "muted" }, "No clusters: no candidate passed the examples.");
  const keys = [...new Set(clusters.flatMap(c => Object.keys(c.score || {})))];
  const chosen = new Set(subs);
  return h("div", { id: "clusters" }, h("h2", {}, "Clusters, in rank order"),
    h("p", { class: "muted small" }, "Score components as the ranker recorded them (solver/ranker.py orders by failures " +
      "on validated inputs, CodeT agreement, failures, size, earliest member); ★ a cluster a submission came from."),
    h("table", {}, h("tr", {}, h("th", {}, "rank"), h("th", { class: "num" }, "members"),
                     keys.map(k => h("th", { class: "num" }, `score: ${k}`)),
                     h("th", { class: "num" }, "correct members"), h("th", {}, "members")),
      clusters.map((c, j) => {
        const members = c.members || [];
        const isChosen = members.some(m => chosen.has(m));
        return h("tr", { class: isChosen ? "chosen" : "", dataset: { cluster: j } },
          h("td", {}, `#${j + 1}`, isChosen ? " ★" : ""), h("td", { class: "num" }, members.length),
          keys.map(k => h("td", { class: "num" }, c.score && c.score[k] !== undefined
            ? (typeof c.score[k] === "number" ? +c.score[k].toFixed(4) : String(c.score[k])) : "-")),
          h("td", { class: "num" }, correct.length ? members.filter(m => correct[m]).length : "-"),
          h("td", {}, members.slice(0, 40).map((m, q) => [q ? ", " : "",
            h("a", { href: "#", onclick: e => { e.preventDefault(); openCandidate(m); } }, m)]),
            members.length > 40 ? ` … ${members.length - 40} more` : ""));
      })));
}

function outputOf(a, j, label) {
  const m = /^o(\d+)$/.exec(label || "");
  if (!m) return null;
  const outs = (a.outputs || [])[j] || [];
  return outs[Number(m[1])] ?? null;
}

function matrix(a) {
  const clusters = a.clusters || [], inputs = a.inputs || [];
  if (!clusters.length || !inputs.length)
    return h("div", { id: "matrix" }, h("h2", {}, "Behaviour"), h("p", { class: "muted" }, "No generated inputs."));
  const detail = h("div", { id: "cell-detail" }, h("p", { class: "muted" }, "Click a cell: its input and every " +
    "cluster's output on it, side by side."));
  let selected = null;
  function show(j, c, td) {
    if (selected) selected.classList.remove("selected");
    selected = td; td.classList.add("selected");
    mount(detail, 
      h("h3", {}, `Input ${j + 1}`), h("pre", { class: "cell-input" }, inputs[j]),
      h("div", { class: "outputs" }, clusters.map((cl, q) => {
        const label = (cl.behaviour || [])[j] || "-";
        const out = outputOf(a, j, label);
        return h("div", { class: "out" + (q === c ? " selected" : ""), dataset: { cluster: q } },
          h("h4", {}, `cluster #${q + 1} (${(cl.members || []).length}) — ${label}`),
          h("pre", { class: "cell-output" }, out !== null ? out : `(${label}: no output)`));
      })));
  }
  const head = h("tr", {}, h("th", { class: "rowhead" }, "cluster \\ input"),
    inputs.map((_, j) => h("th", { class: "num" }, j + 1)));
  const rows = clusters.map((cl, c) => h("tr", {}, h("th", { class: "rowhead" }, `#${c + 1} (${(cl.members || []).length})`),
    inputs.map((_, j) => {
      const label = (cl.behaviour || [])[j] || "-";
      const td = h("td", { class: "cell " + (classOf(label) || ""), dataset: { input: j, cluster: c }, title: label },
        label);
      const colour = colourOf(label);
      if (colour) td.style.background = colour;
      td.addEventListener("click", () => show(j, c, td));
      return td;
    })));
  return h("div", { id: "matrix" }, h("h2", {}, `Behaviour on ${inputs.length} generated inputs`),
    h("p", { class: "muted small" }, "Cells: the output class on that input (o0, o1, … in order of appearance; the " +
      "same colour in a column is the same output) or the failure."),
    h("div", { class: "matrix-wrap" }, h("table", { class: "matrix" }, head, rows)), detail);
}

function expectedTests(a) {
  const tests = (a.expected_tests || []).filter(t => t && typeof t === "object");
  if (!tests.length) return null;
  const clusters = a.clusters || [];
  return h("div", { id: "expected-tests" }, h("h2", {}, `Tests with expected outputs (${tests.length})`),
    h("p", { class: "muted small" }, "Written by the tests model (CodeT); the expected answer as the output class " +
      "the checker accepts on that input, and the clusters that give it."),
    h("table", {}, h("tr", {}, h("th", { class: "num" }, "input"), h("th", {}, "input text"),
                     h("th", {}, "expected"), h("th", { class: "num" }, "weight"), h("th", {}, "clusters passing")),
      tests.slice(0, 200).map(t => h("tr", {}, h("td", { class: "num" }, t.input + 1),
        h("td", {}, h("pre", {}, (a.inputs || [])[t.input] ?? "?")),
        h("td", {}, t.expected === null ? h("span", { class: "muted" }, "no candidate gives it")
                                        : h("pre", {}, `${t.expected}: ${outputOf(a, t.input, t.expected) ?? ""}`)),
        h("td", { class: "num" }, t.weight ?? 1),
        h("td", {}, clusters.map((c, q) => (c.behaviour || [])[t.input] === t.expected && t.expected !== null
          ? `#${q + 1}` : null).filter(Boolean).join(", ") || "none")))));
}

function candidate(c, verdict, ok, place) {
  const rel = [];
  if (c.duplicate_of !== null && c.duplicate_of !== undefined) rel.push(["duplicate of ", c.duplicate_of]);
  if (c.repaired_from !== null && c.repaired_from !== undefined) rel.push(["repair of ", c.repaired_from]);
  const d = h("details", { class: "candidate" + (place ? " chosen" : ""), id: `cand-${c.id}`, dataset: { id: c.id } },
    h("summary", {}, h("b", {}, `#${c.id}`), ` ${c.language} · ${c.variant}`, c.model ? ` · ${c.model}` : "",
      " · examples: ", badge(c.sample_verdict || "-", c.sample_verdict === "AC" ? "good" : "bad"),
      c.samples_passed !== undefined ? ` (${c.samples_passed} passed)` : "",
      c.cluster !== null && c.cluster !== undefined ? ` · cluster #${c.cluster + 1}` : "",
      " · hidden: ", verdictBadge(verdict, ok),
      place ? [" · ", badge(`submission ${place}`, "good")] : "",
      rel.map(([t, id]) => [" · ", t, h("a", { href: "#", onclick: e => { e.preventDefault(); openCandidate(id); } },
        `#${id}`)])));
  let filled = false;
  d.addEventListener("toggle", () => {
    if (!d.open || filled) return;
    filled = true;
    d.append(c.code === null || c.code === undefined ? h("p", { class: "muted" }, "no code in the reply")
                                                     : h("pre", { class: "code" }, highlight(c.code, c.language)));
    if (c.feedback) d.append(h("div", {}, h("b", {}, "feedback on the first failing example:"),
                                h("pre", { class: "wrap" }, c.feedback)));
  });
  return d;
}

// ------------------------------------------------------------------ compare
function ci(m) {
  if (!m) return "-";
  return `${fmtMetric(m.value, m.kind)} [${fmtMetric(m.low, m.kind)}, ${fmtMetric(m.high, m.kind)}]`;
}
function fmtMetric(x, kind) {
  if (x === null || x === undefined) return "-";
  if (kind === "rate") return pct(x);
  if (kind === "diff-rate") return (x >= 0 ? "+" : "") + (100 * x).toFixed(1) + " pts";
  return Number(x).toFixed(kind === "seconds" ? 2 : 4);
}
function figureName(name, cmp) {
  const names = { "1_at_k": "1@k", "n_at_k": "n@k", coverage: "coverage", pass_at_1: "pass@1",
                  pass_at_m: `pass@${cmp.m}`, cost_per_problem: "cost / problem", seconds_per_problem: "seconds / problem" };
  return names[name] || name;
}
function kindOf(name, diff) {
  const base = /cost/.test(name) ? "cost" : /seconds/.test(name) ? "seconds" : "rate";
  return diff && base === "rate" ? "diff-rate" : base;
}

async function comparePage() {
  const [runs, cmp] = await Promise.all([load("runs"), load("compare")]);
  crumbs({ text: "runs", href: "#/" }, { text: "compare" });
  const names = Object.keys(cmp.runs[0].figures);
  const lists = await Promise.all(runs.runs.map(r => load(`run/${r.index}/problems`)));
  const where = lists.map(l => new Map(l.rows.map(x => [x.id, x.i])));
  const diffNames = cmp.pairs.length ? Object.keys(cmp.pairs[0].differences) : [];
  const app = document.getElementById("app");
  mount(app, 
    h("h1", {}, "Compare runs"),
    cmp.note ? h("p", { id: "compare-note" }, cmp.note) : null,
    h("table", { id: "compare-table" }, h("tr", {}, h("th", {}, "run"), h("th", { class: "num" }, "judged"),
        names.map(n => h("th", { class: "num" }, figureName(n, cmp)))),
      cmp.runs.map((run, q) => h("tr", {}, h("td", {}, h("a", { href: `#/run/${q}` }, run.run_dir), h("br"),
          h("span", { class: "muted small" }, run.model || "")), h("td", { class: "num" }, run.judged),
        names.map(n => h("td", { class: "num", dataset: { metric: n } },
          ci({ ...run.figures[n], kind: kindOf(n, false) })))))),
    h("p", { class: "muted small" }, `Each figure with its ${Math.round(100 * (cmp.level || 0.95))}% interval: ` +
      (cmp.method || "bootstrap over problems") + "."),
    h("h2", {}, `Paired differences against the first run (${cmp.baseline})`),
    h("table", { id: "compare-diff" }, h("tr", {}, h("th", {}, "run"), h("th", { class: "num" }, "shared problems"),
        diffNames.map(n => h("th", { class: "num" }, figureName(n, cmp)))),
      cmp.pairs.map(d => h("tr", {}, h("td", {}, d.run_dir), h("td", { class: "num" }, d.shared),
        diffNames.map(n => { const m = d.differences[n];
          return h("td", { class: "num", dataset: { metric: n } }, ci({ ...m, kind: kindOf(n, true) }),
                   m && (m.low > 0 || m.high < 0) ? " *" : ""); })))),
    h("p", { class: "muted small" }, "Run minus the first run, on the problems both judged; * the interval excludes 0."),
    h("h2", {}, `Problems where the runs disagree (${cmp.disagreements.length})`),
    h("table", { id: "compare-disagree" }, h("tr", {}, h("th", {}, "problem"),
        cmp.runs.map((run, q) => h("th", {}, `run ${q + 1}: first / solved`))),
      cmp.disagreements.slice(0, 500).map(d => h("tr", {}, h("td", {}, d.id),
        d.first.map((f, q) => h("td", {}, where[q].has(d.id)
          ? h("a", { href: `#/run/${q}/problem/${where[q].get(d.id)}` }, `${f ? "✔" : "✘"} / ${d.solved[q] ? "✔" : "✘"}`)
          : "-"))))),
    cmp.disagreements.length > 500 ? h("p", { class: "muted" }, `… and ${cmp.disagreements.length - 500} more`) : null);
}

// ------------------------------------------------------------------ routing
async function route() {
  const path = location.hash.replace(/^#/, "").split("?")[0];
  const parts = path.split("/").filter(Boolean);
  const app = document.getElementById("app");
  try {
    if (parts.length === 0) await home();
    else if (parts[0] === "compare") await comparePage();
    else if (parts[0] === "run" && parts.length === 2) await runPage(Number(parts[1]));
    else if (parts[0] === "run" && parts[2] === "problem") await problemPage(Number(parts[1]), Number(parts[3]));
    else throw new Error("no such page: " + path);
    document.body.dataset.page = parts.length === 0 ? "home" : parts[2] === "problem" ? "problem" : parts[0];
    window.scrollTo(0, 0);
  } catch (err) {
    mount(app, h("p", { class: "error" }, String(err.message || err)));
    document.body.dataset.page = "error";
  }
  document.body.dataset.ready = "1";
}

let lastPath = null;
window.addEventListener("hashchange", () => {
  const path = location.hash.split("?")[0];
  if (path === lastPath) return;  // only the list's filter or sort changed
  lastPath = path;
  document.body.dataset.ready = "";
  route();
});
lastPath = location.hash.split("?")[0];
route();
