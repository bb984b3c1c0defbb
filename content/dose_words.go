package content

import (
	"regexp"
	"strconv"
	"strings"

	"handout/locale"
)

// Side is the side a programme gives an exercise.
type Side string

// The sides a programme may give (docs/library.md).
const (
	NoSide    Side = ""          // not given: "each side" for a one-side exercise
	Left      Side = "left"      // one side at a time, the left only
	Right     Side = "right"     // one side at a time, the right only
	Both      Side = "both"      // both: together, or each side in turn
	Alternate Side = "alternate" // right, left, right…
)

// doseSep separates the parts of a dose line in every language.
const doseSep = " · "

// WordDose words a dose and a side as the sheet prints them, in the
// words of w (locale), in a fixed order: "10 times · hold 5 seconds · 2 rounds ·
// with red band · twice a day · right side". Numbers stay digits and units are words ("hold 1 minute",
// never "5 s", "3×10" or "2x/day"); one round is not printed. A value that
// is not a number with a unit ("5 slow breaths") is printed as written, and
// so is the load ("red band", "2 kg"), which is the clinician's own words.
//
// The side follows the exercise: a one-side exercise without a side is
// done on each side ("each side"), with one it reads "right side", or
// "right leg" when the exercise names its limb; an alternating exercise
// reads "alternate sides"; a both-sides exercise prints no side. d may be
// nil (no dose: only the side is worded). d.Side is not read: a library
// dose has none (the loaders refuse it), the side is the side argument.
func WordDose(w *locale.Words, d *Dose, side Side, e *Exercise) string {
	var parts []string
	if d != nil {
		if d.Reps != "" {
			parts = append(parts, reps(w, d.Reps))
		}
		if d.Hold != "" {
			parts = append(parts, duration(w, locale.HoldFor, d.Hold))
		}
		if d.Sets != "" {
			if s := sets(w, d.Sets); s != "" {
				parts = append(parts, s)
			}
		}
		if d.Rest != "" {
			parts = append(parts, duration(w, locale.RestFor, d.Rest))
		}
		if d.Load != "" {
			parts = append(parts, w.Text(locale.WithLoad, d.Load))
		}
		if d.PerDay != "" {
			parts = append(parts, daily(w, d.PerDay))
		}
	}
	if s := sideWords(w, side, e); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, doseSep)
}

// HowOften is how often a day the dose is done, as the sheet words it
// ("twice a day", "3 times a day", or the clinician's own words); "" when
// the dose does not say. A summary counts the exercises by it.
func (d *Dose) HowOften(w *locale.Words) string {
	if d == nil || d.PerDay == "" {
		return ""
	}
	return daily(w, d.PerDay)
}

// TimesADay is how many times a day the dose is done when it says an
// exact number ("2", "2x/day", "twice", "once a day"); 0 when it does not
// say, or says a range ("2-3") or words ("every hour"). A tick log gives
// a twice-a-day exercise two boxes a day.
func (d *Dose) TimesADay() int {
	if d == nil {
		return 0
	}
	t := strings.ToLower(strings.TrimSpace(d.PerDay))
	switch t {
	case "once", "once a day":
		return 1
	case "twice", "twice a day":
		return 2
	}
	lo, hi, m := number(dailyRE, t)
	if m == nil || hi != "" {
		return 0
	}
	n, _ := strconv.Atoi(lo)
	return n
}

// countRE is a count or a range of counts: "10", "10-15", "10–15", "2 x".
var countRE = regexp.MustCompile(`^(\d+)(?:\s*[-–]\s*(\d+))?\s*(?:x|×|times)?$`)

// durationRE is a count or range with an optional unit: "5", "5 s",
// "20–30 sec", "1 min", "2 minutes".
var durationRE = regexp.MustCompile(`^(\d+)(?:\s*[-–]\s*(\d+))?\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes)?\.?$`)

// dailyRE is how often a day: "2", "2x", "2×", "2x/day", "2 a day",
// "2 times a day", "twice".
var dailyRE = regexp.MustCompile(`^(\d+)(?:\s*[-–]\s*(\d+))?\s*(?:x|×|times)?\s*(?:/\s*day|a day|per day|daily)?$`)

// number reads a count or range matched by a regexp: lo, hi ("" when not a
// range); ok is false when text is free text.
func number(re *regexp.Regexp, text string) (lo, hi string, m []string) {
	m = re.FindStringSubmatch(strings.ToLower(strings.TrimSpace(text)))
	if m == nil {
		return "", "", nil
	}
	return m[1], m[2], m
}

// span writes lo or lo–hi.
func span(lo, hi string) string {
	if hi != "" {
		return lo + "–" + hi
	}
	return lo
}

// counted is a count or a range as its message words it: the message
// is chosen by the range's upper end ("10–15 times").
func counted(w *locale.Words, k locale.Key, lo, hi string) string {
	n := seconds(lo)
	if hi != "" {
		n = seconds(hi)
	}
	return w.Count(k, n, span(lo, hi))
}

func reps(w *locale.Words, text string) string {
	lo, hi, m := number(countRE, text)
	if m == nil {
		return strings.TrimSpace(text)
	}
	return counted(w, locale.RepsCount, lo, hi)
}

func sets(w *locale.Words, text string) string {
	lo, hi, m := number(countRE, text)
	switch {
	case m == nil:
		return strings.TrimSpace(text)
	case hi == "" && lo == "1":
		return "" // "1 round" says nothing
	}
	return counted(w, locale.RoundsCount, lo, hi)
}

// duration words a hold or a rest: "hold 5 seconds", "hold 1 minute".
// Whole minutes from 60 seconds up are written as minutes.
// verb is the message hold or rest ("hold %s"), which free text that
// starts with its verb ("hold as long as it feels good") is printed
// without.
func duration(w *locale.Words, verb locale.Key, text string) string {
	lo, hi, m := number(durationRE, text)
	if m == nil {
		text = strings.TrimSpace(text)
		if prefix := strings.ToLower(w.Text(verb, "")); strings.HasPrefix(strings.ToLower(text), prefix) {
			return text
		}
		return w.Text(verb, text)
	}
	minutes := strings.HasPrefix(m[3], "m")
	if !minutes {
		if l, h := seconds(lo), seconds(hi); l >= 60 && l%60 == 0 && (hi == "" || h%60 == 0) {
			lo, minutes = strconv.Itoa(l/60), true
			if hi != "" {
				hi = strconv.Itoa(h / 60)
			}
		}
	}
	unit := locale.SecondsCount
	if minutes {
		unit = locale.MinutesCount
	}
	return w.Text(verb, counted(w, unit, lo, hi))
}

func seconds(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func daily(w *locale.Words, text string) string {
	t := strings.ToLower(strings.TrimSpace(text))
	switch t {
	case "once", "once a day":
		return w.Count(locale.DailyCount, 1, "1")
	case "twice", "twice a day":
		return w.Count(locale.DailyCount, 2, "2")
	}
	lo, hi, m := number(dailyRE, t)
	switch {
	case m == nil:
		return strings.TrimSpace(text)
	case hi != "":
		// By the range's upper end, never "1–2 twice a day".
		return counted(w, locale.DailyRange, lo, hi)
	}
	return counted(w, locale.DailyCount, lo, "")
}

// side words the side for exercise e (nil: as a both-sides exercise).
func sideWords(w *locale.Words, side Side, e *Exercise) string {
	lat := BothSides
	limb := ""
	if e != nil {
		lat, limb = e.Laterality, e.Limb
	}
	switch {
	case side == Alternate || (lat == Alternating && side != Left && side != Right):
		return w.Text(locale.AlternateSides)
	case side == Left || side == Right:
		// Whole phrases, not "right" + "leg": a language may put the side
		// after its noun and agree with it ("pierna derecha").
		words := map[Side]map[string]locale.Key{
			Right: {"arm": locale.RightArm, "leg": locale.RightLeg, "": locale.RightSide},
			Left:  {"arm": locale.LeftArm, "leg": locale.LeftLeg, "": locale.LeftSide},
		}[side]
		k, ok := words[limb]
		if !ok {
			k = words[""]
		}
		return w.Text(k)
	case lat == OneSide:
		return w.Text(locale.EachSide)
	}
	return ""
}
