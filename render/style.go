package render

import (
	"fmt"

	"handout/content"
	"handout/layout"
)

// Which style a document gets has one owner, here, so that the command
// line, batch and the web page give the same answer (documentStyle):
//
//  1. a patient list row's style column: the clinic's choice for that
//     patient (batch gives it as Checked.WithStyle, which takes --style's
//     place for the row);
//  2. the front door's --style (Settings.Style);
//  3. the first handout's own style: (a programme file's, or a handout
//     file's front matter);
//  4. the clinic profile's style:;
//  5. sheet for a programme or a protocol, article for a handout file.

// Style names for the defaults of rule 5.
const (
	programmeStyle = "sheet"
	handoutStyle   = "article"
)

// StyleNames are the values --style takes, the default first, for help
// and completion.
func StyleNames() []string { return layout.StyleNames() }

// StyleLabel is how a person chooses the style named name: "Large
// print" for large-print.
func StyleLabel(name string) string { return layout.StyleLabel(name) }

// ownStyle is the style a handout file names for itself; "" for none.
func (hf HandoutFile) ownStyle() string {
	if hf.Programme != nil {
		return hf.Programme.Style
	}
	if hf.Handout != nil {
		return hf.Handout.Meta.Style
	}
	return ""
}

// ProgrammeStyle is the style a programme for the clinic gets when
// nothing else names one: the profile's style:, else sheet. The web page
// preselects it.
func (c Clinic) ProgrammeStyle() string {
	return documentStyle(layout.Style{}, c, []HandoutFile{{Programme: &content.Programme{}}})
}

// documentStyle is the name of the style of a document of these
// handouts for the clinic: flag's when given (Checked.Style, a zero
// Style when not: --style, or a list row's style column), else the first
// rule above that names one. Names read
// from files were checked where they were read (Resolve, LoadClinic);
// Engine.Layout looks the name up.
func documentStyle(flag layout.Style, clinic Clinic, handouts []HandoutFile) string {
	if flag.Name != "" {
		return flag.Name
	}
	if len(handouts) > 0 {
		if name := handouts[0].ownStyle(); name != "" {
			return name
		}
	}
	if clinic.Profile != nil && clinic.Profile.Style != "" {
		return clinic.Profile.Style
	}
	if len(handouts) > 0 && handouts[0].Programme != nil {
		return programmeStyle
	}
	return handoutStyle
}

// checkStyleName checks a style named in a file; the error names where
// (a programme's or handout's "FILE:LINE", the profile's "FILE").
func checkStyleName(where, name string) error {
	if name == "" {
		return nil
	}
	if _, err := layout.StyleByName(name); err != nil {
		return fmt.Errorf("%s: style: %w", where, err)
	}
	return nil
}

// styleWhere is where a handout file's style: is, for messages.
func (hf HandoutFile) styleWhere() string {
	if hf.Programme != nil {
		return hf.Programme.Source
	}
	h := hf.Handout
	return fmt.Sprintf("%s:%d", h.Source, h.Meta.Line("style"))
}
