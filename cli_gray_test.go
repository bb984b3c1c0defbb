package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGrayscaleProfileAndFlag: a profile's grayscale: true makes the
// document --grayscale makes; --grayscale=false wins over it. A brand
// colour too light to read is darkened with a warning naming the colour
// and the profile.
func TestGrayscaleProfileAndFlag(t *testing.T) {
	dir := t.TempDir()
	profile := "name: Light Clinic\naddress: [1 Main St]\nphone: \"555-0100\"\ncolors: {primary: \"#F2C200\", accent: \"#9FE2BF\"}\ngrayscale: true\n"
	if err := os.WriteFile(filepath.Join(dir, "light.yaml"), []byte(profile), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "h.md"), []byte(goodFront+"## One\n\nText.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	render := func(out string, flags ...string) ([]byte, string) {
		t.Helper()
		args := append([]string{"render", "h.md", "--clinic", "light.yaml", "-o", out}, flags...)
		code, _, stderr := runCLI(t, dir, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		b, err := os.ReadFile(filepath.Join(dir, out))
		if err != nil {
			t.Fatal(err)
		}
		return b, stderr
	}
	byProfile, stderr := render("profile.pdf")
	byFlag, _ := render("flag.pdf", "--grayscale")
	colour, colourErr := render("colour.pdf", "--grayscale=false")
	if !bytes.Equal(byProfile, byFlag) {
		t.Error("grayscale: true in the profile and --grayscale make different documents")
	}
	if bytes.Equal(byProfile, colour) {
		t.Error("--grayscale=false did not win over the profile's grayscale: true")
	}
	for _, e := range []string{stderr, colourErr} {
		for _, want := range []string{"handout: warning: light.yaml: colors.primary #F2C200 is too light to read on paper", "light.yaml: colors.accent #9FE2BF"} {
			if !strings.Contains(e, want) {
				t.Errorf("stderr %q lacks %q", e, want)
			}
		}
	}
}
