package layout

import (
	"fmt"
	"image/color"
	"strings"
	"unicode"

	"rsc.io/qr"

	"handout/content"
	"handout/figures"
	"handout/fonts"
)

// Vertical spacing of the flow, in points.
const (
	spaceSection   = 20.0
	spaceSubhead   = 12.0
	spaceParagraph = 7.0
	spaceItem      = 4.0
	spaceFigure    = 12.0
	spaceBox       = 10.0

	figureGap    = 14.0  // between panels
	figureRowGap = 18.0  // between figures side by side
	figureMaxH   = 210.0 // tallest a figure's pictures may be
	// photoShrink is how much smaller a row of photos may be drawn to stay
	// on a page with its text (paginate): still large enough to see the
	// position clearly, and less paper than a page left a third empty.
	// Drawings are never shrunk: one scale keeps every body the same size.
	photoShrink   = 0.75
	panelLabelMin = 120.0 // narrowest slot a panel label wraps in
	listIndent    = 22.0

	// shortParagraphLines is the longest paragraph that keeps with a
	// figure right before or after it.
	shortParagraphLines = 2
)

// add appends units to the flow with space before the first; a pending
// keep-with-next (after a heading) glues the first unit to what precedes.
func (b *builder) add(us []unit, before float64) {
	if len(us) == 0 {
		return
	}
	us[0].before = before
	if b.keepNext {
		us[0].glue = true
		b.keepNext = false
	}
	if b.breakPage {
		us[0].breakBefore, us[0].glue = true, false
		b.breakPage = false
	}
	if b.anchor != "" {
		us[0].anchor = b.anchor
		b.anchor = ""
	}
	for i := range us {
		us[i].owner = b.owner
	}
	b.units = append(b.units, us...)
}

// textUnits lays out spans as lines of width w at x, one unit per line,
// glued so that a paragraph never leaves a single line alone at the top
// or bottom of a page.
func (b *builder) textUnits(spans []content.Span, st textStyle, x, w float64, al align) []unit {
	lines := breakLines(b.f, splitWords(b.f, st, spans), w)
	us := make([]unit, len(lines))
	for i, ln := range lines {
		us[i] = unit{h: st.leading, items: lineItems(ln, x, 0, st, w, al), glue: i == 1 || (i > 0 && i == len(lines)-1)}
	}
	return us
}

// glueAll keeps units together on one page (unless they are taller than a
// page, which paginate handles).
func glueAll(us []unit) []unit {
	for i := 1; i < len(us); i++ {
		us[i].glue = true
	}
	return us
}

// titleBlock is the handout's title, subtitle and who wrote it.
func (b *builder) titleBlock(h *content.Handout) {
	th, m := b.th, h.Meta
	us := b.textUnits(plain(m.Title), th.h1, 0, b.col.w, alignLeft)
	if m.Subtitle != "" {
		sub := th.h3
		sub.bold, sub.italic, sub.color, sub.size, sub.leading = false, true, th.muted, 13, 18
		us = append(us, b.textUnits(plain(m.Subtitle), sub, 0, b.col.w, alignLeft)...)
	}
	var by []string
	if m.Author != "" {
		by = append(by, "Prepared by "+m.Author)
	}
	if m.Reviewed != "" {
		by = append(by, "Reviewed "+m.Reviewed)
	}
	if len(by) > 0 {
		line := b.textUnits(plain(strings.Join(by, "  ·  ")), th.caption, 0, b.col.w, alignLeft)
		if len(line) > 0 {
			line[0].before = 4
		}
		us = append(us, line...)
	}
	b.add(glueAll(us), 0)
}

// section lays out one "##" section.
func (b *builder) section(s *content.Section) error {
	if len(s.Title) > 0 {
		b.add(glueAll(b.textUnits(s.Title, b.th.h2, 0, b.col.w, alignLeft)), spaceSection)
		b.keepNext = true
	}
	return b.blocks(s.Blocks, 0, b.col.w, nil)
}

// blocks lays out a sequence of blocks in a column of width w at x. Inside
// a callout, box is its frame and text is one step smaller.
func (b *builder) blocks(bl []content.Block, x, w float64, box *frame) error {
	body := b.th.body
	if box != nil {
		body.size, body.leading = 10.5, 14.5
	}
	afterFigure := false
	for i := 0; i < len(bl); i++ {
		blk := bl[i]
		var us []unit
		before := spaceParagraph
		prevFigure := afterFigure
		if afterFigure {
			before = spaceFigure
		}
		_, afterFigure = blk.(*content.Figure)
		keepWithFigure := false
		switch v := blk.(type) {
		case *content.Heading:
			us = glueAll(b.textUnits(v.Text, b.th.h3, x, w, alignLeft))
			before = spaceSubhead
		case *content.Paragraph:
			us = b.textUnits(v.Text, body, x, w, alignLeft)
			// A line or two next to a picture is about the picture ("Rest
			// your chin on the mat.", "Hold for five breaths."): it shares
			// the picture's page rather than being left alone at the
			// bottom of one page or the top of the next.
			if len(us) <= shortParagraphLines {
				if prevFigure {
					us[0].glue = true
				}
				if i+1 < len(bl) {
					_, nextFigure := bl[i+1].(*content.Figure)
					keepWithFigure = nextFigure
				}
			}
		case *content.List:
			us = b.list(v, body, x, w)
		case *content.Figure:
			figs := []*content.Figure{v}
			for i+1 < len(bl) {
				next, ok := bl[i+1].(*content.Figure)
				if !ok {
					break
				}
				figs = append(figs, next)
				i++
			}
			rows, err := b.figureRows(figs)
			if err != nil {
				return err
			}
			for k := range rows {
				if k > 0 {
					rows[k].before = spaceFigure
				}
			}
			us, before = rows, spaceFigure
		case *content.Dose:
			// A dose strip belongs to the exercise above it: it never
			// opens a page on its own.
			us, before = []unit{b.dose(v)}, spaceBox
			us[0].glue = true
		case *content.Callout:
			if box != nil {
				return fmt.Errorf("%s:%d: a callout inside a callout is not supported; close the first one before starting the next", v.Pos.File, v.Pos.Line)
			}
			if err := b.callout(v); err != nil {
				return err
			}
			continue
		default:
			return fmt.Errorf("layout: unknown block %T", blk)
		}
		if box != nil {
			for i := range us {
				us[i].box = box
				if i > 0 || len(b.units) > 0 && b.units[len(b.units)-1].box == box {
					us[i].glue = true
				}
			}
		}
		b.add(us, before)
		// A heading, or a paragraph that ends in a colon ("Stop and call
		// us if:"), introduces what follows: they share a page.
		if _, ok := blk.(*content.Heading); ok || introduces(blk) || keepWithFigure {
			b.keepNext = true
		}
	}
	return nil
}

// list lays out numbered steps or bullets. One item's lines stay together;
// the page may break between items.
func (b *builder) list(l *content.List, st textStyle, x, w float64) []unit {
	var out []unit
	for i, item := range l.Items {
		us := glueAll(b.textUnits(item, st, x+listIndent, w-listIndent, alignLeft))
		if len(us) == 0 {
			continue
		}
		label, face := "•", fonts.Bold
		if l.Ordered {
			label = itoa(l.Start+i) + "."
		}
		lw := b.f.Width(face, st.size, label)
		baseline := st.leading/2 + st.size*0.36
		us[0].items = append(us[0].items, &Text{X: x + listIndent - 6 - lw, Y: baseline, Face: face, Size: st.size, Color: b.th.primary, S: label})
		if i > 0 {
			us[0].before = spaceItem
		}
		out = append(out, us...)
	}
	return out
}

// figureRow lays out consecutive figures side by side when they fit at
// nearly full size (two wide floor poses share a row), else one per row.
// Each row is one unit: a figure never leaves its caption behind.
func (b *builder) figureRows(figs []*content.Figure) ([]unit, error) {
	var fs []figureBox
	for _, fig := range figs {
		f, err := b.measureFigure(fig)
		if err != nil {
			return nil, err
		}
		fs = append(fs, f)
	}
	var units []unit
	for i := 0; i < len(fs); {
		// Pair two figures when both fit in half the column with at most
		// a small shrink (at most 2%): the same scale keeps the bodies the same size.
		half := (b.col.w - figureRowGap) / 2
		row, slotW := fs[i:i+1], b.col.w
		if i+1 < len(fs) && fs[i].natW <= half*1.02 && fs[i+1].natW <= half*1.02 {
			row, slotW = fs[i:i+2], half
		}
		u := b.drawFigures(row, slotW, 1)
		if photosOnly(row) {
			smaller := b.drawFigures(row, slotW, photoShrink)
			u.smaller = &smaller
		}
		units = append(units, u)
		i += len(row)
	}
	return units, nil
}

// photosOnly reports whether a row of figures has no built-in drawing.
func photosOnly(fs []figureBox) bool {
	for _, f := range fs {
		for _, p := range f.pics {
			if p.Drawing != nil {
				return false
			}
		}
	}
	return true
}

// figureBox is a measured figure: its pictures and their natural sizes.
type figureBox struct {
	fig      *content.Figure
	pics     []Picture
	drawings bool    // all panels are built-in drawings
	natW     float64 // width of the panels at their natural scale, with gaps
}

func (b *builder) measureFigure(fig *content.Figure) (figureBox, error) {
	f := figureBox{fig: fig, drawings: true}
	for _, p := range fig.Panels {
		pic, ok := b.in.Pictures[p.Source]
		if !ok || (pic.Drawing == nil && pic.Image == nil) {
			return f, fmt.Errorf("%s:%d: figure %q was not prepared", p.Pos.File, p.Pos.Line, p.Source)
		}
		f.pics = append(f.pics, pic)
		f.drawings = f.drawings && pic.Drawing != nil
	}
	f.natW = figureGap * float64(len(f.pics)-1)
	for _, p := range f.pics {
		if p.Drawing != nil {
			f.natW += p.Drawing.W * DrawingScale
		} else {
			f.natW += figureMaxH * aspect(p)
		}
	}
	return f, nil
}

// panelSizes scales a figure's panels to fit width w and the height limit.
// Drawings keep one scale (the same body size in every panel); photos
// share one height.
func panelSizes(f figureBox, w float64) (ws, hs []float64) {
	n := len(f.pics)
	gaps := figureGap * float64(n-1)
	ws, hs = make([]float64, n), make([]float64, n)
	if f.drawings {
		k, sumW, maxH := DrawingScale, 0.0, 0.0
		for _, p := range f.pics {
			sumW += p.Drawing.W
			maxH = max(maxH, p.Drawing.H)
		}
		k = min(k, (w-gaps)/sumW, figureMaxH/maxH)
		for i, p := range f.pics {
			ws[i], hs[i] = p.Drawing.W*k, p.Drawing.H*k
		}
		return ws, hs
	}
	sumAspect := 0.0
	for _, p := range f.pics {
		sumAspect += aspect(p)
	}
	h := min(figureMaxH, (w-gaps)/sumAspect)
	if n == 1 {
		h = min(h, 0.75*w/sumAspect)
	}
	for i, p := range f.pics {
		ws[i], hs[i] = h*aspect(p), h
	}
	return ws, hs
}

// drawFigures draws figures side by side, each in a slot of width slotW,
// their pictures standing on one line and their captions below; photos at
// scale times their size (1, or photoShrink).
func (b *builder) drawFigures(fs []figureBox, slotW, scale float64) unit {
	type sized struct{ ws, hs []float64 }
	sizes := make([]sized, len(fs))
	picH := 0.0
	for i, f := range fs {
		ws, hs := panelSizes(f, slotW)
		if !f.drawings {
			for j := range ws {
				ws[j], hs[j] = ws[j]*scale, hs[j]*scale
			}
		}
		// Drawings in one row share the smaller scale.
		sizes[i] = sized{ws, hs}
		for _, h := range hs {
			picH = max(picH, h)
		}
	}
	if len(fs) > 1 && fs[0].drawings && fs[1].drawings {
		k0 := sizes[0].ws[0] / fs[0].pics[0].Drawing.W
		k1 := sizes[1].ws[0] / fs[1].pics[0].Drawing.W
		k := min(k0, k1)
		picH = 0
		for i, f := range fs {
			for j, p := range f.pics {
				sizes[i].ws[j], sizes[i].hs[j] = p.Drawing.W*k, p.Drawing.H*k
				picH = max(picH, sizes[i].hs[j])
			}
		}
	}
	rowW := slotW*float64(len(fs)) + figureRowGap*float64(len(fs)-1)
	x0 := (b.col.w - rowW) / 2
	var items []Item
	h := 0.0
	for i, f := range fs {
		its, fh := b.figureItems(f, sizes[i].ws, sizes[i].hs, picH, slotW)
		for _, it := range its {
			items = append(items, moved(it, x0+float64(i)*(slotW+figureRowGap), 0))
		}
		h = max(h, fh)
	}
	return unit{h: h, items: items}
}

// figureItems draws one figure in a slot of width slotW: panels centred
// and bottom-aligned on a line picH below the top, each panel's label, then
// the numbered caption. It returns the items and the height used.
func (b *builder) figureItems(f figureBox, ws, hs []float64, picH, slotW float64) ([]Item, float64) {
	n := len(f.pics)
	// Panel slots give each label room even when the picture is narrow
	// (a standing figure).
	slots := make([]float64, n)
	rowW := figureGap * float64(n-1)
	for i := range ws {
		slots[i] = ws[i]
		if n > 1 {
			slots[i] = max(ws[i], panelLabelMin)
		}
		rowW += slots[i]
	}
	if rowW > slotW {
		rowW = figureGap * float64(n-1)
		for i := range ws {
			slots[i] = ws[i]
			rowW += ws[i]
		}
	}
	var items []Item
	x := (slotW - rowW) / 2
	labelH := 0.0
	for i, p := range f.pics {
		items = append(items, pictureItems(p, x+(slots[i]-ws[i])/2, picH-hs[i], ws[i], hs[i])...)
		if n > 1 {
			pn := f.fig.Panels[i]
			label := b.textUnits([]content.Span{{Text: "(" + pn.Label + ")", Style: content.Bold}, {Text: " " + pn.Caption}}, b.th.caption, x, slots[i], alignCenter)
			var y float64
			items, y = stack(items, label, picH+4)
			labelH = max(labelH, y-picH)
		}
		x += slots[i] + figureGap
	}
	y := picH + labelH + 6
	caption := append([]content.Span{{Text: "Figure " + itoa(f.fig.Number) + ".", Style: content.Bold}, {Text: " "}}, f.fig.Caption...)
	capStyle := b.th.caption
	capStyle.color = b.th.text
	capW := min(slotW, max(rowW, 320))
	return stack(items, b.textUnits(caption, capStyle, (slotW-capW)/2, capW, alignCenter), y)
}

// aspect is a picture's width over its height.
func aspect(p Picture) float64 {
	if p.Drawing != nil {
		return p.Drawing.W / p.Drawing.H
	}
	return float64(p.Image.PxW) / float64(p.Image.PxH)
}

// pictureItems draws a picture into the box (x, y, w, h).
func pictureItems(p Picture, x, y, w, h float64) []Item {
	if p.Image != nil {
		return []Item{&Image{X: x, Y: y, W: w, H: h, Img: p.Image}}
	}
	k := w / p.Drawing.W
	items := make([]Item, 0, len(p.Drawing.Shapes))
	for _, s := range p.Drawing.Shapes {
		items = append(items, &Path{X: x, Y: y, Scale: k, Shape: s})
	}
	return items
}

// dose lays out a section's dose as a tinted strip: "Dose  Sets 3 · Reps
// 10 · Hold 5 s · How often 2× a day · Side each".
func (b *builder) dose(d *content.Dose) unit {
	th := b.th
	var spans []content.Span
	addPart := func(label, value string) {
		if value == "" {
			return
		}
		if len(spans) > 0 {
			spans = append(spans, content.Span{Text: "   ·   "})
		}
		spans = append(spans, content.Span{Text: label + "\u00a0", Style: content.Bold}, content.Span{Text: value})
	}
	addPart("Sets", d.Sets)
	addPart("Reps", d.Reps)
	addPart("Hold", d.Hold)
	addPart("Rest", d.Rest)
	addPart("How often", howOften(d.PerDay))
	addPart("Side", d.Side)
	const pad, labelW = 8.0, 46.0
	st := th.body
	st.size, st.leading = 10.5, 14.5
	lines := b.textUnits(spans, st, pad+labelW, b.col.w-2*pad-labelW, alignLeft)
	h := float64(len(lines))*st.leading + 2*pad
	items := []Item{
		&Box{X: 0, Y: 0, W: b.col.w, H: h, Radius: 4, Fill: th.primaryTint, Stroke: th.primary, LineWidth: 0.8},
		&Text{X: pad, Y: pad + st.leading/2 + st.size*0.36, Face: fonts.Bold, Size: 9, Color: th.primary, S: "DOSE"},
	}
	items, _ = stack(items, lines, pad)
	return unit{h: h, items: items}
}

// calloutLook is how each callout kind stands apart, also in grayscale:
// its own label, icon shape and border weight, not colour alone.
type calloutLook struct {
	label  string
	color  color.RGBA
	icon   string // "triangle", "diamond", "circle"
	mark   string // glyph drawn in the icon
	border float64
}

func (b *builder) look(k content.CalloutKind) calloutLook {
	switch k {
	case content.Caution:
		return calloutLook{"CAUTION", rgb(0xB0, 0x3A, 0x1E), "triangle", "!", 1.4}
	case content.Warning:
		return calloutLook{"WARNING", rgb(0x8A, 0x4B, 0x00), "diamond", "!", 1.4}
	case content.Tip:
		return calloutLook{"TIP", b.th.accent, "circle", "+", 0.8}
	default:
		return calloutLook{"NOTE", b.th.primary, "circle", "i", 0.8}
	}
}

// callout lays out a boxed message. Its lines stay on one page unless the
// whole box is taller than a page; then it splits and each part gets its
// own frame.
func (b *builder) callout(c *content.Callout) error {
	lk := b.look(c.Kind)
	const pad, bar, iconW = 9.0, 4.0, 22.0
	f := &frame{fill: mix(lk.color, b.th.white, 0.93), stroke: lk.color, lineWidth: lk.border, radius: 3,
		bar: lk.color, barWidth: bar, x: 0, w: b.col.w}
	x := bar + pad + iconW
	w := b.col.w - x - pad
	label := unit{h: 16, box: f, items: []Item{
		&Text{X: x, Y: 11.5, Face: fonts.Bold, Size: 9.5, Color: lk.color, S: lk.label},
	}}
	label.items = append(label.items, iconItems(lk, bar+pad, 1, 15)...)
	start := len(b.units)
	b.add([]unit{label}, spaceBox)
	if err := b.blocks(c.Blocks, x, w, f); err != nil {
		return err
	}
	// Padding inside the frame, above the label and below the last line.
	first, last := &b.units[start], &b.units[len(b.units)-1]
	for i, it := range first.items {
		first.items[i] = moved(it, 0, pad)
	}
	first.h += pad
	last.h += pad
	f.first, f.last = start, len(b.units)-1
	for i := start + 1; i < len(b.units); i++ {
		if b.units[i].before > 0 && i > start+1 {
			b.units[i].before = 4
		} else {
			b.units[i].before = 0
		}
	}
	return nil
}

// iconItems draws a callout's icon, a shape with a white mark, in a
// size×size square at (x, y).
func iconItems(lk calloutLook, x, y, size float64) []Item {
	var path []figures.Segment
	p := func(px, py float64) figures.Point { return figures.Point{X: px * size, Y: py * size} }
	switch lk.icon {
	case "triangle":
		path = []figures.Segment{{Op: figures.MoveTo, Pts: [3]figures.Point{p(0.5, 0.02)}}, {Op: figures.LineTo, Pts: [3]figures.Point{p(1, 0.92)}},
			{Op: figures.LineTo, Pts: [3]figures.Point{p(0, 0.92)}}, {Op: figures.Close}}
	case "diamond":
		path = []figures.Segment{{Op: figures.MoveTo, Pts: [3]figures.Point{p(0.5, 0)}}, {Op: figures.LineTo, Pts: [3]figures.Point{p(1, 0.5)}},
			{Op: figures.LineTo, Pts: [3]figures.Point{p(0.5, 1)}}, {Op: figures.LineTo, Pts: [3]figures.Point{p(0, 0.5)}}, {Op: figures.Close}}
	default:
		// A circle from four cubic arcs (0.5523 is the usual kappa).
		const k = 0.5523 * 0.5
		path = []figures.Segment{
			{Op: figures.MoveTo, Pts: [3]figures.Point{p(1, 0.5)}},
			{Op: figures.CubicTo, Pts: [3]figures.Point{p(1, 0.5+k), p(0.5+k, 1), p(0.5, 1)}},
			{Op: figures.CubicTo, Pts: [3]figures.Point{p(0.5-k, 1), p(0, 0.5+k), p(0, 0.5)}},
			{Op: figures.CubicTo, Pts: [3]figures.Point{p(0, 0.5-k), p(0.5-k, 0), p(0.5, 0)}},
			{Op: figures.CubicTo, Pts: [3]figures.Point{p(0.5+k, 0), p(1, 0.5-k), p(1, 0.5)}},
			{Op: figures.Close},
		}
	}
	markY := y + size*0.78
	if lk.icon == "triangle" {
		markY = y + size*0.84
	}
	return []Item{
		&Path{X: x, Y: y, Scale: 1, Shape: figures.Shape{Path: path, Fill: lk.color}},
		&Text{X: x + size/2 - size*0.14, Y: markY, Face: fonts.Bold, Size: size * 0.62, Color: rgb(0xFF, 0xFF, 0xFF), S: lk.mark},
	}
}

// references lists the footnotes at the end.
func (b *builder) references(h *content.Handout) {
	refs := h.References
	if len(refs) == 0 {
		return
	}
	b.add(glueAll(b.textUnits(plain("References"), b.th.h3, 0, b.col.w, alignLeft)), spaceSection)
	b.keepNext = true
	st := b.th.small
	for _, r := range refs {
		us := glueAll(b.textUnits(r.Text, st, listIndent, b.col.w-listIndent, alignLeft))
		if len(us) == 0 {
			continue
		}
		label := itoa(r.Number) + "."
		lw := b.f.Width(fonts.Regular, st.size, label)
		us[0].items = append(us[0].items, &Text{X: listIndent - 6 - lw, Y: st.leading/2 + st.size*0.36, Face: fonts.Regular, Size: st.size, Color: st.color, S: label})
		b.add(us, spaceItem)
	}
}

// closing is the booking panel (QR code, link, phone) and the clinic's
// footer note.
func (b *builder) closing() {
	th, c := b.th, b.in.Clinic
	if c.Booking != "" || c.Phone != "" {
		const pad = panelPad
		var items []Item
		x := pad
		h := 2*pad + 40
		if b.booking != nil {
			// The code and its quiet zone fill the square inside the
			// border, left of the text.
			items = append(items, qrItems(b.booking, panelLine/2, panelLine/2, qrZone)...)
			x += qrSize + 14
			h = qrSize + 2*pad
		}
		w := b.col.w - x - pad
		var spans []content.Span
		spans = append(spans, content.Span{Text: "Questions, or time for your next visit?\n", Style: content.Bold})
		if c.Booking != "" {
			spans = append(spans, content.Span{Text: "Scan the code or book at "}, content.Span{Text: displayURL(c.Booking), Link: c.Booking})
			if c.Phone != "" {
				spans = append(spans, content.Span{Text: " — or call us at "})
			}
		} else {
			spans = append(spans, content.Span{Text: "Call us at "})
		}
		if c.Phone != "" {
			spans = append(spans, content.Span{Text: c.Phone + ".", Style: content.Bold})
		}
		items, y := stack(items, b.textUnits(spans, th.body, x, w, alignLeft), pad+4)
		h = max(h, y+pad)
		items = append([]Item{&Box{X: 0, Y: 0, W: b.col.w, H: h, Radius: 4, Stroke: th.primary, LineWidth: panelLine}}, items...)
		b.add([]unit{{h: h, items: items}}, spaceSection)
		// The footer note is the panel's small print: never a page of
		// its own.
		b.keepNext = true
	}
	if c.Footer != "" {
		st := th.caption
		b.add(b.textUnits(plain(c.Footer), st, 0, b.col.w, alignLeft), spaceParagraph)
	}
}

// The booking panel: its border's width, the padding inside it, and the
// side of the booking code's area.
const (
	panelLine = 1.0
	panelPad  = 10.0
	qrSize    = 76.0
)

// The booking code's geometry. The QR standard asks for a light margin
// (quiet zone) of qrQuiet modules on every side: without it some phones do
// not find the code. A module under qrMinModule points (0.35 mm) is too
// small for a phone to read from paper.
const (
	qrQuiet     = 4
	qrMinModule = 1.0
)

// bookingCode encodes the clinic's booking_url as a QR code, or returns
// nil when there is none. An address too long to encode, or whose code
// would print with modules too small to read, is an error naming the
// profile and its field.
func bookingCode(c *content.Clinic) (*qr.Code, error) {
	if c.Booking == "" {
		return nil, nil
	}
	const advice = "use a shorter address (the booking page itself, or a short link to it)"
	code, err := qr.Encode(c.Booking, qr.M)
	if err != nil {
		return nil, fmt.Errorf("%s: booking_url is too long to print as a QR code (%d bytes); %s", c.Source, len(c.Booking), advice)
	}
	if m := qrZone / float64(code.Size+2*qrQuiet); m < qrMinModule {
		return nil, fmt.Errorf("%s: booking_url needs a QR code of %d modules, too fine for a phone to read at the %.0f points it prints; %s", c.Source, code.Size, qrZone, advice)
	}
	return code, nil
}

// qrZone is the side of the square the booking code and its quiet zone
// fill: the code's area and the padding around it, inside the border.
const qrZone = qrSize + 2*panelPad - panelLine

// qrItems draws a QR code as vector modules, merging each row's dark runs
// into one box: sharp at any zoom, and a few hundred operators at most.
// The code and its quiet zone of qrQuiet modules fill the square of side
// size at (x, y).
func qrItems(code *qr.Code, x, y, size float64) []Item {
	m := size / float64(code.Size+2*qrQuiet)
	x, y = x+qrQuiet*m, y+qrQuiet*m
	var items []Item
	black := rgb(0, 0, 0)
	for row := 0; row < code.Size; row++ {
		for col := 0; col < code.Size; {
			if !code.Black(col, row) {
				col++
				continue
			}
			start := col
			for col < code.Size && code.Black(col, row) {
				col++
			}
			items = append(items, &Box{X: x + float64(start)*m, Y: y + float64(row)*m, W: float64(col-start) * m, H: m, Fill: black})
		}
	}
	return items
}

// howOften spells out a bare count ("daily 2", as a clinician types it)
// as "2 times a day", which a patient cannot misread; any other wording is
// printed as written.
func howOften(v string) string {
	bare := v != ""
	for _, r := range v {
		if !unicode.IsDigit(r) && !strings.ContainsRune("-–", r) {
			bare = false
		}
	}
	switch {
	case !bare:
		return v
	case v == "1":
		return "once a day"
	}
	return v + " times a day"
}

// introduces reports whether blk is a paragraph ending in a colon.
func introduces(blk content.Block) bool {
	p, ok := blk.(*content.Paragraph)
	if !ok || len(p.Text) == 0 {
		return false
	}
	return strings.HasSuffix(strings.TrimSpace(p.Text[len(p.Text)-1].Text), ":")
}
