package layout

import "image/color"

// unit is one vertical piece of the flow: a line of text, a figure with its
// caption, a dose strip. Its items are relative to its top-left corner.
type unit struct {
	h      float64
	before float64 // space above it; dropped at the top of a page
	// glue forbids a page break between this unit and the one before it:
	// a heading's next line, a paragraph's first two and last two lines,
	// the lines of one step or one callout.
	glue  bool
	items []Item
	// box, when set, is a frame drawn around the consecutive units that
	// share it on a page (a callout box), so a callout that has to split
	// still has a frame on each page.
	box *frame
	// breakBefore starts a new page (each handout of a packet does).
	breakBefore bool
	// owner is the index of the handout the unit belongs to (the page
	// header shows its title), or noHandout.
	owner int
	// anchor names a section that starts here, for the cover's page
	// numbers.
	anchor string
	// smaller, when set, is the same content drawn smaller (a row of
	// photos at photoShrink of their size): paginate uses it when that
	// keeps the run on the page instead of leaving its bottom empty.
	smaller *unit
}

// frame is the look of a box drawn around a run of units.
type frame struct {
	fill, stroke color.RGBA
	lineWidth    float64
	radius       float64
	bar          color.RGBA // a thick bar down the left edge; A == 0 for none
	barWidth     float64
	x, w         float64 // horizontal extent relative to the column
	// first and last are the frame's first and last units: a fragment that
	// lacks one of them (a callout split over pages) gets a little room
	// at that edge so the text does not touch the border.
	first, last int // indices in the flow
}

// region is the space pages offer the flow: where the column is and how
// tall it is on every page (the same on each: header and footer have fixed
// heights).
type region struct {
	x, top, w, h float64
}

// placed is a unit placed on a page at column-relative y.
type placed struct {
	u   *unit
	idx int // index of u in the flow
	y   float64
}

// paginate breaks units into pages. It keeps glued runs together, moving a
// run that does not fit to the next page; a run taller than a whole page
// (a very long callout) is the one thing split, unit by unit.
func paginate(units []unit, r region) [][]placed {
	var pages [][]placed
	var cur []placed
	y := 0.0
	newPage := func() {
		pages = append(pages, cur)
		cur, y = nil, 0
	}
	fits := func(from, to int, y float64) bool {
		h := y
		for k := from; k < to; k++ {
			if k > from || y > 0 {
				h += units[k].before
			}
			h += units[k].h
		}
		return h <= r.h+0.001
	}
	for i := 0; i < len(units); {
		end := i + 1
		for end < len(units) && units[end].glue {
			end++
		}
		// Photos drawn smaller can keep the run on this page.
		if y > 0 && !units[i].breakBefore && !fits(i, end, y) {
			shrink(units[i:end], func() bool { return fits(i, end, y) })
		}
		// Move the run to a new page when it does not fit here but would
		// on a page of its own; a run taller than any page starts here.
		if y > 0 && (units[i].breakBefore || (!fits(i, end, y) && fits(i, end, 0))) {
			newPage()
		}
		if fits(i, end, y) {
			for k := i; k < end; k++ {
				y = place(&cur, units, k, y)
			}
			i = end
			continue
		}
		// Taller than a page: split it wherever the page is full.
		for k := i; k < end; k++ {
			if !fits(k, k+1, y) && y > 0 {
				newPage()
			}
			y = place(&cur, units, k, y)
		}
		i = end
	}
	if len(cur) > 0 || len(pages) == 0 {
		pages = append(pages, cur)
	}
	return pages
}

// shrink swaps in the smaller version of every unit of run that has one
// and keeps them if fits then says yes; otherwise it puts run back as it
// was.
func shrink(run []unit, fits func() bool) {
	var changed []int
	var saved []unit
	for k := range run {
		if s := run[k].smaller; s != nil {
			changed, saved = append(changed, k), append(saved, run[k])
			run[k].h, run[k].items, run[k].smaller = s.h, s.items, nil
		}
	}
	if len(changed) == 0 || fits() {
		return
	}
	for n, k := range changed {
		run[k] = saved[n]
	}
}

// place adds u to the page at y (after its space, unless it opens the
// page) and returns the y below it.
func place(page *[]placed, units []unit, k int, y float64) float64 {
	u := &units[k]
	if y > 0 {
		y += u.before
	}
	*page = append(*page, placed{u: u, idx: k, y: y})
	return y + u.h
}

// stack appends the items of lines (laid out by textUnits) to items, one
// line under the other from y down, and returns them and the y below the
// last line: how a block made of text lines becomes one unit.
func stack(items []Item, lines []unit, y float64) ([]Item, float64) {
	for _, l := range lines {
		for _, it := range l.items {
			items = append(items, moved(it, 0, y))
		}
		y += l.h
	}
	return items, y
}

// pageItems turns a page of placed units into items, with frames drawn
// first (under the text) for each run of units that share one; a frame
// whose other part is on another page gets splitPad of room at that edge.
func pageItems(page []placed, r region, splitPad float64) []Item {
	var items []Item
	for i := 0; i < len(page); {
		f := page[i].u.box
		if f == nil {
			i++
			continue
		}
		j := i
		for j+1 < len(page) && page[j+1].u.box == f {
			j++
		}
		top := page[i].y
		if page[i].idx != f.first {
			top -= splitPad
		}
		bottom := page[j].y + page[j].u.h
		if page[j].idx != f.last {
			bottom += splitPad
		}
		items = append(items, &Box{X: r.x + f.x, Y: r.top + top, W: f.w, H: bottom - top, Radius: f.radius,
			Fill: f.fill, Stroke: f.stroke, LineWidth: f.lineWidth})
		if f.bar.A != 0 {
			items = append(items, &Box{X: r.x + f.x, Y: r.top + top, W: f.barWidth, H: bottom - top, Fill: f.bar})
		}
		i = j + 1
	}
	for _, p := range page {
		for _, it := range p.u.items {
			items = append(items, moved(it, r.x, r.top+p.y))
		}
	}
	return items
}
