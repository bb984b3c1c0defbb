package layout

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"handout/content"
	"handout/fonts"
)

// monoFonts measures every character as half an em wide and covers
// everything but emoji: layout rules can be tested without real fonts.
type monoFonts struct{}

func (monoFonts) Width(_ fonts.Face, size float64, s string) float64 {
	return float64(utf8.RuneCountInString(s)) * size * 0.5
}

func (monoFonts) Missing(s string) (rune, bool) {
	for _, r := range s {
		if r > 0xFFFF {
			return r, true
		}
	}
	return 0, false
}

func (monoFonts) Why(r rune) string { return fmt.Sprintf("U+%04X is beyond the BMP", r) }

func TestBreakLinesFillsAndNeverOverflows(t *testing.T) {
	m := monoFonts{}
	st := textStyle{size: 10, leading: 14}
	text := "Lie face down on the mat with your arms by your sides and your chin resting on the mat " +
		"https://drummond-chiropractic.example/very/long/path/that/cannot/fit/on/one/line/at/all?query=yes " +
		"Supercalifragilisticexpialidocious-and-then-some-more-letters-without-any-space"
	const width = 150.0
	lines := breakLines(m, splitWords(m, st, plain(text)), width)
	if len(lines) < 5 {
		t.Fatalf("got %d lines, want the text wrapped into at least 5", len(lines))
	}
	var got []string
	for i, ln := range lines {
		if ln.w > width+0.001 {
			t.Errorf("line %d is %.1f pt wide, more than %.1f", i, ln.w, width)
		}
		var b strings.Builder
		for _, wd := range ln.words {
			for _, r := range wd.runs {
				b.WriteString(r.text)
			}
		}
		got = append(got, b.String())
	}
	// The URL is cut after a separator, not in the middle of a name.
	joined := strings.Join(got, "|")
	if !strings.Contains(joined, "/|") && !strings.Contains(joined, ".|") && !strings.Contains(joined, "-|") {
		t.Errorf("long URL not cut at a separator: %q", joined)
	}
	// No character is lost or duplicated.
	if strings.ReplaceAll(joined, "|", "") != strings.ReplaceAll(text, " ", "") {
		t.Errorf("text changed by wrapping:\n got %q\nwant %q", strings.ReplaceAll(joined, "|", ""), strings.ReplaceAll(text, " ", ""))
	}
}

// countingFonts is monoFonts that counts the characters it measures.
type countingFonts struct {
	monoFonts
	runes *int
}

func (c countingFonts) Width(f fonts.Face, size float64, s string) float64 {
	*c.runes += utf8.RuneCountInString(s)
	return c.monoFonts.Width(f, size, s)
}

// TestBreakLinesLongWordIsLinear: a word far wider than the line (a pasted
// URL, a title without spaces) is cut into lines measuring each character
// a few times, not the whole rest of the word at every cut (which made a
// 2 MB title take minutes), and the lines are as wide as before.
func TestBreakLinesLongWordIsLinear(t *testing.T) {
	n := 0
	m := countingFonts{runes: &n}
	st := textStyle{size: 10, leading: 14}
	text := strings.Repeat("abcdefghij", 10_000) + " end"
	words := splitWords(m, st, plain(text))
	n = 0
	lines := breakLines(m, words, 100)
	if n > 10*len(text) {
		t.Errorf("breaking %d characters measured %d", len(text), n)
	}
	if len(lines) != 5001 {
		t.Fatalf("%d lines, want 5001", len(lines))
	}
	for i, ln := range lines[:5000] {
		if ln.w != 100 || ln.words[0].runs[0].w != 100 {
			t.Fatalf("line %d is %v pt wide (run %v), want 100", i, ln.w, ln.words[0].runs[0].w)
		}
	}
	if w := lines[5000].w; w != 15 {
		t.Errorf("last line is %v pt wide, want 15", w)
	}
}

func TestPaginateKeepsGluedRunsTogether(t *testing.T) {
	r := region{h: 100}
	u := func(h float64, glue bool) unit { return unit{h: h, glue: glue} }
	// 80 pt used; a heading glued to a 30 pt figure must move both.
	units := []unit{u(80, false), u(10, false), u(30, true)}
	pages := paginate(units, r)
	if len(pages) != 2 || len(pages[0]) != 1 || len(pages[1]) != 2 {
		t.Fatalf("pages = %v, want the heading moved with its figure", shape(pages))
	}
}

func TestPaginateSplitsRunTallerThanPage(t *testing.T) {
	r := region{h: 100}
	var units []unit
	for i := 0; i < 15; i++ {
		units = append(units, unit{h: 10, glue: i > 0})
	}
	pages := paginate(units, r)
	if len(pages) != 2 || len(pages[0]) != 10 || len(pages[1]) != 5 {
		t.Fatalf("pages = %v, want 10 and 5 units", shape(pages))
	}
}

func TestParagraphHasNoWidowsOrOrphans(t *testing.T) {
	b := &builder{f: monoFonts{}}
	st := textStyle{size: 10, leading: 10}
	text := strings.Repeat("word ", 60) // 60 words of 20 pt + spaces: several lines at width 100
	us := b.textUnits(plain(text), st, 0, 100, alignLeft)
	if len(us) < 5 {
		t.Fatalf("want at least 5 lines, got %d", len(us))
	}
	// Fill the page so that only one line of the paragraph would fit at
	// the bottom: the first two lines must move together.
	units := append([]unit{{h: 90}}, us...)
	pages := paginate(units, region{h: 100})
	if n := len(pages[0]); n == 2 {
		t.Fatalf("a single line was left at the bottom of page 1")
	}
	// And never a single line alone at the top of the last page.
	last := pages[len(pages)-1]
	if len(last) == 1 {
		t.Fatalf("a single line was left alone at the top of the last page")
	}
}

func shape(pages [][]placed) []int {
	var n []int
	for _, p := range pages {
		n = append(n, len(p))
	}
	return n
}

func TestCoverageErrorNamesFileAndLine(t *testing.T) {
	h := &content.Handout{Source: "h.md", Meta: content.Meta{Title: "T"}, Sections: []content.Section{{
		Blocks: []content.Block{&content.Paragraph{Pos: content.Pos{File: "h.md", Line: 7}, Text: plain("Smile 😀")}},
	}}}
	c := &content.Clinic{Name: "C", Colors: content.Colors{Primary: "#000000", Accent: "#000000"}}
	_, err := Layout(monoFonts{}, Input{Handouts: []*content.Handout{h}, Clinic: c, Paper: Letter})
	if err == nil || !strings.Contains(err.Error(), "h.md:7:") || !strings.Contains(err.Error(), "U+1F600") {
		t.Fatalf("err = %v, want h.md:7 and U+1F600", err)
	}
}

// TestCoverageErrorNamesTitleLine: a character the fonts lack in the
// front matter is reported on its key's own line, not on the "---" line.
func TestCoverageErrorNamesTitleLine(t *testing.T) {
	h, err := content.Parse("h.md", []byte("---\nauthor: A\ntitle: Smile 😀\n---\nText.\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := &content.Clinic{Name: "C", Colors: content.Colors{Primary: "#000000", Accent: "#000000"}}
	_, err = Layout(monoFonts{}, Input{Handouts: []*content.Handout{h}, Clinic: c, Paper: Letter})
	if err == nil || !strings.HasPrefix(err.Error(), "h.md:3: ") {
		t.Fatalf("err = %v, want it on h.md:3", err)
	}
}

// TestShortParagraphKeepsWithFigure: a line next to a picture shares its
// page. Filler pushes the picture to the next page; the one-line intro
// before it goes along, and so does the one-line note after a picture
// that only just fits.
func TestShortParagraphKeepsWithFigure(t *testing.T) {
	para := func(line int, text string) *content.Paragraph {
		return &content.Paragraph{Pos: content.Pos{File: "h.md", Line: line}, Text: plain(text)}
	}
	// photo is a figure of the photos srcs, side by side.
	photo := func(line int, srcs ...string) *content.Figure {
		fig := &content.Figure{Pos: content.Pos{File: "h.md", Line: line}, Caption: plain("A photo")}
		for _, src := range srcs {
			fig.Panels = append(fig.Panels, content.Panel{Source: src, Pos: content.Pos{File: "h.md", Line: line}})
		}
		return fig
	}
	// pageOf returns the page number (from 1) of the first item that
	// matches.
	pageOf := func(d *Document, match func(Item) bool) int {
		for i, p := range d.Pages {
			for _, it := range p.Items {
				if match(it) {
					return i + 1
				}
			}
		}
		return 0
	}
	textPage := func(d *Document, prefix string) int {
		return pageOf(d, func(it Item) bool { tx, ok := it.(*Text); return ok && strings.HasPrefix(tx.S, prefix) })
	}
	photos := map[string]*Photo{"a.jpg": {PxW: 750, PxH: 500}, "b.jpg": {PxW: 750, PxH: 500}}
	imagePage := func(d *Document, src string) int {
		return pageOf(d, func(it Item) bool { im, ok := it.(*Image); return ok && im.Photo == photos[src] })
	}
	c := &content.Clinic{Name: "C", Colors: content.Colors{Primary: "#000000", Accent: "#000000"}}
	// Filler: big paragraphs, then one-line ones for the fine steps.
	layoutWith := func(big, small int, blocks ...content.Block) *Document {
		t.Helper()
		var bl []content.Block
		for i := range big {
			bl = append(bl, para(100+i, strings.Repeat("Filler text to take up room. ", 12)))
		}
		for i := range small {
			bl = append(bl, para(200+i, "One line."))
		}
		h := &content.Handout{Source: "h.md", Meta: content.Meta{Title: "T"},
			Sections: []content.Section{{Blocks: append(bl, blocks...)}}}
		pics := map[*content.Panel]Picture{}
		for _, blk := range blocks {
			if fig, ok := blk.(*content.Figure); ok {
				for k := range fig.Panels {
					pics[&fig.Panels[k]] = Picture{Photo: photos[fig.Panels[k].Source]}
				}
			}
		}
		d, err := Layout(monoFonts{}, Input{Handouts: []*content.Handout{h}, Clinic: c, Paper: Letter, Pictures: pics})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	// The most filler under which the picture alone still fits on page 1,
	// leaving less room than a line of text needs.
	big, small := 0, 0
	for imagePage(layoutWith(big+1, 0, photo(1, "a.jpg")), "a.jpg") == 1 {
		big++
	}
	for imagePage(layoutWith(big, small+1, photo(1, "a.jpg")), "a.jpg") == 1 {
		small++
	}
	d := layoutWith(big, small+1, para(1, "Rest your chin on the mat."), photo(2, "a.jpg"))
	if ip, tp := imagePage(d, "a.jpg"), textPage(d, "Rest your chin"); ip != 2 || tp != 2 {
		t.Errorf("intro on page %d, picture on page %d; want both on page 2", tp, ip)
	}
	// A figure of two photos takes the column; the note goes under it.
	big, small = 0, 0
	for imagePage(layoutWith(big+1, 0, photo(1, "a.jpg", "b.jpg")), "a.jpg") == 1 {
		big++
	}
	for imagePage(layoutWith(big, small+1, photo(1, "a.jpg", "b.jpg")), "a.jpg") == 1 {
		small++
	}
	d = layoutWith(big, small, photo(1, "a.jpg", "b.jpg"), para(2, "Hold for five breaths."))
	if ip, tp := imagePage(d, "b.jpg"), textPage(d, "Hold for five"); ip != 2 || tp != 2 {
		t.Errorf("picture on page %d, the note after it on page %d; want both on page 2", ip, tp)
	}
}

// TestPaginateShrinksPhotosToStay: a run with a smaller version stays on
// the page drawn smaller when that fits, and moves at full size when even
// the smaller one does not.
func TestPaginateShrinksPhotosToStay(t *testing.T) {
	r := region{h: 100}
	photo := func(h, smaller float64) unit {
		return unit{h: h, glue: true, smaller: &unit{h: smaller}}
	}
	units := []unit{{h: 70}, {h: 10}, photo(30, 20)} // 70 + 10 + 30 > 100; with 20, fits
	pages := paginate(units, r)
	if len(pages) != 1 || pages[0][2].u.h != 20 {
		t.Errorf("pages = %v, want one page with the photo at 20 pt", shape(pages))
	}
	units = []unit{{h: 75}, {h: 10}, photo(30, 20)} // 75 + 10 + 20 > 100
	pages = paginate(units, r)
	if len(pages) != 2 || pages[1][1].u.h != 30 {
		t.Errorf("pages = %v, want the heading and the photo at full size on page 2", shape(pages))
	}
}

// TestHeaderFitsLongTexts: a title and a patient's name at the longest
// content allows are shortened in the page header to the space beside the
// clinic's name, instead of running over it and off the page.
func TestHeaderFitsLongTexts(t *testing.T) {
	title := strings.Repeat("Stretches ", 12)[:content.MaxTitleChars]
	h := &content.Handout{Source: "h.md", Meta: content.Meta{Title: title}, Sections: []content.Section{{
		Blocks: []content.Block{&content.Paragraph{Text: plain("Text.")}},
	}}}
	c := &content.Clinic{Name: strings.Repeat("Clinic ", 15)[:content.MaxNameChars], Tagline: "Tag",
		Colors: content.Colors{Primary: "#000000", Accent: "#000000"}}
	m := monoFonts{}
	doc, err := Layout(m, Input{Handouts: []*content.Handout{h}, Clinic: c, Paper: Letter,
		Patient: strings.Repeat("A", content.MaxNameChars), Date: "2026-11-25"})
	if err != nil {
		t.Fatal(err)
	}
	hd, margin := article().Header, article().Page.Margin
	var rows [2][][2]float64 // the name's and the tagline's rows: each text's left and right
	for _, it := range doc.Pages[0].Items {
		tx, ok := it.(*Text)
		if !ok || tx.Y > hd.Top+hd.Height {
			continue
		}
		if strings.HasPrefix(tx.S, "For: ") && !strings.HasSuffix(tx.S, "…  ·  Nov 25, 2026") {
			t.Errorf("patient line %q: want the name shortened and the date kept", tx.S)
		}
		l, r := tx.X, tx.X+m.Width(tx.Face, tx.Size, tx.Inked())
		if l < margin-0.001 || r > Letter.W-margin+0.001 {
			t.Errorf("%q runs off the page: %.1f to %.1f", tx.S, l, r)
		}
		row := 0
		if tx.Y > hd.Top+20 {
			row = 1
		}
		for _, o := range rows[row] {
			if l < o[1] && o[0] < r {
				t.Errorf("%.20q (%.1f to %.1f) overlaps another text (%.1f to %.1f)", tx.S, l, r, o[0], o[1])
			}
		}
		rows[row] = append(rows[row], [2]float64{l, r})
	}
}

// TestFooterMustFit: a profile whose fields are each within content's
// limits but together wrap the footer past the style's Footer.MaxLines is an error
// naming the profile, not a footer that takes half of every page.
func TestFooterMustFit(t *testing.T) {
	h := &content.Handout{Source: "h.md", Meta: content.Meta{Title: "T"}, Sections: []content.Section{{
		Blocks: []content.Block{&content.Paragraph{Text: plain("Text.")}},
	}}}
	long := strings.Repeat("word ", 30)[:content.MaxLineChars]
	c := &content.Clinic{Source: "c.yaml", Name: "C", Address: []string{long, long, long}, Phone: "1",
		Colors: content.Colors{Primary: "#000000", Accent: "#000000"}}
	for range content.MaxHours {
		c.Hours = append(c.Hours, content.Hours{Days: long, Times: long})
	}
	_, err := Layout(monoFonts{}, Input{Handouts: []*content.Handout{h}, Clinic: c, Paper: Letter})
	if err == nil || !strings.Contains(err.Error(), "c.yaml: the footer on every page") || !strings.Contains(err.Error(), "at most 6 fit") {
		t.Fatalf("err = %v, want the footer's lines named", err)
	}
}

// bookingLayout lays out a one-line handout for a clinic with booking url.
func bookingLayout(t *testing.T, url string) (*Document, error) {
	t.Helper()
	h := &content.Handout{Source: "h.md", Meta: content.Meta{Title: "T"}, Sections: []content.Section{{
		Blocks: []content.Block{&content.Paragraph{Text: plain("Text.")}},
	}}}
	c := &content.Clinic{Source: "c.yaml", Name: "C", Phone: "1", Booking: url,
		Colors: content.Colors{Primary: "#000000", Accent: "#000000"}}
	return Layout(monoFonts{}, Input{Handouts: []*content.Handout{h}, Clinic: c, Paper: Letter})
}

// TestQRQuietZone: the booking code has the four modules of light margin
// the QR standard asks for between it and the panel's border (and the
// text beside it), whatever its number of modules.
func TestQRQuietZone(t *testing.T) {
	for _, n := range []int{20, 42, 120, 300} {
		doc, err := bookingLayout(t, "https://example.com/"+strings.Repeat("b", n-20))
		if err != nil {
			t.Fatal(err)
		}
		var panel *Box
		var modules []*Box
		text := 1e9
		for _, it := range doc.Pages[0].Items {
			switch v := it.(type) {
			case *Box:
				if v.Stroke.A != 0 && v.LineWidth > 0 && v.Radius > 0 {
					panel = v
				} else if v.Fill == (rgb(0, 0, 0)) {
					modules = append(modules, v)
				}
			case *Text:
				if strings.HasPrefix(v.S, "Questions") {
					text = v.X
				}
			}
		}
		if panel == nil || len(modules) == 0 {
			t.Fatalf("%d characters: no booking panel or no code", n)
		}
		m := modules[0].H
		left, top, right := modules[0].X, modules[0].Y, 0.0
		for _, b := range modules {
			left, top, right = min(left, b.X), min(top, b.Y), max(right, b.X+b.W)
		}
		inner := panel.LineWidth / 2
		for what, gap := range map[string]float64{"left": left - panel.X - inner, "top": top - panel.Y - inner, "right, to the text": text - right} {
			if gap < 4*m-0.001 {
				t.Errorf("%d characters: quiet zone on the %s is %.2f modules, want 4", n, what, gap/m)
			}
		}
	}
}

// TestQRTooLong: a booking address too long to encode, or to print as a
// code a phone can read, is an error naming the profile's field, not a
// panel that says "Scan the code" without one.
func TestQRTooLong(t *testing.T) {
	for _, n := range []int{600, 3000} {
		_, err := bookingLayout(t, "https://example.com/"+strings.Repeat("b", n))
		if err == nil || !strings.Contains(err.Error(), "c.yaml: booking_url") {
			t.Errorf("%d characters: err = %v, want it to name booking_url", n, err)
		}
	}
}
