package render

import (
	"os"
	"strings"
	"testing"

	"handout/fonts"
	"handout/internal/pdftest"
)

// koreanFontPath is a TrueType font with Hangul: NanumGothic (SIL Open
// Font License), from Debian's fonts-nanum. The test that prints Korean
// skips where it is not installed; .ci/run does not install it.
const koreanFontPath = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"

// koreanHandout is a short handout in Korean.
const koreanHandout = "---\ntitle: 허리 운동\nlanguage: ko\n---\n\n## 시작하기 전에\n\n천천히 하세요. 아프면 멈추세요.\n"

// TestKoreanNeedsAFontWithHangul: Droid Sans Fallback (the tests' CJK
// font) has 3 of the 11,172 Hangul syllables, so a Korean handout with it
// is an error saying what a Korean handout needs, at the first line
// with a syllable it lacks; with a font that has Hangul every character
// prints, and the labels (no Korean catalogue) are the profile's, with
// the warning that says so.
func TestKoreanNeedsAFontWithHangul(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	path := writeHandout(t, koreanHandout)
	_, err := e.Layout(withCJKFont(t, testJob(t, path)))
	if err == nil {
		t.Fatal("Korean with Droid Sans Fallback: no error")
	}
	for _, want := range []string{path + ":2: ", `Korean (Hangul) character U+D5C8 "허" is not in the clinic's CJK font DroidSansFallbackFull.ttf, which has next to no Hangul`,
		"a TrueType font with Hangul in cjk_font:", "NanumGothic.ttf from Debian's fonts-nanum"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}

	ttf, err := os.ReadFile(koreanFontPath)
	if err != nil {
		// CI installs it and sets HANDOUT_REQUIRE_CJK_FONT: there the
		// Korean half must run, not skip.
		if os.Getenv("HANDOUT_REQUIRE_CJK_FONT") != "" {
			t.Fatalf("no font with Hangul to print Korean with (%v): apt-get install fonts-nanum", err)
		}
		t.Skipf("no font with Hangul to print Korean with (%v): apt-get install fonts-nanum", err)
	}
	cjk, err := fonts.ParseCJK("NanumGothic.ttf", ttf)
	if err != nil {
		t.Fatal(err)
	}
	j := testJob(t, path)
	p := *j.Clinic.Profile
	p.CJKFont = cjk.Name()
	j.Clinic.Profile, j.Clinic.CJK = &p, cjk
	var warnings []string
	j.Warn = func(msg string) { warnings = append(warnings, msg) }
	pdf, _, err := e.Render(j)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdftest.Text(t, pdf), "\n")
	for _, want := range []string{"허리 운동", "시작하기 전에", "천천히 하세요. 아프면 멈추세요.", "Page 1 of 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page lacks %q:\n%s", want, text)
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "handout has no labels in ko") {
		t.Errorf("warnings %q, want the labels' fallback", warnings)
	}
}
