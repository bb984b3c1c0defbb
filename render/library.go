package render

import (
	"fmt"
	"slices"
	"strings"

	"handout/content"
	"handout/figures/pose"
	"handout/locale"
)

// builtinLibrary is the built-in library with the drawings' descriptions
// as their alt text, or nil if it does not load (its tests keep it
// loading; the callers list names for completion only).
func builtinLibrary() *content.Library {
	lib, err := content.BuiltinLibrary(pose.BuiltinDescription)
	if err != nil {
		return nil
	}
	return lib
}

// BuiltinExerciseNames lists the built-in library's exercises by id.
func BuiltinExerciseNames() []string {
	lib := builtinLibrary()
	if lib == nil {
		return nil
	}
	var names []string
	for _, e := range lib.Exercises() {
		names = append(names, e.ID)
	}
	return names
}

// Regions lists the regions the library's exercises are for, sorted.
func Regions(lib *content.Library) []string {
	var out []string
	for _, e := range lib.Exercises() {
		for _, r := range e.Regions {
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	slices.Sort(out)
	return out
}

// readingLine is the reading meter for an exercise's words, for a clinic
// writing its own (docs/library.md, "Reading grade"): the Flesch–Kincaid
// grade of an English exercise against content.TargetGrade; "" for
// another language, whose meter differs.
func readingLine(e *content.Exercise) string {
	if e.Language != "" {
		return ""
	}
	g := content.ReadingGrade(e.Sentences())
	switch {
	case g < 1:
		return fmt.Sprintf("below grade 1 (Flesch–Kincaid; %d or below reads for most patients)", content.TargetGrade)
	case g <= content.TargetGrade:
		return fmt.Sprintf("grade %.1f (Flesch–Kincaid; %d or below reads for most patients)", g, content.TargetGrade)
	}
	return fmt.Sprintf("grade %.1f (Flesch–Kincaid): above %d; shorter sentences and shorter words read easier", g, content.TargetGrade)
}

// ExerciseCard is an exercise as `handout show` prints it: plain text, in
// the order the sheet prints it, with what a clinician needs to pick it
// (names, regions, position, equipment, sides, level, default dose).
func ExerciseCard(e *content.Exercise) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n", e.Name, e.ID)
	field := func(label string, values ...string) {
		var v []string
		for _, s := range values {
			if s != "" {
				v = append(v, s)
			}
		}
		if len(v) > 0 {
			fmt.Fprintf(&b, "  %-12s %s\n", label+":", strings.Join(v, ", "))
		}
	}
	field("also", e.Aliases...)
	field("regions", e.Regions...)
	field("conditions", e.Conditions...)
	field("position", e.Position)
	field("equipment", e.Equipment...)
	field("sides", string(e.Laterality))
	field("level", e.Level)
	field("dose", content.WordDose(locale.English(), e.Dose, "", e))
	field("video", e.VideoURL)
	field("source", string(e.SourceKind))
	field("reviewed", e.Reviewed)
	field("reading", readingLine(e))
	if len(e.Why) > 0 {
		fmt.Fprintf(&b, "\n%s\n", plainText(e.Why))
	}
	for _, f := range e.Figures {
		b.WriteString("\n")
		for _, p := range f.Panels {
			alt := p.Alt
			if alt == "" {
				if name, ok := p.Builtin(); ok {
					alt = pose.BuiltinDescription(name)
				}
			}
			fmt.Fprintf(&b, "  [%s] %s: %s\n", p.Source, p.Caption, alt)
		}
	}
	b.WriteString("\n")
	for i, s := range e.Steps {
		fmt.Fprintf(&b, "  %d. %s\n", i+1, plainText(s))
	}
	for _, c := range append(append([]*content.Callout(nil), e.Tips...), e.Cautions...) {
		fmt.Fprintf(&b, "\n  %s: %s\n", strings.ToUpper(string(c.Kind)), calloutText(c))
	}
	return b.String()
}

// plainText is spans without their styles.
func plainText(spans []content.Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// calloutText is a callout's paragraphs and list items as one line each.
func calloutText(c *content.Callout) string {
	var parts []string
	for _, blk := range c.Blocks {
		switch v := blk.(type) {
		case *content.Paragraph:
			parts = append(parts, plainText(v.Text))
		case *content.List:
			for _, it := range v.Items {
				parts = append(parts, "• "+plainText(it))
			}
		}
	}
	return strings.Join(parts, " ")
}
