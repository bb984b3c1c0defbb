package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"handout/internal/golden"
)

// TestHelpCommand: `handout help COMMAND` prints what `handout COMMAND
// --help` prints, and exits 0.
func TestHelpCommand(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"render", "list", "figure", "batch"} {
		code, want, stderr := runCLI(t, dir, name, "--help")
		if code != exitOK {
			t.Fatalf("%s --help: exit %d: %s", name, code, stderr)
		}
		code, got, stderr := runCLI(t, dir, "help", name)
		if code != exitOK || got != want {
			t.Errorf("help %s: exit %d, stderr %q, output\n%s\nwant the output of %s --help:\n%s", name, code, stderr, got, name, want)
		}
	}
}

// TestHelpUnknownCommand: help for a command that does not exist is a
// usage error naming the commands there are.
func TestHelpUnknownCommand(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"help", "frobnicate"}, {"frobnicate"}, {"help", "render", "list"}} {
		code, stdout, stderr := runCLI(t, dir, args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d; stdout %q", args, code, exitUsage, stdout)
		}
		for _, name := range []string{"render", "list", "figure", "batch"} {
			if !strings.Contains(stderr, name) {
				t.Errorf("%v: message %q does not name the command %s", args, stderr, name)
			}
		}
	}
}

// TestHelpGolden compares handout --help and each command's --help with
// testdata/help/NAME.txt (as gotestsum keeps its help text): a flag added,
// renamed or reworded shows up here, to be read before go test -update.
func TestHelpGolden(t *testing.T) {
	dir := t.TempDir()
	check := func(name string, args ...string) {
		t.Helper()
		code, got, stderr := runCLI(t, dir, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		path := filepath.Join("testdata", "help", name+".txt")
		if golden.Update() {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("golden file missing: %v (run go test -run TestHelpGolden -update .)", err)
		}
		if got != string(want) {
			t.Errorf("%v differs from %s (go test -run TestHelpGolden -update . rewrites it):\n%s", args, path, golden.FirstDiff(string(want), got))
		}
	}
	check("handout", "--help")
	for _, c := range commands() {
		check(c.name, c.name, "--help")
	}
}

// TestEveryFlagIsDocumented: every flag has a help line, and the command's
// usage names it, so --help shows it in the synopsis as well as the list.
func TestEveryFlagIsDocumented(t *testing.T) {
	t.Parallel()
	for _, c := range commands() {
		c.flags().VisitAll(func(f *pflag.Flag) {
			if strings.TrimSpace(f.Usage) == "" {
				t.Errorf("%s --%s has no help text", c.name, f.Name)
			}
			if !strings.Contains(c.usage, "--"+f.Name) && (f.Shorthand == "" || !strings.Contains(c.usage, "-"+f.Shorthand+" ")) {
				t.Errorf("%s --%s is not in the command's usage:\n%s", c.name, f.Name, c.usage)
			}
		})
	}
}
