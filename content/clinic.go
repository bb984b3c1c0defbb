package content

import "handout/locale"

// Clinic is a clinic profile: who the handout comes from. It is loaded from
// a YAML file; see README for the format.
type Clinic struct {
	Source  string   `yaml:"-"` // file name, for messages
	Name    string   `yaml:"name"`
	Tagline string   `yaml:"tagline"`
	Logo    string   `yaml:"logo"` // path relative to the profile file; PNG or JPEG
	Colors  Colors   `yaml:"colors"`
	Address []string `yaml:"address"` // lines, e.g. ["565 N Walnut St", "Bloomington, IN 47404"]
	Phone   string   `yaml:"phone"`
	Email   string   `yaml:"email"`
	Website string   `yaml:"website"`
	Booking string   `yaml:"booking_url"` // printed as a QR code and a link
	Hours   []Hours  `yaml:"hours"`
	// HoursNote follows the hours, e.g. "Other times by appointment".
	HoursNote string `yaml:"hours_note"`
	Footer    string `yaml:"footer"` // note or disclaimer printed at the end
	Paper     string `yaml:"paper"`  // "letter" or "a4"; default "letter"
	// Grayscale makes every document print-ready for a black-and-white
	// laser printer (what --grayscale does), for a clinic that has only
	// one; the flag wins: --grayscale=false prints in colour.
	Grayscale bool `yaml:"grayscale"`
	// Library is the clinic's folder of exercises and protocols, relative
	// to the profile's folder (docs/library.md); "" for the built-in
	// library alone.
	Library string `yaml:"library"`
	// LanguageFallback is what a programme in a language that one of
	// its exercises lacks gets: "" (an error naming the exercise and the
	// language) or "english" (the English exercise, with a warning).
	LanguageFallback LanguageFallback `yaml:"language_fallback" json:",omitempty"` // omitempty: batch hashes the profile as JSON
	// CJKFont is a TrueType font for Chinese, Japanese and Korean text,
	// as a path relative to the profile file (README: Languages and
	// scripts): handout ships none, and refuses CJK text without one.
	CJKFont string `yaml:"cjk_font" json:",omitempty"` // omitempty: batch hashes the profile as JSON, unchanged for a clinic without one
	// Clinicians are the clinic's clinicians as a programme names them
	// ("Dr. Karin Drummond, DC"): the choices the web page offers
	// (handout serve); a programme may still name anyone.
	Clinicians []string `yaml:"clinicians"`
	// Style is the layout style the clinic's documents get when neither
	// the command line nor the handout or programme names one ("" for the
	// default: sheet for programmes, article for handouts); render checks
	// the name.
	Style string `yaml:"style"`
	// Language is the BCP 47 tag of the language the clinic's documents
	// print in when neither the command line (or a list row, or the web
	// page) nor the handout or programme names one; "" for en-US. The
	// loader checks that the program prints it (locale.Match).
	Language string `yaml:"language"`
	// StopAndCall is the sheet's "Stop and call us if…" box as the
	// profile words it; what it leaves out is DefaultStopAndCall's, in
	// the document's language (StopAndCall.Or).
	StopAndCall StopAndCall `yaml:"stop_and_call"`
	// Translations are the profile's words (ClinicWords: tagline, hours,
	// hours_note, footer, stop_and_call) in other languages, by BCP 47
	// tag: a document in one of them prints them (In).
	Translations map[string]ClinicWords `yaml:"translations" json:",omitempty"` // omitempty: batch hashes the profile as JSON
	// ListColumns are the clinic's practice-management export's names for
	// a patient list's columns (its header name → the list's column:
	// "Client No": id), for a system whose names the batch does not know;
	// batch checks them. Not in the profile's hash: how a list is read
	// is not what a packet prints.
	ListColumns map[string]string `yaml:"list_columns" json:"-"`
}

// StopAndCall is when a patient should stop an exercise and call the
// clinic: a title, the signs as a list, and a line on what is normal.
type StopAndCall struct {
	Title  string   `yaml:"title"`
	Signs  []string `yaml:"signs"`
	Normal string   `yaml:"normal"`
}

// DefaultStopAndCall is the sheet's stop box in the project's own words
// (HANDOUT-DESIGN.md §2.5), in w's language; in English at a reading
// grade of 6 or less (TestStopAndCallReads): a clinic's profile may say
// it its own way.
func DefaultStopAndCall(w *locale.Words) StopAndCall {
	return StopAndCall{
		Title: w.Text(locale.StopTitle),
		Signs: []string{
			w.Text(locale.StopSign1), w.Text(locale.StopSign2), w.Text(locale.StopSign3),
			w.Text(locale.StopSign4), w.Text(locale.StopSign5),
		},
		Normal: w.Text(locale.StopNormal),
	}
}

// Or is the stop box with def's parts where s leaves them out: a
// profile's own signs under the default title, in the document's
// language.
func (s StopAndCall) Or(def StopAndCall) StopAndCall {
	if s.Title == "" {
		s.Title = def.Title
	}
	if len(s.Signs) == 0 {
		s.Signs = def.Signs
	}
	if s.Normal == "" {
		s.Normal = def.Normal
	}
	return s
}

// Colors are the brand colours as "#RRGGBB".
type Colors struct {
	Primary string `yaml:"primary"` // headings, header rule, dose strip
	Accent  string `yaml:"accent"`  // tips and links
}

// Hours is one line of opening hours: "Mon–Tue" and "8:00 am–6:00 pm".
type Hours struct {
	Days  string `yaml:"days"`
	Times string `yaml:"times"`
}
