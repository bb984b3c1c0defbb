package render

import (
	"encoding/json"
	"fmt"
	"strings"

	"handout/content"
	"handout/figures/photo"
	"handout/internal/inputfile"
	"handout/layout"
)

// Settings are how a run's documents are made, as a front door takes them
// (the command line's flags; a web page's form later): text as typed.
// Check checks them once for every front door; a Job is made from the
// result.
type Settings struct {
	Preset string // --preset: "print" or "email"; "" is print
	Paper  string // --paper: "letter" or "a4"; "" for the clinic profile's
	// Grayscale is --grayscale: the whole document for a black-and-white
	// laser printer (Job.Grayscale); nil when the flag is not given, for
	// the clinic profile's grayscale key.
	Grayscale *bool
	MaxSize   string // --max-size: "2MB", "600KB", "1.5MiB"; "" for no budget
	// Style names the layout style (--style; layout.StyleByName); "" to
	// let each document's own choice decide (documentStyle: the
	// handout's or programme's style:, the profile's, then sheet for a
	// programme and article for a handout).
	Style string
	// NoTickLog leaves out the tick log that follows a programme
	// (--no-tick-log); a batch packet always has one.
	NoTickLog bool
	Password  PasswordSource
}

// PasswordSource is where the password that encrypts a run's PDFs comes
// from: a file, the environment, or (batch) a column of the list. With
// none, documents are not encrypted.
type PasswordSource struct {
	File string // --password-file: its first line
	// Getenv reads $HANDOUT_PASSWORD when File is "" (os.Getenv on the
	// command line); nil reads no environment.
	Getenv func(string) string
	Column string // --password-column: each row's own password (batch)
}

// PasswordEnv is the environment variable a password is read from when
// no file is given.
const PasswordEnv = "HANDOUT_PASSWORD"

// Checked are Settings that Check accepted, parsed. Only Check makes
// one. Its exported fields are the settings a document depends on, and
// Encoding encodes them all, so a setting added here is part of batch's
// inputs hash without anyone remembering to add it there; the unexported
// fields are the secret and where per-row secrets come from, which must
// never be encoded (Encrypted records whether, never with what).
type Checked struct {
	Preset    photo.Preset // the photos' resolution and quality
	Paper     layout.Paper // zero: the clinic profile's
	Grayscale *bool        // nil: the clinic profile's
	Budget    int64        // the largest document in bytes; 0 for no budget
	// Style is the layout style --style named, resolved; the zero Style
	// when none was (each document's own choice then decides,
	// documentStyle). Styles are every style there is, so that their
	// sizes are part of the encoding too: a batch remakes packets whose
	// style's numbers moved, whichever style they got.
	Style     layout.Style
	Styles    []layout.Style
	NoTickLog bool
	Encrypted bool // documents are encrypted (AES-256)

	password string // the one password of every document; "" for none or per row
	column   string // the list column with each row's password; "" for none
}

// Check checks the settings and parses them. Its errors are plain
// (callers report them as usage errors) and name the setting as the
// command line spells it: "--preset: …", "$HANDOUT_PASSWORD: …".
func (s Settings) Check() (Checked, error) {
	var c Checked
	var err error
	if c.Preset, err = photo.ParsePreset(s.Preset); err != nil {
		return Checked{}, fmt.Errorf("--preset: %w", err)
	}
	if s.Paper != "" {
		if c.Paper, err = layout.PaperByName(s.Paper); err != nil {
			return Checked{}, fmt.Errorf("--paper: %w", err)
		}
	}
	if s.MaxSize != "" {
		if c.Budget, err = ParseSize(s.MaxSize); err != nil {
			return Checked{}, fmt.Errorf("--max-size: %w", err)
		}
	}
	if s.Style != "" {
		if c.Style, err = layout.StyleByName(s.Style); err != nil {
			return Checked{}, fmt.Errorf("--style: %w", err)
		}
	}
	for _, name := range layout.StyleNames() {
		st, _ := layout.StyleByName(name)
		c.Styles = append(c.Styles, st)
	}
	c.Grayscale, c.NoTickLog = s.Grayscale, s.NoTickLog
	if c.password, err = s.Password.read(); err != nil {
		return Checked{}, err
	}
	c.column = s.Password.Column
	c.Encrypted = c.password != "" || c.column != ""
	return c, nil
}

// read returns the password of a file or the environment; "" for none.
func (p PasswordSource) read() (string, error) {
	switch {
	case p.File != "" && p.Column != "":
		return "", fmt.Errorf("--password-file and --password-column: give one")
	case p.File != "":
		return readPasswordFile(p.File)
	case p.Getenv == nil || p.Column != "":
		return "", nil
	}
	pw := p.Getenv(PasswordEnv)
	if pw == "" {
		return "", nil
	}
	if err := CheckPassword(pw); err != nil {
		return "", fmt.Errorf("$%s: %w", PasswordEnv, err)
	}
	return pw, nil
}

// passwordFile is the kind of input a password file is: a line, perhaps
// with notes below it.
var passwordFile = inputfile.Kind{What: "password", Max: 64_000,
	Advice: "its first line is the password; keep it short"}

// readPasswordFile returns the first line of path, without its line ending.
// Only the first line is used, so a file with a trailing newline (as every
// editor writes) or with notes below works.
func readPasswordFile(path string) (string, error) {
	src, err := passwordFile.Read(path)
	if err != nil {
		return "", fmt.Errorf("--password-file: %w", err)
	}
	// Only the line ending is dropped; spaces are the password's, and
	// CheckPassword refuses them at either end.
	line, _, _ := strings.Cut(string(src), "\n")
	pw := strings.TrimRight(line, "\r")
	if err := CheckPassword(pw); err != nil {
		return "", fmt.Errorf("--password-file %s: first line: %w", path, err)
	}
	return pw, nil
}

// Encoding is the canonical encoding of the settings a document depends
// on: every exported field, by name, in order (JSON), and nothing of a
// password. Batch hashes it into every packet's inputs.
func (c Checked) Encoding() []byte {
	b, err := json.Marshal(c)
	if err != nil {
		panic("render: encoding settings: " + err.Error()) // plain numbers and strings
	}
	return b
}

// WithStyle returns the settings with the layout style name
// (layout.StyleByName) instead of theirs: a batch row's style column, or
// a programme's style key. Its error names the style and the styles
// there are, and not where it was given, which the caller says.
func (c Checked) WithStyle(name string) (Checked, error) {
	st, err := layout.StyleByName(name)
	if err != nil {
		return Checked{}, err
	}
	c.Style = st
	return c, nil
}

// PasswordColumn is the list column each row's password is in
// (--password-column); "" when documents have one password or none.
func (c Checked) PasswordColumn() string { return c.column }

// Finisher returns what turns a plain PDF into the bytes to write:
// encryption with the settings' password, or with rowPassword (a list
// row's) under --password-column; nil when documents are not encrypted.
// enc may be nil then.
func (c Checked) Finisher(enc *Encrypter, rowPassword string) (func([]byte) ([]byte, error), error) {
	pw := c.password
	if c.column != "" {
		if rowPassword == "" {
			return nil, fmt.Errorf("no password in column %q; the packet is not written unencrypted", c.column)
		}
		if err := CheckPassword(rowPassword); err != nil {
			return nil, fmt.Errorf("column %q: %w", c.column, err)
		}
		pw = rowPassword
	}
	if pw == "" {
		return nil, nil
	}
	return func(pdf []byte) ([]byte, error) { return enc.Encrypt(pdf, pw, "") }, nil
}

// Job is a document of these handouts for the clinic, made with these
// settings, in the style decided for it (documentStyle); a programme
// gets its tick log unless NoTickLog. The caller adds the visit
// (patient, date) and, for a packet, the cover and tick log.
func (c Checked) Job(clinic Clinic, handouts ...HandoutFile) Job {
	programme := len(handouts) > 0 && handouts[0].Programme != nil
	return Job{Handouts: handouts, Clinic: clinic,
		Paper: c.Paper, Preset: c.Preset, Grayscale: c.Gray(clinic), Style: documentStyle(c.Style, clinic, handouts),
		TickLog: programme && !c.NoTickLog}
}

// Gray reports whether documents for clinic are made for a
// black-and-white printer: --grayscale when it is given, else the
// profile's grayscale key.
func (c Checked) Gray(clinic Clinic) bool {
	if c.Grayscale != nil {
		return *c.Grayscale
	}
	return clinic.Profile != nil && clinic.Profile.Grayscale
}

// PaperNames are the values --paper takes, for completion.
func PaperNames() []string { return []string{layout.Letter.Name, layout.A4.Name} }

// PresetNames are the values --preset takes, for completion.
func PresetNames() []string {
	return []string{photo.PresetPrint.String(), photo.PresetEmail.String()}
}

// Visit is who a document is for: the patient's name, and on a packet's
// cover the clinician and the notes. Front doors check what they are
// given with its Check, which names each field as the caller's user
// knows it.
type Visit = content.Visit

// Cover is a packet's cover page: the clinician and the notes.
type Cover = layout.Cover
