package content

import (
	"errors"
	"handout/locale"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLoadClinicFile(t *testing.T) {
	c, err := LoadClinicFile("testdata/clinic.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := &Clinic{
		Source:    "testdata/clinic.yaml",
		Name:      "Westside Physio",
		Tagline:   "Back on your feet",
		Logo:      "images/logo.PNG",
		Colors:    Colors{Primary: "#123abc", Accent: "#ABCDEF"},
		Address:   []string{"12 Main St", "Springfield, IL 62701"},
		Phone:     "(217) 555-0100",
		Email:     "front@westside.example",
		Website:   "http://westside.example",
		Booking:   "https://westside.example/book?src=handout",
		Hours:     []Hours{{Days: "Mon–Fri", Times: "7:00 am–7:00 pm"}, {Days: "Sat", Times: "9:00 am–1:00 pm"}},
		HoursNote: "Closed on public holidays",
		Footer:    "This sheet does not replace your clinician's advice.",
		Paper:     "a4",
		Grayscale: true,
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}

	_, err = LoadClinicFile(filepath.Join(t.TempDir(), "nope.yaml"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "nope.yaml") {
		t.Errorf("missing file: %v", err)
	}
}

const minimalClinic = "name: N\naddress: [A]\nphone: P\n"

// TestParseClinicDefaults checks the documented defaults, and that given
// values are kept.
func TestParseClinicDefaults(t *testing.T) {
	c, err := ParseClinic("c.yaml", []byte(minimalClinic))
	if err != nil {
		t.Fatal(err)
	}
	if c.Colors.Primary != "#1F5A7A" || c.Colors.Accent != "#2E7D5B" || c.Paper != "letter" || c.Source != "c.yaml" {
		t.Errorf("defaults: %+v", c)
	}
	c, err = ParseClinic("c.yaml", []byte(minimalClinic+"colors:\n  accent: \"#000000\"\npaper: Letter\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Colors.Primary != "#1F5A7A" || c.Colors.Accent != "#000000" || c.Paper != "letter" {
		t.Errorf("partial colours: %+v", c)
	}
	// CRLF and a byte order mark, as Windows editors write them.
	c, err = ParseClinic("c.yaml", []byte("\uFEFFname: N\r\naddress:\r\n  - A\r\n  - B\r\nphone: P\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "N" || len(c.Address) != 2 || c.Address[1] != "B" {
		t.Errorf("CRLF: %+v", c)
	}
}

// TestParseClinicSample parses the sample profile another package ships,
// as a profile a clinic would copy.
func TestParseClinicSample(t *testing.T) {
	matches, _ := filepath.Glob("builtin/*.yaml")
	for _, name := range matches {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseClinic(name, src); err != nil {
			t.Errorf("%v", err)
		}
	}
}

func TestParseClinicErrors(t *testing.T) {
	tests := []errCase{
		{"empty file", "", 0, []string{"file is empty", "(see README)"}},
		{"comments only", "# nothing\n", 0, []string{"name is required", `"name: …"`}},
		{"invalid UTF-8", "name: N\nphone: \xff\n", 2, []string{"invalid UTF-8", "byte 8"}},
		{"NUL", "name: N\x00\n", 1, []string{"NUL byte"}},
		{"YAML syntax", "name: N\nphone: [1\naddress: [A]\n", 2, []string{"did not find expected"}},
		{"YAML scanner", "name: N\nphone: \"open\n", 2, []string{"found unexpected end of stream"}},
		{"not a mapping", "- a\n- b\n", 1, []string{`must be "key: value" lines`}},
		{"unknown key", minimalClinic + "fax: 1\n", 4, []string{`unknown key "fax"`, "the keys are name, tagline, logo, colors, address, phone, email, website, booking_url, hours, hours_note, footer, paper"}},
		{"typo", minimalClinic + "webiste: https://a.example\n", 4, []string{`unknown key "webiste"`, `did you mean "website"?`}},
		{"unknown nested key", minimalClinic + "colors:\n  primay: \"#000000\"\n", 5, []string{`unknown key "colors.primay"`, `did you mean "primary"?`, "the keys are primary, accent"}},
		{"unknown hours key", minimalClinic + "hours:\n  - days: Mon\n    time: 9–5\n", 6, []string{`unknown key "hours[1].time"`, `did you mean "times"?`}},
		{"duplicate key", minimalClinic + "name: M\n", 4, []string{`"name" is given twice (also on line 1)`}},
		{"second document", minimalClinic + "---\nname: M\n", 4, []string{"only one YAML document"}},
		{"name missing", "address: [A]\nphone: P\n", 0, []string{"name is required"}},
		{"name empty", "name: ''\naddress: [A]\nphone: P\n", 1, []string{"name is required"}},
		{"name a list", "name: [a]\naddress: [A]\nphone: P\n", 1, []string{`"name" must be a single value`}},
		{"address missing", "name: N\nphone: P\n", 0, []string{"address is required", `address: ["565 N Walnut St", "Bloomington, IN 47404"]`}},
		{"address empty list", "name: N\naddress: []\nphone: P\n", 2, []string{"address is required"}},
		{"address a string", "name: N\naddress: 12 Main St\nphone: P\n", 2, []string{`"address" must be a list`}},
		{"address blank line", "name: N\naddress:\n  - A\n  - ''\nphone: P\n", 4, []string{"address[2] is empty"}},
		{"phone missing", "name: N\naddress: [A]\n", 0, []string{"phone is required"}},
		{"phone blank", "name: N\naddress: [A]\nphone:   \n", 3, []string{"phone is required"}},
		{"bad primary", minimalClinic + "colors:\n  primary: blue\n", 5, []string{`colors.primary "blue" is not a colour`, `"#RRGGBB"`}},
		{"short accent", minimalClinic + "colors:\n  accent: \"#abc\"\n", 5, []string{`colors.accent "#abc" is not a colour`}},
		{"unquoted colour", minimalClinic + "colors:\n  primary: #1F5A7A\n", 5, []string{`"colors.primary" is empty because "#" starts a YAML comment`, `primary: "#1F5A7A"`}},
		{"colors a string", minimalClinic + "colors: blue\n", 4, []string{`"colors" must be "key: value" lines`}},
		{"paper", minimalClinic + "paper: legal\n", 4, []string{`paper "legal" is unknown`, `"letter" or "a4"`}},
		{"language fallback", minimalClinic + "language_fallback: spanish\n", 4, []string{`language_fallback "spanish" is unknown; write "english"`}},
		{"website without scheme", minimalClinic + "website: www.a.example\n", 4, []string{`website "www.a.example" is not a web address`, "https://"}},
		{"booking ftp", minimalClinic + "booking_url: ftp://a.example/\n", 4, []string{`booking_url "ftp://a.example/" is not a web address`}},
		{"booking no host", minimalClinic + "booking_url: https://\n", 4, []string{"booking_url", "not a web address"}},
		{"email", minimalClinic + "email: Front Desk <a@b.example>\n", 4, []string{"is not an e-mail address"}},
		{"logo absolute", minimalClinic + "logo: /etc/logo.png\n", 4, []string{"absolute path", "relative to the profile's folder"}},
		{"logo Windows", minimalClinic + "logo: 'C:\\logo.png'\n", 4, []string{"absolute path"}},
		{"logo parent", minimalClinic + "logo: ../shared/logo.png\n", 4, []string{`leaves the profile's folder ("..")`}},
		{"logo parent inside", minimalClinic + "logo: a/../../logo.png\n", 4, []string{`leaves the profile's folder`}},
		{"cjk_font absolute", minimalClinic + "cjk_font: /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf\n", 4, []string{"cjk_font", "absolute path", "relative to the profile's folder"}},
		{"cjk_font parent", minimalClinic + "cjk_font: fonts/../../cjk.ttf\n", 4, []string{"cjk_font", `leaves the profile's folder`}},
		{"cjk_font URL", minimalClinic + "cjk_font: https://example.com/cjk.ttf\n", 4, []string{"cjk_font", "not a file"}},
		{"logo URL", minimalClinic + "logo: https://a.example/logo.png\n", 4, []string{"is not a file"}},
		{"hours without times", minimalClinic + "hours:\n  - days: Mon\n  - days: Tue\n    times: 9–5\n", 5, []string{`hours[1] needs both "days" and "times"`}},
		{"hours not a list", minimalClinic + "hours: Mon–Fri 9–5\n", 4, []string{`"hours" must be a list`}},
		{"hours entry a string", minimalClinic + "hours:\n  - Mon–Fri 9–5\n", 5, []string{`"hours[1]" must be "key: value" lines`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseClinic("clinic.yaml", []byte(tt.src))
			if c != nil {
				t.Errorf("got a profile with the error: %+v", c)
			}
			checkError(t, err, "clinic.yaml", tt)
		})
	}
}

// TestParseClinicReportsAll checks that one run lists every problem.
func TestParseClinicReportsAll(t *testing.T) {
	_, err := ParseClinic("c.yaml", []byte("name: N\ncolors:\n  primary: red\npaper: legal\n"))
	for _, tt := range []errCase{
		{line: 0, words: []string{"address is required"}},
		{line: 0, words: []string{"phone is required"}},
		{line: 3, words: []string{"colors.primary"}},
		{line: 4, words: []string{"paper"}},
	} {
		checkError(t, err, "c.yaml", tt)
	}
}

// TestStopAndCallReads: the stop box's default words read at grade 6 or
// below (HANDOUT-DESIGN.md §1), a sign to a line.
func TestStopAndCallReads(t *testing.T) {
	s := DefaultStopAndCall(locale.English())
	sentences := append([]string{s.Title, s.Normal}, s.Signs...)
	if g := ReadingGrade(sentences); g > 6 {
		t.Errorf("the stop box reads at grade %.1f; want 6 or below", g)
	}
}

// TestStopAndCallOverride: a profile's stop_and_call replaces the parts
// it gives, keeps the defaults of the others, and an empty sign is an
// error on its line.
func TestStopAndCallOverride(t *testing.T) {
	c, err := ParseClinic("c.yaml", []byte(minimalClinic+"stop_and_call:\n  signs:\n    - Chest pain\n    - Fever\n"))
	if err != nil {
		t.Fatal(err)
	}
	def := DefaultStopAndCall(locale.English())
	if got := c.StopAndCall.Or(def); !reflect.DeepEqual(got.Signs, []string{"Chest pain", "Fever"}) || got.Title != def.Title || got.Normal != def.Normal {
		t.Errorf("stop_and_call = %+v", got)
	}
	_, err = ParseClinic("c.yaml", []byte(minimalClinic+"stop_and_call:\n  signs:\n    - Chest pain\n    - \"\"\n"))
	if err == nil || !strings.Contains(err.Error(), "c.yaml:7: stop_and_call.signs[2] is empty") {
		t.Errorf("err = %v, want the empty sign named on line 7", err)
	}
}

// TestParseClinicLanguageFallback: language_fallback: english (any case)
// lets a programme print an exercise its language lacks in English.
func TestParseClinicLanguageFallback(t *testing.T) {
	c, err := ParseClinic("c.yaml", []byte(minimalClinic+"language_fallback: English\n"))
	if err != nil || c.LanguageFallback != FallbackEnglish {
		t.Errorf("%+v, %v", c, err)
	}
	if c, err := ParseClinic("c.yaml", []byte(minimalClinic)); err != nil || c.LanguageFallback != NoFallback {
		t.Errorf("no fallback: %v, %v", c.LanguageFallback, err)
	}
}
