// build.js: the build page. It keeps the programme being built, asks the
// server for exercises and protocols, and shows the real PDF
// (POST /api/render) as a preview whenever the form changes.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const page = $("build");
  const doseKeys = ["sets", "reps", "hold", "rest", "load", "daily"];
  const sideLabels = { "": "Not given", both: "Both", left: "Left", right: "Right", alternate: "Alternate" };
  const state = { items: [], protocol: null, byId: {}, protocols: {}, pdfURL: "", seq: 0, ctrl: null };

  async function getJSON(path) {
    const r = await fetch(path, { headers: { Accept: "application/json" } });
    if (!r.ok) throw new Error(path + ": " + r.status);
    return r.json();
  }

  function debounce(fn, ms) {
    let t = 0;
    return () => { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  // The search: the server's (the library's own rules), best first.
  async function search() {
    const q = new URLSearchParams({ q: $("q").value, region: $("region").value, condition: $("condition").value,
      position: $("position").value, equipment: $("equipment").value });
    const { exercises } = await getJSON("/api/exercises?" + q);
    const ul = $("results");
    ul.replaceChildren();
    for (const e of exercises) {
      state.byId[e.id] = e;
      const li = document.createElement("li");
      li.appendChild(thumb(e));
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = e.name;
      const meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " " + [e.regions.join(", "), e.position, e.dose_line].filter(Boolean).join(" · ");
      name.appendChild(document.createElement("br"));
      name.appendChild(meta);
      const add = document.createElement("button");
      add.type = "button";
      add.textContent = "Add";
      add.setAttribute("aria-label", "Add " + e.name);
      add.dataset.id = e.id;
      add.disabled = chosen(e.id);
      add.addEventListener("click", () => { addExercise(e); });
      li.append(name, add);
      ul.appendChild(li);
    }
    if (!exercises.length) {
      const li = document.createElement("li");
      li.textContent = "No exercise matches.";
      ul.appendChild(li);
    }
  }

  function thumb(e) {
    const img = document.createElement("img");
    img.className = "thumb";
    img.alt = "";
    img.loading = "lazy";
    img.width = 72;
    img.height = 40;
    if (e.thumbnail) img.src = e.thumbnail;
    else img.classList.add("none"); // no drawing yet: keep the column
    return img;
  }

  function chosen(id) { return state.items.some((it) => it.id === id); }

  function itemFor(e, dose) {
    const it = { id: e.id, side: "", note: "" };
    for (const k of doseKeys) it[k] = (dose || e.dose)[k] || "";
    return it;
  }

  function addExercise(e) {
    if (chosen(e.id)) return;
    state.items.push(itemFor(e));
    changed();
    const items = $("chosen").children;
    items[items.length - 1].focus();
    updateAddButtons();
  }

  function updateAddButtons() {
    for (const b of $("results").querySelectorAll("button[data-id]")) b.disabled = chosen(b.dataset.id);
  }

  // Start: a protocol's exercises with its doses, or nothing.
  function start() {
    const id = $("protocol").value;
    const p = state.protocols[id];
    state.items = p ? p.exercises.filter((x) => state.byId[x.id]).map((x) => itemFor(state.byId[x.id], x.dose)) : [];
    state.protocol = p ? { id: p.id, ids: p.exercises.map((x) => x.id) } : null;
    changed();
    updateAddButtons();
  }

  function move(i, by) {
    const j = i + by;
    if (j < 0 || j >= state.items.length) return;
    const [it] = state.items.splice(i, 1);
    state.items.splice(j, 0, it);
    changed();
    $("chosen").children[j].focus();
  }

  function remove(i) {
    state.items.splice(i, 1);
    changed();
    const items = $("chosen").children;
    if (items.length) items[Math.min(i, items.length - 1)].focus();
    else $("q").focus();
    updateAddButtons();
  }

  function renderChosen() {
    const ol = $("chosen");
    const tpl = $("item-tpl");
    ol.replaceChildren();
    state.items.forEach((it, i) => {
      const e = state.byId[it.id];
      const li = tpl.content.firstElementChild.cloneNode(true);
      li.dataset.id = it.id;
      li.setAttribute("aria-label", (i + 1) + ". " + e.name + " (Alt+Up or Alt+Down moves it, Delete removes it)");
      li.querySelector(".name").textContent = e.name;
      const img = li.querySelector(".thumb");
      if (e.thumbnail) img.src = e.thumbnail; else img.remove();
      for (const k of doseKeys) {
        const input = li.querySelector("." + k);
        input.value = it[k];
        input.setAttribute("aria-label", e.name + ": " + input.parentElement.textContent.trim());
        input.addEventListener("input", () => { it[k] = input.value.trim(); schedule(); });
      }
      const side = li.querySelector(".side");
      for (const s of e.sides) side.add(new Option(sideLabels[s] || s, s, false, s === it.side));
      side.setAttribute("aria-label", e.name + ": side");
      side.addEventListener("change", () => { it.side = side.value; schedule(); });
      const note = li.querySelector(".note-in");
      note.value = it.note;
      note.setAttribute("aria-label", e.name + ": note");
      note.addEventListener("input", () => { it.note = note.value; schedule(); });
      const up = li.querySelector(".up"), down = li.querySelector(".down"), rm = li.querySelector(".remove");
      up.setAttribute("aria-label", "Move " + e.name + " up");
      down.setAttribute("aria-label", "Move " + e.name + " down");
      rm.setAttribute("aria-label", "Remove " + e.name);
      up.disabled = i === 0;
      down.disabled = i === state.items.length - 1;
      up.addEventListener("click", () => move(i, -1));
      down.addEventListener("click", () => move(i, 1));
      rm.addEventListener("click", () => remove(i));
      li.addEventListener("keydown", (ev) => {
        if (ev.target !== li) return;
        if (ev.altKey && ev.key === "ArrowUp") { ev.preventDefault(); move(i, -1); }
        if (ev.altKey && ev.key === "ArrowDown") { ev.preventDefault(); move(i, 1); }
        if (ev.key === "Delete") { ev.preventDefault(); remove(i); }
      });
      ol.appendChild(li);
    });
    const n = state.items.length;
    $("count").textContent = n ? "(" + n + ")" : "";
    $("empty").hidden = n > 0;
  }

  function changed() { renderChosen(); schedule(); }

  function doseText(it) {
    return doseKeys.filter((k) => it[k]).map((k) => k + " " + it[k]).join("; ");
  }

  // The protocol is kept (its name heads the sheet) while the list still
  // starts with its exercises in its order; otherwise the exercises stand alone.
  function protocolApplies() {
    const p = state.protocol;
    return p && p.ids.length <= state.items.length && p.ids.every((id, i) => state.items[i].id === id);
  }

  // programme is the form as a programme file's keys (docs/library.md).
  function programme() {
    const p = {};
    for (const k of ["patient", "date", "clinician", "language", "style"]) {
      const v = $(k).value.trim();
      if (v) p[k] = v;
    }
    if (protocolApplies()) p.protocol = state.protocol.id;
    p.exercises = state.items.map((it) => {
      const x = { id: it.id };
      const d = doseText(it);
      if (d) x.dose = d;
      if (it.side) x.side = it.side;
      if (it.note.trim()) x.note = it.note.trim();
      return x;
    });
    return p;
  }

  const schedule = debounce(preview, 350);

  async function preview() {
    const err = $("error");
    if (!state.items.length) {
      setPDF("");
      showWarnings(null);
      $("status").textContent = "";
      err.hidden = true;
      return;
    }
    if (state.ctrl) state.ctrl.abort();
    const ctrl = new AbortController();
    state.ctrl = ctrl;
    const seq = ++state.seq;
    $("status").textContent = "Updating the preview…";
    const q = new URLSearchParams({ paper: $("paper").value, grayscale: $("grayscale").checked });
    try {
      const r = await fetch("/api/render?" + q, { method: "POST", signal: ctrl.signal,
        headers: { "Content-Type": "application/json" }, body: JSON.stringify(programme()) });
      if (seq !== state.seq) return;
      if (!r.ok) {
        const body = await r.json().catch(() => ({ error: "the server answered " + r.status }));
        const msg = body.fields && body.fields.length ? body.fields[0].message : body.error;
        // A message that names its field already ("language: …") is not prefixed again.
        err.textContent = (body.field && !msg.startsWith(body.field + ": ") ? body.field + ": " : "") + msg;
        err.hidden = false;
        showWarnings(null);
        $("status").textContent = "";
        return;
      }
      const pages = r.headers.get("X-Handout-Pages");
      const blob = await r.blob();
      if (seq !== state.seq) return;
      err.hidden = true;
      setPDF(URL.createObjectURL(blob));
      showWarnings(r.headers.get("X-Handout-Warnings"));
      if ($("chart").open) chartNote();
      $("status").textContent = "Preview " + seq + ": " + pages + (pages === "1" ? " page" : " pages") + ", " + Math.round(blob.size / 1024) + " KB";
      $("frame").dataset.bytes = blob.size;
    } catch (e) {
      if (e.name !== "AbortError") { err.textContent = "The preview failed: " + e.message; err.hidden = false; }
    }
  }

  // chartNote asks the server for the programme as a note for the chart
  // (POST /api/chart-note), when the note is open.
  async function chartNote() {
    const out = $("chart-note");
    if (!state.items.length) { out.value = ""; return; }
    const r = await fetch("/api/chart-note", { method: "POST",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(programme()) });
    out.value = r.ok ? await r.text() : "";
    $("copy-status").textContent = "";
  }

  async function copyNote() {
    const out = $("chart-note");
    out.select();
    try {
      await navigator.clipboard.writeText(out.value);
      $("copy-status").textContent = "Copied.";
    } catch (e) {
      // Over plain http on the clinic's network the clipboard is not
      // offered: the note is selected for Ctrl+C.
      $("copy-status").textContent = "Selected: press Ctrl+C (or ⌘C) to copy.";
    }
  }

  // showWarnings lists what the server said of the document it made (the
  // command line's "handout: warning:" lines; docs/api.md); none hides
  // the list.
  function showWarnings(header) {
    let list = [];
    try { list = header ? JSON.parse(decodeURIComponent(header)) : []; } catch (e) { list = []; }
    const ul = $("warning-list");
    ul.replaceChildren(...list.map((w) => {
      const li = document.createElement("li");
      li.textContent = w;
      return li;
    }));
    $("warnings").hidden = list.length === 0;
  }

  function setPDF(url) {
    if (state.pdfURL) URL.revokeObjectURL(state.pdfURL);
    state.pdfURL = url;
    $("frame").src = url || "about:blank";
    $("frame").dataset.seq = url ? state.seq : 0;
    $("download").disabled = $("print").disabled = !url;
  }

  function download() {
    if (!state.pdfURL) return;
    const a = document.createElement("a");
    a.href = state.pdfURL;
    // Named by the date, never the patient.
    a.download = "handout-" + ($("date").value || "programme") + ".pdf";
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function print() {
    try { $("frame").contentWindow.print(); } catch (e) { window.open(state.pdfURL); }
  }

  async function save() {
    const out = $("save-status");
    const body = { id: $("save-id").value.trim(), name: $("save-name").value.trim(), purpose: $("save-purpose").value.trim(),
      exercises: state.items.map((it) => { const x = { id: it.id }; const d = doseText(it); if (d) x.dose = d; return x; }) };
    if (!body.purpose) delete body.purpose;
    const r = await fetch("/api/protocols", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const res = await r.json();
    out.textContent = r.ok ? "Saved as " + res.file + "." : "Not saved: " + (res.field ? res.field + ": " : "") + (res.fields ? res.fields[0].message : res.error);
    if (r.ok) {
      const { protocols } = await getJSON("/api/protocols");
      for (const p of protocols) state.protocols[p.id] = p;
      if (![...$("protocol").options].some((o) => o.value === res.id)) $("protocol").add(new Option(body.name, res.id));
    }
  }

  async function init() {
    const [{ exercises }, { protocols }] = await Promise.all([getJSON("/api/exercises"), getJSON("/api/protocols")]);
    for (const e of exercises) state.byId[e.id] = e;
    for (const p of protocols) state.protocols[p.id] = p;
    const redo = debounce(search, 200);
    $("q").addEventListener("input", redo);
    for (const id of ["region", "condition", "position", "equipment"]) $(id).addEventListener("change", search);
    for (const id of ["patient", "date", "clinician", "language", "style", "paper", "grayscale"]) {
      $(id).addEventListener("input", schedule);
      $(id).addEventListener("change", schedule);
    }
    $("start").addEventListener("click", start);
    $("download").addEventListener("click", download);
    $("print").addEventListener("click", print);
    $("chart").addEventListener("toggle", () => { if ($("chart").open) chartNote(); });
    $("copy-note").addEventListener("click", copyNote);
    if ($("save")) $("save").addEventListener("click", save);
    renderChosen();
    await search();
    page.dataset.ready = "1";
  }
  init().catch((e) => { $("error").textContent = "The page could not load: " + e.message; $("error").hidden = false; });
})();
