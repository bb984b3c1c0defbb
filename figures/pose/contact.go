package pose

import (
	"fmt"
	"image"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"

	"handout/figures"
)

// contactColumns is how many panels the contact sheet puts in a row.
const contactColumns = 4

// ContactSheet lays out every built-in drawing in a grid of cellPx-wide
// cells, each named underneath, all at one scale (the widest or tallest
// drawing fills its cell), so that a change to any figure or to the body
// shows when the sheet is compared with its golden image.
func ContactSheet(cellPx int) (image.Image, error) {
	if cellPx < 32 {
		return nil, fmt.Errorf("figures: contact sheet: cells of %dpx are too small", cellPx)
	}
	names := BuiltinNames()
	drawings := make([]figures.Drawing, len(names))
	for i, n := range names {
		d, err := Builtin(n)
		if err != nil {
			return nil, fmt.Errorf("figures: contact sheet: %w", err)
		}
		drawings[i] = d
	}
	return contactGrid(names, drawings, cellPx), nil
}

// contactGrid draws the named drawings in a grid at one common scale.
func contactGrid(names []string, drawings []figures.Drawing, cellPx int) *image.RGBA {
	most := 0.0
	for _, d := range drawings {
		most = math.Max(most, math.Max(d.W, d.H))
	}
	face := basicfont.Face7x13
	label := face.Metrics().Height.Ceil() + 4
	rows := (len(names) + contactColumns - 1) / contactColumns
	sheet := image.NewRGBA(image.Rect(0, 0, contactColumns*cellPx, rows*(cellPx+label)))
	draw.Draw(sheet, sheet.Bounds(), image.White, image.Point{}, draw.Src)
	scale := float64(cellPx-8) / most
	for i, d := range drawings {
		x0, y0 := (i%contactColumns)*cellPx, (i/contactColumns)*(cellPx+label)
		// Centre each drawing in its cell, standing on a common baseline.
		off := figures.Point{X: (float64(cellPx) - d.W*scale) / 2, Y: float64(cellPx) - 4 - d.H*scale}
		img := rasterImage(d, scale, image.Pt(cellPx, cellPx), off)
		draw.Draw(sheet, image.Rect(x0, y0, x0+cellPx, y0+cellPx), img, image.Point{}, draw.Src)
		dr := font.Drawer{Dst: sheet, Src: image.Black, Face: face}
		w := dr.MeasureString(names[i]).Ceil()
		dr.Dot = fixed.P(x0+(cellPx-w)/2, y0+cellPx+label-4)
		dr.DrawString(names[i])
	}
	return sheet
}
