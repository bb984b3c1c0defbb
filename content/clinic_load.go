package content

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"handout/internal/inputfile"
	"handout/locale"
)

// The clinic profile's defaults, for keys the profile leaves out.
const (
	defaultPrimary = "#1F5A7A" // a deep blue
	defaultAccent  = "#2E7D5B" // a green
	defaultPaper   = "letter"
)

// colorRE is the one colour notation a profile uses.
var colorRE = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// ParseClinic reads a clinic profile: YAML with the keys of Clinic's yaml
// tags. name is the file name used in messages only.
//
// Keys that Clinic does not have are errors, to catch typos. name, address
// (one line at least) and phone are required. ParseClinic applies the
// defaults for what is left out: colors.primary "#1F5A7A", colors.accent
// "#2E7D5B" and paper "letter". Colours must be "#RRGGBB"; paper is
// "letter" or "a4" (any case; stored in lower case); website and
// booking_url must be http or https addresses; logo must be a relative
// path without "..", which the caller opens relative to the profile's
// folder. Text values are trimmed of surrounding spaces.
//
// On failure the error is an *Error, or an errors.Join of several in line
// order; each names name and the line of the offending key.
func ParseClinic(name string, src []byte) (*Clinic, error) {
	src, err := prepareSource(name, src, "write the clinic profile in YAML (see README)")
	if err != nil {
		return nil, err
	}
	p := &problems{file: name}
	c := &Clinic{}
	doc := decodeYAML(src, 0, "", c, p)
	if doc == nil {
		return nil, p.err()
	}
	c.Source = name
	trimClinic(c)
	checkClinic(c, doc, p)
	if !p.ok() {
		return nil, p.err()
	}
	return c, nil
}

// ClinicFile is the kind of input a clinic profile is: a page of YAML.
var ClinicFile = inputfile.Kind{What: "clinic profile", Max: 1_000_000}

// LoadClinicFile reads (as ClinicFile.Read) and parses a clinic profile;
// errors name path.
func LoadClinicFile(path string) (*Clinic, error) {
	src, err := ClinicFile.Read(path)
	if err != nil {
		return nil, err // names path and says what is wrong
	}
	return ParseClinic(path, src)
}

func trimClinic(c *Clinic) {
	for _, s := range []*string{&c.Name, &c.Tagline, &c.Logo, &c.CJKFont, &c.Colors.Primary, &c.Colors.Accent,
		&c.Phone, &c.Email, &c.Website, &c.Booking, &c.HoursNote, &c.Footer, &c.Paper, &c.Style, &c.Language,
		&c.StopAndCall.Title, &c.StopAndCall.Normal} {
		*s = strings.TrimSpace(*s)
	}
	for i := range c.Address {
		c.Address[i] = strings.TrimSpace(c.Address[i])
	}
	for i := range c.Clinicians {
		c.Clinicians[i] = strings.TrimSpace(c.Clinicians[i])
	}
	for i := range c.StopAndCall.Signs {
		c.StopAndCall.Signs[i] = strings.TrimSpace(c.StopAndCall.Signs[i])
	}
	trimHours(c.Hours)
	trimWords(c)
}

func trimHours(hours []Hours) {
	for i := range hours {
		hours[i].Days = strings.TrimSpace(hours[i].Days)
		hours[i].Times = strings.TrimSpace(hours[i].Times)
	}
}

// checkClinic reports missing and malformed values, and fills in defaults.
func checkClinic(c *Clinic, doc *yamlDoc, p *problems) {
	if c.Name == "" {
		p.add(doc.line("name"), `name is required; add a line "name: …" with the clinic's name`)
	}
	if len(c.Address) == 0 {
		p.add(doc.line("address"), `address is required; add its lines, e.g. address: ["565 N Walnut St", "Bloomington, IN 47404"]`)
	}
	for i, line := range c.Address {
		if line == "" {
			key := fmt.Sprintf("address[%d]", i+1)
			p.add(doc.line(key), "%s is empty; remove it or write the line", key)
		}
	}
	if c.Phone == "" {
		p.add(doc.line("phone"), `phone is required; add a line "phone: …" with the number patients call`)
	}
	checkColor(&c.Colors.Primary, "colors.primary", defaultPrimary, doc, p)
	checkColor(&c.Colors.Accent, "colors.accent", defaultAccent, doc, p)
	switch c.Paper = strings.ToLower(c.Paper); c.Paper {
	case "":
		c.Paper = defaultPaper
	case "letter", "a4":
	default:
		p.add(doc.line("paper"), `paper %q is unknown; write "letter" or "a4"`, c.Paper)
	}
	checkWebAddress(c.Website, "website", doc, p)
	checkWebAddress(c.Booking, "booking_url", doc, p)
	if c.Email != "" {
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email {
			p.add(doc.line("email"), "email %q is not an e-mail address; write just the address, e.g. front@example.com", c.Email)
		}
	}
	checkClinicLengths(c, doc, p)
	if c.Language != "" {
		if _, err := locale.Match(c.Language); err != nil {
			p.add(doc.line("language"), "language: %v", err)
		}
	}
	checkHours(c.Hours, "hours", doc, p)
	checkStopAndCall(&c.StopAndCall, "stop_and_call", doc, p)
	checkTranslations(c, doc, p)
	checkLogo(c.Logo, doc, p)
	c.Logo = slashed(c.Logo)
	checkCJKFont(c.CJKFont, doc, p)
	c.CJKFont = slashed(c.CJKFont)
	checkLibrary(c.Library, doc, p)
	c.Library = slashed(c.Library)
	switch c.LanguageFallback = LanguageFallback(strings.ToLower(strings.TrimSpace(string(c.LanguageFallback)))); c.LanguageFallback {
	case NoFallback, FallbackEnglish:
	default:
		p.add(doc.line("language_fallback"), `language_fallback %q is unknown; write "english" (an exercise missing in the programme's language prints in English, with a warning) or leave it out (that is an error)`, c.LanguageFallback)
	}
}

// checkHours reports an entry of hours (the profile's, at key "hours", or
// a translation's) without its days or times, or with one too long for
// the footer.
func checkHours(hours []Hours, key string, doc *yamlDoc, p *problems) {
	for i, h := range hours {
		k := fmt.Sprintf("%s[%d]", key, i+1)
		if h.Days == "" || h.Times == "" {
			p.add(doc.line(k), `%s needs both "days" and "times", e.g. {days: Mon–Fri, times: 8:00 am–6:00 pm}`, k)
		}
		for _, f := range []struct{ k, val string }{{k + ".days", h.Days}, {k + ".times", h.Times}} {
			if msg := checkLength(f.k, f.val, MaxLineChars); msg != "" {
				p.add(doc.line(f.k), "%s", msg)
			}
		}
	}
}

// checkClinicLengths reports a value too long for where it prints, and a
// repeated field with more entries than the footer has room for (each
// page's footer prints the address and the hours; more would take the
// page's column).
func checkClinicLengths(c *Clinic, doc *yamlDoc, p *problems) {
	type field struct {
		key, val string
		limit    int
	}
	fields := []field{
		{"name", c.Name, MaxNameChars}, {"tagline", c.Tagline, MaxLineChars}, {"phone", c.Phone, MaxLineChars},
		{"email", c.Email, MaxLineChars}, {"website", c.Website, MaxURLChars}, {"booking_url", c.Booking, MaxURLChars},
		{"logo", c.Logo, MaxURLChars}, {"cjk_font", c.CJKFont, MaxURLChars}, {"library", c.Library, MaxURLChars}, {"style", c.Style, MaxLineChars}, {"hours_note", c.HoursNote, MaxLineChars}, {"footer", c.Footer, MaxFooterChars},
	}
	for i, line := range c.Address {
		fields = append(fields, field{fmt.Sprintf("address[%d]", i+1), line, MaxLineChars})
	}
	for i, name := range c.Clinicians {
		fields = append(fields, field{fmt.Sprintf("clinicians[%d]", i+1), name, MaxNameChars})
	}
	for _, f := range fields {
		if msg := checkLength(f.key, f.val, f.limit); msg != "" {
			p.add(doc.line(f.key), "%s", msg)
		}
	}
	if msg := checkCount("clinicians", len(c.Clinicians), MaxClinicians, "fit the web page's list"); msg != "" {
		p.add(doc.line("clinicians"), "%s", msg)
	}
	if msg := checkCount("address", len(c.Address), MaxAddressLines, "fit in the footer"); msg != "" {
		p.add(doc.line("address"), "%s", msg)
	}
	if msg := checkCount("hours", len(c.Hours), MaxHours, "fit in the footer (one a day)"); msg != "" {
		p.add(doc.line("hours"), "%s", msg)
	}
}

// maxStopSigns is how many signs the stop box lists: a short list is
// read; a long one is skipped.
const maxStopSigns = 8

// checkStopAndCall reports an empty sign and text too long for the box
// (the profile's, at key "stop_and_call", or a translation's). The parts
// the profile leaves out stay empty: the layout fills them in the
// document's language (StopAndCall.Or).
func checkStopAndCall(s *StopAndCall, key string, doc *yamlDoc, p *problems) {
	for _, f := range []struct {
		key, val string
	}{{key + ".title", s.Title}, {key + ".normal", s.Normal}} {
		if msg := checkLength(f.key, f.val, MaxLineChars); msg != "" {
			p.add(doc.line(f.key), "%s", msg)
		}
	}
	for i, sign := range s.Signs {
		k := fmt.Sprintf("%s.signs[%d]", key, i+1)
		if sign == "" {
			p.add(doc.line(k), "%s is empty; remove it or write the sign", k)
		} else if msg := checkLength(k, sign, MaxLineChars); msg != "" {
			p.add(doc.line(k), "%s", msg)
		}
	}
	if msg := checkCount(key+".signs", len(s.Signs), maxStopSigns, "fit in the box"); msg != "" {
		p.add(doc.line(key+".signs"), "%s", msg)
	}
}

func checkColor(color *string, key, def string, doc *yamlDoc, p *problems) {
	switch {
	case *color == "":
		*color = def
	case !colorRE.MatchString(*color):
		p.add(doc.line(key), `%s %q is not a colour; write "#RRGGBB" in quotes, e.g. "%s"`, key, *color, def)
	}
}

func checkWebAddress(addr, key string, doc *yamlDoc, p *problems) {
	if addr == "" {
		return
	}
	u, err := url.Parse(addr)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		p.add(doc.line(key), "%s %q is not a web address; write it in full, starting with https://", key, addr)
	}
}

// checkLibrary reports a library folder that is not inside the profile's
// folder: a profile names files beside it, as a handout names its photos.
func checkLibrary(dir string, doc *yamlDoc, p *problems) {
	if dir == "" {
		return
	}
	line := doc.line("library")
	switch {
	case urlSchemeRE.MatchString(dir) || absPathRE.MatchString(dir):
		p.add(line, "library %q is not a folder beside the profile; write it relative to the profile's folder, e.g. library", dir)
	case slices.Contains(strings.Split(strings.ReplaceAll(dir, `\`, "/"), "/"), ".."):
		p.add(line, `library %q leaves the profile's folder (".."); put the folder beside the profile or below it`, dir)
	}
}

// checkCJKFont reports a cjk_font path that could point outside the
// profile's folder. The file is read like the logo (render.LoadClinic).
func checkCJKFont(font string, doc *yamlDoc, p *problems) {
	if font == "" {
		return
	}
	line := doc.line("cjk_font")
	switch {
	case urlSchemeRE.MatchString(font):
		p.add(line, "cjk_font %q is not a file; copy the font next to the profile and write its file name, e.g. DroidSansFallbackFull.ttf", font)
	case absPathRE.MatchString(font):
		p.add(line, "cjk_font %q is an absolute path; copy the font next to the profile and write it relative to the profile's folder, e.g. DroidSansFallbackFull.ttf", font)
	case slices.Contains(strings.Split(strings.ReplaceAll(font, `\`, "/"), "/"), ".."):
		p.add(line, `cjk_font %q leaves the profile's folder (".."); put the font in that folder or below it`, font)
	}
}

// checkLogo reports a logo path that could point outside the profile's
// folder.
func checkLogo(logo string, doc *yamlDoc, p *problems) {
	if logo == "" {
		return
	}
	line := doc.line("logo")
	slashed := strings.ReplaceAll(logo, `\`, "/")
	// Its format is recognised by its content when it is read, as a
	// photo's is, not by its name.
	switch {
	case urlSchemeRE.MatchString(logo):
		p.add(line, "logo %q is not a file; save the picture next to the profile and write its file name", logo)
	case absPathRE.MatchString(logo):
		p.add(line, "logo %q is an absolute path; write it relative to the profile's folder, e.g. logo.png", logo)
	case slices.Contains(strings.Split(slashed, "/"), ".."):
		p.add(line, `logo %q leaves the profile's folder (".."); put the picture in that folder or below it`, logo)
	}
}
