package content

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// The longest each one-line field may be, in characters (Unicode code
// points), and how many entries a repeated field may have. They are what
// fits the page with room to spare: a 120-character title is three or four
// lines of the title block, 2,000 characters of notes fill half the cover
// page, and the footer has room for three address lines and one
// opening-hours entry a day. (The page header sets a title or a name too
// long for its share smaller, then shortens it with "…"; the title block
// and the cover print it in full.)
//
// They are also what keeps a document's cost in bounds: the title and the
// patient's name are repeated in the header of every page, so a longer
// text means both more pages and more text per page (a 2 MB title took
// 2 minutes and 17.6 GB).
//
// Every field a document prints is checked against one of them: the
// front matter (Parse), the clinic profile (ParseClinic), and a visit's
// name, clinician and notes (Visit.Check, for the command line and the
// batch list).
const (
	MaxTitleChars    = 120  // a handout's title
	MaxSubtitleChars = 200  // subtitle, audience
	MaxNameChars     = 100  // a patient's, clinician's, author's or clinic's name
	MaxLineChars     = 150  // any other one-line field: tagline, address line, phone, hours, keyword
	MaxURLChars      = 500  // website, booking_url, logo path
	MaxFooterChars   = 600  // the profile's footer note (a disclaimer of a few lines)
	MaxNoteChars     = 2000 // the clinician's notes on a packet's cover

	MaxAddressLines = 3  // the profile's address lines
	MaxHours        = 7  // the profile's opening-hours entries: one a day
	MaxClinicians   = 50 // the profile's clinicians: a choice list, not a staff directory
	MaxKeywords     = 20 // the front matter's keywords
)

// checkLength reports, as a message for the author, a field longer than
// limit characters; "" when it is short enough. field is the name the
// author knows it by ("title", "address[2]", "--patient").
func checkLength(field, s string, limit int) string {
	n := utf8.RuneCountInString(s)
	if n <= limit {
		return ""
	}
	return fmt.Sprintf("%s is %d characters long; at most %d are allowed, shorten it", field, n, limit)
}

// checkCount reports a repeated field with more than limit entries; ""
// when there are few enough. what says why, after "at most N": "fit in
// the footer".
func checkCount(field string, n, limit int, what string) string {
	if n <= limit {
		return ""
	}
	return fmt.Sprintf("%s has %d entries; at most %d %s, keep the %d that matter most", field, n, limit, what, limit)
}

// Visit is what a visit adds to a document: the patient's name, the
// clinician and the clinician's notes.
type Visit struct {
	Patient, Clinician, Notes string
}

// Check reports a field of v that is not valid UTF-8 (a byte that is not
// would print as a replacement character) or is longer than MaxNameChars
// (the names) or MaxNoteChars (the notes). names holds each field's name as
// the caller's user knows it: a flag ("--patient") or a list's column
// ("name", "clinician", "notes"); a field named "" is not checked (the
// caller does not take it).
//
// The message names the field and never repeats its text: it may be a
// patient's name or note.
func (v Visit) Check(names Visit) error {
	for _, f := range []struct {
		name, text string
		limit      int
	}{{names.Patient, v.Patient, MaxNameChars}, {names.Clinician, v.Clinician, MaxNameChars}, {names.Notes, v.Notes, MaxNoteChars}} {
		if f.name == "" {
			continue
		}
		if !utf8.ValidString(f.text) {
			return fmt.Errorf("%s is not valid UTF-8 text (it was written in another encoding); write it again as UTF-8", f.name)
		}
		if msg := checkLength(f.name, f.text, f.limit); msg != "" {
			return errors.New(msg)
		}
	}
	return nil
}
