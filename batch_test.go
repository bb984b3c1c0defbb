package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"handout/internal/pdftest"
)

// batchCLI runs `handout batch` in process and returns the exit code and
// standard error.
func batchCLI(t testing.TB, args ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := exitCode(run(append([]string{"batch"}, args...), &out, &errb), &errb)
	if out.Len() > 0 {
		t.Errorf("batch wrote to standard output: %q", out.String())
	}
	return code, errb.String()
}

// readTree returns the files of dir by name, with their bytes.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

// manifestFile is the manifest as other tools read it: decoded here from
// its JSON, not with package batch's own types, so a change of the file's
// shape fails these tests.
type manifestFile struct {
	Format string          `json:"format"`
	Shard  string          `json:"shard"`
	Rows   []manifestEntry `json:"rows"`
}

type manifestEntry struct {
	ID         string `json:"id"`
	File       string `json:"file"`
	Pages      int    `json:"pages"`
	PDF        string `json:"pdf_sha256"`
	Inputs     string `json:"inputs_sha256"`
	Plain      string `json:"plain_sha256"`
	PasswordFP string `json:"password_fingerprint"`
	Send       string `json:"send"`
	SentSHA256 string `json:"sent_sha256"`
}

// journalFile is the journal of an unsharded run, kept until the manifest
// is written.
const journalFile = ".manifest.json.journal"

func readManifest(path string) (manifestFile, error) {
	var m manifestFile
	b, err := os.ReadFile(path)
	if err != nil {
		return m, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return m, dec.Decode(&m)
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// checkManifest reads the manifest in dir and checks it against the
// folder: every row's file there with its checksum, ids sorted, and
// exactly the PDFs of wantIDs. It returns the rows by id.
func checkManifest(t testing.TB, dir, name string, wantIDs []string) map[string]manifestEntry {
	t.Helper()
	m, err := readManifest(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]manifestEntry{}
	var ids []string
	for _, r := range m.Rows {
		ids = append(ids, r.ID)
		byID[r.ID] = r
		b, err := os.ReadFile(filepath.Join(dir, r.File))
		if err != nil {
			t.Errorf("manifest row %s: %v", r.ID, err)
			continue
		}
		if sha256Hex(b) != r.PDF {
			t.Errorf("manifest row %s: checksum does not match %s", r.ID, r.File)
		}
		if len(r.Inputs) != 64 || r.Pages < 3 {
			t.Errorf("manifest row %s: inputs %q, %d pages", r.ID, r.Inputs, r.Pages)
		}
	}
	if !slices.IsSorted(ids) {
		t.Error("manifest rows are not sorted by id")
	}
	want := slices.Sorted(slices.Values(wantIDs))
	if !slices.Equal(ids, want) {
		t.Errorf("manifest has %d rows, want %d:\n got %v\nwant %v", len(ids), len(want), ids, want)
	}
	return byID
}

// pdfNames lists the PDFs in dir.
func pdfNames(t testing.TB, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	return names
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
		{at: 11, id: "P0012", want: `visit_date "25/11/2026": write the date as YYYY-MM-DD`},
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
	rows[11].Date = "25/11/2026"
	rows[14].Doses = "cat-cow: reps 3"
	rows[18].Doses = "cat-and-cow: rep 3"
	rows[21].Extra = []string{"stray"}
	rows[26].ID = "P0025"
	rows[31].ID = "p0031"
	list := pdftest.WriteList(t, dir, rows)
	out := filepath.Join(dir, "out")

	code, stderr := batchCLI(t, list, "--out-dir", out, "--jobs", "2")
	if code != exitPartial {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(bads)+2 {
		t.Fatalf("stderr has %d lines, want %d failures, the summary and the exit line:\n%s", len(lines), len(bads), stderr)
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
	byID := checkManifest(t, out, "manifest.json", wantIDs)
	if n := len(pdfNames(t, out)); n != good {
		t.Errorf("%d PDFs in the folder, want %d", n, good)
	}
	if r := byID["P0001"]; r.File != "2026-11-25-P0001.pdf" {
		t.Errorf("P0001 written to %q, want 2026-11-25-P0001.pdf (the default template)", r.File)
	}
	pdftest.Validate(t, readTree(t, out)["2026-11-25-P0002.pdf"])
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
	if _, err := os.Stat(filepath.Join(out, journalFile)); err == nil {
		t.Error("the journal is left after a finished run")
	}
}

// TestBatchRunsAgain covers running a list again: the same bytes in
// another folder; nothing rewritten in the same folder; --resume skipping
// without rendering; a changed row replacing its own packet; and a file
// the batch did not make left alone without --force.
func TestBatchRunsAgain(t *testing.T) {
	dir := t.TempDir()
	rows := pdftest.Patients(size(4, 16))
	list := pdftest.WriteList(t, dir, rows)
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, out := range []string{a, b} {
		if code, stderr := batchCLI(t, list, "--out-dir", out); code != 0 {
			t.Fatalf("exit code %d: %s", code, stderr)
		}
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(rows)+1 {
		t.Fatalf("%d files, want %d packets and the manifest", len(ta), len(rows))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two runs of the same list", name)
		}
	}

	n := len(rows)
	expect := func(args []string, code int, summary string) string {
		t.Helper()
		got, stderr := batchCLI(t, append([]string{list, "--out-dir", a}, args...)...)
		if got != code || !strings.Contains(stderr, summary) {
			t.Fatalf("batch %v: exit %d, stderr:\n%s\nwant exit %d and %q", args, got, stderr, code, summary)
		}
		return stderr
	}
	expect(nil, 0, fmt.Sprintf("%d rows: 0 written, %d skipped, 0 failed", n, n))
	expect([]string{"--resume"}, 0, fmt.Sprintf("%d rows: 0 written, %d skipped, 0 failed", n, n))
	if !bytes.Equal(readTree(t, a)["manifest.json"], ta["manifest.json"]) {
		t.Error("the manifest changed though nothing did")
	}

	// A changed dose: the row's own packet is replaced, no --force needed.
	rows[2].Doses = "cat-and-cow: reps 12"
	pdftest.WriteList(t, dir, rows)
	expect([]string{"--resume"}, 0, fmt.Sprintf("%d rows: 1 written, %d skipped, 0 failed", n, n-1))
	if bytes.Equal(readTree(t, a)[rows[2].Date+"-"+rows[2].ID+".pdf"], ta[rows[2].Date+"-"+rows[2].ID+".pdf"]) {
		t.Error("the changed row's packet was not made again")
	}

	// A file someone else put there is not replaced without --force.
	foreign := filepath.Join(a, "2026-11-25-P0001.pdf")
	if err := os.WriteFile(foreign, []byte("%PDF-1.4 someone else's"), 0o600); err != nil {
		t.Fatal(err)
	}
	stderr := expect(nil, exitPartial, fmt.Sprintf("%d rows: 0 written, %d skipped, 1 failed", n, n-1))
	if !strings.Contains(stderr, "(id P0001): 2026-11-25-P0001.pdf exists with other content") || !strings.Contains(stderr, "--force") {
		t.Errorf("the refusal does not name the file and --force:\n%s", stderr)
	}
	expect([]string{"--force"}, 0, fmt.Sprintf("%d rows: 1 written, %d skipped, 0 failed", n, n-1))
	if !bytes.Equal(readTree(t, a)["2026-11-25-P0001.pdf"], ta["2026-11-25-P0001.pdf"]) {
		t.Error("--force did not restore the packet")
	}
}

// TestBatchCanary checks that a patient's name and notes never reach
// standard error, file names, the manifest or the PDF's readable bytes
// (metadata), whatever goes wrong with the row.
func TestBatchCanary(t *testing.T) {
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
	code, stderr := batchCLI(t, list, "--out-dir", out)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d:\n%s", code, exitPartial, stderr)
	}
	if !strings.Contains(stderr, "(id P0003): patient name or date: character U+1F600") {
		t.Errorf("the layout failure is not reported by id:\n%s", stderr)
	}
	for _, secret := range []string{"Zelda", "Canarywood", "CANARYNOTE"} {
		if strings.Contains(stderr, secret) {
			t.Errorf("standard error contains %q:\n%s", secret, stderr)
		}
		for file, data := range readTree(t, out) {
			if strings.Contains(file, secret) {
				t.Errorf("file name %q contains %q", file, secret)
			}
			if bytes.Contains(data, []byte(secret)) || bytes.Contains(data, pdftest.UTF16BE(secret)) {
				t.Errorf("%s contains %q in readable bytes", file, secret)
			}
		}
	}
	if n := len(pdfNames(t, out)); n != 2 {
		t.Errorf("%d packets written, want 2", n)
	}
}

// TestBatchShards runs a list whole and in three shards into one folder:
// the shards make exactly the same files, each row once, and their merged
// manifest is the whole run's, byte for byte.
func TestBatchShards(t *testing.T) {
	dir := t.TempDir()
	rows := pdftest.Patients(size(6, 24))
	list := pdftest.WriteList(t, dir, rows)
	whole, parts := filepath.Join(dir, "whole"), filepath.Join(dir, "parts")
	if code, stderr := batchCLI(t, list, "--out-dir", whole); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	seen := map[string]int{}
	for i := range 3 {
		sh := fmt.Sprintf("%d/3", i)
		if code, stderr := batchCLI(t, list, "--out-dir", parts, "--shard", sh); code != 0 {
			t.Fatalf("shard %s: exit %d: %s", sh, code, stderr)
		}
		m, err := readManifest(filepath.Join(parts, fmt.Sprintf("manifest-%d-of-3.json", i)))
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
	if code, stderr := batchCLI(t, "--merge-manifests", "--out-dir", parts); code != 0 {
		t.Fatalf("merge: exit %d: %s", code, stderr)
	}
	tw, tp := readTree(t, whole), readTree(t, parts)
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
	dir := t.TempDir()
	list := filepath.Join(dir, "patients.jsonl")
	src := `{"id":"J1","name":"A B","visit_date":"2026-11-25","handouts":["mid-back-pain"],"doses":{"cat-and-cow":"reps 9"}}

{"id":"J2","visit_date":"2026-11-25","handouts":["mid-back-pain"],"dose":{"cat-and-cow":"reps 9"}}
{"id":3,"visit_date":"2026-11-25","handouts":["mid-back-pain"]}
`
	if err := os.WriteFile(list, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, stderr := batchCLI(t, list, "--out-dir", out)
	if code != exitPartial {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, want := range []string{`patients.jsonl:3: `, `unknown field "dose"`, `patients.jsonl:4: `, `"id" should be a string`, "3 rows: 1 written"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	checkManifest(t, out, "manifest.json", []string{"J1"})
}

// TestBatchCommandLine checks the exit codes for mistakes in the command
// (1) and for runs where nothing can be done (2).
func TestBatchCommandLine(t *testing.T) {
	dir := t.TempDir()
	list := pdftest.WriteList(t, dir, pdftest.Patients(2))
	allBad := pdftest.WriteList(t, t.TempDir(), []pdftest.Patient{{ID: "X1", Date: "2026-11-25", Handouts: "nope"}})
	badClinic := filepath.Join(dir, "clinic.yaml")
	if err := os.WriteFile(badClinic, []byte("name: C\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{nil, exitUsage, "batch needs one patient list"},
		{[]string{list, "--jobs", "0"}, exitUsage, "--jobs 0"},
		{[]string{list, "--shard", "3/3"}, exitUsage, "--shard"},
		{[]string{list, "--name", "{date}.pdf"}, exitUsage, "--name"},
		{[]string{list, "--paper", "a5"}, exitUsage, "--paper"},
		{[]string{list, "--preset", "web"}, exitUsage, "--preset"},
		{[]string{list, "--frobnicate"}, exitUsage, "frobnicate"},
		{[]string{filepath.Join(dir, "nope.csv")}, exitFailed, "nope.csv"},
		{[]string{list, "--clinic", badClinic, "--out-dir", filepath.Join(dir, "o")}, exitFailed, "clinic.yaml"},
		{[]string{allBad, "--out-dir", filepath.Join(dir, "o2")}, exitFailed, "the only row failed"},
		{[]string{"--merge-manifests", "--out-dir", dir}, exitFailed, "no shard manifests"},
	} {
		code, stderr := batchCLI(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("batch %v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
	var out, errb bytes.Buffer
	if err := run([]string{"batch", "--help"}, &out, &errb); err != nil || !strings.Contains(out.String(), "--resume") {
		t.Errorf("batch --help: %v, %q", err, out.String())
	}
}

// buildHandout builds the program into a temporary folder, to run it as a
// process that can be killed.
func buildHandout(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	bin := filepath.Join(t.TempDir(), "handout")
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestBatchResumeAfterKill kills a batch with SIGKILL once some packets
// are written, then runs it again with --resume: every row's packet is
// there exactly once, whole and valid, with no temporary file or journal
// left, and the manifest lists them all.
func TestBatchResumeAfterKill(t *testing.T) {
	bin := buildHandout(t)
	dir := t.TempDir()
	rows := pdftest.Patients(size(40, 150))
	list := pdftest.WriteList(t, dir, rows)
	out := filepath.Join(dir, "out")

	cmd, _ := startBatch(t, bin, list, out, 5)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	before := len(pdfNames(t, out))
	if before == len(rows) {
		t.Fatalf("the run finished before the kill (%d packets); make the list longer", before)
	}
	if _, err := os.Stat(filepath.Join(out, journalFile)); err != nil {
		t.Errorf("no journal after the kill: %v", err)
	}

	resume := exec.Command(bin, "batch", list, "--out-dir", out, "--jobs", "2", "--resume")
	stderr, err := resume.CombinedOutput()
	if err != nil {
		t.Fatalf("--resume: %v\n%s", err, stderr)
	}
	m := regexp.MustCompile(`(\d+) rows: (\d+) written, (\d+) skipped, 0 failed`).FindStringSubmatch(string(stderr))
	if m == nil {
		t.Fatalf("no summary in %q", stderr)
	}
	if written, _ := strconv.Atoi(m[2]); written > len(rows)-before+2 {
		t.Errorf("--resume wrote %d packets; %d of %d were there already", written, before, len(rows))
	}
	t.Logf("killed with %d of %d packets written; resume: %s", before, len(rows), strings.TrimSpace(string(stderr)))

	var ids, want []string
	for _, r := range rows {
		ids = append(ids, r.ID)
		want = append(want, r.Date+"-"+r.ID+".pdf")
	}
	checkManifest(t, out, "manifest.json", ids)
	if got := pdfNames(t, out); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("packets in the folder:\n got %v\nwant %v", got, want)
	}
	for name, data := range readTree(t, out) {
		switch {
		case strings.HasSuffix(name, ".pdf"):
			pdftest.Validate(t, data)
		case name != "manifest.json":
			t.Errorf("%s is left in the folder", name)
		}
	}
}

// startBatch starts the built program on a list and returns once at
// least n packets are in out. flags are added to the command line.
func startBatch(t *testing.T, bin, list, out string, n int, flags ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"batch", list, "--out-dir", out, "--jobs", "2"}, flags...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		names, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
		if len(names) >= n {
			return cmd, &stderr
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("fewer than %d packets after 2 minutes; stderr:\n%s", n, stderr.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestBatchFileHandouts uses handout files beside the list, with a photo:
// paths are relative to the list, the photo is part of the row's inputs
// (a new photo makes the packet again under --resume), and a missing file
// or photo is that row's problem.
func TestBatchFileHandouts(t *testing.T) {
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
	code, stderr := batchCLI(t, list, "--out-dir", out)
	if code != exitPartial {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, want := range []string{`(id P0003): handout handouts/missing.md: file not found in the folder`, `(id P0004): ` + filepath.Join(dir, "handouts", "nophoto.md") + `:10: figures: gone.png: file not found`, "4 rows: 2 written, 0 skipped, 2 failed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	first := checkManifest(t, out, "manifest.json", []string{"P0001", "P0002"})
	if first["P0001"].Pages <= first["P0002"].Pages {
		t.Errorf("P0001 (two handouts) has %d pages, P0002 (one) %d", first["P0001"].Pages, first["P0002"].Pages)
	}

	writePhoto(color.RGBA{80, 80, 200, 255})
	code, stderr = batchCLI(t, list, "--out-dir", out, "--resume")
	if code != exitPartial || !strings.Contains(stderr, "4 rows: 2 written, 0 skipped, 2 failed") {
		t.Fatalf("after a new photo, --resume: exit %d:\n%s", code, stderr)
	}
	second := checkManifest(t, out, "manifest.json", []string{"P0001", "P0002"})
	if second["P0002"].Inputs == first["P0002"].Inputs || second["P0002"].PDF == first["P0002"].PDF {
		t.Error("a new photo did not change the row's inputs and packet")
	}
}

// TestBatchInterrupt stops a batch with Ctrl-C (SIGINT): the packets in
// progress are finished, the manifest lists exactly the packets there,
// and the exit code is 2 with a reminder to resume.
func TestBatchInterrupt(t *testing.T) {
	bin := buildHandout(t)
	dir := t.TempDir()
	rows := pdftest.Patients(size(40, 100))
	list := pdftest.WriteList(t, dir, rows)
	out := filepath.Join(dir, "out")
	cmd, stderr := startBatch(t, bin, list, out, 3)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != exitFailed || !strings.Contains(stderr.String(), "run again with --resume") {
		t.Fatalf("exit %d (%v), want %d; stderr:\n%s", code, err, exitFailed, stderr.String())
	}
	var ids []string
	for _, name := range pdfNames(t, out) {
		ids = append(ids, strings.TrimSuffix(strings.TrimPrefix(name, "2026-11-25-"), ".pdf"))
	}
	if len(ids) == len(rows) {
		t.Skip("the run finished before the signal")
	}
	checkManifest(t, out, "manifest.json", ids)
	for name := range readTree(t, out) {
		if !strings.HasSuffix(name, ".pdf") && name != "manifest.json" {
			t.Errorf("%s is left in the folder", name)
		}
	}
}

// TestBatchWarnsOnceOfSoftPhoto: ten packets share a handout whose photo
// is too small to print sharp: the warning is printed once, not ten times,
// and names no patient.
func TestBatchWarnsOnceOfSoftPhoto(t *testing.T) {
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
	code, stderr := batchCLI(t, list, "--out-dir", filepath.Join(dir, "out"), "--jobs", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := strings.Count(stderr, `handout: warning: `); n != 1 || !strings.Contains(stderr, `band.md:5: photo "tiny.jpg" prints at`) {
		t.Errorf("%d warnings in:\n%s", n, stderr)
	}
	if strings.Contains(stderr, "Test Patient") {
		t.Errorf("a patient's name is in the output:\n%s", stderr)
	}
}
