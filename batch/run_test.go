package batch_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"handout/batch"
	"handout/internal/pdftest"
)

// The tests in this file make packets end to end through package batch's
// API, as the batch command does after parsing its flags: New, then Run.
// The command line's own part (flags, exit codes) is tested in package
// main.

// runBatch checks o with New and runs it as the batch command would with
// the flags that set o's fields (Jobs, when 0, is one per CPU as --jobs
// is), with env as the environment. It returns what Run reported on
// standard error, and its error.
func runBatch(t testing.TB, o batch.Options, env map[string]string) (string, error) {
	t.Helper()
	if o.Jobs == 0 {
		o.Jobs = runtime.NumCPU()
	}
	b, err := batch.New(o)
	if err != nil {
		t.Fatalf("batch.New: %v", err)
	}
	var stderr bytes.Buffer
	err = b.Run(context.Background(), func(k string) string { return env[k] }, &stderr)
	return stderr.String(), err
}

// partial reports whether err says some rows failed and the others were
// made (the batch command's exit code 3).
func partial(err error) bool {
	var pe *batch.PartialError
	return errors.As(err, &pe)
}

// writeList writes src as dir/name and returns its path.
func writeList(t testing.TB, dir, name, src string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func size(short, long int) int {
	if testing.Short() {
		return short
	}
	return long
}

// TestBatchBadRows is issue 5's list: 200 patients (40 with -short), 10
// of them bad in different ways. The good ones are written, the bad ones
// reported by line and id, exit code 3, and the manifest lists exactly
// the good ones.
func TestBatchBadRows(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rows := pdftest.Patients(size(40, 200))
	type bad struct {
		at   int    // index in rows; the line is at+2
		id   string // the id the message names, "" for none
		want string
	}
	bads := []bad{
		{at: 3, want: "the id is missing"},
		{at: 7, id: "P0008", want: `unknown handout "mid-bak-pain"; built-in handouts: mid-back-pain`},
		{at: 11, id: "P0012", want: `visit_date "25.11.26": write the date as YYYY-MM-DD`},
		{at: 14, id: "P0015", want: `doses: no exercise "cat-cow"`},
		{at: 18, id: "P0019", want: `dose for "cat-and-cow": dose key "rep" is unknown`},
		{at: 21, id: "P0022", want: "the row has 9 fields, the header 8"},
		// Two rows with one id: both fail, neither is guessed right.
		{at: 24, id: "P0025", want: "id P0025 is on lines 26, 28"},
		{at: 26, id: "P0025", want: "id P0025 is on lines 26, 28"},
		// Ids differing in case only: one file name on macOS and Windows.
		{at: 30, id: "P0031", want: "lines 32, 33 would all be written to"},
		{at: 31, id: "p0031", want: "lines 32, 33 would all be written to"},
	}
	rows[3].ID = ""
	rows[7].Handouts = "mid-back-pain|mid-bak-pain"
	rows[11].Date = "25.11.26" // a two-digit year: no form a list is read in
	rows[14].Doses = "cat-cow: reps 3"
	rows[18].Doses = "cat-and-cow: rep 3"
	rows[21].Extra = []string{"stray"}
	rows[26].ID = "P0025"
	rows[31].ID = "p0031"
	list := pdftest.WriteList(t, dir, rows)
	out := filepath.Join(dir, "out")

	stderr, err := runBatch(t, batch.Options{List: list, OutDir: out, Jobs: 2}, nil)
	if !partial(err) {
		t.Fatalf("err = %v, want some rows failed; stderr:\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(bads)+1 {
		t.Fatalf("stderr has %d lines, want %d failures and the summary:\n%s", len(lines), len(bads), stderr)
	}
	for i, b := range bads {
		prefix := fmt.Sprintf("handout: %s:%d: ", list, b.at+2)
		if b.id != "" {
			prefix = fmt.Sprintf("handout: %s:%d (id %s): ", list, b.at+2, b.id)
		}
		if !strings.HasPrefix(lines[i], prefix) || !strings.Contains(lines[i], b.want) {
			t.Errorf("failure line %d = %q\nwant prefix %q and %q", i+1, lines[i], prefix, b.want)
		}
	}
	good := len(rows) - len(bads)
	summary := fmt.Sprintf("handout: %d rows: %d written, 0 skipped, %d failed in ", len(rows), good, len(bads))
	if !strings.HasPrefix(lines[len(bads)], summary) {
		t.Errorf("summary = %q, want it to start %q", lines[len(bads)], summary)
	}

	var wantIDs []string
	isBad := map[int]bool{}
	for _, b := range bads {
		isBad[b.at] = true
	}
	for i, r := range rows {
		if !isBad[i] {
			wantIDs = append(wantIDs, r.ID)
		}
	}
	byID := pdftest.CheckManifest(t, out, "manifest.json", wantIDs)
	if n := len(pdftest.PDFNames(t, out)); n != good {
		t.Errorf("%d PDFs in the folder, want %d", n, good)
	}
	if r := byID["P0001"]; r.File != "2026-11-25-P0001.pdf" {
		t.Errorf("P0001 written to %q, want 2026-11-25-P0001.pdf (the default template)", r.File)
	}
	pdftest.Validate(t, pdftest.ReadTree(t, out)["2026-11-25-P0002.pdf"])
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("output folder mode %v, want 0700", fi.Mode().Perm())
	}
	_ = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if fi, _ := d.Info(); err == nil && !d.IsDir() && fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", d.Name(), fi.Mode().Perm())
		}
		return err
	})
	if _, err := os.Stat(filepath.Join(out, pdftest.ManifestJournal)); err == nil {
		t.Error("the journal is left after a finished run")
	}
}

// TestBatchRunsAgain covers running a list again: the same bytes in
// another folder; nothing rewritten in the same folder; --resume skipping
// without rendering; a changed row replacing its own packet; and a file
// the batch did not make left alone without --force.
func TestBatchRunsAgain(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rows := pdftest.Patients(size(4, 16))
	list := pdftest.WriteList(t, dir, rows)
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, out := range []string{a, b} {
		if stderr, err := runBatch(t, batch.Options{List: list, OutDir: out}, nil); err != nil {
			t.Fatalf("%v: %s", err, stderr)
		}
	}
	ta, tb := pdftest.ReadTree(t, a), pdftest.ReadTree(t, b)
	if len(ta) != len(rows)+1 {
		t.Fatalf("%d files, want %d packets and the manifest", len(ta), len(rows))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two runs of the same list", name)
		}
	}

	n := len(rows)
	// expect runs the list into a with the options of o, and wants
	// failures (partly) or none, and the summary.
	expect := func(o batch.Options, partly bool, summary string) string {
		t.Helper()
		o.List, o.OutDir = list, a
		stderr, err := runBatch(t, o, nil)
		if partial(err) != partly || (!partly && err != nil) || !strings.Contains(stderr, summary) {
			t.Fatalf("batch %+v: err = %v, stderr:\n%s\nwant some rows failed: %v, and %q", o, err, stderr, partly, summary)
		}
		return stderr
	}
	resume := batch.Options{Resume: true}
	expect(batch.Options{}, false, fmt.Sprintf("%d rows: 0 written, %d skipped, 0 failed", n, n))
	expect(resume, false, fmt.Sprintf("%d rows: 0 written, %d skipped, 0 failed", n, n))
	if !bytes.Equal(pdftest.ReadTree(t, a)["manifest.json"], ta["manifest.json"]) {
		t.Error("the manifest changed though nothing did")
	}

	// A changed dose: the row's own packet is replaced, no --force needed.
	rows[2].Doses = "cat-and-cow: reps 12"
	pdftest.WriteList(t, dir, rows)
	expect(resume, false, fmt.Sprintf("%d rows: 1 written, %d skipped, 0 failed", n, n-1))
	if bytes.Equal(pdftest.ReadTree(t, a)[rows[2].Date+"-"+rows[2].ID+".pdf"], ta[rows[2].Date+"-"+rows[2].ID+".pdf"]) {
		t.Error("the changed row's packet was not made again")
	}

	// A file someone else put there is not replaced without --force.
	foreign := filepath.Join(a, "2026-11-25-P0001.pdf")
	if err := os.WriteFile(foreign, []byte("%PDF-1.4 someone else's"), 0o600); err != nil {
		t.Fatal(err)
	}
	stderr := expect(batch.Options{}, true, fmt.Sprintf("%d rows: 0 written, %d skipped, 1 failed", n, n-1))
	if !strings.Contains(stderr, "(id P0001): 2026-11-25-P0001.pdf exists with other content") || !strings.Contains(stderr, "--force") {
		t.Errorf("the refusal does not name the file and --force:\n%s", stderr)
	}
	expect(batch.Options{Force: true}, false, fmt.Sprintf("%d rows: 1 written, %d skipped, 0 failed", n, n-1))
	if !bytes.Equal(pdftest.ReadTree(t, a)["2026-11-25-P0001.pdf"], ta["2026-11-25-P0001.pdf"]) {
		t.Error("--force did not restore the packet")
	}
}

// TestBatchCanary checks that a patient's name and notes never reach
// standard error, file names, the manifest or a PDF other than on its
// pages (metadata, structure tree), whatever goes wrong with the row.
func TestBatchCanary(t *testing.T) {
	t.Parallel()
	const name, notes = "Zelda Canarywood", "CANARYNOTE keep off logs"
	dir := t.TempDir()
	rows := pdftest.Patients(4)
	for i := range rows {
		rows[i].Name, rows[i].Notes = name, notes
	}
	rows[1].Handouts = "mid-bak-pain"                  // fails in the checks
	rows[2].Name = name + " \U0001F600"                // fails in the layout: no glyph
	rows[3].Doses = "cat-and-cow: reps " + name + "s;" // printed on the pages, not in messages
	list := pdftest.WriteList(t, dir, rows)
	out := filepath.Join(dir, "out")
	stderr, err := runBatch(t, batch.Options{List: list, OutDir: out}, nil)
	if !partial(err) {
		t.Fatalf("err = %v, want some rows failed:\n%s", err, stderr)
	}
	stderr += err.Error() // as the command prints it
	if !strings.Contains(stderr, "(id P0003): patient name or date: character U+1F600") {
		t.Errorf("the layout failure is not reported by id:\n%s", stderr)
	}
	for _, secret := range []string{"Zelda", "Canarywood", "CANARYNOTE"} {
		if strings.Contains(stderr, secret) {
			t.Errorf("standard error contains %q:\n%s", secret, stderr)
		}
		for file, data := range pdftest.ReadTree(t, out) {
			if strings.Contains(file, secret) {
				t.Errorf("file name %q contains %q", file, secret)
			}
			if strings.HasSuffix(file, ".pdf") {
				pdftest.OnlyOnPages(t, data, secret) // the pages print the name
			} else if bytes.Contains(data, []byte(secret)) || bytes.Contains(data, pdftest.UTF16BE(secret)) {
				t.Errorf("%s contains %q in readable bytes", file, secret)
			}
		}
	}
	if n := len(pdftest.PDFNames(t, out)); n != 2 {
		t.Errorf("%d packets written, want 2", n)
	}
}

// TestBatchShards runs a list whole and in three shards into one folder:
// the shards make exactly the same files, each row once, and their merged
// manifest is the whole run's, byte for byte.
func TestBatchShards(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rows := pdftest.Patients(size(6, 24))
	list := pdftest.WriteList(t, dir, rows)
	whole, parts := filepath.Join(dir, "whole"), filepath.Join(dir, "parts")
	if stderr, err := runBatch(t, batch.Options{List: list, OutDir: whole}, nil); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	seen := map[string]int{}
	for i := range 3 {
		sh := fmt.Sprintf("%d/3", i)
		if stderr, err := runBatch(t, batch.Options{List: list, OutDir: parts, Shard: sh}, nil); err != nil {
			t.Fatalf("shard %s: %v: %s", sh, err, stderr)
		}
		m, err := pdftest.ReadManifest(filepath.Join(parts, fmt.Sprintf("manifest-%d-of-3.json", i)))
		if err != nil {
			t.Fatal(err)
		}
		if m.Shard != sh {
			t.Errorf("shard manifest says %q, want %q", m.Shard, sh)
		}
		for _, r := range m.Rows {
			seen[r.ID]++
		}
	}
	for _, r := range rows {
		if seen[r.ID] != 1 {
			t.Errorf("row %s is in %d shards, want 1", r.ID, seen[r.ID])
		}
	}
	var merged bytes.Buffer
	if err := batch.MergeManifests(parts, &merged); err != nil {
		t.Fatalf("merge: %v: %s", err, merged.String())
	}
	tw, tp := pdftest.ReadTree(t, whole), pdftest.ReadTree(t, parts)
	for name, data := range tw {
		if !bytes.Equal(data, tp[name]) {
			t.Errorf("%s differs between the whole run and the shards", name)
		}
	}
	for name := range tp {
		if _, ok := tw[name]; !ok && !strings.HasPrefix(name, "manifest-") {
			t.Errorf("the shards made %s, the whole run did not", name)
		}
	}
}

// TestBatchJSONLines reads a JSON Lines list: handouts as an array, doses
// as an object; an unknown key is that row's problem.
func TestBatchJSONLines(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := `{"id":"J1","name":"A B","visit_date":"2026-11-25","handouts":["mid-back-pain"],"doses":{"cat-and-cow":"reps 9"}}

{"id":"J2","visit_date":"2026-11-25","handouts":["mid-back-pain"],"dose":{"cat-and-cow":"reps 9"}}
{"id":3,"visit_date":"2026-11-25","handouts":["mid-back-pain"]}
`
	list := writeList(t, dir, "patients.jsonl", src)
	out := filepath.Join(dir, "out")
	stderr, err := runBatch(t, batch.Options{List: list, OutDir: out}, nil)
	if !partial(err) {
		t.Fatalf("err = %v:\n%s", err, stderr)
	}
	for _, want := range []string{`patients.jsonl:3: `, `unknown field "dose"`, `patients.jsonl:4: `, `"id" should be a string`, "3 rows: 1 written"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	pdftest.CheckManifest(t, out, "manifest.json", []string{"J1"})
}

// TestBatchFileHandouts uses handout files beside the list, with a photo:
// paths are relative to the list, the photo is part of the row's inputs
// (a new photo makes the packet again under --resume), and a missing file
// or photo is that row's problem.
func TestBatchFileHandouts(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "handouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	writePhoto := func(c color.RGBA) {
		img := image.NewRGBA(image.Rect(0, 0, 160, 120))
		for i := range img.Pix {
			img.Pix[i] = []uint8{c.R, c.G, c.B, 255}[i%4]
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "handouts", "neck.png"), b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	writePhoto(color.RGBA{200, 80, 80, 255})
	md := "---\ntitle: Neck care\n---\n\n## Chin tucks\n\n1. Sit tall.\n2. Draw your chin back.\n\n![A chin tuck](neck.png)\n\nDose: reps 10\n"
	if err := os.WriteFile(filepath.Join(dir, "handouts", "neck.md"), []byte(md), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "handouts", "nophoto.md"), []byte(strings.Replace(md, "neck.png", "gone.png", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	rows := pdftest.Patients(4)
	rows[0].Handouts, rows[0].Doses = "handouts/neck.md|mid-back-pain", "chin-tucks: reps 12 | cat-and-cow: reps 4"
	rows[1].Handouts, rows[1].Doses = "handouts/neck.md", ""
	rows[2].Handouts = "handouts/missing.md"
	rows[3].Handouts = "handouts/nophoto.md"
	list := pdftest.WriteList(t, dir, rows)
	out := filepath.Join(dir, "out")
	stderr, err := runBatch(t, batch.Options{List: list, OutDir: out}, nil)
	if !partial(err) {
		t.Fatalf("err = %v:\n%s", err, stderr)
	}
	for _, want := range []string{`(id P0003): handout handouts/missing.md: file not found in the folder`, `(id P0004): ` + filepath.Join(dir, "handouts", "nophoto.md") + `:10: figures: gone.png: file not found`, "4 rows: 2 written, 0 skipped, 2 failed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	first := pdftest.CheckManifest(t, out, "manifest.json", []string{"P0001", "P0002"})
	if first["P0001"].Pages <= first["P0002"].Pages {
		t.Errorf("P0001 (two handouts) has %d pages, P0002 (one) %d", first["P0001"].Pages, first["P0002"].Pages)
	}

	writePhoto(color.RGBA{80, 80, 200, 255})
	stderr, err = runBatch(t, batch.Options{List: list, OutDir: out, Resume: true}, nil)
	if !partial(err) || !strings.Contains(stderr, "4 rows: 2 written, 0 skipped, 2 failed") {
		t.Fatalf("after a new photo, --resume: err = %v:\n%s", err, stderr)
	}
	second := pdftest.CheckManifest(t, out, "manifest.json", []string{"P0001", "P0002"})
	if second["P0002"].Inputs == first["P0002"].Inputs || second["P0002"].PDF == first["P0002"].PDF {
		t.Error("a new photo did not change the row's inputs and packet")
	}
}

// TestBatchWarnsOnceOfSoftPhoto: ten packets share a handout whose photo
// is too small to print sharp: the warning is printed once, not ten times,
// and names no patient.
func TestBatchWarnsOnceOfSoftPhoto(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pdftest.WritePhoto(t, dir, "tiny.jpg", 240, 160, 5)
	if err := os.WriteFile(filepath.Join(dir, "band.md"), []byte("---\ntitle: Band\n---\n\n![Band](tiny.jpg)\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rows := pdftest.Patients(10)
	for i := range rows {
		rows[i].Handouts, rows[i].Doses = "band.md", ""
	}
	list := pdftest.WriteList(t, dir, rows)
	stderr, err := runBatch(t, batch.Options{List: list, OutDir: filepath.Join(dir, "out"), Jobs: 2}, nil)
	if err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	if n := strings.Count(stderr, `handout: warning: `); n != 1 || !strings.Contains(stderr, `band.md:5: photo "tiny.jpg" prints at`) {
		t.Errorf("%d warnings in:\n%s", n, stderr)
	}
	if strings.Contains(stderr, "Test Patient") {
		t.Errorf("a patient's name is in the output:\n%s", stderr)
	}
}
