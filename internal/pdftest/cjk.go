package pdftest

import (
	"os"
	"path/filepath"
	"testing"
)

// CJKFontPath is the CJK font the tests use: Droid Sans Fallback
// (Apache-2.0), from Debian's fonts-droid-fallback, which .ci/run
// installs. The repository holds no copy (README: Languages and scripts).
const CJKFontPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// CJKFontRequired is set by .ci/run: there a missing CJK font fails the
// tests that need it instead of skipping them.
const CJKFontRequired = "HANDOUT_REQUIRE_CJK_FONT"

// CJKFont returns the test CJK font's file name and bytes, skipping t
// when the font is not installed, or failing it where CJKFontRequired
// is set.
func CJKFont(t testing.TB) (name string, ttf []byte) {
	t.Helper()
	ttf, err := os.ReadFile(CJKFontPath)
	if err != nil {
		if os.Getenv(CJKFontRequired) != "" {
			t.Fatalf("%v: install the Debian package fonts-droid-fallback (%s is set)", err, CJKFontRequired)
		}
		t.Skipf("no CJK font to test with (%v): apt-get install fonts-droid-fallback", err)
	}
	return filepath.Base(CJKFontPath), ttf
}
