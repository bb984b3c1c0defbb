package layout

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"handout/content"
	"handout/fonts"
)

// realFonts is the font set the PDF writer measures and draws with.
func realFonts(t testing.TB) *fonts.Set {
	t.Helper()
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// sized is n characters of s repeated: a clinic's words, or one long
// word of wide letters.
func sized(s string, n int) string {
	var b strings.Builder
	for utf8.RuneCountInString(b.String()) < n {
		b.WriteString(s)
	}
	r := []rune(b.String())[:n]
	return strings.TrimSpace(string(r)) + strings.Repeat("x", n-len([]rune(strings.TrimSpace(string(r)))))
}

// frameTexts are the texts the page frame fits: each is one field of
// the matrix.
type frameTexts struct {
	title, name, tagline, patient, address, hours int  // characters
	wide                                          bool // the header's texts one word of W's rather than words
	logoAspect                                    float64
}

func (ft frameTexts) String() string {
	return fmt.Sprintf("title %d, name %d, tagline %d, patient %d, address %d, hours %d, wide %v, logo %.1f:1",
		ft.title, ft.name, ft.tagline, ft.patient, ft.address, ft.hours, ft.wide, ft.logoAspect)
}

// input is a one-page handout with the frame's texts at their lengths.
func (ft frameTexts) input(st Style, paper Paper) Input {
	text := func(words string, n int) string {
		if ft.wide {
			return sized("W", n)
		}
		return sized(words, n)
	}
	h := &content.Handout{Source: "h.md", Meta: content.Meta{Title: text("Stretches and strengthening for your back ", ft.title)},
		Sections: []content.Section{{Blocks: []content.Block{&content.Paragraph{Text: plain("Body text.")}}}}}
	c := &content.Clinic{Source: "clinic.yaml", Name: text("Drummond Chiropractic and Wellness ", ft.name),
		Tagline: text("Mid-back pain specialists ", ft.tagline),
		Colors:  content.Colors{Primary: "#1F5A66", Accent: "#2D7A86"},
		Address: []string{sized("565 N Walnut St ", ft.address), sized("Bloomington, IN 47404 ", ft.address)},
		Phone:   "(812) 336-2423", Email: "office@example.com", Website: "https://example.com",
		Hours: []content.Hours{{Days: "Mon–Tue", Times: sized("8:00 am–6:00 pm ", ft.hours)}, {Days: "Wed", Times: sized("8:00 am–4:30 pm ", ft.hours)}}}
	return Input{Handouts: []*content.Handout{h}, Clinic: c, Paper: paper, Style: st,
		Patient: text("Ana María Díaz ", ft.patient), Date: "2026-11-25", Logo: &Photo{PxW: int(300 * max(ft.logoAspect, 1)), PxH: 300}}
}

// frameMatrix is every field at each length with the others short,
// typical and at their longest, in words and as one wide word, beside a
// logo of 4:3 and a banner logo of 16:1.
func frameMatrix() []frameTexts {
	lengths := []int{1, 20, 45, 60, 62, 71, 100, 150, 200}
	var out []frameTexts
	for _, base := range []int{1, 25, 200} {
		for _, wide := range []bool{false, true} {
			for field := range 6 {
				for _, n := range lengths {
					ft := frameTexts{base, base, base, base, min(base, 25), min(base, 20), wide, 4.0 / 3}
					if field%2 == 1 {
						ft.logoAspect = 16
					}
					*[]*int{&ft.title, &ft.name, &ft.tagline, &ft.patient, &ft.address, &ft.hours}[field] = n
					out = append(out, ft)
				}
			}
		}
	}
	return out
}

// box is a rectangle of the page.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	const eps = 0.01
	return a.x0 < b.x1-eps && b.x0 < a.x1-eps && a.y0 < b.y1-eps && b.y0 < a.y1-eps
}

// textBox is a text run's ink: its advance, from the capitals' height
// above the baseline to the descenders below it. (The font's ascent
// leaves room for accents over capitals, and lines of 8 pt text 10.5 pt
// apart overlap by that measure.)
func textBox(fs *fonts.Set, tx *Text) box {
	return box{tx.X, tx.Y - fs.CapHeight(tx.Face)*tx.Size/1000, tx.X + fs.Width(tx.Face, tx.Size, tx.Inked()), tx.Y - fs.Descent(tx.Face)*tx.Size/1000}
}

// TestFrameTextsFit lays out the matrix of header and footer texts in
// every style and paper and checks, from the display list, that no text
// of the header or footer overlaps another text, the logo or a rule,
// that every item is inside the side margins, and that no text is under
// the style's floor. A footer too long for the style's Footer.MaxLines is the
// profile's error (README), not a layout to check.
func TestFrameTextsFit(t *testing.T) {
	fs := realFonts(t)
	for _, name := range StyleNames() {
		st, err := StyleByName(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, paper := range []Paper{Letter, A4} {
			laidOut, failed := 0, 0
			for _, ft := range frameMatrix() {
				doc, err := Layout(fs, ft.input(st, paper))
				if err != nil {
					if strings.Contains(err.Error(), "the footer on every page") && (ft.address >= 100 || ft.hours >= 100 || ft.wide && ft.name >= 100 || ft.name > content.MaxNameChars) {
						// The profile's error (README): the contact lines
						// are not shortened, the clinic shortens them. (A
						// name over MaxNameChars is refused when the
						// profile loads; large print's 14 pt footer
						// cannot hold one.)
						continue
					}
					t.Fatalf("%s, %s, %v: %v", name, paper.Name, ft, err)
				}
				laidOut++
				if msgs := frameProblems(fs, st, doc.Pages[0]); len(msgs) > 0 {
					failed++
					if failed <= 8 {
						t.Errorf("%s, %s, %v:\n  %s", name, paper.Name, ft, strings.Join(msgs, "\n  "))
					}
				}
			}
			if failed > 0 {
				t.Errorf("%s, %s: %d of %d layouts have texts that overlap or leave the margins", name, paper.Name, failed, laidOut)
			}
		}
	}
}

// frameProblems lists what is wrong with a page's header and footer.
func frameProblems(fs *fonts.Set, st Style, p Page) []string {
	var msgs []string
	left, right := st.Page.Margin, p.W-st.Page.Margin
	var frameTexts []*Text
	var others []Item
	bodyTop, bodyBottom := p.H, 0.0
	isFrameRule := func(it Item) bool {
		r, ok := it.(*Rule)
		return ok && r.Y1 == r.Y2 && r.X1 == left && r.X2 == right
	}
	for _, it := range p.Items {
		if isFrameRule(it) {
			// The header's and the footer's rules bound the column.
			bodyTop, bodyBottom = min(bodyTop, it.(*Rule).Y1), max(bodyBottom, it.(*Rule).Y1)
		}
	}
	for _, it := range p.Items {
		var b box
		switch v := it.(type) {
		case *Text:
			b = textBox(fs, v)
			if v.Size < max(st.Type.MinSize, 8)-0.001 {
				msgs = append(msgs, fmt.Sprintf("%q at %.2f pt, under the floor", v.S, v.Size))
			}
			if v.Y < bodyTop || v.Y > bodyBottom {
				frameTexts = append(frameTexts, v)
				continue
			}
		case *Image:
			b = box{v.X, v.Y, v.X + v.W, v.Y + v.H}
		case *Rule:
			b = box{min(v.X1, v.X2), min(v.Y1, v.Y2) - v.Width/2, max(v.X1, v.X2), max(v.Y1, v.Y2) + v.Width/2}
			if !isFrameRule(it) {
				// A link's underline: under its own text by design.
				if b.x0 < left-0.01 || b.x1 > right+0.01 {
					msgs = append(msgs, fmt.Sprintf("a rule at %.1f–%.1f leaves the margins %.1f–%.1f", b.x0, b.x1, left, right))
				}
				continue
			}
		default:
			continue
		}
		if b.x0 < left-0.01 || b.x1 > right+0.01 || b.y0 < 0 || b.y1 > p.H {
			msgs = append(msgs, fmt.Sprintf("%T at %.1f–%.1f leaves the margins %.1f–%.1f", it, b.x0, b.x1, left, right))
		}
		others = append(others, it)
	}
	for i, a := range frameTexts {
		ab := textBox(fs, a)
		if ab.x0 < left-0.01 || ab.x1 > right+0.01 {
			msgs = append(msgs, fmt.Sprintf("%q at %.1f–%.1f leaves the margins %.1f–%.1f", a.S, ab.x0, ab.x1, left, right))
		}
		for _, b := range frameTexts[i+1:] {
			if ab.overlaps(textBox(fs, b)) {
				msgs = append(msgs, fmt.Sprintf("%q overlaps %q", a.S, b.S))
			}
		}
		for _, o := range others {
			var ob box
			switch v := o.(type) {
			case *Text:
				ob = textBox(fs, v)
			case *Image:
				ob = box{v.X, v.Y, v.X + v.W, v.Y + v.H}
			case *Rule:
				ob = box{min(v.X1, v.X2), min(v.Y1, v.Y2) - v.Width/2, max(v.X1, v.X2), max(v.Y1, v.Y2) + v.Width/2}
			}
			if ab.overlaps(ob) {
				msgs = append(msgs, fmt.Sprintf("%q overlaps a %T", a.S, o))
			}
		}
	}
	return msgs
}

// TestHeaderShrinksBeforeShortening: the measured cases of issue 13 (a
// 71-character title, a 62-character patient name, a 60-character clinic
// name): each header text is printed whole when it fits at the floor
// size, shrunk as little as needed; only a text that does not fit even at
// the floor is shortened with "…", and at the floor size.
func TestHeaderShrinksBeforeShortening(t *testing.T) {
	fs := realFonts(t)
	cases := []struct {
		what string
		ft   frameTexts
	}{
		{"71-character title", frameTexts{title: 71, name: 21, tagline: 25, patient: 14, address: 16, hours: 15}},
		{"62-character patient name", frameTexts{title: 27, name: 21, tagline: 25, patient: 62, address: 16, hours: 15}},
		{"60-character clinic name", frameTexts{title: 27, name: 60, tagline: 25, patient: 14, address: 16, hours: 15}},
	}
	for _, name := range StyleNames() {
		st, _ := StyleByName(name)
		floor := max(st.Type.HeaderMin, st.Type.MinSize)
		for _, tc := range cases {
			in := tc.ft.input(st, Letter)
			doc, err := Layout(fs, in)
			if err != nil {
				t.Fatal(err)
			}
			wants := map[string]string{"name": in.Clinic.Name, "title": in.Handouts[0].Meta.Title, "patient": in.Patient}
			var header []*Text
			for _, it := range doc.Pages[0].Items {
				if tx, ok := it.(*Text); ok && tx.Y < st.Header.Top+st.Header.Height {
					header = append(header, tx)
				}
			}
			for role, want := range wants {
				var got *Text
				for _, tx := range header {
					if strings.Contains(tx.S, strings.TrimSuffix(want[:min(len(want), 8)], " ")) {
						got = tx
					}
				}
				if got == nil {
					t.Errorf("%s, %s: no %s in the header", name, tc.what, role)
					continue
				}
				shortened := strings.Contains(got.S, "…")
				switch {
				case shortened && got.Size > floor+0.001:
					t.Errorf("%s, %s: the %s is shortened to %q at %.2f pt; it should shrink to %.1f pt first", name, tc.what, role, got.S, got.Size, floor)
				case !shortened && !strings.Contains(got.S, want):
					t.Errorf("%s, %s: the %s is %q, want it whole", name, tc.what, role, got.S)
				}
			}
		}
	}
}

// TestStylesFitTheirFrame: every style sets what fitting needs: a floor
// no smaller than its smallest text, and a widest logo that leaves the
// header's texts room on either paper.
func TestStylesFitTheirFrame(t *testing.T) {
	for _, name := range StyleNames() {
		st, _ := StyleByName(name)
		if st.Type.HeaderMin < st.Type.MinSize {
			t.Errorf("%s: HeaderMin %.1f pt is under MinSize %.1f pt", name, st.Type.HeaderMin, st.Type.MinSize)
		}
		if w := A4.W - 2*st.Page.Margin; st.Header.LogoMaxW <= 0 || st.Header.LogoMaxW > w/3 {
			t.Errorf("%s: LogoMaxW %.0f pt; want it set, and at most a third of the header's %.0f pt", name, st.Header.LogoMaxW, w)
		}
	}
}

// TestColourWarnings: a brand colour too light to read is darkened, with
// a warning naming the colour as written and the profile; the sample's
// colours and every style's own palette need none, in colour or in gray.
func TestColourWarnings(t *testing.T) {
	fs := realFonts(t)
	for _, name := range StyleNames() {
		st, _ := StyleByName(name)
		for _, gray := range []bool{false, true} {
			in := frameTexts{title: 20, name: 20, tagline: 20, patient: 10, address: 15, hours: 15}.input(st, Letter)
			in.Grayscale = gray
			doc, err := Layout(fs, in)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Warnings) != 0 {
				t.Errorf("%s, gray %v, the sample's colours: warnings %q", name, gray, doc.Warnings)
			}
			c := *in.Clinic
			c.Colors.Primary = "#F2C200"
			in.Clinic = &c
			if doc, err = Layout(fs, in); err != nil {
				t.Fatal(err)
			}
			if len(doc.Warnings) != 1 || !strings.HasPrefix(doc.Warnings[0], "clinic.yaml: colors.primary #F2C200 is too light to read on paper") {
				t.Errorf("%s, gray %v, a yellow primary: warnings %q, want one naming clinic.yaml and colors.primary #F2C200", name, gray, doc.Warnings)
			}
		}
	}
}

// TestFooterShrinksBeforeItsError: a style whose footer is set larger
// than its floor shrinks a footer that would take more than
// the style's Footer.MaxLines lines, rather than refusing the profile; the page label
// keeps clear of the contact lines at any size.
func TestFooterShrinksBeforeItsError(t *testing.T) {
	fs := realFonts(t)
	st := article()
	st.Type.Footer = TypeStyle{Size: 12, Leading: 15.5, Ink: InkMuted}
	in := frameTexts{title: 20, name: 40, tagline: 20, patient: 10, address: 60, hours: 60}.input(st, Letter)
	doc, err := Layout(fs, in)
	if err != nil {
		t.Fatalf("a footer that fits at the %.0f pt floor: %v", st.Type.HeaderMin, err)
	}
	p := doc.Pages[0]
	var label *Text
	for _, it := range p.Items {
		if tx, ok := it.(*Text); ok && strings.HasPrefix(tx.S, "Page 1 of") {
			label = tx
		}
	}
	if label == nil || label.Size >= 12 || label.Size < st.Type.HeaderMin {
		t.Fatalf("page label %+v: want the footer shrunk under 12 pt, not under the floor", label)
	}
	if msgs := frameProblems(fs, st, p); len(msgs) > 0 {
		t.Errorf("the shrunk footer:\n  %s", strings.Join(msgs, "\n  "))
	}
}
