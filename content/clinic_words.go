package content

import (
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"handout/locale"
)

// ClinicWords are the clinic's own words that print on a patient's pages
// and are written in a language: the tagline, the hours, the footer and
// the stop box. A profile writes them in its own language at the top
// level and, under translations:, in others (Clinic.In). The clinic's
// name, address, phone and web addresses are not among them: they are
// the same in every language.
type ClinicWords struct {
	Tagline     string      `yaml:"tagline" json:",omitempty"`
	Hours       []Hours     `yaml:"hours" json:",omitempty"`
	HoursNote   string      `yaml:"hours_note" json:",omitempty"`
	Footer      string      `yaml:"footer" json:",omitempty"`
	StopAndCall StopAndCall `yaml:"stop_and_call"`
}

// words are the profile's own words, as its top-level keys give them.
func (c *Clinic) words() ClinicWords {
	return ClinicWords{Tagline: c.Tagline, Hours: c.Hours, HoursNote: c.HoursNote, Footer: c.Footer, StopAndCall: c.StopAndCall}
}

// withWords is a copy of c that prints w.
func (c *Clinic) withWords(w ClinicWords) *Clinic {
	out := *c
	out.Tagline, out.Hours, out.HoursNote, out.Footer, out.StopAndCall = w.Tagline, w.Hours, w.HoursNote, w.Footer, w.StopAndCall
	return &out
}

// OwnLanguage is the language the profile's top-level words are written
// in: its language:, else en-US (what documents print in without one).
func (c *Clinic) OwnLanguage() string {
	if c.Language != "" {
		return c.Language
	}
	return "en-US"
}

// In is the profile as a document in the language tag prints it: its
// words from the translation that best matches tag (BCP 47 matching, as
// locale.Match's: es-MX takes es), whose language translation names,
// else its own (translation ""). missing lists the keys
// ("tagline", "stop_and_call.signs") whose words print in the profile's
// own language although the document is in another: those a matching
// translation leaves out, or every key the profile gives when no
// translation matches. A key the profile leaves out is not missing: the
// layout prints its default, in the document's language, or nothing.
//
// A tag that is not BCP 47, or a document in several languages ("mul",
// "und"), takes the profile's own words, with nothing missing.
func (c *Clinic) In(tag string) (out *Clinic, translation string, missing []string) {
	want, err := language.Parse(tag)
	if err != nil || mulLanguage(want) {
		return c, "", nil
	}
	own := c.words()
	if len(c.Translations) == 0 { // most profiles: no matcher to build (35–50 µs)
		if sameLanguage(want, language.Make(c.OwnLanguage())) {
			return c, "", nil
		}
		return c, "", own.given()
	}
	langs := c.translationLanguages()
	// The profile's own language is the first candidate: an en-GB
	// document of an en-US profile takes its own words, not a
	// translation's.
	tags := []language.Tag{language.Make(c.OwnLanguage())}
	for _, l := range langs {
		tags = append(tags, language.Make(l))
	}
	_, i, conf := language.NewMatcher(tags).Match(want)
	switch {
	case conf == language.No || !sameLanguage(want, tags[i]):
		return c, "", own.given()
	case i == 0:
		return c, "", nil
	}
	translation = langs[i-1]
	w, missing := c.Translations[translation].over(own)
	return c.withWords(w), translation, missing
}

// translationLanguages are the languages of the profile's translations,
// sorted, so that matching does not depend on a map's order.
func (c *Clinic) translationLanguages() []string {
	return slices.Sorted(maps.Keys(c.Translations))
}

// over is t with own's words where t leaves a key out, and the keys so
// taken from own.
func (t ClinicWords) over(own ClinicWords) (ClinicWords, []string) {
	var missing []string
	str := func(key string, tr *string, o string) {
		if *tr == "" && o != "" {
			*tr = o
			missing = append(missing, key)
		}
	}
	str("tagline", &t.Tagline, own.Tagline)
	if len(t.Hours) == 0 && len(own.Hours) > 0 {
		t.Hours = own.Hours
		missing = append(missing, "hours")
	}
	str("hours_note", &t.HoursNote, own.HoursNote)
	str("footer", &t.Footer, own.Footer)
	str("stop_and_call.title", &t.StopAndCall.Title, own.StopAndCall.Title)
	if len(t.StopAndCall.Signs) == 0 && len(own.StopAndCall.Signs) > 0 {
		t.StopAndCall.Signs = own.StopAndCall.Signs
		missing = append(missing, "stop_and_call.signs")
	}
	str("stop_and_call.normal", &t.StopAndCall.Normal, own.StopAndCall.Normal)
	return t, missing
}

// given lists the keys w gives, in the profile's order: those an empty
// translation would take from it.
func (w ClinicWords) given() []string {
	_, keys := ClinicWords{}.over(w)
	return keys
}

// mulLanguage reports whether t is no one language: several ("mul"),
// undetermined ("und") or none ("zxx").
func mulLanguage(t language.Tag) bool {
	b, _ := t.Base()
	switch b.String() {
	case "mul", "und", "zxx":
		return true
	}
	return false
}

// sameLanguage reports whether a and b are of one language ("es-MX" and
// "es").
func sameLanguage(a, b language.Tag) bool {
	ba, _ := a.Base()
	bb, _ := b.Base()
	return ba == bb
}

// checkTranslations reports a translation whose language is not a BCP 47
// language, is the profile's own or another's again, and words that do
// not fit where they print or translate nothing: each translated key
// needs the profile's own, and translated hours list as many entries as
// the profile's (the same days, in the patient's language).
func checkTranslations(c *Clinic, doc *yamlDoc, p *problems) {
	own := c.words()
	ownTag := language.Make(c.OwnLanguage())
	seen := map[language.Tag]string{}
	for _, l := range c.translationLanguages() {
		key := "translations." + l
		line := doc.line(key)
		tag, err := translationLanguage(l)
		if err != nil {
			p.add(line, "%s: %v", key, err)
			continue
		}
		switch {
		case tag == ownTag:
			whose := "language: " + c.Language
			if c.Language == "" {
				whose = "en-US, as the profile names no language:"
			}
			p.add(line, "%s: %s is the profile's own language (%s): its words are the top-level tagline, hours and footer; remove the translation or change language:", key, l, whose)
		case seen[tag] != "":
			p.add(line, "%s: %s is the same language as translations.%s; keep one", key, l, seen[tag])
		default:
			seen[tag] = l
		}
		checkWords(c.Translations[l], own, key, doc, p)
	}
}

// translationLanguage parses a translation's language: one the program
// prints labels in (locale.Match), since a page's clinic words are in its
// labels' language.
func translationLanguage(l string) (language.Tag, error) {
	if _, err := locale.Match(l); err != nil {
		return language.Tag{}, err
	}
	return language.Parse(l)
}

// checkWords reports the words of one translation (key "translations.es")
// that are too long for where they print, empty where a list needs an
// entry, or translate what the profile itself does not say.
func checkWords(w, own ClinicWords, key string, doc *yamlDoc, p *problems) {
	at := func(k string) int { return doc.line(key + "." + k) }
	ownKeys := own.given()
	for _, k := range w.given() {
		if !slices.Contains(ownKeys, k) {
			p.add(at(k), "%s.%s translates %s, which the profile does not give; write %s: at the top of the profile too, or remove this line", key, k, k, k)
		}
	}
	for _, f := range []struct {
		k, val string
		limit  int
	}{{"tagline", w.Tagline, MaxLineChars}, {"hours_note", w.HoursNote, MaxLineChars}, {"footer", w.Footer, MaxFooterChars}} {
		if msg := checkLength(key+"."+f.k, f.val, f.limit); msg != "" {
			p.add(at(f.k), "%s", msg)
		}
	}
	if len(w.Hours) > 0 && len(own.Hours) > 0 && len(w.Hours) != len(own.Hours) {
		p.add(at("hours"), "%s.hours has %d entries and hours %d; a translation lists the same days as the profile, in the same order", key, len(w.Hours), len(own.Hours))
	}
	checkHours(w.Hours, key+".hours", doc, p)
	checkStopAndCall(&w.StopAndCall, key+".stop_and_call", doc, p)
}

// trimWords trims the words of every translation as the profile's own.
func trimWords(c *Clinic) {
	for l, w := range c.Translations {
		for _, s := range []*string{&w.Tagline, &w.HoursNote, &w.Footer, &w.StopAndCall.Title, &w.StopAndCall.Normal} {
			*s = strings.TrimSpace(*s)
		}
		trimHours(w.Hours)
		for i := range w.StopAndCall.Signs {
			w.StopAndCall.Signs[i] = strings.TrimSpace(w.StopAndCall.Signs[i])
		}
		c.Translations[l] = w
	}
}
