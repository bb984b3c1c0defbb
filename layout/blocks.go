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
	"handout/locale"
)

// The flow's rules, which no style changes.
const (
	// shortParagraphLines is the longest paragraph that keeps with a
	// figure right before or after it.
	shortParagraphLines = 2
	// pairShrink is how much two figures may be shrunk to share a row
	// (2%): the same scale keeps the bodies the same size.
	pairShrink = 1.02
	// besideOverhang is how much taller than a photo and its caption the
	// text set beside it may be: a little more keeps an exercise's steps
	// beside their picture; far more would leave a tall empty strip under
	// the photo, so such text runs below it instead.
	besideOverhang = 1.5
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
	attach(b.cur, us)
	b.units = append(b.units, us...)
}

// textUnits lays out spans as lines of width w at x, one unit per line,
// glued so that a paragraph never leaves a single line alone at the top
// or bottom of a page.
func (b *builder) textUnits(spans []content.Span, st textStyle, x, w float64, al align) []unit {
	lines := b.in.Lines.lines(b.f, st, spans, w)
	us := make([]unit, len(lines))
	for i, ln := range lines {
		us[i] = unit{h: st.leading, items: lineItems(ln, x, 0, st, w, al), glue: i == 1 || (i > 0 && i == len(lines)-1)}
	}
	return us
}

// textAs is textUnits marked as one element of role (elem.go).
func (b *builder) textAs(role Role, spans []content.Span, st textStyle, x, w float64, al align) []unit {
	return mark(newElem(role), b.textUnits(spans, st, x, w, al))
}

// height is how tall units are one under the other, with the space
// between them.
func height(us []unit) float64 {
	h := 0.0
	for i, u := range us {
		if i > 0 {
			h += u.before
		}
		h += u.h
	}
	return h
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
	us := b.textAs(RoleH1, plain(m.Title), th.textStyle(th.Type.H1), 0, b.col.w, alignLeft)
	if m.Subtitle != "" {
		us = append(us, b.textAs(RoleP, plain(m.Subtitle), th.textStyle(th.Type.Subtitle), 0, b.col.w, alignLeft)...)
	}
	var by []string
	if m.Author != "" {
		by = append(by, b.w.Text(locale.PreparedBy, m.Author))
	}
	if m.Reviewed != "" {
		by = append(by, b.w.Text(locale.ReviewedOn, b.w.Date(m.Reviewed)))
	}
	if len(by) > 0 {
		line := b.textAs(RoleP, plain(strings.Join(by, "  ·  ")), th.textStyle(th.Type.Caption), 0, b.col.w, alignLeft)
		if len(line) > 0 {
			line[0].before = th.Space.Byline
		}
		us = append(us, line...)
	}
	b.add(glueAll(us), 0)
}

// section lays out one "##" section: its title is the first heading of
// its blocks (level 2), so a title over a photo and its steps joins their
// row as a sub-heading does.
func (b *builder) section(s *content.Section) error {
	bl := s.Blocks
	if len(s.Title) > 0 {
		bl = append([]content.Block{&content.Heading{Pos: s.Pos, Level: 2, Text: s.Title}}, bl...)
	}
	outer := b.cur
	b.cur = outer.child(RoleSect)
	defer func() { b.cur = outer }()
	return b.blocks(bl, 0, b.col.w, nil)
}

// heading is the type and the space above a heading: a section's title
// (level 2) or a sub-heading.
func (b *builder) heading(h *content.Heading) (textStyle, float64) {
	if h.Level == 2 {
		return b.th.textStyle(b.th.Type.H2), b.th.Space.Section
	}
	return b.th.textStyle(b.th.Type.H3), b.th.Space.Subhead
}

// headingRole is a heading's role: H2 for a section's title, H3 under it.
func headingRole(h *content.Heading) Role {
	if h.Level == 2 {
		return RoleH2
	}
	return RoleH3
}

// blocks lays out a sequence of blocks in a column of width w at x. Inside
// a callout, box is its frame and text is one step smaller.
func (b *builder) blocks(bl []content.Block, x, w float64, box *frame) error {
	th, sp := b.th, b.th.Space
	body := th.textStyle(th.Type.Body)
	if box != nil {
		body = th.textStyle(th.Type.Boxed).on(box.fill)
	}
	afterFigure := false
	for i := 0; i < len(bl); i++ {
		blk := bl[i]
		var us []unit
		before := sp.Paragraph
		prevFigure := afterFigure
		if afterFigure {
			before = sp.Figure
		}
		_, afterFigure = blk.(*content.Figure)
		keepWithNext := false
		switch v := blk.(type) {
		case *content.Heading:
			st, space := b.heading(v)
			before = space
			// A heading over a photo and its steps: one row, the photo
			// on the left, the heading over the steps on the right.
			if fig, ok := next(bl, i).(*content.Figure); ok && box == nil {
				u, n, err := b.photoBeside(fig, v, bl[i+2:], body)
				if err != nil {
					return err
				}
				if n > 0 {
					// What follows the row keeps with it as it would
					// with its last block.
					i += 1 + n
					us, afterFigure, blk = []unit{u}, true, bl[i]
					break
				}
			}
			if box != nil {
				st = st.on(box.fill)
			}
			us = glueAll(b.textAs(headingRole(v), v.Text, st, x, w, alignLeft))
		case *content.Paragraph:
			us = b.textAs(RoleP, v.Text, body, x, w, alignLeft)
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
					keepWithNext = nextFigure
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
			// A photo alone, then its steps: the steps go beside it.
			if box == nil && len(figs) == 1 {
				u, n, err := b.photoBeside(v, nil, bl[i+1:], body)
				if err != nil {
					return err
				}
				if n > 0 {
					i += n
					us, before, blk = []unit{u}, sp.Figure, bl[i]
					break
				}
			}
			rows, err := b.figureRows(figs)
			if err != nil {
				return err
			}
			for k := range rows {
				if k > 0 {
					rows[k].before = sp.Figure
				}
			}
			us, before = rows, sp.Figure
		case *content.Dose:
			// A dose strip belongs to the exercise above it: it never
			// opens a page on its own.
			us, before = []unit{b.dose(v)}, sp.Box
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
		if _, ok := blk.(*content.Heading); ok || introduces(blk) || keepWithNext {
			b.keepNext = true
		}
	}
	return nil
}

// list lays out numbered steps or bullets. One item's lines stay together;
// the page may break between items.
func (b *builder) list(l *content.List, st textStyle, x, w float64) []unit {
	var out []unit
	sp := b.th.Space
	// L › LI › Lbl + LBody, the numbering said (PDF/UA 16-001).
	list := newElem(RoleL)
	list.Numbering = "Disc"
	if l.Ordered {
		list.Numbering = "Decimal"
	}
	for i, item := range l.Items {
		us := glueAll(b.textUnits(item, st, x+sp.ListIndent, w-sp.ListIndent, alignLeft))
		if len(us) == 0 {
			continue
		}
		li := list.child(RoleLI)
		lbl := li.child(RoleLbl)
		mark(li.child(RoleLBody), us)
		label, face := "•", fonts.Bold
		if l.Ordered {
			label = itoa(l.Start+i) + "."
		}
		lw := b.f.Width(face, st.size, label)
		// The label is drawn first, so that text read in drawing order
		// (copied, or read aloud without a structure tree) gives "1. Lie
		// on your stomach…", not the number after the first line.
		labelText := &Text{Tag: Tag{Elem: lbl}, X: x + sp.ListIndent - sp.ListLabelGap - lw, Y: st.baseline(), Face: face, Size: st.size, Color: darkened(b.th.primary.text, textContrast, st.background), S: label}
		us[0].items = append([]Item{labelText}, us[0].items...)
		if i > 0 {
			us[0].before = sp.Item
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
	half := (b.col.w - b.th.Figure.RowGap) / 2
	for i := 0; i < len(fs); {
		row, slotW := fs[i:i+1], b.soloSlot(fs[i])
		if i+1 < len(fs) && b.pairs(fs[i], fs[i+1], half) {
			row, slotW = fs[i:i+2], half
		}
		u := b.drawFigures(row, slotW, 1)
		if photosOnly(row) {
			smaller := b.drawFigures(row, slotW, b.th.Figure.PhotoShrink)
			sameTags(smaller.items, u.items)
			u.smaller = &smaller
		}
		units = append(units, u)
		i += len(row)
	}
	return units, nil
}

// pairs reports whether figures x and y share a row, each in half the
// column: drawings when both fit at nearly their natural scale
// (pairShrink), photos when both keep at least the style's PairPhoto
// part of the size they have alone.
func (b *builder) pairs(x, y figureBox, half float64) bool {
	if b.th.Figure.PairPhoto > 0 && photosOnly([]figureBox{x, y}) {
		return b.keepsSizeIn(x, half) && b.keepsSizeIn(y, half)
	}
	return x.natW <= half*pairShrink && y.natW <= half*pairShrink
}

// keepsSizeIn reports whether a figure of photos drawn in a slot of width
// w keeps at least the style's PairPhoto part of the height it has alone
// in its row (its photos share one height).
func (b *builder) keepsSizeIn(f figureBox, w float64) bool {
	fg := b.th.Figure
	_, alone := panelSizes(fg, f, b.soloSlot(f))
	_, in := panelSizes(fg, f, w)
	return in[0] >= fg.PairPhoto*alone[0]
}

// soloSlot is the width a figure alone in its row is drawn in: the
// column, or for a single photo the style's SinglePhoto part of it.
func (b *builder) soloSlot(f figureBox) float64 {
	if len(f.pics) == 1 && f.pics[0].Photo != nil {
		return float64(b.th.Figure.SinglePhoto * b.col.w)
	}
	return b.col.w
}

// photoBeside sets a figure of one photo on the left of the paragraphs
// and lists right after it (an exercise's steps), under the heading over
// the figure if there is one, as one unit, with a smaller version (the
// photo at the style's PhotoShrink) for paginate. It takes whole blocks
// while the text is at most besideOverhang times as tall as the photo and
// its caption, and returns the unit and how many blocks after the figure
// it took: 0 when the style sets no photo beside text, the figure is not
// a single photo, the column is too narrow for two, or no text follows
// that fits.
func (b *builder) photoBeside(fig *content.Figure, heading *content.Heading, rest []content.Block, body textStyle) (unit, int, error) {
	fg := b.th.Figure
	if fg.PhotoBeside <= 0 {
		return unit{}, 0, nil
	}
	f, err := b.measureFigure(fig)
	if err != nil || len(f.pics) != 1 || f.pics[0].Photo == nil {
		return unit{}, 0, err
	}
	// float64 rounds the product: a fused multiply-add (arm64) would
	// place the text a bit apart from amd64's.
	slot := float64(fg.PhotoBeside * b.col.w)
	x := slot + fg.RowGap
	if b.col.w-x < slot {
		return unit{}, 0, nil
	}
	// The text is laid out once, block by block, and shared by both
	// versions: it starts at x whatever the photo's scale.
	photo, photoH := b.besidePhoto(f, 1)
	var text []unit
	if heading != nil {
		st, _ := b.heading(heading)
		text = b.textAs(headingRole(heading), heading.Text, st, x, b.col.w-x, alignLeft)
	}
	heads := len(text)
	n := 0
	for ; n < len(rest) && isText(rest[n]); n++ {
		us := b.besideBlock(rest[n], body, x, len(text) > 0)
		h := height(text) + height(us)
		if len(text) > 0 && len(us) > 0 {
			h += us[0].before
		}
		if h > besideOverhang*photoH {
			break
		}
		text = append(text, us...)
	}
	if n == 0 {
		return unit{}, 0, nil
	}
	u := besideUnit(photo, photoH, text, heads)
	shrunk, shrunkH := b.besidePhoto(f, fg.PhotoShrink)
	sameTags(shrunk, photo)
	smaller := besideUnit(shrunk, shrunkH, text, heads)
	u.smaller = &smaller
	return u, n, nil
}

// besidePhoto draws a figure of one photo at scale times its size beside
// text, centred in its slot (PhotoBeside of the column) with its caption
// under it, and returns the items and the height they take.
func (b *builder) besidePhoto(f figureBox, scale float64) ([]Item, float64) {
	fg := b.th.Figure
	slot := float64(fg.PhotoBeside * b.col.w)
	ws, hs := panelSizes(fg, f, slot)
	w, h := ws[0]*scale, hs[0]*scale
	return b.figureItems(f, []float64{w}, []float64{h}, h, slot)
}

// besideUnit is a photo's items, of height photoH, with the text lines
// beside it from its top, as one unit. The text starts at the same place
// whatever the photo's shape or scale, so the titles of a page of such
// rows line up. The first heads lines (the heading) come first in the
// items, then the photo, then the rest: the order they are read in.
func besideUnit(photo []Item, photoH float64, text []unit, heads int) unit {
	items, y := stackSpaced(nil, text[:heads], 0)
	items = append(items, photo...)
	rest := text[heads:]
	if heads > 0 && len(rest) > 0 {
		y += rest[0].before
	}
	items, textH := stackSpaced(items, rest, y)
	return unit{h: max(photoH, textH), items: items}
}

// besideBlock lays out a paragraph or a list in the column from x to the
// column's right edge; after another block (after) it has a paragraph's
// space before it, as the flow spaces them.
func (b *builder) besideBlock(blk content.Block, body textStyle, x float64, after bool) []unit {
	w := b.col.w - x
	var us []unit
	switch v := blk.(type) {
	case *content.Paragraph:
		us = b.textAs(RoleP, v.Text, body, x, w, alignLeft)
	case *content.List:
		us = b.list(v, body, x, w)
	}
	if len(us) > 0 && after {
		us[0].before = b.th.Space.Paragraph
	}
	return us
}

// next is the block after bl[i], or nil.
func next(bl []content.Block, i int) content.Block {
	if i+1 < len(bl) {
		return bl[i+1]
	}
	return nil
}

// isText reports whether blk is a paragraph or a list: what can sit
// beside a photo.
func isText(blk content.Block) bool {
	switch blk.(type) {
	case *content.Paragraph, *content.List:
		return true
	}
	return false
}

// stackSpaced is stack with each line's space before it (but the first's).
func stackSpaced(items []Item, lines []unit, y float64) ([]Item, float64) {
	for k, l := range lines {
		if k > 0 {
			y += l.before
		}
		for _, it := range l.items {
			items = append(items, moved(it, 0, y))
		}
		y += l.h
	}
	return items, y
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
	for i := range fig.Panels {
		p := &fig.Panels[i]
		pic, ok := b.in.Pictures[p]
		if !ok || (pic.Drawing == nil) == (pic.Photo == nil) {
			return f, fmt.Errorf("%s:%d: figure %q was not prepared", p.Pos.File, p.Pos.Line, p.Source)
		}
		f.pics = append(f.pics, pic)
		f.drawings = f.drawings && pic.Drawing != nil
	}
	fg := b.th.Figure
	f.natW = fg.Gap * float64(len(f.pics)-1)
	for _, p := range f.pics {
		if p.Drawing != nil {
			f.natW += p.Drawing.W * fg.DrawingScale
		} else {
			f.natW += fg.MaxHeight * aspect(p)
		}
	}
	return f, nil
}

// panelSizes scales a figure's panels to fit width w and the height limit.
// Drawings keep one scale (the same body size in every panel); photos
// share one height.
func panelSizes(fg FigureStyle, f figureBox, w float64) (ws, hs []float64) {
	n := len(f.pics)
	gaps := fg.Gap * float64(n-1)
	ws, hs = make([]float64, n), make([]float64, n)
	if f.drawings {
		k, sumW, maxH := fg.DrawingScale, 0.0, 0.0
		for _, p := range f.pics {
			sumW += p.Drawing.W
			maxH = max(maxH, p.Drawing.H)
		}
		k = min(k, (w-gaps)/sumW, fg.MaxHeight/maxH)
		for i, p := range f.pics {
			ws[i], hs[i] = p.Drawing.W*k, p.Drawing.H*k
		}
		return ws, hs
	}
	sumAspect := 0.0
	for _, p := range f.pics {
		sumAspect += aspect(p)
	}
	h := min(fg.MaxHeight, (w-gaps)/sumAspect)
	for i, p := range f.pics {
		ws[i], hs[i] = h*aspect(p), h
	}
	return ws, hs
}

// drawFigures draws figures side by side, each in a slot of width slotW,
// their pictures standing on one line and their captions below; photos at
// scale times their size (1, or the style's PhotoShrink).
func (b *builder) drawFigures(fs []figureBox, slotW, scale float64) unit {
	type sized struct{ ws, hs []float64 }
	sizes := make([]sized, len(fs))
	picH := 0.0
	for i, f := range fs {
		ws, hs := panelSizes(b.th.Figure, f, slotW)
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
	gap := b.th.Figure.RowGap
	rowW := slotW*float64(len(fs)) + gap*float64(len(fs)-1)
	x0 := (b.col.w - rowW) / 2
	var items []Item
	h := 0.0
	for i, f := range fs {
		its, fh := b.figureItems(f, sizes[i].ws, sizes[i].hs, picH, slotW)
		for _, it := range its {
			items = append(items, moved(it, x0+float64(i)*(slotW+gap), 0))
		}
		h = max(h, fh)
	}
	return unit{h: h, items: items}
}

// figureItems draws one figure in a slot of width slotW: panels centred
// and bottom-aligned on a line picH below the top, each panel's label, then
// the numbered caption. It returns the items and the height used.
func (b *builder) figureItems(f figureBox, ws, hs []float64, picH, slotW float64) ([]Item, float64) {
	n, th, fg := len(f.pics), b.th, b.th.Figure
	// Panel slots give each label room even when the picture is narrow
	// (a standing figure).
	slots := make([]float64, n)
	rowW := fg.Gap * float64(n-1)
	for i := range ws {
		slots[i] = ws[i]
		if n > 1 {
			slots[i] = max(ws[i], fg.PanelLabelMin)
		}
		rowW += slots[i]
	}
	if rowW > slotW {
		rowW = fg.Gap * float64(n-1)
		for i := range ws {
			slots[i] = ws[i]
			rowW += ws[i]
		}
	}
	var items []Item
	x := (slotW - rowW) / 2
	labelH := 0.0
	for i, p := range f.pics {
		// A Figure for each panel, then its label as its Caption.
		fe := newElem(RoleFigure)
		fe.Alt = panelAlt(f.fig, i, p)
		pic := pictureItems(p, x+(slots[i]-ws[i])/2, picH-hs[i], ws[i], hs[i])
		markItems(fe, pic)
		items = append(items, pic...)
		if n > 1 {
			pn := f.fig.Panels[i]
			label := mark(newElem(RoleCaption), b.textUnits([]content.Span{{Text: "(" + pn.Label + ")", Style: content.Bold}, {Text: " " + pn.Caption}}, th.textStyle(th.Type.Caption), x, slots[i], alignCenter))
			var y float64
			items, y = stack(items, label, picH+fg.LabelGap)
			labelH = max(labelH, y-picH)
		}
		x += slots[i] + fg.Gap
	}
	y := picH + labelH + fg.CaptionGap
	caption := append([]content.Span{{Text: b.w.Text(locale.FigureCaption, itoa(f.fig.Number)), Style: content.Bold}, {Text: " "}}, f.fig.Caption...)
	capW := min(slotW, max(rowW, fg.CaptionMinWidth))
	return stack(items, b.textAs(RoleCaption, caption, th.textStyle(th.Type.FigureCaption), (slotW-capW)/2, capW, alignCenter), y)
}

// panelAlt is what a screen reader says for a figure's panel i: the alt
// text its author wrote, else a built-in drawing's description, else its
// caption, else the figure's. The panel's label ("(a) Start") is read
// after it, as its Caption.
func panelAlt(fig *content.Figure, i int, p Picture) string {
	pn := fig.Panels[i]
	alt := pn.Alt
	for _, s := range []string{p.Alt, pn.Caption, spansText(fig.Caption)} {
		if alt == "" {
			alt = s
		}
	}
	return alt
}

// spansText is the text of spans.
func spansText(sp []content.Span) string {
	var b strings.Builder
	for _, s := range sp {
		b.WriteString(s.Text)
	}
	return b.String()
}

// sameTags gives the items of a unit's smaller version (the same items
// drawn at another size, in the same order) the tags of the full-size
// ones, so either version is part of the same elements.
func sameTags(small, full []Item) {
	if len(small) != len(full) {
		panic(fmt.Sprintf("layout: a smaller version has %d items, its full size %d", len(small), len(full)))
	}
	for i := range small {
		*small[i].tag() = *full[i].tag()
	}
}

// aspect is a picture's width over its height.
func aspect(p Picture) float64 {
	if p.Drawing != nil {
		return p.Drawing.W / p.Drawing.H
	}
	return float64(p.Photo.PxW) / float64(p.Photo.PxH)
}

// pictureItems draws a picture into the box (x, y, w, h).
func pictureItems(p Picture, x, y, w, h float64) []Item {
	if p.Photo != nil {
		return []Item{&Image{X: x, Y: y, W: w, H: h, Photo: p.Photo}}
	}
	k := w / p.Drawing.W
	items := make([]Item, 0, len(p.Drawing.Shapes))
	for _, s := range p.Drawing.Shapes {
		items = append(items, &Path{X: x, Y: y, Scale: k, Shape: s, Of: p.Drawing})
	}
	return items
}

// dose lays out a section's dose as a tinted strip across the column:
// "Dose  Sets 3 · Reps 10 · Hold 5 s · How often 2× a day · Side each".
func (b *builder) dose(d *content.Dose) unit { return b.doseStrip(d, b.col.w) }

// doseStrip is a dose strip w wide (a row's text column is narrower than
// the page's).
func (b *builder) doseStrip(d *content.Dose, w float64) unit {
	th := b.th
	lw := b.w
	spans := labelledSpans("   ·   ", labelled{lw.Text(locale.SetsLabel), d.Sets}, labelled{lw.Text(locale.RepsLabel), d.Reps},
		labelled{lw.Text(locale.HoldLabel), d.Hold}, labelled{lw.Text(locale.RestLabel), d.Rest}, labelled{lw.Text(locale.LoadLabel), d.Load},
		labelled{lw.Text(locale.OftenLabel), howOften(lw, d.PerDay)}, labelled{lw.Text(locale.SideLabel), d.Side})
	if d.Line != "" {
		spans = []content.Span{{Text: d.Line}}
	}
	pad, labelW := th.Dose.Pad, th.Dose.LabelW
	st, label := th.textStyle(th.Type.Boxed), th.Type.DoseLabel
	lines := b.textUnits(spans, st, pad+labelW, w-2*pad-labelW, alignLeft)
	h := float64(len(lines))*st.leading + 2*pad
	items := []Item{
		&Box{X: 0, Y: 0, W: w, H: h, Radius: th.Dose.Radius, Fill: th.primaryTint, Stroke: th.primary.graphic, LineWidth: th.Rules.Frame},
		&Text{X: pad, Y: pad + st.baseline(), Face: faceOf(label), Size: label.Size, Color: th.ink(label.Ink), S: b.w.Text(locale.DoseLabel) + " "},
	}
	items, _ = stack(items, lines, pad)
	// The label and the dose are read as one paragraph: "Dose 10 times".
	markItems(newElem(RoleP), items)
	return unit{h: h, items: items}
}

// calloutLook is how each callout kind stands apart, also in grayscale:
// its own label, icon shape and border weight, not colour alone.
type calloutLook struct {
	label  string
	tone   tone
	icon   string // "triangle", "diamond", "circle"
	mark   string // glyph drawn in the icon
	border float64
}

func (b *builder) look(k content.CalloutKind) calloutLook {
	th, w := b.th, b.w
	switch k {
	case content.Caution:
		return calloutLook{w.Text(locale.CautionLabel), th.caution, "triangle", "!", th.Rules.Strong}
	case content.Warning:
		return calloutLook{w.Text(locale.WarningLabel), th.warning, "diamond", "!", th.Rules.Strong}
	case content.Tip:
		return calloutLook{w.Text(locale.TipLabel), th.accent, "circle", "+", th.Rules.Frame}
	default:
		return calloutLook{w.Text(locale.NoteLabel), th.primary, "circle", "i", th.Rules.Frame}
	}
}

// callout lays out a boxed message. Its lines stay on one page unless the
// whole box is taller than a page; then it splits and each part gets its
// own frame.
func (b *builder) callout(c *content.Callout) error {
	lk, th, cs := b.look(c.Kind), b.th, b.th.Callout
	pad, bar := cs.Pad, cs.Bar
	f := &frame{fill: lk.tone.tint, stroke: lk.tone.graphic, lineWidth: lk.border, radius: cs.Radius,
		bar: lk.tone.graphic, barWidth: bar, x: 0, w: b.col.w}
	x := bar + pad + cs.IconW
	w := b.col.w - x - pad
	ls := th.Type.Label
	label := unit{h: cs.LabelH, box: f, items: []Item{
		&Text{X: x, Y: cs.LabelBaseline, Face: faceOf(ls), Size: ls.Size, Color: lk.tone.text, S: lk.label},
	}}
	label.items = append(label.items, markAs(Ornament, iconItems(lk, bar+pad, cs.IconTop, cs.IconSize, th.paper))...)
	// A callout is a Div: its label, then its blocks.
	outer := b.cur
	b.cur = outer.child(RoleDiv)
	defer func() { b.cur = outer }()
	mark(newElem(RoleP), []unit{label})
	start := len(b.units)
	b.add([]unit{label}, th.Space.Box)
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
			b.units[i].before = cs.InnerSpace
		} else {
			b.units[i].before = 0
		}
	}
	return nil
}

// iconItems draws a callout's icon, a shape with a mark in the paper's
// colour, in a size×size square at (x, y). The shapes' coordinates are
// parts of size. The shape is in the label's colour: its mark is text on
// it.
func iconItems(lk calloutLook, x, y, size float64, paper color.RGBA) []Item {
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
		&Path{X: x, Y: y, Scale: 1, Shape: figures.Shape{Path: path, Fill: lk.tone.text}},
		&Text{X: x + size/2 - size*0.14, Y: markY, Face: fonts.Bold, Size: size * 0.62, Color: paper, S: lk.mark},
	}
}

// references lists the footnotes at the end.
func (b *builder) references(h *content.Handout) {
	refs := h.References
	if len(refs) == 0 {
		return
	}
	th, sp := b.th, b.th.Space
	outer := b.cur
	b.cur = outer.child(RoleSect)
	defer func() { b.cur = outer }()
	b.add(glueAll(b.textAs(RoleH3, plain(b.w.Text(locale.References)), th.textStyle(th.Type.H3), 0, b.col.w, alignLeft)), sp.Section)
	b.keepNext = true
	st, face := th.textStyle(th.Type.Small), faceOf(th.Type.Small)
	for _, r := range refs {
		us := glueAll(b.textUnits(r.Text, st, sp.ListIndent, b.col.w-sp.ListIndent, alignLeft))
		if len(us) == 0 {
			continue
		}
		label := itoa(r.Number) + "."
		lw := b.f.Width(face, st.size, label)
		// Each reference is the Note its marker in the text refers to
		// (a Reference, lineItems); its number is read first.
		note := newElem(RoleNote)
		note.ID = "note-" + itoa(r.Number)
		// The space after the number is written (invisible in the gap)
		// so that the note reads "1. Bronfort", not "1.Bronfort".
		num := &Text{X: sp.ListIndent - sp.ListLabelGap - lw, Y: st.baseline(), Face: face, Size: st.size, Color: st.color, S: label + " "}
		us[0].items = append([]Item{num}, us[0].items...)
		b.add(mark(note, us), sp.Item)
	}
}

// closing is the booking panel (QR code, link, phone) and the clinic's
// footer note.
func (b *builder) closing() {
	th, c, bs := b.th, b.in.Clinic, b.th.Booking
	if c.Booking != "" || c.Phone != "" {
		pad, line := bs.Pad, th.Rules.Panel
		var items []Item
		x := pad
		h := 2*pad + bs.MinText
		if b.booking != nil {
			// The code and its quiet zone fill the square inside the
			// border, left of the text.
			items = append(items, b.qrFigure(b.booking, c.Booking, line/2, line/2, qrZone(th.Style))...)
			x += bs.QRSize + bs.TextGap
			h = bs.QRSize + 2*pad
		}
		w := b.col.w - x - pad
		var spans []content.Span
		spans = append(spans, content.Span{Text: b.w.Text(locale.BookingAsk) + "\n", Style: content.Bold})
		if c.Booking != "" {
			spans = append(spans, content.Span{Text: b.w.Text(locale.BookingScan) + " "}, content.Span{Text: displayURL(c.Booking), Link: c.Booking})
			if c.Phone != "" {
				spans = append(spans, content.Span{Text: " " + b.w.Text(locale.BookingOrCall) + " "})
			}
		} else {
			spans = append(spans, content.Span{Text: b.w.Text(locale.BookingCall) + " "})
		}
		if c.Phone != "" {
			spans = append(spans, content.Span{Text: c.Phone + ".", Style: content.Bold})
		}
		items, y := stack(items, b.textAs(RoleP, spans, th.textStyle(th.Type.Body), x, w, alignLeft), pad+bs.TextTop)
		h = max(h, y+pad)
		items = append([]Item{&Box{X: 0, Y: 0, W: b.col.w, H: h, Radius: bs.Radius, Stroke: th.primary.graphic, LineWidth: line}}, items...)
		b.add([]unit{{h: h, items: items}}, th.Space.Section)
		// The footer note is the panel's small print: never a page of
		// its own.
		b.keepNext = true
	}
	if c.Footer != "" {
		b.add(b.textAs(RoleP, plain(c.Footer), th.textStyle(th.Type.Caption), 0, b.col.w, alignLeft), th.Space.Paragraph)
	}
}

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
func bookingCode(c *content.Clinic, st Style) (*qr.Code, error) {
	if c.Booking == "" {
		return nil, nil
	}
	const advice = "use a shorter address (the booking page itself, or a short link to it)"
	code, err := qr.Encode(c.Booking, qr.M)
	if err != nil {
		return nil, fmt.Errorf("%s: booking_url is too long to print as a QR code (%d bytes); %s", c.Source, len(c.Booking), advice)
	}
	zone := qrZone(st)
	if m := zone / float64(code.Size+2*qrQuiet); m < qrMinModule {
		return nil, fmt.Errorf("%s: booking_url needs a QR code of %d modules, too fine for a phone to read at the %.0f points it prints; %s", c.Source, code.Size, zone, advice)
	}
	return code, nil
}

// qrZone is the side of the square the booking code and its quiet zone
// fill: the code's area and the padding around it, inside the border.
func qrZone(st Style) float64 { return st.Booking.QRSize + 2*st.Booking.Pad - st.Rules.Panel }

// qrFigure is a QR code as qrItems draws it, tagged as a Figure whose
// alt text gives the address it opens ("QR code for example.com/book").
func (b *builder) qrFigure(code *qr.Code, url string, x, y, size float64) []Item {
	fig := newElem(RoleFigure)
	fig.Alt = b.w.Text(locale.QRCodeAlt, displayURL(url))
	items := qrItems(code, x, y, size)
	for _, it := range items {
		it.tag().Elem = fig
	}
	return items
}

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
// as "2 times a day" in w's words, which a patient cannot misread; any
// other wording is printed as written.
func howOften(w *locale.Words, v string) string {
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
		return w.Count(locale.DailyCount, 1, v)
	}
	// The count as typed, by its upper end: "2 times a day", "2–3 times
	// a day".
	if lo, hi, ok := strings.Cut(strings.ReplaceAll(v, "–", "-"), "-"); ok {
		return w.Count(locale.DailyRange, atoi(hi), lo+"–"+hi)
	}
	return w.Count(locale.DailyRange, atoi(v), v)
}

// introduces reports whether blk is a paragraph ending in a colon.
func introduces(blk content.Block) bool {
	p, ok := blk.(*content.Paragraph)
	if !ok || len(p.Text) == 0 {
		return false
	}
	return strings.HasSuffix(strings.TrimSpace(p.Text[len(p.Text)-1].Text), ":")
}

// labelled is a value with its bold label ("Reps" 10, "For:" a name).
type labelled struct{ label, value string }

// labelledSpans prints the fields that have a value, each its label in
// bold and a no-break space before the value, sep between them: the dose
// strip's parts and the sheet's visit line.
func labelledSpans(sep string, fields ...labelled) []content.Span {
	var spans []content.Span
	for _, f := range fields {
		if f.value == "" {
			continue
		}
		if len(spans) > 0 {
			spans = append(spans, content.Span{Text: sep})
		}
		spans = append(spans, content.Span{Text: f.label + "\u00a0", Style: content.Bold}, content.Span{Text: f.value})
	}
	return spans
}
