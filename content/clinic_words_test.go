package content

import (
	"reflect"
	"strings"
	"testing"
)

// wordsClinic is a profile with its words in English and, in part, in
// Spanish: the Spanish leaves out hours_note and the stop box's normal.
const wordsClinic = minimalClinic + `tagline: Back care
hours:
  - {days: Mon–Fri, times: 8 am–6 pm}
  - {days: Sat, times: 9 am–1 pm}
hours_note: Other times by appointment
footer: This sheet does not replace your clinician's advice.
stop_and_call:
  title: "Stop and call us if you have:"
  signs: [Chest pain]
  normal: Some soreness is normal.
translations:
  es:
    tagline: Cuidado de la espalda
    hours:
      - {days: lun–vie, times: 8–18 h}
      - {days: sáb, times: 9–13 h}
    footer: Esta hoja no reemplaza los consejos de su profesional.
    stop_and_call:
      title: "Deténgase y llámenos si tiene:"
      signs: [Dolor en el pecho]
`

// TestClinicIn: a document takes the words of the translation that best
// matches its language, the profile's own for what it leaves out (named
// as missing), and the profile's own words, all missing, in a language
// it has no translation for; its own language's regional variants take
// its own words with nothing missing.
func TestClinicIn(t *testing.T) {
	c, err := ParseClinic("c.yaml", []byte(wordsClinic))
	if err != nil {
		t.Fatal(err)
	}
	es := ClinicWords{
		Tagline:   "Cuidado de la espalda",
		Hours:     []Hours{{"lun–vie", "8–18 h"}, {"sáb", "9–13 h"}},
		HoursNote: "Other times by appointment",
		Footer:    "Esta hoja no reemplaza los consejos de su profesional.",
		StopAndCall: StopAndCall{Title: "Deténgase y llámenos si tiene:", Signs: []string{"Dolor en el pecho"},
			Normal: "Some soreness is normal."},
	}
	all := []string{"tagline", "hours", "hours_note", "footer", "stop_and_call.title", "stop_and_call.signs", "stop_and_call.normal"}
	for _, tt := range []struct {
		tag, translation string
		want             ClinicWords
		missing          []string
	}{
		{"es", "es", es, []string{"hours_note", "stop_and_call.normal"}},
		{"es-MX", "es", es, []string{"hours_note", "stop_and_call.normal"}},
		{"es-419", "es", es, []string{"hours_note", "stop_and_call.normal"}},
		{"en-US", "", c.words(), nil},
		{"en-GB", "", c.words(), nil},
		{"en", "", c.words(), nil},
		{"fr", "", c.words(), all},
		{"mul", "", c.words(), nil},
	} {
		got, translation, missing := c.In(tt.tag)
		if !reflect.DeepEqual(got.words(), tt.want) || translation != tt.translation || !reflect.DeepEqual(missing, tt.missing) {
			t.Errorf("In(%q) = %+v from %q, missing %q\nwant %+v from %q, missing %q", tt.tag, got.words(), translation, missing, tt.want, tt.translation, tt.missing)
		}
		if got.Name != c.Name || got.Phone != c.Phone || !reflect.DeepEqual(got.Address, c.Address) {
			t.Errorf("In(%q) changed the clinic's name, phone or address: %+v", tt.tag, got)
		}
	}
	if c.Tagline != "Back care" {
		t.Errorf("In changed the profile itself: tagline %q", c.Tagline)
	}

	// A profile in Spanish, with an English translation.
	c, err = ParseClinic("c.yaml", []byte(minimalClinic+"language: es\ntagline: Cuidado de la espalda\ntranslations:\n  en-US: {tagline: Back care}\n"))
	if err != nil {
		t.Fatal(err)
	}
	for tag, want := range map[string]string{"es-MX": "Cuidado de la espalda", "en-GB": "Back care", "en": "Back care"} {
		if got, _, missing := c.In(tag); got.Tagline != want || missing != nil {
			t.Errorf("Spanish profile In(%q): tagline %q, missing %q; want %q", tag, got.Tagline, missing, want)
		}
	}
	// A region's own translation is preferred for that region.
	c, err = ParseClinic("c.yaml", []byte(minimalClinic+"tagline: Back care\ntranslations:\n  es: {tagline: Cuidado de la espalda}\n  es-MX: {tagline: Cuidado de la columna}\n"))
	if err != nil {
		t.Fatal(err)
	}
	for tag, want := range map[string]string{"es-MX": "es-MX", "es": "es", "es-ES": "es"} {
		if _, got, _ := c.In(tag); got != want {
			t.Errorf("In(%q) took translations.%s, want %s", tag, got, want)
		}
	}
	// A profile without words of its own misses none in any language.
	c, err = ParseClinic("c.yaml", []byte(minimalClinic))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, missing := c.In("es"); missing != nil {
		t.Errorf("a profile without words: missing %q", missing)
	}
}

// TestParseClinicTranslationErrors: a translation is checked as the
// profile's own words are, each error on its line.
func TestParseClinicTranslationErrors(t *testing.T) {
	base := minimalClinic + "tagline: Back care\nhours:\n  - {days: Mon, times: 9–5}\nfooter: F\ntranslations:\n" // translations: on line 8
	long := strings.Repeat("x", MaxLineChars+1)
	tests := []errCase{
		{"unknown key", base + "  es:\n    name: Clínica\n", 10, []string{`unknown key "translations.es.name"`, "the keys are tagline, hours, hours_note, footer, stop_and_call"}},
		{"typo", base + "  es:\n    tagine: Cuidado\n", 10, []string{`unknown key "translations.es.tagine"`, `did you mean "tagline"?`}},
		{"not BCP 47", base + "  es_MX!:\n    tagline: Cuidado\n", 9, []string{`translations.es_MX!: "es_MX!" is not a BCP 47 language tag; write one of en-US, en-GB, es`}},
		{"unknown language", base + "  sp:\n    tagline: Cuidado\n", 9, []string{`translations.sp: "sp" is no language BCP 47 knows; handout prints en-US`}},
		{"no catalogue", base + "  vi:\n    tagline: Chăm sóc lưng\n", 9, []string{`translations.vi: handout does not print "vi"; it prints en-US`}},
		{"several languages", base + "  mul:\n    tagline: Cuidado\n", 9, []string{`translations.mul: handout does not print "mul"`}},
		{"own language", base + "  en-US:\n    tagline: Back care\n", 9, []string{"translations.en-US: en-US is the profile's own language"}},
		{"same language twice", base + "  es:\n    tagline: A\n  ES:\n    tagline: B\n", 9, []string{"translations.es: es is the same language as translations.ES"}},
		{"given twice", base + "  es:\n    tagline: A\n  es:\n    tagline: B\n", 11, []string{`"translations.es" is given twice (also on line 9)`}},
		{"not a mapping", base + "  - es\n", 9, []string{`"translations" must be "key: value" lines`}},
		{"translation not a mapping", base + "  es: Cuidado\n", 9, []string{`"translations.es" must be "key: value" lines`}},
		{"too long", base + "  es:\n    tagline: " + long + "\n", 10, []string{"translations.es.tagline is 151 characters long; at most 150"}},
		{"hours count", base + "  es:\n    hours:\n      - {days: lun, times: 9–17}\n      - {days: mar, times: 9–17}\n", 10, []string{"translations.es.hours has 2 entries and hours 1", "the same days"}},
		{"hours entry", base + "  es:\n    hours:\n      - {days: lun}\n", 11, []string{`translations.es.hours[1] needs both "days" and "times"`}},
		{"hours too long", base + "  es:\n    hours:\n      - {days: lun, times: " + long + "}\n", 11, []string{"translations.es.hours[1].times is 151 characters long"}},
		{"empty sign", base + "  es:\n    stop_and_call:\n      signs: [\"\"]\n", 11, []string{"translations.es.stop_and_call.signs[1] is empty"}},
		{"nothing to translate", base + "  es:\n    hours_note: Otros horarios con cita\n", 10, []string{"translations.es.hours_note translates hours_note, which the profile does not give"}},
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
