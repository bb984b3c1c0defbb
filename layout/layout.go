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
	"strings"

	"rsc.io/qr"

	"handout/content"
	"handout/figures"
	"handout/fonts"
)

// Fonts is what layout needs from the font set: widths to measure with,
// and coverage to report characters the fonts cannot print.
type Fonts interface {
	Measurer
	Missing(text string) (r rune, ok bool)
}

// Picture is a panel's picture: a built-in vector drawing or a photo.
// Exactly one of the two is set.
type Picture struct {
	Drawing *figures.Drawing
	Photo   *Photo
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
}

// Cover is what a packet's cover page says besides the patient's name and
// visit date (Input.Patient, Input.Date).
type Cover struct {
	Clinician string
	Notes     string // the clinician's notes for this patient
}

// Layout lays out a handout, or a packet of handouts, into pages.
func Layout(f Fonts, in Input) (*Document, error) {
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
	th, err := newTheme(style, c.Colors.Primary, c.Colors.Accent)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.Source, err)
	}
	paper := in.Paper
	if paper.W == 0 {
		if paper, err = PaperByName(c.Paper); err != nil {
			return nil, fmt.Errorf("%s: %w", c.Source, err)
		}
	}
	b := &builder{f: f, th: th, in: in, paper: paper, owner: noHandout}

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
	for i, h := range in.Handouts {
		b.owner = i
		b.breakPage = len(b.units) > 0
		b.titleBlock(h)
		for k := range h.Sections {
			b.anchor = anchorName(i, k)
			if err := b.section(&h.Sections[k]); err != nil {
				return nil, err
			}
		}
		b.references(h)
	}
	// The booking panel closes the handouts; the tick log, a page of its
	// own that the patient brings back, comes last.
	b.closing()
	if in.TickLog {
		b.owner = noHandout
		b.breakPage = true
		b.tickLog()
	}
	// Pages: break the flow, fill in the cover's page numbers, then draw
	// header, body and footer on each.
	pages := paginate(b.units, b.col)
	b.resolvePageRefs(pages)
	doc := b.document()
	for i, pg := range pages {
		owner := noHandout
		if len(pg) > 0 {
			owner = pg[0].u.owner
		}
		items := b.header(owner)
		items = append(items, pageItems(pg, b.col, b.th.Space.SplitPad)...)
		items = append(items, b.footer(i+1, len(pages))...)
		doc.Pages = append(doc.Pages, Page{W: paper.W, H: paper.H, Items: items})
	}
	return doc, nil
}

// noHandout marks units of the cover page and the tick log.
const noHandout = -1

// packetTitle heads the pages of a packet that belong to no one handout.
const packetTitle = "Your home exercise programme"

// document is the metadata: the handout's, or for a packet a generic
// title. Never the patient's name.
func (b *builder) document() *Document {
	h := b.in.Handouts[0]
	d := &Document{Title: h.Meta.Title, Author: b.in.Clinic.Name, Subject: h.Meta.Subtitle, Language: h.Meta.Language, Reviewed: h.Meta.Reviewed}
	if len(b.in.Handouts) > 1 || b.in.Cover != nil {
		d.Title, d.Subject = packetTitle, ""
		for _, o := range b.in.Handouts[1:] {
			if o.Meta.Reviewed > d.Reviewed {
				d.Reviewed = o.Meta.Reviewed
			}
		}
	}
	return d
}

// anchorName names the place a section starts, for the cover's page
// numbers.
func anchorName(handout, section int) string { return itoa(handout) + "/" + itoa(section) }

// builder holds one layout in progress.
type builder struct {
	f     Fonts
	th    theme
	in    Input
	paper Paper
	col   region
	units []unit

	keepNext  bool
	breakPage bool   // the next unit starts a new page
	owner     int    // index of the handout being laid out, or noHandout
	anchor    string // section being laid out, given to its first unit
	pageRefs  []pageRef

	footerLines []line
	footerH     float64
	booking     *qr.Code // the booking_url's code; nil without one
}

// maxFooterLines is the most lines the clinic's footer may take: the
// sample clinic's takes 3, and each line more is a line less of every
// page's column.
const maxFooterLines = 6

// frame measures the footer, which can wrap, and sets the column between
// header and footer. A footer longer than maxFooterLines is an error:
// content's limits bound each field, but not all of them at their longest
// together (that footer took half of every page).
func (b *builder) frame() error {
	hd, ft := b.th.Header, b.th.Footer
	margin := b.th.Page.Margin
	w := b.paper.W - 2*margin
	footer := b.th.textStyle(b.th.Type.Footer)
	b.footerLines = breakLines(b.f, splitWords(b.f, footer, b.footerSpans()), w-ft.PageLabelW)
	if n := len(b.footerLines); n > maxFooterLines {
		return fmt.Errorf("%s: the footer on every page (name, address, phone; website, email; hours and hours_note) takes %d lines; at most %d fit: shorten the address, the hours or the hours_note",
			b.in.Clinic.Source, n, maxFooterLines)
	}
	b.footerH = float64(len(b.footerLines)) * footer.leading
	top := hd.Top + hd.Height + hd.Gap
	bottom := b.paper.H - ft.Bottom - b.footerH - ft.Gap
	b.col = region{x: margin, top: top, w: w, h: bottom - top}
	return nil
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
		txt := "\nHours: " + strings.Join(hs, sep)
		if c.HoursNote != "" {
			txt += sep + c.HoursNote
		}
		spans = append(spans, content.Span{Text: txt})
	}
	return spans
}

// header draws the logo, clinic name and tagline on the left, and the
// title of the page's handout with the patient's name and date on the right.
func (b *builder) header(owner int) []Item {
	th, c, hd := b.th, b.in.Clinic, b.th.Header
	left, right := th.Page.Margin, b.paper.W-th.Page.Margin
	var items []Item
	x := left
	if lg := b.in.Logo; lg != nil && lg.PxH > 0 {
		w, h := th.LogoBox(lg.PxW, lg.PxH)
		items = append(items, &Image{X: x, Y: hd.Top, W: w, H: h, Photo: lg})
		x += w + hd.LogoGap
	}
	// The clinic's name and tagline take at most half of what is left of
	// the header, the handout's title and the patient's name the rest: a
	// text too long for its share is shortened with "…" here (it is
	// printed in full in the title block and on the cover).
	nameY, tagY := hd.Top+hd.NameBaseline, hd.Top+hd.TaglineBaseline
	half := (right - x - hd.HalfGap) / 2
	nameSt, tagSt, titleSt := th.Type.ClinicName, th.Type.Tagline, th.Type.HeaderTitle
	nameFace, tagFace, titleFace := faceOf(nameSt), faceOf(tagSt), faceOf(titleSt)
	name := clipText(b.f, nameFace, nameSt.Size, c.Name, half)
	items = append(items, &Text{X: x, Y: nameY, Face: nameFace, Size: nameSt.Size, Color: th.ink(nameSt.Ink), S: name})
	tagline := clipText(b.f, tagFace, tagSt.Size, c.Tagline, half)
	if tagline != "" {
		items = append(items, &Text{X: x, Y: tagY, Face: tagFace, Size: tagSt.Size, Color: th.ink(tagSt.Ink), S: tagline})
	}
	title := packetTitle
	if owner != noHandout {
		title = b.in.Handouts[owner].Meta.Title
	}
	title = clipText(b.f, titleFace, titleSt.Size, title, right-x-hd.HalfGap-b.f.Width(nameFace, nameSt.Size, name))
	tw := b.f.Width(titleFace, titleSt.Size, title)
	items = append(items, &Text{X: right - tw, Y: nameY, Face: titleFace, Size: titleSt.Size, Color: th.ink(titleSt.Ink), S: title})
	if who := b.patientLine(right - x - hd.HalfGap - b.f.Width(tagFace, tagSt.Size, tagline)); who != "" {
		st := th.Type.HeaderPatient
		ww := b.f.Width(faceOf(st), st.Size, who)
		items = append(items, &Text{X: right - ww, Y: tagY, Face: faceOf(st), Size: st.Size, Color: th.ink(st.Ink), S: who})
	}
	y := hd.Top + hd.Height + hd.RuleOffset
	items = append(items, &Rule{X1: left, Y1: y, X2: right, Y2: y, Width: th.Rules.Header, Color: th.primary})
	return items
}

// faceOf is the font face a text role is printed in.
func faceOf(ts TypeStyle) fonts.Face { return fonts.FaceFor(ts.Bold, ts.Italic) }

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

// patientLine is "For: NAME · DATE", or what of it is given, in the
// header's type; a name too long for width w is shortened, so the date
// stays.
func (b *builder) patientLine(w float64) string {
	const sep = "  ·  "
	date := ""
	if b.in.Date != "" {
		date = sep + b.in.Date
	}
	switch {
	case b.in.Patient == "" && date == "":
		return ""
	case b.in.Patient == "":
		return b.in.Date
	}
	st := b.th.Type.HeaderPatient
	w -= b.f.Width(faceOf(st), st.Size, "For: "+date)
	return "For: " + clipText(b.f, faceOf(st), st.Size, b.in.Patient, w) + date
}

// footer draws the clinic's contact lines and "Page X of Y".
func (b *builder) footer(page, pages int) []Item {
	th := b.th
	st := th.textStyle(th.Type.Footer)
	left, right := th.Page.Margin, b.paper.W-th.Page.Margin
	top := b.paper.H - th.Footer.Bottom - b.footerH
	ruleY := top - th.Footer.RuleOffset
	items := []Item{&Rule{X1: left, Y1: ruleY, X2: right, Y2: ruleY, Width: th.Rules.Footer, Color: th.rule}}
	for i, ln := range b.footerLines {
		items = append(items, lineItems(ln, left, top+float64(i)*st.leading, st, 0, alignLeft)...)
	}
	label := "Page " + itoa(page) + " of " + itoa(pages)
	face := faceOf(th.Type.Footer)
	w := b.f.Width(face, st.size, label)
	items = append(items, &Text{X: right - w, Y: top + st.baseline(), Face: face, Size: st.size, Color: st.color, S: label})
	return items
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
		return fmt.Errorf("%s: character %q (U+%04X) is not in the handout fonts (Latin, Greek and Cyrillic); remove it or write it in words", where, string(r), r)
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
			return fmt.Errorf("clinician or notes: character U+%04X is not in the handout fonts; write it in Latin, Greek or Cyrillic letters", r)
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
		return fmt.Errorf("patient name or date: character U+%04X is not in the handout fonts; write the name in Latin, Greek or Cyrillic letters", r)
	}
	return nil
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
				err = check(v.Pos, v.Sets+v.Reps+v.Hold+v.Rest+v.PerDay+v.Side)
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
