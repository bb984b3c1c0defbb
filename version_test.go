package main

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// TestFormatVersion formats build information as the go command records
// it: a release built from a clean tag, a build from a modified checkout,
// and go run or go test, which record no commit.
func TestFormatVersion(t *testing.T) {
	t.Parallel()
	settings := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	cases := []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"release", debug.BuildInfo{GoVersion: "go1.26.11", Main: debug.Module{Path: "handout", Version: "v1.4.0"},
			Settings: settings("GOOS", "linux", "GOARCH", "amd64", "vcs", "git", "vcs.revision", "0123456789abcdef0123456789abcdef01234567", "vcs.time", "2026-11-30T12:00:00Z", "vcs.modified", "false")},
			"handout v1.4.0, commit 0123456789ab of 2026-11-30T12:00:00Z, go1.26.11 linux/amd64\n"},
		{"modified checkout", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "handout", Version: "v1.4.1-0.20261201230000-0123456789ab+dirty"},
			Settings: settings("GOOS", "windows", "GOARCH", "amd64", "vcs.revision", "0123456789abcdef0123456789abcdef01234567", "vcs.time", "2026-12-01T23:00:00Z", "vcs.modified", "true")},
			"handout v1.4.1-0.20261201230000-0123456789ab+dirty, commit 0123456789ab (modified) of 2026-12-01T23:00:00Z, go1.26.8 windows/amd64\n"},
		{"go run", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "handout", Version: "(devel)"},
			Settings: settings("GOOS", "linux", "GOARCH", "arm64")},
			"handout (devel), no commit recorded, go1.26.8 linux/arm64\n"},
		{"go test", debug.BuildInfo{GoVersion: "go1.26.8"},
			"handout (devel), no commit recorded, go1.26.8\n"},
	}
	for _, tc := range cases {
		if got := formatVersion(&tc.bi); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestVersionCommand: handout --version and handout version print this
// binary's version line and exit 0.
func TestVersionCommand(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"--version"}, {"version"}} {
		code, stdout, stderr := runCLI(t, dir, args...)
		if code != exitOK || !strings.HasPrefix(stdout, "handout ") || !strings.Contains(stdout, runtime.Version()) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
	if code, _, _ := runCLI(t, dir, "version", "extra"); code != exitUsage {
		t.Errorf("version extra: exit %d, want %d", code, exitUsage)
	}
}
