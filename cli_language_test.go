package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderLanguageFlag: --language with a language the program does not
// print is a usage error, one line, naming the flag and listing the
// languages it has; nothing is written. A language it has prints.
func TestRenderLanguageFlag(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const languages = "en-US, en-GB, es, fr, fr-CA, pt-BR, pl"
	for _, c := range []struct{ tag, want string }{
		{"xx", `--language: "xx" is no language BCP 47 knows; handout prints ` + languages},
		{"zh", `--language: handout does not print "zh"; it prints ` + languages},
		{"Spanish", `--language: "Spanish" is not a BCP 47 language tag; write one of ` + languages},
	} {
		out := filepath.Join(dir, c.tag+".pdf")
		code, stderr := runPromptly(t, "render", "mid-back-pain", "--language", c.tag, "-o", out)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("--language %s: exit %d, want %d and %q:\n%s", c.tag, code, exitUsage, c.want, stderr)
		}
		if first, _, _ := strings.Cut(strings.TrimSpace(stderr), "\n"); !strings.Contains(first, c.want) {
			t.Errorf("--language %s: the message is not one line: %q", c.tag, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("--language %s: %s was written", c.tag, out)
		}
	}
	out := filepath.Join(dir, "es.pdf")
	if code, stderr := runPromptly(t, "render", "mid-back-pain", "--language", "es-MX", "-o", out); code != exitOK {
		t.Errorf("--language es-MX: exit %d:\n%s", code, stderr)
	}
}
