package layout

import (
	"fmt"
	"strings"

	"rsc.io/qr"

	"handout/content"
	"handout/locale"
)

// The row styles (Style.Sheet.Rows: sheet, large-print) lay a programme
// out as an exercise sheet (HANDOUT-DESIGN.md §2): under the title, who
// it is for and a summary box; then one row per exercise, its pictures in
// a column on the left and on the right its name, steps, dose strip, the
// clinician's note, its cautions and a video code; a "Stop and call us
// if…" box before the booking panel. A row is one unit: it never splits
// across pages.
//
// What a row leaves out, for room (the article style prints them): the
// paragraphs before the steps (the "why"; kept when there is no list of
// steps), tips, and the figures' numbered captions (each picture keeps
// its own caption: "Start", "Finish"). Safety text is never left out:
// cautions and warnings print in a compact box.

// Products that feed positions here are rounded with explicit float64
// conversions, so that no compiler fuses them into a multiply-add (Go
// does on arm64): the same PDF bytes on every machine.

// maxRowPanels is the most pictures a row holds: start and finish. A
// section with a series of pictures (the built-in handout's face-down
// series) flows as in an article, at the style's sizes.
const maxRowPanels = 2

// isExercise reports whether a section is laid out as a row: it
// prescribes a dose, or shows what to do in pictures. Other sections
// (a protocol's purpose, a handout's introduction) flow as text.
func isExercise(s *content.Section) bool {
	if s.Dose != nil {
		return true
	}
	for _, blk := range s.Blocks {
		if _, ok := blk.(*content.Figure); ok {
			return true
		}
	}
	return false
}

// refersTo reports whether the section's text names figure n ("Figure
// 6", "Figure 6a", not "Figure 60").
func (b *builder) refersTo(s *content.Section, n int) bool {
	name := b.w.Text(locale.FigureRef, itoa(n))
	var found func(bl []content.Block) bool
	inSpans := func(sp []content.Span) bool {
		for _, x := range sp {
			for t := x.Text; ; {
				i := strings.Index(t, name)
				if i < 0 {
					break
				}
				t = t[i+len(name):]
				if t == "" || t[0] < '0' || t[0] > '9' {
					return true
				}
			}
		}
		return false
	}
	found = func(bl []content.Block) bool {
		for _, blk := range bl {
			switch v := blk.(type) {
			case *content.Paragraph:
				if inSpans(v.Text) {
					return true
				}
			case *content.List:
				for _, it := range v.Items {
					if inSpans(it) {
						return true
					}
				}
			case *content.Callout:
				if found(v.Blocks) {
					return true
				}
			}
		}
		return false
	}
	return found(s.Blocks)
}

// rowPanel is one picture of a row with its caption, sized.
type rowPanel struct {
	pic     Picture
	caption []content.Span
	alt     string // what a screen reader says for it (panelAlt)
	w, h    float64
}

// panelsOf lists the pictures of a section's figures with their
// captions: the panel's own ("Start"), else the figure's. A figure the
// section's text refers to ("(Figure 10)", as the loader wrote a
// {fig:…}) keeps its number: "Figure 10.", "Figure 6a.".
func (b *builder) panelsOf(s *content.Section) ([]rowPanel, error) {
	var out []rowPanel
	for _, blk := range s.Blocks {
		fig, ok := blk.(*content.Figure)
		if !ok {
			continue
		}
		f, err := b.measureFigure(fig) // the article's check that every panel has its picture
		if err != nil {
			return nil, err
		}
		for i, pic := range f.pics {
			p := &fig.Panels[i]
			caption := plain(p.Caption)
			if p.Caption == "" || len(fig.Panels) == 1 && len(fig.Caption) > 0 {
				caption = fig.Caption
			}
			if b.refersTo(s, fig.Number) {
				number := b.w.Text(locale.FigureCaption, itoa(fig.Number)+p.Label) + " "
				caption = append([]content.Span{{Text: number, Style: content.Bold}}, caption...)
			}
			out = append(out, rowPanel{pic: pic, caption: caption, alt: panelAlt(fig, i, pic)})
		}
	}
	return out, nil
}

// sheetGeometry is the one drawing scale of a document's rows and the
// one width of their drawing column, so that a body is the same size in
// every row and every row's text starts at the same x. The scale is the
// style's, or less where some row's drawings need less to fit the column
// (side by side or stacked, whichever is larger); the column is as wide
// as the widest row's pictures at that scale, within the style's bounds.
func (b *builder) sheetGeometry() (k, colW float64, err error) {
	ss := b.th.Sheet
	k = ss.DrawingScale
	var rows [][]rowPanel
	for _, h := range b.in.Handouts {
		for i := range h.Sections {
			s := &h.Sections[i]
			if !isExercise(s) {
				continue
			}
			panels, err := b.panelsOf(s)
			if err != nil {
				return 0, 0, err
			}
			if len(panels) == 0 || len(panels) > maxRowPanels {
				continue
			}
			rows = append(rows, panels)
			if fit, ok := b.fitScale(panels); ok {
				k = min(k, fit)
			}
		}
	}
	colW = ss.DrawingMin
	for _, panels := range rows {
		_, w := b.sizePanels(panels, k)
		colW = max(colW, w)
	}
	return k, colW, nil
}

// fitScale is the largest scale at which a row's drawings fit the
// drawing column with their captions, side by side or stacked; ok is
// false for a row of photos only, which fit by their own size.
func (b *builder) fitScale(panels []rowPanel) (k float64, ok bool) {
	ss := b.th.Sheet
	capH := b.th.Type.Caption.Leading + ss.CaptionGap
	var sumW, sumH, maxW, maxH float64
	n := 0
	for _, p := range panels {
		if d := p.pic.Drawing; d != nil {
			sumW, sumH = sumW+d.W, sumH+d.H
			maxW, maxH = max(maxW, d.W), max(maxH, d.H)
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	gaps := float64(ss.PanelGap * float64(n-1))
	sideBySide := min((ss.DrawingMax-gaps)/sumW, (ss.DrawingMaxH-capH)/maxH)
	stacked := min(ss.DrawingMax/maxW, (ss.DrawingMaxH-float64(float64(n)*capH)-gaps)/sumH)
	return max(sideBySide, stacked), true
}

// sizePanels sizes a row's pictures at drawing scale k (a photo at the
// style's PhotoH, or smaller to fit) and says whether they stand side by
// side (when they fit the column's width together) and how wide they
// are.
func (b *builder) sizePanels(panels []rowPanel, k float64) (sideBySide bool, w float64) {
	ss := b.th.Sheet
	total := float64(ss.PanelGap * float64(len(panels)-1))
	for i := range panels {
		p := &panels[i]
		if d := p.pic.Drawing; d != nil {
			p.w, p.h = float64(d.W*k), float64(d.H*k)
		} else {
			p.h = ss.PhotoH
			p.w = float64(p.h * aspect(p.pic))
		}
		total += p.w
	}
	if total <= ss.DrawingMax {
		return true, total
	}
	// Stacked: photos no wider than the column, and together with the
	// drawings and the captions no taller than DrawingMaxH (drawings keep
	// the document's scale).
	capH := b.th.Type.Caption.Leading + ss.CaptionGap
	room := ss.DrawingMaxH - float64(float64(len(panels))*capH) - float64(ss.PanelGap*float64(len(panels)-1))
	photosH := 0.0
	for i := range panels {
		p := &panels[i]
		if p.pic.Photo == nil {
			room -= p.h
			continue
		}
		if p.w > ss.DrawingMax { // a wide photo
			p.w, p.h = ss.DrawingMax, float64(ss.DrawingMax*p.h)/p.w
		}
		photosH += p.h
	}
	if photosH > 0 && room > 0 && photosH > room {
		f := room / photosH
		for i := range panels {
			if p := &panels[i]; p.pic.Photo != nil {
				p.w, p.h = float64(p.w*f), float64(p.h*f)
			}
		}
	}
	for _, p := range panels {
		w = max(w, p.w)
	}
	return false, w
}

// drawingColumn draws a row's pictures at scale k in a column colW wide
// (sheetGeometry), with their captions, side by side or stacked
// (sizePanels). It returns the items and the column's height.
func (b *builder) drawingColumn(panels []rowPanel, k, colW float64) ([]Item, float64) {
	ss, th := b.th.Sheet, b.th
	sideBySide, total := b.sizePanels(panels, k)
	st := th.textStyle(th.Type.Caption)
	var items []Item
	if sideBySide {
		// The pictures stand on one line, centred in equal shares of the
		// column; each caption under its own.
		picH := 0.0
		for _, p := range panels {
			picH = max(picH, p.h)
		}
		slot := (colW - float64(ss.PanelGap*float64(len(panels)-1))) / float64(len(panels))
		x, h := 0.0, picH
		extra := (colW - total) / float64(len(panels))
		for _, p := range panels {
			share := p.w + extra
			items = append(items, p.figure(x+(share-p.w)/2, picH-p.h)...)
			var y float64
			items, y = stack(items, b.textAs(RoleCaption, p.caption, st, x+(share-slot)/2, slot, alignCenter), picH+ss.CaptionGap)
			h = max(h, y)
			x += share + ss.PanelGap
		}
		return items, h
	}
	y := 0.0
	for i, p := range panels {
		if i > 0 {
			y += ss.PanelGap
		}
		items = append(items, p.figure((colW-p.w)/2, y)...)
		items, y = stack(items, b.textAs(RoleCaption, p.caption, st, 0, colW, alignCenter), y+p.h+ss.CaptionGap)
	}
	return items, y
}

// figure draws the panel's picture at (x, y) as a Figure with its alt
// text.
func (p rowPanel) figure(x, y float64) []Item {
	fig := newElem(RoleFigure)
	fig.Alt = p.alt
	items := pictureItems(p.pic, x, y, p.w, p.h)
	markItems(fig, items)
	return items
}

// exerciseRow lays out one exercise as a row, its pictures at drawing
// scale k in a column colW wide (sheetGeometry); an exercise without
// pictures gives its text the whole width. ok is false when the section
// is not one for a row: more pictures than a row holds, or a row taller
// than a page; it then flows instead.
//
// A row taller than its share of a page (Sheet.PerPage) is tried again
// with the narrowest drawing column and its drawings drawn smaller to fit
// it, which gives the text more width and so fewer lines: that row's
// drawings are then smaller than the others', the lesser evil than a
// page with one row fewer.
func (b *builder) exerciseRow(s *content.Section, k, colW float64) (row unit, ok bool, err error) {
	ss := b.th.Sheet
	panels, err := b.panelsOf(s)
	if err != nil || len(panels) > maxRowPanels {
		return unit{}, false, err
	}
	row, err = b.rowAt(s, panels, k, colW)
	if err != nil {
		return unit{}, false, err
	}
	if row.h > b.col.h/float64(ss.PerPage) && len(panels) > 0 && colW > ss.DrawingMin {
		narrow, err := b.rowAt(s, panels, float64(k*ss.DrawingMin)/colW, ss.DrawingMin)
		if err != nil {
			return unit{}, false, err
		}
		if narrow.h < row.h {
			row = narrow
		}
	}
	return row, row.h <= b.col.h, nil
}

// rowAt lays out a row with its pictures at scale k in a column colW
// wide.
func (b *builder) rowAt(s *content.Section, panels []rowPanel, k, colW float64) (unit, error) {
	ss := b.th.Sheet
	if ss.PicturesAbove {
		return b.rowAbove(s, panels, k)
	}
	var items []Item
	textX := 0.0
	leftH := 0.0
	if len(panels) > 0 {
		items, leftH = b.drawingColumn(panels, k, colW)
		textX = colW + ss.ColGap
	}
	text, rightH, err := b.rowText(s, textX, b.col.w-textX, true)
	if err != nil {
		return unit{}, err
	}
	// Read as drawn but for the name, which comes before the pictures.
	row, words := newElem(RoleSect), tops(text)
	if len(words) > 0 {
		row.add(words[0])
	}
	row.add(tops(items)...)
	row.add(words...)
	items = append(items, text...)
	h := max(leftH, rightH) + float64(2*ss.RowPad)
	return b.closeRow(items, h), nil
}

// rowAbove lays out a row with its pictures above its text, centred,
// and the text across the column: large print's lines would be too
// short beside the pictures.
func (b *builder) rowAbove(s *content.Section, panels []rowPanel, k float64) (unit, error) {
	ss := b.th.Sheet
	th := b.th
	// The name first, then the pictures, then what to do.
	items, y := stack(nil, b.textAs(RoleH2, s.Title, th.textStyle(th.Type.RowTitle), 0, b.col.w, alignLeft), 0)
	y += ss.TextGap
	if len(panels) > 0 {
		// The pictures' column is at least DrawingMin wide, as beside
		// the text (sheetGeometry): a narrow drawing's caption wraps in
		// it, not in the drawing's own width, where a long word is cut.
		_, w := b.sizePanels(panels, k)
		w = min(max(w, ss.DrawingMin), b.col.w)
		pics, h := b.drawingColumn(panels, k, w)
		for _, it := range pics {
			items = append(items, moved(it, (b.col.w-w)/2, y))
		}
		y += h + ss.TextGap
	}
	text, textH, err := b.rowText(s, 0, b.col.w, false)
	if err != nil {
		return unit{}, err
	}
	for _, it := range text {
		items = append(items, moved(it, 0, y))
	}
	newElem(RoleSect).add(tops(items)...)
	return b.closeRow(items, y+textH+float64(2*ss.RowPad)), nil
}

// closeRow moves a row's items below its top padding and draws the rule
// under it, h being its height.
func (b *builder) closeRow(items []Item, h float64) unit {
	ss := b.th.Sheet
	for i, it := range items {
		items[i] = moved(it, 0, ss.RowPad)
	}
	items = append(items, &Rule{X1: 0, Y1: h, X2: b.col.w, Y2: h, Width: b.th.Rules.Row, Color: b.th.rule})
	return unit{h: h, items: items}
}

// rowText is a row's text column at x, w wide: the exercise's name
// (when withTitle), then its blocks in order but for the pictures, the
// why and the tips, then its video code. It returns the items and their
// height.
func (b *builder) rowText(s *content.Section, x, w float64, withTitle bool) ([]Item, float64, error) {
	th, ss := b.th, b.th.Sheet
	body := th.textStyle(th.Type.Body)
	var items []Item
	y := 0.0
	add := func(us []unit) {
		if len(us) == 0 {
			return
		}
		if y > 0 {
			y += ss.TextGap
		}
		items, y = stackUnits(items, us, y)
	}
	if withTitle {
		add(b.textAs(RoleH2, s.Title, th.textStyle(th.Type.RowTitle), x, w, alignLeft))
	}
	// The why is left out only where steps follow it: a section without
	// a list says what to do in its paragraphs.
	steps := !hasList(s)
	for _, blk := range s.Blocks {
		switch v := blk.(type) {
		case *content.Figure:
		case *content.Heading:
			steps = true
			add(b.textAs(RoleH3, v.Text, th.textStyle(th.Type.H3), x, w, alignLeft))
		case *content.Paragraph:
			// The why, before the steps, is the article's: a row has
			// room for what to do.
			if steps {
				add(b.textAs(RoleP, v.Text, body, x, w, alignLeft))
			}
		case *content.List:
			steps = true
			add(b.list(v, body, x, w))
		case *content.Dose:
			u := b.doseStrip(v, w)
			for i, it := range u.items {
				u.items[i] = moved(it, x, 0)
			}
			add([]unit{u})
		case *content.Callout:
			if v.Kind != content.Tip {
				add([]unit{b.compactCallout(v, x, w)})
			}
		}
	}
	if s.VideoURL != "" {
		u, err := b.videoCode(s, x, w)
		if err != nil {
			return nil, 0, err
		}
		add([]unit{u})
	}
	return items, y, nil
}

// hasList reports whether a section has a list of steps.
func hasList(s *content.Section) bool {
	for _, blk := range s.Blocks {
		if _, ok := blk.(*content.List); ok {
			return true
		}
	}
	return false
}

// stackUnits is stack with each unit's space before it (a list's space
// between its items), but for the first.
func stackUnits(items []Item, us []unit, y float64) ([]Item, float64) {
	for i, u := range us {
		if i > 0 {
			y += u.before
		}
		items, y = stack(items, []unit{u}, y)
	}
	return items, y
}

// compactCallout is a callout as a row prints it: its label run into its
// text ("Caution: Stop if…") in a tinted box with the callout's bar, at
// the boxed size; a list inside is run in as bullets.
func (b *builder) compactCallout(c *content.Callout, x, w float64) unit {
	lk, th, cs := b.look(c.Kind), b.th, b.th.Callout
	label := strings.ToUpper(lk.label[:1]) + strings.ToLower(lk.label[1:]) + ": "
	spans := []content.Span{{Text: label, Style: content.Bold}}
	for i, blk := range c.Blocks {
		switch v := blk.(type) {
		case *content.Paragraph:
			if i > 0 {
				spans = append(spans, content.Span{Text: "\n"})
			}
			spans = append(spans, v.Text...)
		case *content.List:
			for _, item := range v.Items {
				spans = append(spans, content.Span{Text: "\n• "})
				spans = append(spans, item...)
			}
		}
	}
	st := th.textStyle(th.Type.Boxed).on(lk.tone.tint)
	tx := x + cs.Bar + cs.Pad
	lines := b.textUnits(spans, st, tx, w-cs.Bar-float64(2*cs.Pad), alignLeft)
	h := float64(float64(len(lines))*st.leading) + float64(2*cs.Pad)
	items := []Item{
		&Box{X: x, Y: 0, W: w, H: h, Radius: cs.Radius, Fill: lk.tone.tint, Stroke: lk.tone.graphic, LineWidth: th.Rules.Frame},
		&Box{X: x, Y: 0, W: cs.Bar, H: h, Fill: lk.tone.graphic},
	}
	items, _ = stack(items, lines, cs.Pad)
	// A callout is a Div of its words, as in the article.
	p := newElem(RoleP)
	newElem(RoleDiv).add(p)
	markItems(p, items)
	return unit{h: h, items: items}
}

// videoCode is an exercise's video link as a small QR code with its
// address beside it, both links. A code whose modules would be too small
// to scan is an error naming the exercise: the sheet never asks for a
// scan beside no code.
func (b *builder) videoCode(s *content.Section, x, w float64) (unit, error) {
	th, ss := b.th, b.th.Sheet
	code, err := qr.Encode(s.VideoURL, qr.M)
	if err == nil && ss.QRSize/float64(code.Size+2*qrQuiet) < qrMinModule {
		err = fmt.Errorf("its code would have %d modules, too fine to scan at %.0f points", code.Size, ss.QRSize)
	}
	if err != nil {
		return unit{}, fmt.Errorf("%s:%d: exercise %s: video_url %q cannot be printed as a QR code (%v); use a shorter address (a short link to the video)",
			s.Pos.File, s.Pos.Line, s.ID, s.VideoURL, err)
	}
	items := b.qrFigure(code, s.VideoURL, x, 0, ss.QRSize)
	tx := x + ss.QRSize + ss.QRGap
	spans := []content.Span{{Text: b.w.Text(locale.WatchVideo) + "\n", Style: content.Bold}, {Text: displayURL(s.VideoURL), Link: s.VideoURL}}
	st := th.textStyle(th.Type.Caption)
	lines := b.textAs(RoleP, spans, st, tx, w-ss.QRSize-ss.QRGap, alignLeft)
	// The code is a link too: its annotation is part of the address's
	// Link element.
	codeLink := &Link{X: x, Y: 0, W: ss.QRSize, H: ss.QRSize, URL: s.VideoURL, Contents: displayURL(s.VideoURL)}
	for _, l := range lines {
		for _, it := range l.items {
			if ln, ok := it.(*Link); ok && ln.URL == s.VideoURL {
				codeLink.Elem = ln.Elem
			}
		}
	}
	items = append(items, codeLink)
	textH := float64(float64(len(lines)) * st.leading)
	items, _ = stack(items, lines, max(0, (ss.QRSize-textH)/2))
	return unit{h: max(ss.QRSize, textH), items: items}, nil
}

// sheetTitle is a sheet's title block: the title and subtitle, then who
// it is for (visitLine) in place of the article's byline.
func (b *builder) sheetTitle(h *content.Handout) {
	th, m := b.th, h.Meta
	us := b.textAs(RoleH1, plain(m.Title), th.textStyle(th.Type.H1), 0, b.col.w, alignLeft)
	if m.Subtitle != "" {
		us = append(us, b.textAs(RoleP, plain(m.Subtitle), th.textStyle(th.Type.Subtitle), 0, b.col.w, alignLeft)...)
	}
	if spans := b.visitLine(h); len(spans) > 0 {
		line := b.textAs(RoleP, spans, th.textStyle(th.Type.Body), 0, b.col.w, alignLeft)
		line[0].before = th.Space.Byline
		us = append(us, line...)
	}
	b.add(glueAll(us), 0)
}

// visitLine is who the sheet is for: the patient, the visit's date (a
// packet's cover says both instead) and the clinician.
func (b *builder) visitLine(h *content.Handout) []content.Span {
	var fields []labelled
	if b.in.Cover == nil {
		fields = append(fields, labelled{b.w.Text(locale.ForLabel), b.in.Patient}, labelled{b.w.Text(locale.DateLabel), b.date()})
	}
	fields = append(fields, labelled{b.w.Text(locale.ClinicianLabel), h.Meta.Author})
	return labelledSpans("  ·  ", fields...)
}

// summaryBox is the plan in one sentence, from the doses: "Your
// programme: these 4 exercises, twice a day." The most frequent "how
// often" is the one named (the first of equals); none is named when no
// dose says.
func (b *builder) summaryBox(h *content.Handout) {
	th, ss := b.th, b.th.Sheet
	n := 0
	count := map[string]int{}
	var often []string
	for i := range h.Sections {
		s := &h.Sections[i]
		if !isExercise(s) {
			continue
		}
		n++
		if o := s.Dose.HowOften(b.w); o != "" {
			if count[o] == 0 {
				often = append(often, o)
			}
			count[o]++
		}
	}
	if n == 0 {
		return
	}
	what := b.w.Text(locale.SummaryExercises, n)
	best := ""
	for _, o := range often {
		if count[o] > count[best] {
			best = o
		}
	}
	if best != "" {
		what += ", " + best
	}
	spans := []content.Span{{Text: b.w.Text(locale.SummaryLabel) + " ", Style: content.Bold}, {Text: what + "."}}
	st := th.textStyle(th.Type.Summary)
	lines := b.textAs(RoleP, spans, st, ss.BoxPad, b.col.w-float64(2*ss.BoxPad), alignLeft)
	hgt := float64(float64(len(lines))*st.leading) + float64(2*ss.BoxPad)
	items := []Item{&Box{X: 0, Y: 0, W: b.col.w, H: hgt, Radius: th.Dose.Radius, Fill: th.primaryTint, Stroke: th.primary.graphic, LineWidth: th.Rules.Frame}}
	items, _ = stack(items, lines, ss.BoxPad)
	b.add([]unit{{h: hgt, items: items, glue: true}}, ss.BoxGap)
}

// stopBox is the "Stop and call us if…" box that closes a sheet, in the
// warning's colour and weight: the signs to stop at (the clinic's, else
// content's defaults) and what is normal.
func (b *builder) stopBox() {
	th, ss, sp := b.th, b.th.Sheet, b.th.Space
	stop := b.in.Clinic.StopAndCall.Or(content.DefaultStopAndCall(b.w))
	if len(stop.Signs) == 0 {
		return
	}
	lk := b.look(content.Warning)
	body := th.textStyle(th.Type.Body).on(lk.tone.tint)
	title := body
	title.bold, title.color = true, darkened(lk.tone.text, textContrast, lk.tone.tint)
	x, w := ss.BoxPad+th.Callout.Bar, b.col.w-float64(2*ss.BoxPad)-th.Callout.Bar
	items, y := stack(nil, b.textAs(RoleP, plain(stop.Title), title, x, w, alignLeft), ss.BoxPad)
	// The signs in the style's columns, read down the first then the
	// next: two columns are half the height of one list.
	cols := max(ss.StopColumns, 1)
	signs := make([][][]content.Span, cols)
	per := (len(stop.Signs) + cols - 1) / cols
	for i, s := range stop.Signs {
		signs[i/per] = append(signs[i/per], plain(s))
	}
	colW := (w - float64(ss.ColGap*float64(cols-1))) / float64(cols)
	top := y + sp.Item
	for i, col := range signs {
		var end float64
		items, end = stackUnits(items, b.list(&content.List{Items: col}, body, x+float64(float64(i)*(colW+ss.ColGap)), colW), top)
		y = max(y, end)
	}
	if stop.Normal != "" {
		items, y = stack(items, b.textAs(RoleP, plain(stop.Normal), body, x, w, alignLeft), y+sp.Paragraph)
	}
	newElem(RoleDiv).add(tops(items)...)
	h := y + ss.BoxPad
	frame := []Item{
		&Box{X: 0, Y: 0, W: b.col.w, H: h, Radius: th.Callout.Radius, Fill: lk.tone.tint, Stroke: lk.tone.graphic, LineWidth: lk.border},
		&Box{X: 0, Y: 0, W: th.Callout.Bar, H: h, Fill: lk.tone.graphic},
	}
	b.add([]unit{{h: h, items: append(frame, items...)}}, sp.Section)
}
