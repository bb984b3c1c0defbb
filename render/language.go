package render

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"handout/content"
	"handout/locale"
)

// The document's language picks the catalogue every label is printed
// from (locale) and is the PDF's /Lang. It is, first found:
//
//  1. the front door's choice (Job.Language: render --language, a list's
//     language column; the web page's is the programme's own language:);
//  2. the first handout's own language: (a programme's is the one it was
//     made in, Resolver.UseLanguage);
//  3. the clinic profile's language:;
//  4. en-US.
//
// A handout's language: says what its text is written in: a document in
// another language is an error naming the handout (unless a translation
// of it is found: translated). A handout written in "en" takes the
// profile's en-GB, or the front door's: regional variants are the labels'
// spelling, not the text's language.

// mulTags are the BCP 47 codes for no one language: a handout in several
// ("mul") or in none said ("und"). Its labels are the profile's language
// (else en-US); its /Lang says what it said.
var mulTags = map[string]bool{"mul": true, "und": true, "zxx": true}

// labelsOnly reports whether a handout's own language leaves the labels
// to the profile (else en-US) while its /Lang keeps what it says: a
// handout in several languages or none ("mul"), or in a language the
// program prints its own words in but has no catalogue for (Chinese,
// Vietnamese: the clinic's text prints, the labels are the clinic's
// language) — refusing it would refuse text the fonts can print.
func labelsOnly(own string) bool {
	if mulTags[strings.ToLower(own)] {
		return true
	}
	_, err := locale.Match(own)
	return own != "" && err != nil
}

// docLanguage is the language a job prints in.
type docLanguage struct {
	words *locale.Words // the labels' catalogue
	tag   string        // the PDF's /Lang
	// asked is the labels' language as it was asked for ("es-MX" where
	// words is es): the clinic profile's words are matched to it
	// (profileIn), so that they are in the labels' language, a
	// translation for the region first.
	asked string
	// fellBack, when not "", is the warning that the labels are not in
	// the handout's own language (labelsOnly): naming its language: line,
	// its language and the labels'.
	fellBack string
}

// jobLanguage is the catalogue a job prints with and the tag its PDF
// declares.
func jobLanguage(j Job) (docLanguage, error) {
	profile := j.Clinic.Profile
	var own, ownWhere string // the first handout's language, and where it says so
	if len(j.Handouts) > 0 {
		h := j.Handouts[0].Handout
		own, ownWhere = h.Meta.Language, languageWhere(h)
	}
	lang, where := j.Language, "language"
	switch {
	case lang != "":
	case own != "" && !labelsOnly(own):
		lang, where = own, ownWhere
		// "en" with an en-GB profile is British English.
		if p := profile.Language; p != "" && !hasRegion(own) && sameBase(own, p) {
			lang, where = p, profile.Source+": language"
		}
	case profile.Language != "":
		lang, where = profile.Language, profile.Source+": language"
	}
	w := locale.English()
	if lang != "" {
		var err error
		if w, err = locale.Match(lang); err != nil {
			return docLanguage{}, fmt.Errorf("%s: %w", where, err)
		}
	}
	for i, hf := range j.Handouts {
		if j.Language == "" && labelsOnly(hf.Handout.Meta.Language) {
			continue
		}
		tr, err := translated(hf, w)
		if err != nil {
			return docLanguage{}, err
		}
		j.Handouts[i] = tr
	}
	dl := docLanguage{words: w, tag: w.Tag(), asked: w.Tag()}
	if lang != "" {
		dl.asked = lang
	}
	if labelsOnly(own) && j.Language == "" {
		dl.tag = own
		if !mulTags[strings.ToLower(own)] {
			dl.fellBack = labelsFellBack(ownWhere, own, w.Tag(), profile)
		}
	}
	return dl, nil
}

// labelsFellBack is the warning for a handout in a language without a
// catalogue (labelsOnly): its text prints, its labels are in labels, the
// profile's language or the default. A handout in several languages or
// none (mul, und) chose that, so it gets none.
func labelsFellBack(where, own, labels string, profile *content.Clinic) string {
	whose := "the default: the clinic profile names no language:"
	if profile.Language != "" {
		whose = fmt.Sprintf("the clinic profile's language (%s: language)", profile.Source)
	}
	return fmt.Sprintf("%s: handout has no labels in %s; the labels (Page 1 of 2, CAUTION, the dose words) print in %s, %s; the handout's text prints as written. To have the labels in another language, set language: in the clinic profile to one of %s",
		where, own, labels, whose, strings.Join(locale.Languages(), ", "))
}

// profileIn is the clinic profile as a document in lang prints it: its
// words (tagline, hours, footer, stop box) from its translation for the
// labels' language (content.Clinic.In), and the warning, "" for none,
// when some print in the profile's own language instead: naming the
// profile, the language and the keys, so the clinic can add them.
func profileIn(profile *content.Clinic, lang docLanguage) (*content.Clinic, string) {
	c, translation, missing := profile.In(lang.asked)
	switch {
	case len(missing) == 0:
		return c, ""
	case translation == "":
		return c, fmt.Sprintf("%s: translations: the profile has no words in %s; its %s print as it writes them (in %s) on this %s document; add them under translations: %s: in the profile",
			profile.Source, lang.asked, strings.Join(missing, ", "), profile.OwnLanguage(), lang.asked, lang.words.Tag())
	}
	it, they := "them", "print as the profile writes them"
	if len(missing) == 1 {
		it, they = "it", "prints as the profile writes it"
	}
	return c, fmt.Sprintf("%s: translations: %s leaves out %s, which %s (in %s) on this %s document; add %s under translations: %s: in the profile",
		profile.Source, translation, strings.Join(missing, ", "), they, profile.OwnLanguage(), lang.asked, it, translation)
}

// translated is the handout in w's language: itself when it is written
// in it (or says no language, or several), else its translation. A
// handout without one is an error naming it and both languages.
func translated(hf HandoutFile, w *locale.Words) (HandoutFile, error) {
	h := hf.Handout
	own := h.Meta.Language
	if own == "" || mulTags[strings.ToLower(own)] || sameBase(own, w.Tag()) {
		return hf, nil
	}
	return HandoutFile{}, fmt.Errorf("%s: the handout is written in %s (its language:), and the document is to be in %s; there is no translation of it: give it in its own language, or write the translation",
		languageWhere(h), own, w.Tag())
}

// languageWhere names a handout's language: line, for messages.
func languageWhere(h *content.Handout) string {
	if n := h.Meta.Line("language"); n > 0 {
		return fmt.Sprintf("%s:%d: language", h.Source, n)
	}
	return h.Source + ": language"
}

// sameBase reports whether two BCP 47 tags are of one language ("en" and
// "en-GB"); a tag that does not parse is of none.
func sameBase(a, b string) bool {
	ta, errA := language.Parse(a)
	tb, errB := language.Parse(b)
	if errA != nil || errB != nil {
		return false
	}
	ba, _ := ta.Base()
	bb, _ := tb.Base()
	return ba == bb
}

// hasRegion reports whether a tag names a region or script ("en-GB",
// "es-419"), not the language alone.
func hasRegion(tag string) bool { return strings.ContainsAny(tag, "-_") }

// Languages lists the languages documents print in, en-US (the default)
// first, each as its BCP 47 tag and its own name for itself ("es",
// "Español"): for help texts and the web page's choice.
func Languages() []Language {
	var out []Language
	for _, tag := range locale.Languages() {
		w, _ := locale.Match(tag) // its own tag: matches
		out = append(out, Language{Tag: tag, Name: w.Text(locale.LanguageName)})
	}
	return out
}

// Language is one language documents print in.
type Language struct{ Tag, Name string }

// CheckLanguage reports whether documents print in tag (BCP 47): nil, or
// an error listing the languages they do, for the caller to prefix with
// the field ("--language", "row 4: language").
func CheckLanguage(tag string) error {
	_, err := locale.Match(tag)
	return err
}

// LanguageOf is the tag of the language documents print for tag ("en" is
// en-US, "pt-PT" pt-BR), "" for one they do not print.
func LanguageOf(tag string) string {
	w, err := locale.Match(tag)
	if err != nil {
		return ""
	}
	return w.Tag()
}

// ProfileLanguage is the clinic profile as a document in the language
// of one of its translations prints it, for the web page's clinic page.
type ProfileLanguage struct {
	Tag     string          // the translation's language, as the profile writes it ("es")
	Name    string          // the language's own name ("Español")
	Profile *content.Clinic // the profile with the translation's words
	Missing []string        // the keys that print in the profile's own language
}

// Translations is the profile in each language its translations give,
// by tag: what a document in it prints (profileIn's words).
func (c Clinic) Translations() []ProfileLanguage {
	var out []ProfileLanguage
	for _, tag := range slices.Sorted(maps.Keys(c.Profile.Translations)) {
		p, _, missing := c.Profile.In(tag)
		w, _ := locale.Match(tag) // checked by the loader: matches
		out = append(out, ProfileLanguage{Tag: tag, Name: w.Text(locale.LanguageName), Profile: p, Missing: missing})
	}
	return out
}
