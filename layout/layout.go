// Package layout turns a handout and a clinic profile into pages of
// positioned items (a display list): text runs, images, rules, boxes,
// vector paths and links. It imports neither fpdf nor the file system, so
// a layout can be tested from its text dump alone.
//
// The stages, each a function below: check the text against the fonts,
// build the page frame (header and footer), turn blocks into units
// (lines, figures, boxes), break the units into pages, then draw each page.
//
// Every size comes from the Input's Style (style.go). Layout owns
// placement: photos come in as their pixel size only (Photo), and the
// display list says the box each is drawn in, for the caller to prepare
// the pixels for (Document.PhotoBoxes).
package layout

import (
	"fmt"
	"math"
	"strings"

	"rsc.io/qr"

	"handout/content"
	"handout/figures"
	"handout/fonts"
	"handout/locale"
)

// Fonts is what layout needs from the font set: widths to measure with,
// and coverage to report characters the fonts cannot print, and why.
// *fonts.Set implements it.
type Fonts interface {
	Measurer
	Missing(text string) (r rune, ok bool)
	// Why says why a rune Missing returned cannot be printed (its
	// script, what printing it would need) and what to do.
	Why(r rune) string
}

// Picture is a panel's picture: a built-in vector drawing or a photo.
// Exactly one of the two is set.
type Picture struct {
	Drawing *figures.Drawing
	Photo   *Photo
	// Alt describes a built-in drawing for a screen reader when its
	// panel has no alt text of its own (pose.BuiltinDescription).
	Alt string
}

// Photo is a raster picture as layout places it: by its upright size in
// pixels, of which only the aspect ratio counts. Layout owns placement:
// it draws a photo as an Image item that refers to it (Image.Photo), and
// the caller prepares the pixels for the boxes the photo is drawn in
// (Document.PhotoBoxes), then fills in Image.Img. So a photo is prepared
// for each size it is printed at (a single photo at the style's
// SinglePhoto part of the column, or beside its steps at PhotoBeside, a
// row shrunk to stay on its page), and no other package repeats layout's
// arithmetic to guess it.
type Photo struct {
	PxW, PxH int
}

// Input is everything one document's layout depends on: one handout, or
// a patient's packet of several with a cover page and a tick log.
type Input struct {
	// Handouts are laid out in order, each starting on a new page.
	Handouts []*content.Handout
	Cover    *Cover // nil: no cover page
	TickLog  bool   // a weekly tick log of the exercises at the end
	Clinic   *content.Clinic
	Logo     *Photo // nil when the clinic has no logo
	// Pictures holds the picture of every panel of the handouts, keyed by
	// the panel itself (a pointer into its figure's Panels): two handouts
	// of a packet may name different photos by the same relative path.
	Pictures map[*content.Panel]Picture
	Patient  string // printed in the header of every page when set
	Date     string // visit date, printed beside the patient's name
	Paper    Paper
	// Style is the look (StyleByName); the zero Style is the default.
	Style Style
	// Grayscale prints every colour as the gray of its luminance, for a
	// black-and-white laser printer (photos and the logo are the
	// caller's to make gray: Document.PhotoBoxes).
	Grayscale bool
	// Words is the catalogue every label, heading and date is printed
	// from, and the document's language (Document.Language); nil is
	// en-US.
	Words *locale.Words
	// Lines, when set, keeps the lines of each paragraph for the
	// documents laid out after this one with the same fonts (LineCache).
	Lines *LineCache
}

// Cover is what a packet's cover page says besides the patient's name and
// visit date (Input.Patient, Input.Date).
type Cover struct {
	Clinician string
	Notes     string // the clinician's notes for this patient
}

// Layout lays out a handout, or a packet of handouts, into pages.
func Layout(f Fonts, in Input) (*Document, error) {
	b, err := build(f, in)
	if err != nil {
		return nil, err
	}
	// Pages: break the flow, fill in the cover's page numbers, then draw
	// header, body and footer on each.
	pages := paginate(b.units, b.col)
	b.resolvePageRefs(pages)
	doc := b.document()
	contact := b.footerContact()
	for i, pg := range pages {
		owner := noHandout
		if len(pg) > 0 {
			owner = pg[0].u.owner
		}
		items := markAs(Header, b.header(owner))
		items = append(items, pageItems(pg, b.col, b.th.Space.SplitPad)...)
		items = append(items, b.footerItems(i+1, len(pages), contact)...)
		doc.Pages = append(doc.Pages, Page{W: b.paper.W, H: b.paper.H, Items: items})
	}
	prune(b.root, doc.Pages)
	doc.Root = b.root
	doc.Warnings = b.th.warnings
	return doc, nil
}

// build checks the input and turns it into the flow of units, before
// pages.
func build(f Fonts, in Input) (*builder, error) {
	c := in.Clinic
	if len(in.Handouts) == 0 || c == nil {
		return nil, fmt.Errorf("layout: a handout and a clinic profile are both needed")
	}
	// Check every character against the fonts first: a missing glyph
	// would print as an empty box, and emoji crash fpdf.
	if err := checkCoverage(f, in); err != nil {
		return nil, err
	}
	style := in.Style
	if style.Name == "" {
		style = styles()[0]
	}
	th, err := newTheme(style, clinicColors{primary: c.Colors.Primary, accent: c.Colors.Accent, source: c.Source, gray: in.Grayscale})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.Source, err)
	}
	paper := in.Paper
	if paper.W == 0 {
		if paper, err = PaperByName(c.Paper); err != nil {
			return nil, fmt.Errorf("%s: %w", c.Source, err)
		}
	}
	w := in.Words
	if w == nil {
		w = locale.English()
	}
	root := newElem(RoleDocument)
	b := &builder{f: f, th: th, in: in, w: w, paper: paper, owner: noHandout, root: root, cur: root}

	// The page frame: header and footer heights fix the column.
	if err := b.frame(); err != nil {
		return nil, err
	}
	// The booking code, made before the flow: an address too long for
	// one is the profile's error, not a panel that says "Scan the code"
	// beside no code.
	if b.booking, err = bookingCode(c, style); err != nil {
		return nil, err
	}
	// The flow: cover, then each handout (title block, sections,
	// references), the booking panel, and the tick log.
	if in.Cover != nil {
		b.cover()
	}
	if err := b.handouts(); err != nil {
		return nil, err
	}
	// A sheet closes with when to stop and call; the booking panel closes
	// the handouts; the tick log, a page of its own that the patient
	// brings back, comes last.
	if style.Sheet.Rows && !style.Sheet.StopFirst {
		b.stopBox()
	}
	b.closing()
	if in.TickLog {
		// A sheet's log follows on the page of the closing boxes when
		// it fits there whole (a five-exercise programme is then two
		// pages and the log); otherwise, and in an article, it starts a
		// page of its own, and a week that does not fit under the first
		// moves to the next page.
		b.owner = noHandout
		start := len(b.units)
		b.breakPage = true
		b.tickLog()
		if log := b.units[start:]; style.Sheet.Rows && height(log) <= b.col.h {
			glueAll(log)
			log[0].breakBefore, log[0].before = false, b.th.Space.Section
		}
	}
	return b, nil
}

// handouts lays out each handout from a new page: its title block, then
// its sections and references. A row style puts who it is for and the
// summary box under the title and lays each exercise out as a row
// (sheet.go), at one drawing scale for the whole document.
func (b *builder) handouts() error {
	rows := b.th.Sheet.Rows
	var scale, colW float64
	if rows {
		var err error
		if scale, colW, err = b.sheetGeometry(); err != nil {
			return err
		}
	}
	// In a packet each handout is a Sect of the document.
	packet := b.in.Cover != nil || len(b.in.Handouts) > 1
	defer func(root *Elem) { b.cur = root }(b.cur)
	for i, h := range b.in.Handouts {
		b.owner = i
		b.breakPage = len(b.units) > 0
		if packet {
			b.cur = b.root.child(RoleSect)
		}
		if rows {
			b.sheetTitle(h)
			b.summaryBox(h)
			if i == 0 && b.th.Sheet.StopFirst {
				b.stopBox()
			}
		} else {
			b.titleBlock(h)
		}
		afterRow := false // rows follow each other without space: a rule parts them
		for k := range h.Sections {
			b.anchor = anchorName(i, k)
			s := &h.Sections[k]
			if rows && isExercise(s) {
				row, ok, err := b.exerciseRow(s, scale, colW)
				if err != nil {
					return err
				}
				if ok {
					before := b.th.Space.Section
					if afterRow || k == 0 {
						before = 0
					}
					b.add([]unit{row}, before)
					afterRow = true
					continue
				}
			}
			afterRow = false
			if err := b.section(s); err != nil {
				return err
			}
		}
		b.references(h)
	}
	return nil
}

// noHandout marks units of the cover page and the tick log.
const noHandout = -1

// document is the metadata: the handout's, or for a packet a generic
// title. Never the patient's name.
func (b *builder) document() *Document {
	h := b.in.Handouts[0]
	d := &Document{Title: h.Meta.Title, Author: b.in.Clinic.Name, Subject: h.Meta.Subtitle, Language: b.w.Tag(), Reviewed: h.Meta.Reviewed}
	if len(b.in.Handouts) > 1 || b.in.Cover != nil {
		d.Title, d.Subject = b.packetTitle(), ""
		for _, o := range b.in.Handouts[1:] {
			if o.Meta.Reviewed > d.Reviewed {
				d.Reviewed = o.Meta.Reviewed
			}
		}
	}
	return d
}

// packetTitle heads the pages of a packet that belong to no one handout.
func (b *builder) packetTitle() string { return b.w.Text(locale.PacketTitle) }

// anchorName names the place a section starts, for the cover's page
// numbers.
func anchorName(handout, section int) string { return itoa(handout) + "/" + itoa(section) }

// builder holds one layout in progress.
type builder struct {
	f     Fonts
	th    theme
	in    Input
	w     *locale.Words // in.Words, or en-US
	paper Paper
	col   region
	units []unit

	keepNext  bool
	breakPage bool   // the next unit starts a new page
	owner     int    // index of the handout being laid out, or noHandout
	anchor    string // section being laid out, given to its first unit
	pageRefs  []pageRef

	footer      textStyle // the footer's type, shrunk to fit (frame)
	pageLabelW  float64   // kept free of contact lines for "Page X of Y"
	footerLines []line
	footerH     float64
	booking     *qr.Code // the booking_url's code; nil without one

	// root is the structure tree; cur the element units are attached to
	// as they join the flow (a handout's section, a callout).
	root, cur *Elem
	// footerLinks are the link annotations of the footers drawn so far
	// but the last page's (footerItems).
	footerLinks []*Link
}

// frame measures the footer, which can wrap, and sets the column between
// header and footer. A footer longer than the style's Footer.MaxLines is shrunk, down
// to the style's floor (fitFloor); one still longer there is an error:
// content's limits bound each field, but not all of them at their longest
// together (that footer took half of every page), and the clinic's
// contact details are not to be shortened with "…".
func (b *builder) frame() error {
	hd, ft := b.th.Header, b.th.Footer
	margin := b.th.Page.Margin
	w := b.paper.W - 2*margin
	ts := b.th.Type.Footer
	floor := b.th.fitFloor(ts)
	maxFooterLines := max(ft.MaxLines, 1)
	for size := ts.Size; ; size = max(floor, size-footerStep) {
		b.footer = b.th.textStyle(resized(ts, size))
		b.pageLabelW = max(ft.PageLabelW, b.f.Width(faceOf(ts), size, b.w.Text(locale.PageOf, widestPage, widestPage)+"  "))
		b.footerLines = breakLines(b.f, splitWords(b.f, b.footer, b.footerSpans()), w-b.pageLabelW)
		if len(b.footerLines) <= maxFooterLines || size <= floor {
			break
		}
	}
	if n := len(b.footerLines); n > maxFooterLines {
		// The language says whose words to shorten: the profile's own, or
		// its translation's (render gives layout the profile in the
		// document's language).
		return fmt.Errorf("%s: the footer on every page in %s (name, address, phone; website, email; hours and hours_note) takes %d lines; at most %d fit: shorten the address, the hours or the hours_note",
			b.in.Clinic.Source, b.w.Tag(), n, maxFooterLines)
	}
	b.footerH = float64(len(b.footerLines)) * b.footer.leading
	top := hd.Top + hd.Height + hd.Gap
	bottom := b.paper.H - ft.Bottom - b.footerH - ft.Gap
	b.col = region{x: margin, top: top, w: w, h: bottom - top}
	return nil
}

// footerStep is how much smaller each try at fitting the footer is.
const footerStep = 0.5

// widestPage is the page number of the widest "Page X of Y" the footer
// keeps room for.
const widestPage = 888

// resized is ts at another size, its leading in proportion (rounded to a
// hundredth of a point, so that positions do not depend on how a
// compiler fuses the arithmetic).
func resized(ts TypeStyle, size float64) TypeStyle {
	if size != ts.Size {
		ts.Leading = math.Round(ts.Leading*(size/ts.Size)*100) / 100
		ts.Size = size
	}
	return ts
}

// footerSpans is the clinic's contact lines: name, address and phone;
// website and email; hours.
func (b *builder) footerSpans() []content.Span {
	c := b.in.Clinic
	const sep = "  ·  "
	first := []string{c.Name}
	if len(c.Address) > 0 {
		first = append(first, strings.Join(c.Address, ", "))
	}
	if c.Phone != "" {
		first = append(first, c.Phone)
	}
	spans := []content.Span{{Text: strings.Join(first, sep), Style: content.Bold}}
	var second []content.Span
	if c.Website != "" {
		second = append(second, content.Span{Text: displayURL(c.Website), Link: c.Website})
	}
	if c.Email != "" {
		if len(second) > 0 {
			second = append(second, content.Span{Text: sep})
		}
		second = append(second, content.Span{Text: c.Email, Link: "mailto:" + c.Email})
	}
	if len(second) > 0 {
		spans = append(spans, content.Span{Text: "\n"})
		spans = append(spans, second...)
	}
	if len(c.Hours) > 0 {
		var hs []string
		for _, h := range c.Hours {
			hs = append(hs, h.Days+" "+h.Times)
		}
		txt := "\n" + b.w.Text(locale.HoursLabel) + " " + strings.Join(hs, sep)
		if c.HoursNote != "" {
			txt += sep + c.HoursNote
		}
		spans = append(spans, content.Span{Text: txt})
	}
	return spans
}

// header draws the logo, clinic name and tagline on the left, and the
// title of the page's handout with the patient's name and date on the
// right. Each row's two texts share the width beside the logo (fitRow):
// a text too long for its share is shrunk, down to the style's floor,
// and only then shortened with "…" (the title and the names are printed
// in full in the title block and on the cover).
func (b *builder) header(owner int) []Item {
	th, c, hd := b.th, b.in.Clinic, b.th.Header
	left, right := th.Page.Margin, b.paper.W-th.Page.Margin
	var items []Item
	x := left
	if lg := b.in.Logo; lg != nil && lg.PxH > 0 {
		w, h := th.LogoBox(lg.PxW, lg.PxH)
		items = append(items, &Image{X: x, Y: hd.Top + (hd.Height-h)/2, W: w, H: h, Photo: lg})
		x += w + hd.LogoGap
	}
	nameY, tagY := hd.Top+hd.NameBaseline, hd.Top+hd.TaglineBaseline
	w := right - x - hd.HalfGap
	// The cover and the log of a packet belong to no one handout; a
	// single handout's log (a programme's) is its own.
	title := b.packetTitle()
	if owner == noHandout && b.in.Cover == nil && len(b.in.Handouts) == 1 {
		owner = 0
	}
	if owner != noHandout {
		title = b.in.Handouts[owner].Meta.Title
	}
	// Row one: the clinic's name and the handout's title.
	name, head := b.fitRow(th.Type.ClinicName, headerText{name: c.Name}, th.Type.HeaderTitle, headerText{name: title}, w)
	// Row two: the tagline and the patient's line.
	tag, who := b.fitRow(th.Type.Tagline, headerText{name: c.Tagline}, th.Type.HeaderPatient, b.patientLine(), w)
	for _, t := range []struct {
		f        fitted
		x, y     float64
		personal bool
	}{{name, x, nameY, false}, {tag, x, tagY, false}, {head, right - head.w, nameY, false}, {who, right - who.w, tagY, true}} {
		if t.f.s != "" {
			it := t.f.at(t.x, t.y, th)
			it.tag().Personal = t.personal
			items = append(items, it)
		}
	}
	y := hd.Top + hd.Height + hd.RuleOffset
	items = append(items, &Rule{X1: left, Y1: y, X2: right, Y2: y, Width: th.Rules.Header, Color: th.primary.graphic})
	return items
}

// faceOf is the font face a text role is printed in.
func faceOf(ts TypeStyle) fonts.Face { return fonts.FaceFor(ts.Bold, ts.Italic) }

// fitRow fits a row of the header: a text on the left and one on the
// right (the patient's line, whose date is kept when its name is
// shortened), sharing width w. Each gets what it needs when both fit;
// otherwise a text that needs at most half keeps what it needs and the
// other gets the rest; two long texts get half each.
func (b *builder) fitRow(ls TypeStyle, l headerText, rs TypeStyle, r headerText, w float64) (fitted, fitted) {
	needL := b.f.Width(faceOf(ls), ls.Size, l.String())
	needR := b.f.Width(faceOf(rs), rs.Size, r.String())
	wl := w / 2
	switch {
	case needL+needR <= w, needL <= w/2:
		wl = needL
	case needR <= w/2:
		wl = w - needR
	}
	return b.fit(ls, l, wl), b.fit(rs, r, w-wl)
}

// fitted is a header or footer text fitted to its width: the text, the
// size it is printed at and its width there.
type fitted struct {
	s       string
	size, w float64
	ts      TypeStyle
}

// at draws a fitted text with its left end at x and its baseline at y.
func (f fitted) at(x, y float64, th theme) *Text {
	return &Text{X: x, Y: y, Face: faceOf(f.ts), Size: f.size, Color: th.ink(f.ts.Ink), S: f.s}
}

// fitFloor is the smallest a header or footer text is shrunk to: the
// style's HeaderMin, never under its MinSize nor above the text's size.
func (th theme) fitFloor(ts TypeStyle) float64 {
	return min(ts.Size, max(th.Type.HeaderMin, th.Type.MinSize))
}

// fit fits a text to width w: at its size when it fits; else at the
// largest size down to the floor at which it fits whole; else at the
// floor, shortened with "…" (in a patient's line, its name only). A
// width too narrow even for "…" gives no text.
func (b *builder) fit(ts TypeStyle, t headerText, w float64) fitted {
	face, s := faceOf(ts), t.String()
	out := fitted{s: s, size: ts.Size, ts: ts}
	if s == "" {
		return out
	}
	if nat := b.f.Width(face, ts.Size, s); nat > w {
		floor := b.th.fitFloor(ts)
		// Widths grow with the size: the size at which s fills w, rounded
		// down to a tenth of a point.
		k := math.Floor(ts.Size*(w/nat)*10) / 10
		if k >= floor {
			out.size = k
		} else {
			out.size = floor
			out.s = t.shortened(b.f, face, floor, w)
		}
	}
	out.w = b.f.Width(face, out.size, out.s)
	if out.w > w {
		out.s, out.w = "", 0
	}
	return out
}

// headerText is a header or footer text to fit: a name between a prefix
// and a suffix that are never shortened (the patient's line is "For: " +
// NAME + "  ·  DATE"; other texts are a name alone).
type headerText struct {
	prefix, name, suffix string
}

func (p headerText) String() string { return p.prefix + p.name + p.suffix }

// shortened is p in width w at size, its name cut with "…"; with no room
// for even "…", the date alone.
func (p headerText) shortened(m Measurer, face fonts.Face, size, w float64) string {
	rest := m.Width(face, size, p.prefix+p.suffix)
	if p.prefix != "" && rest+m.Width(face, size, "…") > w {
		return strings.TrimPrefix(p.suffix, patientSep)
	}
	return p.prefix + clipText(m, face, size, p.name, w-rest) + p.suffix
}

// clipText returns s, or as much of it as fits in width w followed by "…"
// when s is wider.
func clipText(m Measurer, face fonts.Face, size float64, s string, w float64) string {
	if m.Width(face, size, s) <= w {
		return s
	}
	limit := w - m.Width(face, size, "…")
	used := 0.0
	for i, ch := range s {
		used += m.Width(face, size, string(ch))
		if used > limit {
			return strings.TrimRight(s[:i], " ") + "…"
		}
	}
	return s
}

// patientSep separates the patient's name from the date.
const patientSep = "  ·  "

// patientLine is "For: NAME  ·  DATE", or what of it is given.
func (b *builder) patientLine() headerText {
	switch {
	case b.in.Patient == "" && b.in.Date == "":
		return headerText{}
	case b.in.Patient == "":
		return headerText{suffix: b.date()}
	case b.in.Date == "":
		return headerText{prefix: b.w.Text(locale.ForLabel) + " ", name: b.in.Patient}
	}
	return headerText{prefix: b.w.Text(locale.ForLabel) + " ", name: b.in.Patient, suffix: patientSep + b.date()}
}

// date is the visit date in the language's form ("Dec 1, 2026").
func (b *builder) date() string {
	if b.in.Date == "" {
		return ""
	}
	return b.w.Date(b.in.Date)
}

// footerContact is the element the clinic's contact lines are read as:
// a P at the end of the document, whose links are the footer's links on
// every page (footerItems).
func (b *builder) footerContact() *Elem { return b.root.child(RoleP) }

// footerItems draws the clinic's contact lines and "Page X of Y". The
// footer is a pagination artifact but for the contact lines of the last
// page, which are the text of contact (read once, at the end); every
// page's link annotations are parts of that page's Link elements, since
// PDF/UA wants every annotation in the structure tree.
func (b *builder) footerItems(page, pages int, contact *Elem) []Item {
	th, st := b.th, b.footer
	left, right := th.Page.Margin, b.paper.W-th.Page.Margin
	top := b.paper.H - th.Footer.Bottom - b.footerH
	ruleY := top - th.Footer.RuleOffset
	items := []Item{&Rule{X1: left, Y1: ruleY, X2: right, Y2: ruleY, Width: th.Rules.Footer, Color: th.rule}}
	var lines []Item
	for i, ln := range b.footerLines {
		lines = append(lines, lineItems(ln, left, top+float64(i)*st.leading, st, 0, alignLeft)...)
	}
	if page == pages {
		markItems(contact, lines)
		b.joinFooterLinks(lines)
	} else {
		for _, it := range lines {
			it.tag().Elem = nil
			if l, ok := it.(*Link); ok {
				// Given the last page's Link element of the same place
				// in the footer by joinFooterLinks.
				b.footerLinks = append(b.footerLinks, l)
			}
		}
	}
	items = append(items, lines...)
	label := b.w.Text(locale.PageOf, page, pages)
	face := faceOf(th.Type.Footer)
	w := b.f.Width(face, st.size, label)
	items = append(items, &Text{X: right - w, Y: top + st.baseline(), Face: face, Size: st.size, Color: st.color, S: label})
	return markAs(Footer, items)
}

// joinFooterLinks gives the link annotations of the earlier pages'
// footers (b.footerLinks, in page order) the Link elements of the last
// page's, which lines holds: the footers are the same on every page.
func (b *builder) joinFooterLinks(lines []Item) {
	var last []*Link
	for _, it := range lines {
		if l, ok := it.(*Link); ok {
			last = append(last, l)
		}
	}
	for i, l := range b.footerLinks {
		if len(last) > 0 {
			l.Elem = last[i%len(last)].Elem
		}
	}
}

// displayURL drops the scheme and a trailing slash for print.
func displayURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(u, "/")
}

// checkCoverage reports the first character no font face can print, with
// the file and line it is on.
func checkCoverage(f Fonts, in Input) error {
	check := func(pos content.Pos, s string) error {
		r, missing := f.Missing(s)
		if !missing {
			return nil
		}
		where := pos.File
		if pos.Line > 0 {
			where = fmt.Sprintf("%s:%d", pos.File, pos.Line)
		}
		return fmt.Errorf("%s: %s", where, f.Why(r))
	}
	spans := func(pos content.Pos, sp []content.Span) error {
		for _, s := range sp {
			if err := check(pos, s.Text); err != nil {
				return err
			}
		}
		return nil
	}
	for _, h := range in.Handouts {
		if err := checkHandout(h, check, spans); err != nil {
			return err
		}
	}
	if cv := in.Cover; cv != nil {
		if r, missing := f.Missing(cv.Clinician + cv.Notes); missing {
			return unprintable("clinician or notes", r)
		}
	}
	c := in.Clinic
	clinicText := []string{c.Name, c.Tagline, strings.Join(c.Address, " "), c.Phone, c.Email, c.Website, c.HoursNote, c.Footer}
	for _, hr := range c.Hours {
		clinicText = append(clinicText, hr.Days, hr.Times)
	}
	for _, s := range clinicText {
		if err := check(content.Pos{File: c.Source}, s); err != nil {
			return err
		}
	}
	// The patient's name is checked, but never repeated in the message.
	if r, missing := f.Missing(in.Patient + in.Date); missing {
		return unprintable("patient name or date", r)
	}
	return nil
}

// unprintable reports a character the fonts cannot print in text about a
// patient (their name, the clinician's notes), which no message quotes:
// only its code point and its script.
func unprintable(what string, r rune) error {
	script := ""
	if name := fonts.ScriptName(r); name != "" {
		script = ", " + name
	}
	return fmt.Errorf("%s: character U+%04X%s is not in the handout fonts; write it in Latin, Greek, Cyrillic or Vietnamese letters (Chinese, Japanese or Korean need cjk_font: in the clinic profile)", what, r, script)
}

// checkHandout runs check over every text of a handout.
func checkHandout(h *content.Handout, check func(content.Pos, string) error, spans func(content.Pos, []content.Span) error) error {
	m := h.Meta
	for _, f := range []struct{ key, text string }{{"title", m.Title}, {"subtitle", m.Subtitle}, {"author", m.Author}, {"audience", m.Audience}} {
		if err := check(content.Pos{File: h.Source, Line: m.Line(f.key)}, f.text); err != nil {
			return err
		}
	}
	var walk func(bl []content.Block) error
	walk = func(bl []content.Block) error {
		for _, blk := range bl {
			var err error
			switch v := blk.(type) {
			case *content.Heading:
				err = spans(v.Pos, v.Text)
			case *content.Paragraph:
				err = spans(v.Pos, v.Text)
			case *content.List:
				for _, it := range v.Items {
					if err = spans(v.Pos, it); err != nil {
						break
					}
				}
			case *content.Figure:
				err = spans(v.Pos, v.Caption)
				for _, p := range v.Panels {
					if err == nil {
						err = check(p.Pos, p.Caption)
					}
				}
			case *content.Callout:
				err = walk(v.Blocks)
			case *content.Dose:
				err = check(v.Pos, v.Sets+v.Reps+v.Hold+v.Rest+v.Load+v.PerDay+v.Side)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	for _, s := range h.Sections {
		if err := spans(s.Pos, s.Title); err != nil {
			return err
		}
		if err := walk(s.Blocks); err != nil {
			return err
		}
	}
	for _, r := range h.References {
		if err := spans(r.Pos, r.Text); err != nil {
			return err
		}
	}
	return nil
}
