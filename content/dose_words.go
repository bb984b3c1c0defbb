package content

import (
	"regexp"
	"strconv"
	"strings"
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

// doseWords holds every word the dose line and the steps' side words are
// made of, so that a language (issue 16) is one more value of this type,
// not a change to WordDose or StepsFor.
type doseWords struct {
	sep                        string // between the parts
	once, times                string // reps: "once", "10 times"
	hold                       string // "hold 5 seconds"
	rest                       string // "rest 30 seconds"
	second, seconds            string
	minute, minutes            string
	round, rounds              string // sets: "2 rounds"; one round is not printed
	onceADay, twiceADay, nADay string // daily: "once a day", "twice a day", "3 times a day" (nADay after the number)
	eachSide, alternateSides   string
	sideOf                     map[Side]string   // "right" → "right"
	limbSide                   map[string]string // "leg" → "leg": "right leg"
	sideWord                   string            // "side": "right side"
	// In the steps (Exercise.StepsFor): {side} and {other} without a
	// side ("one", "the other"), and before a side ("your" right).
	oneSide, otherSide, your string
}

// englishDose is the English dose line (HANDOUT-DESIGN.md §2.4). It is
// never changed.
var englishDose = doseWords{
	sep: " · ", once: "once", times: "times", hold: "hold", rest: "rest",
	second: "second", seconds: "seconds", minute: "minute", minutes: "minutes",
	round: "round", rounds: "rounds",
	onceADay: "once a day", twiceADay: "twice a day", nADay: "times a day",
	eachSide: "each side", alternateSides: "alternate sides",
	sideOf:   map[Side]string{Left: "left", Right: "right"},
	limbSide: map[string]string{"arm": "arm", "leg": "leg"},
	sideWord: "side",
	oneSide:  "one", otherSide: "the other", your: "your",
}

// WordDose words a dose and a side as the sheet prints them, in English,
// in a fixed order: "10 times · hold 5 seconds · 2 rounds · twice a day ·
// right side". Numbers stay digits and units are words ("hold 1 minute",
// never "5 s", "3×10" or "2x/day"); one round is not printed. A value that
// is not a number with a unit ("5 slow breaths") is printed as written.
//
// The side follows the exercise: a one-side exercise without a side is
// done on each side ("each side"), with one it reads "right side", or
// "right leg" when the exercise names its limb; an alternating exercise
// reads "alternate sides"; a both-sides exercise prints no side. d may be
// nil (no dose: only the side is worded). d.Side is not read: a library
// dose has none (the loaders refuse it), the side is the side argument.
func WordDose(d *Dose, side Side, e *Exercise) string {
	w := englishDose
	var parts []string
	if d != nil {
		if d.Reps != "" {
			parts = append(parts, w.reps(d.Reps))
		}
		if d.Hold != "" {
			parts = append(parts, w.duration(w.hold, d.Hold))
		}
		if d.Sets != "" {
			if s := w.sets(d.Sets); s != "" {
				parts = append(parts, s)
			}
		}
		if d.Rest != "" {
			parts = append(parts, w.duration(w.rest, d.Rest))
		}
		if d.PerDay != "" {
			parts = append(parts, w.daily(d.PerDay))
		}
	}
	if s := w.side(side, e); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, w.sep)
}

// HowOften is how often a day the dose is done, as the sheet words it
// ("twice a day", "3 times a day", or the clinician's own words); "" when
// the dose does not say. A summary counts the exercises by it.
func (d *Dose) HowOften() string {
	if d == nil || d.PerDay == "" {
		return ""
	}
	return englishDose.daily(d.PerDay)
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

func (w doseWords) reps(text string) string {
	lo, hi, m := number(countRE, text)
	switch {
	case m == nil:
		return strings.TrimSpace(text)
	case hi == "" && lo == "1":
		return w.once
	}
	return span(lo, hi) + " " + w.times
}

func (w doseWords) sets(text string) string {
	lo, hi, m := number(countRE, text)
	switch {
	case m == nil:
		return strings.TrimSpace(text)
	case hi == "" && lo == "1":
		return "" // "1 round" says nothing
	}
	return span(lo, hi) + " " + w.rounds
}

// duration words a hold or a rest: "hold 5 seconds", "hold 1 minute".
// Whole minutes from 60 seconds up are written as minutes.
func (w doseWords) duration(verb, text string) string {
	lo, hi, m := number(durationRE, text)
	if m == nil {
		text = strings.TrimSpace(text)
		if strings.HasPrefix(strings.ToLower(text), verb+" ") {
			return text
		}
		return verb + " " + text
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
	unit, one := w.seconds, w.second
	if minutes {
		unit, one = w.minutes, w.minute
	}
	if hi == "" && lo == "1" {
		unit = one
	}
	return verb + " " + span(lo, hi) + " " + unit
}

func seconds(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func (w doseWords) daily(text string) string {
	t := strings.ToLower(strings.TrimSpace(text))
	switch t {
	case "once", "once a day":
		return w.onceADay
	case "twice", "twice a day":
		return w.twiceADay
	}
	lo, hi, m := number(dailyRE, t)
	switch {
	case m == nil:
		return strings.TrimSpace(text)
	case hi == "" && lo == "1":
		return w.onceADay
	case hi == "" && lo == "2":
		return w.twiceADay
	}
	return span(lo, hi) + " " + w.nADay
}

// side words the side for exercise e (nil: as a both-sides exercise).
func (w doseWords) side(side Side, e *Exercise) string {
	lat := BothSides
	limb := ""
	if e != nil {
		lat, limb = e.Laterality, e.Limb
	}
	switch {
	case side == Alternate || (lat == Alternating && side != Left && side != Right):
		return w.alternateSides
	case side == Left || side == Right:
		if word, ok := w.limbSide[limb]; ok {
			return w.sideOf[side] + " " + word
		}
		return w.sideOf[side] + " " + w.sideWord
	case lat == OneSide:
		return w.eachSide
	}
	return ""
}
