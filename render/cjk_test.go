package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/fonts"
	"handout/internal/pdftest"
)

// testCJKFont returns the bytes of the tests' CJK font (pdftest.CJKFont:
// skipped when it is not installed, unless .ci/run requires it).
func testCJKFont(t testing.TB) []byte {
	t.Helper()
	_, ttf := pdftest.CJKFont(t)
	return ttf
}

// withCJKFont gives j's clinic the test CJK font, as if its profile said
// cjk_font: DroidSansFallbackFull.ttf.
func withCJKFont(t testing.TB, j Job) Job {
	t.Helper()
	cjk, err := fonts.ParseCJK("DroidSansFallbackFull.ttf", testCJKFont(t))
	if err != nil {
		t.Fatal(err)
	}
	p := *j.Clinic.Profile
	p.CJKFont = cjk.Name()
	j.Clinic.Profile, j.Clinic.CJK = &p, cjk
	return j
}

// writeHandout writes a handout into a new folder and returns its path.
func writeHandout(t *testing.T, md string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "handout.md")
	if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestComplexScriptsAreRefusedByName: text in a script handout cannot
// print properly is an error naming the file and line, the script, what
// printing it would need and what to do — not isolated, unjoined or
// reversed letters on the page.
func TestComplexScriptsAreRefusedByName(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	for _, c := range []struct{ script, text, needs string }{
		{"Arabic", "تمرين للظهر", "shaping and right-to-left"},
		{"Hebrew", "תרגיל לגב", "right-to-left"},
		{"Devanagari", "पीठ का व्यायाम", "shaping"},
		{"Bengali", "পিঠের ব্যায়াম", "shaping"},
		{"Tamil", "முதுகு பயிற்சி", "shaping"},
		{"Thai", "ออกกำลังกาย", "shaping"},
	} {
		t.Run(c.script, func(t *testing.T) {
			path := writeHandout(t, "---\ntitle: Exercise\n---\n\n## Start\n\nLie down on the mat.\n\n"+c.text+"\n")
			_, err := e.Layout(testJob(t, path))
			if err == nil {
				t.Fatal("no error")
			}
			for _, want := range []string{path + ":9: ", c.script + " text", c.needs, "handout does not have", "Write this handout in a script it prints"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
		})
	}
}

// TestChineseNeedsTheClinicsFont: without a CJK font in the profile,
// Chinese (and Japanese, Korean) text is an error that names the file,
// the line, the script and the profile key to add.
func TestChineseNeedsTheClinicsFont(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	for _, c := range []struct{ script, text string }{
		{"Chinese (Han)", "每天做三次。"},
		{"Japanese (Hiragana)", "ゆっくり"},
		{"Korean (Hangul)", "천천히"},
	} {
		path := writeHandout(t, "---\ntitle: Exercise\n---\n\n## Start\n\n"+c.text+"\n")
		_, err := e.Layout(testJob(t, path))
		if err == nil {
			t.Fatalf("%s: no error", c.script)
		}
		for _, want := range []string{path + ":7: ", c.script + " text", "needs a CJK font", "add cjk_font:", "clinic profile"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q lacks %q", err, want)
			}
		}
	}
}

// TestChineseHandoutPrintsEveryCharacter renders testdata/chinese.md
// with the CJK font and reads the PDF's text back: every character of
// every paragraph, list item, caption and caution is there, in order,
// once the line breaks are taken out.
func TestChineseHandoutPrintsEveryCharacter(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	j := withCJKFont(t, testJob(t, filepath.Join("testdata", "chinese.md")))
	pdfBytes, _, err := e.Render(j)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Validate(t, pdfBytes)
	got := strings.Join(strings.Fields(strings.Join(pdftest.Text(t, pdfBytes), "")), "")
	src, err := os.ReadFile(filepath.Join("testdata", "chinese.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(strings.TrimPrefix(string(src), "---\n"), "---\n") // after the front matter
	checked := 0
	for _, line := range strings.Split(body, "\n") {
		// The text of each line as printed: Markdown marks off.
		line = strings.TrimLeft(line, "#>- ")
		if strings.HasPrefix(line, "[!") || strings.HasPrefix(line, "Dose: ") {
			continue
		}
		if strings.HasPrefix(line, "![") {
			line = line[2:strings.Index(line, "]")] // the caption
		}
		line = strings.NewReplacer("**", "", "*", "", " ", "").Replace(line)
		if line == "" {
			continue
		}
		checked++
		if !strings.Contains(got, line) {
			t.Errorf("the PDF's text lacks %q", line)
		}
	}
	if checked < 10 {
		t.Fatalf("checked %d lines of chinese.md, want every text line", checked)
	}
	for _, want := range []string{"中背部练习", "每天在家做，慢慢来，不要忍痛"} {
		if !strings.Contains(got, want) {
			t.Errorf("the PDF's text lacks the title or subtitle %q", want)
		}
	}
}

// TestLoadClinicReadsTheCJKFont: cjk_font is read from the profile's
// folder (a copy there works; a link out of it, a missing file and a font
// without CJK characters are errors naming the profile and the key), and
// a Chinese handout then renders with the clinic's own profile.
func TestLoadClinicReadsTheCJKFont(t *testing.T) {
	t.Parallel()
	ttf := testCJKFont(t)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "fonts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "fonts", "cjk.ttf"), ttf, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(pdftest.CJKFontPath, filepath.Join(dir, "link.ttf")); err != nil {
		t.Fatal(err)
	}
	noto, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "latin.ttf"), noto.TTF(fonts.Regular), 0o644); err != nil {
		t.Fatal(err)
	}
	profile := func(font string) string {
		path := filepath.Join(dir, "clinic.yaml")
		if err := os.WriteFile(path, []byte("name: 诊所 Clinic\naddress: [1 Main St]\nphone: 555-0100\ncjk_font: "+font+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, c := range []struct{ font, want string }{
		{"link.ttf", "through a symbolic link"},
		{"missing.ttf", "missing.ttf"},
		{"latin.ttf", "has no Chinese, Japanese or Korean characters"},
	} {
		path := profile(c.font)
		_, err := LoadClinic(path)
		if err == nil {
			t.Errorf("cjk_font: %s accepted", c.font)
			continue
		}
		for _, w := range []string{path + ": cjk_font: ", c.want} {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("cjk_font: %s: error %q lacks %q", c.font, err, w)
			}
		}
	}
	clinic, err := LoadClinic(profile("fonts/cjk.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	if clinic.CJK == nil || clinic.CJK.Name() != "fonts/cjk.ttf" {
		t.Fatalf("clinic.CJK = %v", clinic.CJK)
	}
	j := testJob(t, writeHandout(t, "---\ntitle: 练习\n---\n\n## 开始\n\n每天做三次，每次 10 秒。\n"))
	j.Clinic = clinic
	pdfBytes, _, err := newTestEngine(t).Render(j)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(strings.Join(pdftest.Text(t, pdfBytes), "")), "")
	for _, want := range []string{"诊所Clinic", "练习", "开始", "每天做三次，每次10秒。"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q: %q", want, text)
		}
	}
}
