package render

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"handout/figures/photo"
)

// ErrOverBudget is the error (wrapped in a *SizeError) of a document that is
// larger than --max-size even at the smallest photo setting.
var ErrOverBudget = errors.New("over the size budget")

// sizeSteps is the fixed sequence a size budget steps down through, from
// sharpest to smallest. A run starts at its --preset and only moves down.
// Only photos shrink: text, fonts (already subset) and the built-in
// drawings (vectors) cost the same at every step.
func sizeSteps() []photo.Preset {
	return []photo.Preset{
		photo.PresetPrint,        // 250 ppi, JPEG quality 85
		photo.PresetEmail,        // 150 ppi, quality 72
		photo.PresetEmailSmall,   // 120 ppi, quality 60
		photo.PresetEmailSmaller, // 96 ppi, quality 50
		photo.PresetEmailGray,    // 96 ppi, quality 50, photos in gray
	}
}

// ParseSize reads a size such as 2MB, 600KB, 1.5MiB or 500000. KB and MB
// are decimal (1 KB = 1,000 bytes, as mail providers state their limits);
// KiB and MiB are binary (1 KiB = 1,024 bytes). A bare number is bytes.
// Case does not matter; a space before the unit is allowed.
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := t, ""
	if i >= 0 {
		num, unit = t[:i], strings.TrimSpace(t[i:])
	}
	mult := map[string]float64{
		"": 1, "b": 1,
		"kb": 1e3, "mb": 1e6, "gb": 1e9,
		"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30,
	}[strings.ToLower(unit)]
	v, err := strconv.ParseFloat(num, 64)
	if mult == 0 || err != nil || num == "" {
		return 0, fmt.Errorf("%q is not a size; write it like 2MB, 600KB or 1.5MiB", s)
	}
	n := v * mult
	if n < 1 || n > math.MaxInt64/2 {
		return 0, fmt.Errorf("%q is not a usable size", s)
	}
	return int64(math.Floor(n)), nil
}

// formatSize prints n bytes as decimal MB or KB, as ParseSize reads them,
// with the exact count beside it, so a size just over a budget never reads
// as equal to it.
func formatSize(n int64) string {
	exact := strconv.FormatInt(n, 10) + " bytes"
	switch {
	case n >= 1e6:
		return strconv.FormatFloat(float64(n)/1e6, 'f', 2, 64) + " MB (" + exact + ")"
	case n >= 1e3:
		return strconv.FormatFloat(float64(n)/1e3, 'f', 1, 64) + " KB (" + exact + ")"
	}
	return exact
}

// SizeError is a document that stays over its budget at the last step.
type SizeError struct {
	reached, budget int64
	preset          photo.Preset // the last step tried
	photos          bool         // false: nothing in it could shrink
}

// Error says what size was reached, at which step, and what to do.
func (e *SizeError) Error() string {
	if !e.photos {
		return fmt.Sprintf("%s, over the %s budget, and it has no photos to make smaller; split the packet or raise --max-size",
			formatSize(e.reached), formatSize(e.budget))
	}
	return fmt.Sprintf("%s with photos at the smallest setting (%s), over the %s budget; use fewer or smaller photos, split the packet, or raise --max-size",
		formatSize(e.reached), e.preset, formatSize(e.budget))
}

// Unwrap returns ErrOverBudget.
func (e *SizeError) Unwrap() error { return ErrOverBudget }

// SizeFitter renders jobs within a byte budget, stepping the photos
// down from the job's preset. The engine prepares each photo once per
// step and run, however many documents need that step. Safe for
// concurrent use.
type SizeFitter struct {
	eng    *Engine
	budget int64 // 0: no budget, render at the job's preset only
}

// NewSizeFitter returns a fitter for documents of at most budget bytes
// (0: no limit).
func NewSizeFitter(eng *Engine, budget int64) *SizeFitter {
	return &SizeFitter{eng: eng, budget: budget}
}

// Fitted is a rendered document: the bytes to write (after finish) and the
// unencrypted bytes they were made from.
type Fitted struct {
	Final  []byte       // what is written and sent
	Plain  []byte       // before finish (equal to Final without one)
	Pages  int          // page count
	Preset photo.Preset // the step the document fitted at
}

// Render renders j at its preset and, while the finished document is
// over budget, again at each smaller step. finish (nil: none) turns the
// plain PDF into the bytes to write, e.g. encrypts them; the budget applies
// to its result, which is what the patient receives. A document over
// budget at the last step is a *SizeError.
func (f *SizeFitter) Render(j Job, finish func([]byte) ([]byte, error)) (Fitted, error) {
	steps := sizeSteps()
	start := 0
	for i, p := range steps {
		if p == j.Preset {
			start = i
		}
	}
	if f.budget == 0 {
		steps = steps[start : start+1]
	} else {
		steps = steps[start:]
	}
	var out Fitted
	for _, p := range steps {
		j.Preset = p
		plain, pages, err := f.eng.Render(j)
		if err != nil {
			return Fitted{}, err
		}
		if out.Plain != nil && bytes.Equal(plain, out.Plain) {
			// Nothing changed: the document has no photos, so no later
			// step will shrink it either.
			return Fitted{}, &SizeError{reached: int64(len(out.Final)), budget: f.budget, preset: out.Preset}
		}
		final := plain
		if finish != nil {
			if final, err = finish(plain); err != nil {
				return Fitted{}, err
			}
		}
		out = Fitted{Final: final, Plain: plain, Pages: pages, Preset: p}
		if f.budget == 0 || int64(len(final)) <= f.budget {
			return out, nil
		}
	}
	return Fitted{}, &SizeError{reached: int64(len(out.Final)), budget: f.budget, preset: out.Preset, photos: true}
}
