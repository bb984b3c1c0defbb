package main

import (
	"bytes"
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

// runAsHandout, set to 1 in a test binary's environment, makes the binary
// the handout command instead of running tests (TestMain): the tests that
// kill or signal a batch run the program as a process of its own by
// running the test binary again, with no go build.
const runAsHandout = "HANDOUT_TEST_RUN_AS_HANDOUT"

func TestMain(m *testing.M) {
	if os.Getenv(runAsHandout) == "1" {
		main() // exits with the command's exit code
	}
	os.Exit(m.Run())
}

// handoutCommand is the command `handout args...` as a process: this test
// binary run again as the program (runAsHandout), with env added to the
// environment.
func handoutCommand(t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), runAsHandout+"=1"), env...)
	return cmd
}

// TestBatchResumeAfterKill kills a batch with SIGKILL once some packets
// are written, then runs it again with --resume: every row's packet is
// there exactly once, whole and valid, with no temporary file or journal
// left, and the manifest lists them all.
func TestBatchResumeAfterKill(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// 40 rows: the kill comes a few packets in, and the resume makes the
	// rest, so more rows would only make the test slower.
	rows := pdftest.Patients(40)
	list := pdftest.WriteList(t, dir, rows)
	out := filepath.Join(dir, "out")

	cmd, _ := startBatch(t, nil, list, out, 5)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	before := len(pdftest.PDFNames(t, out))
	if before == len(rows) {
		t.Fatalf("the run finished before the kill (%d packets); make the list longer", before)
	}
	if _, err := os.Stat(filepath.Join(out, pdftest.ManifestJournal)); err != nil {
		t.Errorf("no journal after the kill: %v", err)
	}

	resume := handoutCommand(t, nil, "batch", list, "--out-dir", out, "--jobs", "2", "--resume")
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
	pdftest.CheckManifest(t, out, "manifest.json", ids)
	if got := pdftest.PDFNames(t, out); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("packets in the folder:\n got %v\nwant %v", got, want)
	}
	for name, data := range pdftest.ReadTree(t, out) {
		switch {
		case strings.HasSuffix(name, ".pdf"):
			pdftest.Validate(t, data)
		case name != "manifest.json":
			t.Errorf("%s is left in the folder", name)
		}
	}
}

// startBatch starts the program (handoutCommand, with env) on a list and
// returns once at least n packets are in out. flags are added to the
// command line.
func startBatch(t *testing.T, env []string, list, out string, n int, flags ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := handoutCommand(t, env, append([]string{"batch", list, "--out-dir", out, "--jobs", "2"}, flags...)...)
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

// TestBatchInterrupt stops a batch with Ctrl-C (SIGINT): the packets in
// progress are finished, the manifest lists exactly the packets there,
// and the exit code is 2 with a reminder to resume.
func TestBatchInterrupt(t *testing.T) {
	t.Parallel()
	stopBatch(t, os.Interrupt, nil)
}

// stopBatch starts a batch of 40 rows (with args added), sends it sig
// once it runs, and checks how it stopped: exit 2 with the reminder to
// resume, the manifest listing exactly the packets in the folder, nothing
// else left but the send journal. It returns the output folder and
// the ids of the packets written, and skips the test when the run
// finished before the signal.
func stopBatch(t *testing.T, sig os.Signal, env []string, args ...string) (out string, ids []string) {
	t.Helper()
	dir := t.TempDir()
	rows := pdftest.Patients(40)
	list := pdftest.WriteList(t, dir, rows)
	out = filepath.Join(dir, "out")
	cmd, stderr := startBatch(t, env, list, out, 3, args...)
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != exitFailed || !strings.Contains(stderr.String(), "run again with --resume") {
		t.Fatalf("exit %d (%v), want %d; stderr:\n%s", code, err, exitFailed, stderr.String())
	}
	for _, name := range pdftest.PDFNames(t, out) {
		ids = append(ids, strings.TrimSuffix(strings.TrimPrefix(name, "2026-11-25-"), ".pdf"))
	}
	if len(ids) == len(rows) {
		t.Skip("the run finished before the signal")
	}
	pdftest.CheckManifest(t, out, "manifest.json", ids)
	for name := range pdftest.ReadTree(t, out) {
		if !strings.HasSuffix(name, ".pdf") && name != "manifest.json" && name != ".send-journal.jsonl" {
			t.Errorf("%s is left in the folder", name)
		}
	}
	return out, ids
}
