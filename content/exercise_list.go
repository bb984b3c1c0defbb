package content

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseExerciseList reads a programme's exercises written on one line, as
// a patient list's exercises column has them: entries separated by "|",
// each an exercise's id (or alias, or name) with, after a ":", its dose
// as on a Dose: line, where a "side" key is the entry's side:
//
//	chin-tuck: reps 10; hold 5 s | hamstring-stretch: hold 30 s; side right | bird-dog
//
// Only the shape is checked here; the ids, doses and sides are checked
// against the library when the programme is resolved
// (ParseProgrammeColumns), as a programme file's are. Messages name the
// column ("exercises: …") and say what to write.
func ParseExerciseList(s string) ([]ProgrammeEntry, error) {
	var entries []ProgrammeEntry
	for part := range strings.SplitSeq(s, "|") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, dose, _ := strings.Cut(part, ":")
		e := ProgrammeEntry{ID: strings.TrimSpace(id)}
		if e.ID == "" {
			return nil, fmt.Errorf(`exercises: %q does not start with an exercise id; write e.g. "chin-tuck: reps 10; hold 5 s | bird-dog"`, clipText(part, 40))
		}
		var err error
		if e.Dose, e.Side, err = takeSide(dose); err != nil {
			return nil, fmt.Errorf("exercises: %s: %w", e.ID, err)
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// takeSide takes the "side" key out of a dose's text, the way a Dose:
// line spells it ("side right"), and returns the rest of the dose and the
// side. A programme keeps the side apart from the dose, since it is
// checked against the exercise's laterality.
func takeSide(dose string) (rest, side string, err error) {
	var kept []string
	for part := range strings.SplitSeq(dose, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, value := part, ""
		if i := strings.IndexFunc(part, unicode.IsSpace); i >= 0 {
			key, value = part[:i], strings.TrimSpace(part[i:])
		}
		if !strings.EqualFold(strings.TrimSuffix(key, ":"), "side") {
			kept = append(kept, part)
			continue
		}
		switch {
		case value == "":
			return "", "", fmt.Errorf(`side has no value; write e.g. "side right"`)
		case side != "":
			return "", "", fmt.Errorf("the side is given twice; keep one")
		}
		side = value
	}
	return strings.Join(kept, "; "), side, nil
}

// clipText shortens s to n characters for a message.
func clipText(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
