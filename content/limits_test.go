package content

import (
	"strings"
	"testing"
)

// TestFieldLimits: a field longer than fits the page, or a repeated field
// with more entries than fit the footer, is an error that names the field,
// its line and the limit; a field at the limit is accepted.
func TestFieldLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n) } // characters, not bytes
	handout := func(fm string) string { return "---\n" + fm + "\n---\nText.\n" }
	profile := func(extra string) string {
		return "name: C\naddress: [1 Main St]\nphone: \"1\"\n" + extra + "\n"
	}
	tests := []struct {
		name, src string
		clinic    bool
		want      string // "" for accepted
	}{
		{"title at the limit", handout("title: " + long(MaxTitleChars)), false, ""},
		{"title too long", handout("subtitle: S\ntitle: " + long(MaxTitleChars+1)), false, "h.md:3: front matter: title is 121 characters long; at most 120 are allowed"},
		{"author too long", handout("title: T\nauthor: " + long(101)), false, "h.md:3: front matter: author is 101 characters long; at most 100"},
		{"a keyword too long", handout("title: T\nkeywords: [a, " + long(151) + "]"), false, "keywords[2] is 151 characters long"},
		{"too many keywords", handout("title: T\nkeywords: [" + strings.Repeat("k, ", 20) + "k]"), false, "h.md:3: front matter: keywords has 21 entries; at most 20"},
		{"clinic name too long", "phone: \"1\"\naddress: [x]\nname: " + long(101) + "\n", true, "c.yaml:3: name is 101 characters long; at most 100"},
		{"an address line too long", "name: C\nphone: \"1\"\naddress: [a, " + long(151) + "]\n", true, "c.yaml:3: address[2] is 151 characters long"},
		{"four address lines", "name: C\nphone: \"1\"\naddress: [a, b, c, d]\n", true, "c.yaml:3: address has 4 entries; at most 3 fit in the footer"},
		{"eight hours entries", profile("hours:\n" + strings.Repeat("  - {days: Mon, times: 9–5}\n", 8)), true, "c.yaml:4: hours has 8 entries; at most 7 fit in the footer"},
		{"hours times too long", profile("hours: [{days: Mon, times: " + long(151) + "}]"), true, "hours[1].times is 151 characters long"},
		{"footer too long", profile("footer: " + long(601)), true, "c.yaml:4: footer is 601 characters long; at most 600"},
		{"booking_url too long", profile("booking_url: https://example.com/" + strings.Repeat("a", 500)), true, "c.yaml:4: booking_url is 520 characters long; at most 500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.clinic {
				_, err = ParseClinic("c.yaml", []byte(tt.src))
			} else {
				_, err = Parse("h.md", []byte(tt.src))
			}
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("err = %v, want none", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestVisitCheck: the patient's name, the clinician and the notes are
// checked under the names the caller gives, without repeating the text.
func TestVisitCheck(t *testing.T) {
	names := Visit{Patient: "name", Clinician: "clinician", Notes: "notes"}
	tests := []struct {
		v    Visit
		want string
	}{
		{Visit{Patient: "Ana Díaz", Clinician: "Dr. K", Notes: strings.Repeat("n", MaxNoteChars)}, ""},
		{Visit{Patient: strings.Repeat("A", 101)}, "name is 101 characters long; at most 100 are allowed"},
		{Visit{Clinician: strings.Repeat("C", 101)}, "clinician is 101 characters long"},
		{Visit{Notes: strings.Repeat("n", MaxNoteChars+1)}, "notes is 2001 characters long; at most 2000"},
		{Visit{Patient: "Ana D\xedaz"}, "name is not valid UTF-8 text"},
	}
	for _, tt := range tests {
		err := tt.v.Check(names)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%.20q: err = %v, want none", tt.v.Patient, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%.20q: err = %v, want %q", tt.v.Patient, err, tt.want)
		case err != nil && strings.Contains(err.Error(), "AAAA"):
			t.Errorf("the message repeats the text: %v", err)
		}
	}
	// A field the caller does not take is not checked.
	if err := (Visit{Notes: strings.Repeat("n", MaxNoteChars+1)}).Check(Visit{Patient: "--patient"}); err != nil {
		t.Errorf("unchecked notes: err = %v", err)
	}
}
