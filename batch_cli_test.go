package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
		{[]string{list, "--style", "poster"}, exitUsage, `--style: style "poster" does not exist`},
		{[]string{list, "--style", "sheet", "--out-dir", filepath.Join(dir, "sheet")}, exitOK, ""},
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

// TestBatchExampleProgrammes runs the example lists with programmes
// (testdata/batch/programmes.csv and .jsonl, as README shows them): the
// CSV's misspelt exercise is reported by line, id and column with the
// closest id (exit 3), the rest are made; the JSON Lines list is made
// whole (exit 0).
func TestBatchExampleProgrammes(t *testing.T) {
	t.Parallel()
	list := filepath.Join("testdata", "batch", "programmes.csv")
	code, stderr := batchCLI(t, list, "--out-dir", filepath.Join(t.TempDir(), "csv"))
	for _, want := range []string{
		list + `:6 (id P0105): exercises: no exercise "bird-dgo" in the library; did you mean bird-dog?`,
		"5 rows: 4 written, 0 skipped, 1 failed",
	} {
		if code != exitPartial || !strings.Contains(stderr, want) {
			t.Errorf("batch %s: exit %d, want %d and %q:\n%s", list, code, exitPartial, want, stderr)
		}
	}
	jsonl := filepath.Join("testdata", "batch", "programmes.jsonl")
	if code, stderr := batchCLI(t, jsonl, "--out-dir", filepath.Join(t.TempDir(), "jsonl")); code != 0 || !strings.Contains(stderr, "2 rows: 2 written") {
		t.Errorf("batch %s: exit %d:\n%s", jsonl, code, stderr)
	}
}
