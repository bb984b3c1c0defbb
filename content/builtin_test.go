package content

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var biGenLogo = flag.Bool("genlogo", false, "regenerate builtin/drummond-logo.png")

// biSeedFile is the clinic web page the built-in handout's facts come from. It
// lives beside the repository (../shared relative to the repo root).
var biSeedFile = filepath.Join("..", "..", "shared", "seeds", "000_57d070672468d315.txt")

func TestBuiltinHandoutNames(t *testing.T) {
	got := BuiltinHandoutNames()
	if want := []string{"mid-back-pain"}; !slices.Equal(got, want) {
		t.Fatalf("BuiltinHandoutNames() = %q, want %q", got, want)
	}
}

func TestBuiltinHandoutUnknown(t *testing.T) {
	_, err := BuiltinHandout("low-back-pain", "")
	if err == nil || !strings.Contains(err.Error(), "mid-back-pain") {
		t.Fatalf("BuiltinHandout(unknown) error = %v, want one listing mid-back-pain", err)
	}
	if _, err := BuiltinHandoutSource("nope", ""); err == nil {
		t.Fatal("BuiltinHandoutSource(unknown) succeeded")
	}
}

func TestBuiltinHandoutSource(t *testing.T) {
	for _, name := range []string{"mid-back-pain", "mid-back-pain.md"} {
		src, err := BuiltinHandoutSource(name, "")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(src, []byte("---\ntitle: Stretches for mid-back pain\n")) {
			t.Errorf("BuiltinHandoutSource(%q) starts %q", name, src[:min(len(src), 40)])
		}
	}
}

// biMidBackPain parses the built-in handout or stops the test.
func biMidBackPain(t *testing.T) *Handout {
	t.Helper()
	h, err := BuiltinHandout("mid-back-pain", "")
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestBuiltinHandoutMeta(t *testing.T) {
	h := biMidBackPain(t)
	if !strings.Contains(h.Source, "mid-back-pain.md") {
		t.Errorf("Source = %q", h.Source)
	}
	m := h.Meta
	if m.Title != "Stretches for mid-back pain" || m.Subtitle == "" ||
		m.Author != "Dr. Karin Drummond, DC" || m.Language != "en" || m.Reviewed != "2026-11-01" {
		t.Errorf("Meta = %+v", m)
	}
}

func TestBuiltinHandoutFigures(t *testing.T) {
	want := [][]string{
		{"prone-chin-rest"},
		{"prone-head-chest-lift"},
		{"prone-head-turned-right"},
		{"prone-forearm-prop"},
		{"prone-head-turned-left"},
		{"prone-active-extension"},
		{"quadruped-cat", "quadruped-cow"},
		{"supine-towel"},
		{"supine-foam-roller"},
		{"ball-arch-from-floor"},
		{"ball-full-back-bend"},
		{"wheel-pose"},
		{"mountain-front", "mountain-side"},
	}
	var figs []*Figure
	for _, s := range biMidBackPain(t).Sections {
		for _, b := range s.Blocks {
			if f, ok := b.(*Figure); ok {
				figs = append(figs, f)
			}
		}
	}
	if len(figs) != len(want) {
		t.Fatalf("%d figures, want %d", len(figs), len(want))
	}
	for i, f := range figs {
		if f.Number != i+1 {
			t.Errorf("figure %d has Number %d", i+1, f.Number)
		}
		if f.ID != want[i][0] {
			t.Errorf("figure %d has ID %q, want %q", i+1, f.ID, want[i][0])
		}
		var got []string
		for _, p := range f.Panels {
			name, ok := p.Builtin()
			if !ok {
				t.Errorf("figure %d panel source %q is not a built-in drawing", i+1, p.Source)
			}
			got = append(got, name)
			if p.Caption == "" {
				t.Errorf("figure %d panel %q has no alt text", i+1, name)
			}
		}
		if !slices.Equal(got, want[i]) {
			t.Errorf("figure %d panels = %q, want %q", i+1, got, want[i])
		}
		if biSpans(f.Caption) == "" {
			t.Errorf("figure %d has no caption", i+1)
		}
	}
}

// biSpans is the plain text of inline spans.
func biSpans(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// biBlocks is the plain text of blocks, one line per paragraph or item.
func biBlocks(blocks []Block) string {
	var b strings.Builder
	for _, blk := range blocks {
		switch blk := blk.(type) {
		case *Heading:
			b.WriteString(biSpans(blk.Text) + "\n")
		case *Paragraph:
			b.WriteString(biSpans(blk.Text) + "\n")
		case *List:
			for _, it := range blk.Items {
				b.WriteString(biSpans(it) + "\n")
			}
		case *Figure:
			b.WriteString(biSpans(blk.Caption) + "\n")
			for _, p := range blk.Panels {
				b.WriteString(p.Caption + "\n")
			}
		case *Callout:
			b.WriteString(biBlocks(blk.Blocks))
		}
	}
	return b.String()
}

// biSection finds the section whose title contains sub.
func biSection(t *testing.T, h *Handout, sub string) *Section {
	t.Helper()
	for i := range h.Sections {
		if strings.Contains(strings.ToLower(biSpans(h.Sections[i].Title)), sub) {
			return &h.Sections[i]
		}
	}
	t.Fatalf("no section titled with %q", sub)
	return nil
}

// biCallouts returns the text of each callout of a section, with its kind.
func biCallouts(s *Section) map[CalloutKind][]string {
	m := map[CalloutKind][]string{}
	for _, b := range s.Blocks {
		if c, ok := b.(*Callout); ok {
			m[c.Kind] = append(m[c.Kind], strings.ToLower(biBlocks(c.Blocks)))
		}
	}
	return m
}

// biHasCallout reports whether one callout of a kind has all the words.
func biHasCallout(s *Section, kind CalloutKind, words ...string) bool {
	for _, text := range biCallouts(s)[kind] {
		if biHasAll(text, words...) {
			return true
		}
	}
	return false
}

// biHasAll reports whether text contains every word, ignoring case.
func biHasAll(text string, words ...string) bool {
	text = strings.ToLower(text)
	for _, w := range words {
		if !strings.Contains(text, strings.ToLower(w)) {
			return false
		}
	}
	return true
}

func TestBuiltinHandoutCautions(t *testing.T) {
	h := biMidBackPain(t)
	prone := biSection(t, h, "face-down")
	cat := biSection(t, h, "cat and cow")
	towel := biSection(t, h, "towel")
	ball := biSection(t, h, "exercise ball")
	wheel := biSection(t, h, "wheel")
	checks := []struct {
		name string
		ok   bool
	}{
		{"prone: back off on strain", biHasCallout(prone, Caution, "strain", "ease off")},
		{"prone: only as high as comfortable", biHasCallout(prone, Caution, "as high as", "comfortable")},
		{"prone: breathe in lifting, out lowering", biHasCallout(prone, Tip, "breathe in as you lift", "breathe out as you lower")},
		{"ball: only as far as comfortable", biHasCallout(ball, Caution, "comfortable")},
		{"towel: five minutes, ligaments", biHasCallout(towel, Warning, "five minutes", "overstretch", "ligaments")},
		{"wheel: master other bends, instructor", biHasCallout(wheel, Warning, "mastered the other back bends", "instruct")},
		{"ball: sit on it about 20 minutes an hour", biHasCallout(ball, Tip, "20 minutes", "hour")},
		{"cat/cow breathing", biHasAll(strings.ToLower(biBlocks(cat.Blocks)), "cow: breathe in", "cat: breathe out")},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("missing: %s", c.name)
		}
	}
}

func TestBuiltinHandoutDoses(t *testing.T) {
	h := biMidBackPain(t)
	tests := []struct {
		section string
		field   func(*Dose) string
		want    string
	}{
		{"face-down", func(d *Dose) string { return d.Reps }, "3"},
		{"cat and cow", func(d *Dose) string { return d.Reps }, "3–5"},
		{"towel", func(d *Dose) string { return d.Hold }, "5 minutes"},
		{"exercise ball", func(d *Dose) string { return d.Hold }, "slow breaths"},
		{"exercise ball", func(d *Dose) string { return d.PerDay }, "through the day"},
	}
	for _, tt := range tests {
		s := biSection(t, h, tt.section)
		if s.Dose == nil {
			t.Errorf("section %q has no dose", tt.section)
			continue
		}
		if got := tt.field(s.Dose); !strings.Contains(got, tt.want) {
			t.Errorf("section %q dose %+v: want %q", tt.section, *s.Dose, tt.want)
		}
	}
}

func TestBuiltinHandoutPostureAndSafety(t *testing.T) {
	h := biMidBackPain(t)
	mountain := strings.ToLower(biBlocks(biSection(t, h, "mountain").Blocks))
	if !biHasAll(mountain, "ears", "over your shoulders", "over your hips", "knees", "ankles",
		"spread your toes", "heel", "big toe", "little toe", "evenly") {
		t.Errorf("mountain pose posture check incomplete:\n%s", mountain)
	}
	call := strings.ToLower(biBlocks(biSection(t, h, "when to call").Blocks))
	if !biHasAll(call, "arm or a leg", "numbness", "weakness", "911") {
		t.Errorf("safety section incomplete:\n%s", call)
	}
}

func TestBuiltinHandoutReference(t *testing.T) {
	h := biMidBackPain(t)
	if len(h.References) != 1 {
		t.Fatalf("%d references, want 1", len(h.References))
	}
	ref := biSpans(h.References[0].Text)
	if !biHasAll(ref, "Bronfort", "Spinal manipulation", "Annals of Internal Medicine") {
		t.Errorf("reference = %q", ref)
	}
	// The footnote marker sits where the handout says home exercise beats
	// medicine.
	for _, b := range h.Sections[0].Blocks {
		p, ok := b.(*Paragraph)
		if !ok {
			continue
		}
		for _, s := range p.Text {
			if s.FootnoteRef == 1 {
				text := strings.ToLower(biSpans(p.Text))
				if !biHasAll(text, "home", "medicine") {
					t.Errorf("footnote marker in %q", text)
				}
				return
			}
		}
	}
	t.Error("no footnote marker in the introduction")
}

// biWords splits text into lower-case words, ignoring punctuation and
// apostrophes.
func biWords(s string) []string {
	s = strings.NewReplacer("’", "", "'", "").Replace(strings.ToLower(s))
	return regexp.MustCompile(`[a-z0-9]+`).FindAllString(s, -1)
}

// TestBuiltinHandoutOwnWords checks that the handout, written in the
// project's own words from the facts of a clinic's web page, shares no
// 8-word run with that page.
func TestBuiltinHandoutOwnWords(t *testing.T) {
	seed, err := os.ReadFile(biSeedFile)
	if err != nil {
		t.Skipf("seed page not available: %v", err)
	}
	src, err := BuiltinHandoutSource("mid-back-pain", "")
	if err != nil {
		t.Fatal(err)
	}
	const n = 8
	seen := map[string]bool{}
	sw := biWords(string(seed))
	for i := 0; i+n <= len(sw); i++ {
		seen[strings.Join(sw[i:i+n], " ")] = true
	}
	hw := biWords(string(src))
	for i := 0; i+n <= len(hw); i++ {
		if run := strings.Join(hw[i:i+n], " "); seen[run] {
			t.Errorf("handout repeats the seed's words: %q", run)
		}
	}
}

func TestSampleClinic(t *testing.T) {
	c, err := SampleClinic()
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Drummond Chiropractic" || c.Phone != "(812) 336-2423" || c.Paper != "letter" {
		t.Errorf("clinic = %+v", c)
	}
	if want := []string{"565 N Walnut St", "Bloomington, IN 47404"}; !slices.Equal(c.Address, want) {
		t.Errorf("Address = %q, want %q", c.Address, want)
	}
	wantHours := []Hours{
		{"Mon–Tue", "8:00 am–6:00 pm"},
		{"Wed", "8:00 am–4:30 pm"},
		{"Thu–Fri", "8:00 am–6:00 pm"},
	}
	if !slices.Equal(c.Hours, wantHours) {
		t.Errorf("Hours = %q, want %q", c.Hours, wantHours)
	}
	if !strings.Contains(c.HoursNote, "appointment") || c.Footer == "" {
		t.Errorf("HoursNote = %q, Footer = %q", c.HoursNote, c.Footer)
	}
	hex := regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
	if !hex.MatchString(c.Colors.Primary) || !hex.MatchString(c.Colors.Accent) {
		t.Errorf("Colors = %+v", c.Colors)
	}
	for _, u := range []string{c.Website, c.Booking} {
		if !strings.HasPrefix(u, "https://drummond-chiropractic.example") {
			t.Errorf("URL %q is not the placeholder example domain", u)
		}
	}

	logo, err := fs.ReadFile(SampleClinicFS(), c.Logo)
	if err != nil {
		t.Fatalf("logo %q does not resolve in SampleClinicFS: %v", c.Logo, err)
	}
	if len(logo) > 15<<10 {
		t.Errorf("logo is %d bytes, want under 15 KB", len(logo))
	}
	img, err := png.Decode(bytes.NewReader(logo))
	if err != nil {
		t.Fatalf("logo: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 300 || b.Dy() != 300 {
		t.Errorf("logo is %v, want 300×300", b)
	}
}

// TestGenerateLogo rewrites builtin/drummond-logo.png when run with
//
//	go test ./content -run TestGenerateLogo -genlogo
//
// The logo is drawn here, not at build time, so the program carries only
// the PNG.
func TestGenerateLogo(t *testing.T) {
	if !*biGenLogo {
		t.Skip("run with -genlogo to regenerate the sample logo")
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, drawLogo(300)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("builtin", "drummond-logo.png"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d bytes", buf.Len())
}

// The logo's colours: the sample clinic's primary (#1F5A66) and a pale
// tint of it for the spine.
var (
	logoPrimary = color.NRGBA{0x1F, 0x5A, 0x66, 0xFF}
	logoTint    = color.NRGBA{0xA8, 0xD8, 0xDE, 0xFF}
)

// What covers a point of the logo.
const (
	inkNone = iota
	inkWhite
	inkTint
)

// drawLogo renders the sample clinic's mark at size×size pixels: a teal
// disc with a white "D", a pale stack of vertebrae and a white "C". Shapes
// are distance functions in a 300×300 design space, sampled 4×4 per pixel
// for anti-aliasing; outside the disc is transparent.
func drawLogo(size int) *image.NRGBA {
	const ss = 4
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := 300 / float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var disc, white, tint float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) * scale
					y := (float64(py) + (float64(sy)+0.5)/ss) * scale
					if math.Hypot(x-150, y-150) > 146 {
						continue
					}
					disc++
					switch logoInk(x, y) {
					case inkWhite:
						white++
					case inkTint:
						tint++
					}
				}
			}
			if disc == 0 {
				continue
			}
			w, t := white/disc, tint/disc // shares within the disc
			mix := func(p, q uint8) uint8 {
				return uint8(math.Round(float64(p)*(1-w-t) + 255*w + float64(q)*t))
			}
			img.SetNRGBA(px, py, color.NRGBA{
				mix(logoPrimary.R, logoTint.R),
				mix(logoPrimary.G, logoTint.G),
				mix(logoPrimary.B, logoTint.B),
				uint8(math.Round(255 * disc / (ss * ss))),
			})
		}
	}
	return img
}

// logoInk reports what covers design-space point (x, y) inside the disc.
func logoInk(x, y float64) int {
	const (
		top, bottom = 110.0, 190.0
		mid         = (top + bottom) / 2
		r           = (bottom - top) / 2
		half        = 9.0 // half the stroke width of the letters
	)
	// D: a stem, two short bars and a half circle.
	const dx = 54.0
	d := logoSegDist(x, y, dx, top, dx, bottom)
	d = math.Min(d, logoSegDist(x, y, dx, top, dx+6, top))
	d = math.Min(d, logoSegDist(x, y, dx, bottom, dx+6, bottom))
	if x >= dx+6 {
		d = math.Min(d, math.Abs(math.Hypot(x-dx-6, y-mid)-r))
	}
	if d <= half {
		return inkWhite
	}
	// C: a ring open to the right by ±45°, with round ends.
	const cx = 240.0
	gap := 45 * math.Pi / 180
	if math.Abs(math.Atan2(y-mid, x-cx)) > gap {
		d = math.Abs(math.Hypot(x-cx, y-mid) - r)
	} else {
		ex, ey := cx+r*math.Cos(gap), r*math.Sin(gap)
		d = math.Min(math.Hypot(x-ex, y-mid-ey), math.Hypot(x-ex, y-mid+ey))
	}
	if d <= half {
		return inkWhite
	}
	// Spine: six vertebrae, wider toward the bottom, on a gentle S-curve.
	const n, vh, vgap, y0 = 6, 15.0, 5.0, 92.0
	for i := 0; i < n; i++ {
		cy := y0 + vh/2 + float64(i)*(vh+vgap)
		w := 20 + 2.4*float64(i)
		vx := 150 + 6*math.Sin(float64(i)/float64(n-1)*2*math.Pi)
		if logoRoundBox(x-vx, y-cy, w/2, vh/2, 5) <= 0 {
			return inkTint
		}
	}
	return inkNone
}

// logoSegDist is the distance from (x, y) to the segment (ax, ay)–(bx, by).
func logoSegDist(x, y, ax, ay, bx, by float64) float64 {
	vx, vy := bx-ax, by-ay
	t := ((x-ax)*vx + (y-ay)*vy) / (vx*vx + vy*vy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(x-ax-t*vx, y-ay-t*vy)
}

// logoRoundBox is the signed distance from (x, y) to a box centred on the
// origin with half sizes hw×hh and corner radius rr.
func logoRoundBox(x, y, hw, hh, rr float64) float64 {
	qx := math.Abs(x) - hw + rr
	qy := math.Abs(y) - hh + rr
	out := math.Hypot(math.Max(qx, 0), math.Max(qy, 0))
	return out + math.Min(math.Max(qx, qy), 0) - rr
}
