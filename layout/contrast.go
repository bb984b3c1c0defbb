package layout

import (
	"image/color"
	"math"
)

// The contrast a printed page keeps (WCAG 2.x, 1.4.3 and 1.4.11): text
// against what lies beneath it, and the graphics that carry meaning (a
// callout's border and bar, an icon, a rule, the booking code) against
// theirs. A black-and-white laser printer keeps what the gray levels
// give it, so grayscale documents keep the same ratios.
const (
	textContrast    = 4.5
	graphicContrast = 3
)

// Luminance is a colour's relative luminance (WCAG 2.x): its sRGB
// channels made linear and weighted, from 0 (black) to 1 (white).
func Luminance(c color.RGBA) float64 {
	// The explicit conversions round each product, so that no compiler
	// fuses the sum into an FMA and the result is the same on every
	// machine.
	return float64(0.2126*linear(c.R)) + float64(0.7152*linear(c.G)) + float64(0.0722*linear(c.B))
}

// linear is an sRGB channel as linear light.
func linear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// Contrast is the contrast ratio of two colours (WCAG 2.x): from 1 (the
// same) to 21 (black on white).
func Contrast(a, b color.RGBA) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// grayOf is the gray of the same luminance as c: contrast ratios are
// the same in gray as in colour.
func grayOf(c color.RGBA) color.RGBA {
	y := Luminance(c)
	best, bestD := uint8(0), math.Inf(1)
	for v := range 256 {
		if d := math.Abs(linear(uint8(v)) - y); d < bestD {
			best, bestD = uint8(v), d
		}
	}
	return rgb(best, best, best)
}

// darkened is c mixed toward black, in steps of 1%, just far enough to
// reach ratio against each of the backgrounds; c itself when it does.
func darkened(c color.RGBA, ratio float64, backgrounds ...color.RGBA) color.RGBA {
	passes := func(c color.RGBA) bool {
		for _, bg := range backgrounds {
			if Contrast(c, bg) < ratio {
				return false
			}
		}
		return true
	}
	for step := 0; step <= 100; step++ {
		f := float64(step) / 100
		d := func(v uint8) uint8 { return uint8(float64(float64(v)*(1-f)) + 0.5) }
		if out := rgb(d(c.R), d(c.G), d(c.B)); passes(out) || step == 100 {
			return out
		}
	}
	return c
}
