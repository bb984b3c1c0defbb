// batch.js: the batch page. It uploads the list (POST /api/batch) and
// shows each bad row by line and id, then offers the ZIP of the packets.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  let zipURL = "";

  function show(report, blob) {
    $("batch-result").hidden = false;
    const probs = report.failed || [];
    $("summary").textContent = report.rows + (report.rows === 1 ? " row: " : " rows: ") + report.written + (report.written === 1 ? " packet made, " : " packets made, ") + probs.length + " with a problem.";
    const tbody = $("problems").querySelector("tbody");
    tbody.replaceChildren();
    for (const p of probs) {
      const tr = document.createElement("tr");
      for (const v of [p.line, p.id || "(none)", p.message]) {
        const td = document.createElement("td");
        td.textContent = v;
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    }
    $("problems").hidden = probs.length === 0;
    const warnings = report.warnings || [];
    $("batch-warning-list").replaceChildren(...warnings.map((w) => {
      const li = document.createElement("li");
      li.textContent = w;
      return li;
    }));
    $("batch-warnings").hidden = warnings.length === 0;
    const a = $("zip");
    if (zipURL) URL.revokeObjectURL(zipURL);
    zipURL = "";
    if (blob) {
      zipURL = URL.createObjectURL(blob);
      a.href = zipURL;
      a.hidden = false;
    } else if (report.download) {
      a.href = report.download;
      a.hidden = false;
    } else {
      a.hidden = true;
    }
  }

  $("batch-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const file = $("list").files[0];
    if (!file) return;
    const fd = new FormData();
    fd.append("list", file, file.name);
    $("batch-status").textContent = "Checking the list and making the packets…";
    $("upload").disabled = true;
    try {
      const r = await fetch("/api/batch", { method: "POST", body: fd });
      if (r.headers.get("Content-Type") === "application/zip") {
        const rows = Number(r.headers.get("X-Handout-Rows"));
        const h = r.headers.get("X-Handout-Warnings");
        let warnings = [];
        try { warnings = h ? JSON.parse(decodeURIComponent(h)) : []; } catch (e) { warnings = []; }
        show({ rows, written: Number(r.headers.get("X-Handout-Written")), failed: [], warnings }, await r.blob());
        $("batch-status").textContent = "Every row is fine.";
      } else {
        const body = await r.json();
        if (body.rows === undefined) { $("batch-status").textContent = "The list was not made: " + body.error; $("batch-result").hidden = true; return; }
        show(body, null);
        $("batch-status").textContent = body.written ? "Some rows have a problem; the others' packets are ready." : "No packet could be made.";
      }
    } catch (e) {
      $("batch-status").textContent = "The upload failed: " + e.message;
    } finally {
      $("upload").disabled = false;
    }
  });
})();
