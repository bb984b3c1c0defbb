package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderProtocolCommand: `handout render protocol:NAME` writes
// NAME.pdf in the current folder, warning of drawings not made yet, and a
// programme file's patient comes from the file.
func TestRenderProtocolCommand(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runCLI(t, dir, "render", "protocol:low-back-core", "--patient", "Ana Díaz")
	if code != exitOK || !strings.HasPrefix(stdout, "wrote low-back-core.pdf (") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if strings.Contains(stderr, "Ana") {
		t.Errorf("a message names the patient: %s", stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "ana.yaml"), []byte("patient: Ana Díaz\nprotocol: knee-osteoarthritis\nexercises:\n  - id: quad-set\n    side: left\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCLI(t, dir, "render", "ana.yaml")
	if code != exitOK || !strings.HasPrefix(stdout, "wrote ana.pdf (") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr = runCLI(t, dir, "render", "protocol:no-such")
	if code != exitFailed || !strings.Contains(stderr, "no-such") {
		t.Errorf("unknown protocol: exit %d, %s", code, stderr)
	}
}

// TestListAndShow: list shows protocols and exercises, --region filters,
// show prints one exercise's card.
func TestListAndShow(t *testing.T) {
	dir := t.TempDir()
	code, stdout, _ := runCLI(t, dir, "list")
	for _, want := range []string{"Protocols (handout render protocol:NAME):", "neck-pain", "Exercises (", "chin-tuck", "Built-in figures"} {
		if code != exitOK || !strings.Contains(stdout, want) {
			t.Errorf("list: exit %d, no %q", code, want)
		}
	}
	code, stdout, _ = runCLI(t, dir, "list", "--region", "knee")
	if code != exitOK || !strings.Contains(stdout, "quad-set") || strings.Contains(stdout, "chin-tuck") || strings.Contains(stdout, "Protocols") {
		t.Errorf("list --region knee: exit %d\n%s", code, stdout)
	}
	code, _, stderr := runCLI(t, dir, "list", "--region", "elbow")
	if code != exitUsage || !strings.Contains(stderr, "the regions are") {
		t.Errorf("list --region elbow: exit %d, %s", code, stderr)
	}
	code, stdout, _ = runCLI(t, dir, "show", "press-up") // an alias of prone-press-up
	if code != exitOK || !strings.Contains(stdout, "(prone-press-up)") || !strings.Contains(stdout, "  1. ") {
		t.Errorf("show press-up: exit %d\n%s", code, stdout)
	}
}
