// Package pdf draws a laid-out document with fpdf. It is the only package
// that imports fpdf: one switch over the display list's item kinds, plus
// what makes the output deterministic and safe (fixed dates, sorted
// catalog, content-named images, recovered panics).
package pdf

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/klauspost/compress/zlib"

	"handout/figures"
	"handout/fonts"
	"handout/layout"
)

// Writer draws documents. It holds the parsed font set and may be shared
// by goroutines: every Write builds its own fpdf document.
type Writer struct {
	fonts *fonts.Set

	// parsed holds each image as fpdf parsed it for the first document
	// that drew it, by the image's key (the hash of its bytes), so that
	// later documents do not parse it again: for the logo, a PNG with
	// transparency, that is an inflate, a split of the alpha channel and
	// two compressions per document. It holds each image's bytes once
	// more, as the engine's prepared images do.
	mu     sync.Mutex
	parsed map[string]*fpdf.ImageInfoType
	// forms holds each drawing as a form XObject, made once per Writer
	// (drawing.go): its curves are most of a document's numbers, and a
	// batch draws the same drawings in every packet.
	forms map[formKey]*form
	// defs holds each one-byte face's font definition as fpdf parsed it
	// for the first document that used it (fork patch 11): parsing it,
	// and working out its ID from a JSON encoding of its widths, was a
	// few percent of a batch's time when every document did it again.
	defs map[fontKey]*fpdf.FontDefinition
	// sizes is how large the last document's file and largest page
	// content came out, for the next document's buffers to start at
	// (fpdf's SetBufferHints, fork patch 14): grown by doubling they
	// allocated twice what they held. Guarded by mu.
	sizes bufferSizes
	// streams holds the page content streams compressed for earlier
	// documents (fork patch 15): the pages of a batch's packets are the
	// same but for their running header and footer, which Write puts in
	// a stream of their own, and compressing each page again was a fifth
	// of a batch's time.
	streams *fpdf.StreamCache
	// deflate compresses the drawings' forms (drawing.go) with one zlib
	// writer, Reset for each: a new writer allocates and clears about a
	// megabyte, and a process drawing the built-in handout's fifteen
	// drawings spent a quarter of its time doing that. Guarded by deflateMu.
	deflateMu sync.Mutex
	deflate   *zlib.Writer
}

// streamCacheBytes bounds Writer.streams: a packet's pages hold about
// 30 KB of content each, so this keeps the pages of a few dozen packet
// variants (handouts and doses) at once.
const streamCacheBytes = 8 << 20

// bufferSizes are a document's file size and its largest page content.
type bufferSizes struct{ document, page int }

// Caps on the buffer hints: a document of large photos should not make
// every later one start with its buffers.
const (
	maxDocumentHint = 4 << 20
	maxPageHint     = 1 << 20
)

// New returns a Writer that embeds the given fonts.
func New(fs *fonts.Set) *Writer {
	return &Writer{fonts: fs, parsed: map[string]*fpdf.ImageInfoType{}, forms: map[formKey]*form{}, defs: map[fontKey]*fpdf.FontDefinition{}, streams: fpdf.NewStreamCache(streamCacheBytes)}
}

// fixedDate is the creation date written when a handout has no review
// date: a fixed date keeps the bytes the same from run to run.
var fixedDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Write draws doc as PDF to w. A panic inside fpdf (it has a few on bad
// input) is returned as an error, never passed on.
func (wr *Writer) Write(w io.Writer, doc *layout.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: %v", r)
		}
	}()
	if len(doc.Pages) == 0 {
		return fmt.Errorf("pdf: document has no pages")
	}
	first := doc.Pages[0]
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: fpdf.SizeType{Wd: first.W, Ht: first.H}})
	f.SetCompression(true)
	f.SetCatalogSort(true)
	date := fixedDate
	if t, perr := time.Parse("2006-01-02", doc.Reviewed); perr == nil {
		date = t
	}
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetTitle(doc.Title, true)
	f.SetAuthor(doc.Author, true)
	if doc.Subject != "" {
		f.SetSubject(doc.Subject, true)
	}
	f.SetCreator(creator, true)
	// A reader shows the title, not the file name (a name may be the
	// patient's: batch --name {name}).
	f.SetDisplayDocTitle(true)
	f.SetProducer(producer, true)
	lang := doc.Language
	if lang == "" {
		lang = defaultLanguage
	}
	f.SetLang(lang)
	f.SetXmpMetadata(xmpPacket(xmpMeta{Title: doc.Title, Author: doc.Author, Subject: doc.Subject, Language: lang, Date: date}))
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetLineJoinStyle("round")
	f.SetLineCapStyle("round")

	wr.mu.Lock()
	f.SetBufferHints(wr.sizes.document, wr.sizes.page)
	wr.mu.Unlock()
	d := &drawer{f: f, wr: wr, fonts: wr.fonts.WithCJK(doc.CJK), registered: map[fontKey]bool{}, images: map[string]bool{}}
	d.tags = newTagger(f, doc.Root)
	f.SetStreamCache(wr.streams)
	for _, p := range doc.Pages {
		f.AddPageFormat("P", fpdf.SizeType{Wd: p.W, Ht: p.H})
		d.selected = selectedFont{} // a page's content starts with no font chosen by this drawer
		// A page is drawn in up to three content streams (fork patch
		// 15): the body; the running header and footer; the patient's
		// line of the header. The first two are then the same bytes in
		// every packet of a batch that has the page, and are compressed
		// once (wr.streams).
		d.items(p.Items, body)
		for _, part := range []drawPart{pagination, personal} {
			if slices.ContainsFunc(p.Items, func(it layout.Item) bool { return partOf(it) == part }) {
				f.SplitPageContent()
				d.items(p.Items, part)
			}
		}
		if err := f.Error(); err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
	}
	// Straight to w: fpdf finishes the document (where its errors and
	// panics are) before it writes a byte, then writes it in one Write,
	// so a buffer here was only a second copy of every document.
	if err := f.Output(w); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	document, page := f.BufferSizes()
	wr.mu.Lock()
	wr.sizes = bufferSizes{document: min(document, maxDocumentHint), page: min(page, maxPageHint)}
	wr.mu.Unlock()
	return nil
}

// items draws those of a page's items that are in part, in the order
// given, and closes the marked content.
func (d *drawer) items(items []layout.Item, part drawPart) {
	for i := 0; i < len(items); {
		if partOf(items[i]) != part {
			i++
			continue
		}
		if n := drawingRun(items[i:]); n > 0 {
			d.tags.enter(items[i])
			d.drawing(items[i : i+n])
			i += n
			continue
		}
		d.item(items[i])
		i++
	}
	d.tags.end()
}

// drawPart is which of a page's content streams an item is drawn in.
type drawPart uint8

const (
	body       drawPart = iota // the page's text and pictures
	pagination                 // the running header and footer
	personal                   // the header's line with the patient's name and the date
)

// partOf returns the content stream an item is drawn in.
func partOf(it layout.Item) drawPart {
	switch e, art := layout.TagOf(it); {
	case e != nil || (art != layout.Header && art != layout.Footer):
		return body
	case layout.IsPersonal(it):
		return personal
	}
	return pagination
}

// drawer is the state of one document being drawn.
type drawer struct {
	f          *fpdf.Fpdf
	wr         *Writer // for the images parsed by earlier documents
	num        []byte  // curveTo's buffer
	rd         bytes.Reader
	fonts      *fonts.Set       // with the document's CJK font, if any
	registered map[fontKey]bool // fonts added to this document: only those used cost time
	cjkAdded   bool             // the CJK font is added (cjk.go)
	images     map[string]bool
	tags       *tagger
	selected   selectedFont // the font last selected on this page
}

// selectedFont is a font as fpdf's SetFont takes it.
type selectedFont struct {
	family, style string
	size          float64
}

// setFont selects a font added to the document, unless it is the one
// selected last on this page: fpdf's SetFont writes a font operator
// every time, and a packet's text selected the font it already had for a
// third of its 435 pieces. It is forgotten at each new page: the page's
// content stream then starts again (fpdf does select its current font
// there too, but that is fpdf's business).
func (d *drawer) setFont(family, style string, size float64) {
	sf := selectedFont{family, style, size}
	if sf == d.selected {
		return
	}
	d.f.SetFont(family, style, size)
	d.selected = sf
}

func (d *drawer) item(it layout.Item) {
	f := d.f
	if l, ok := it.(*layout.Link); ok {
		d.tags.link(l) // an annotation, not content
		return
	}
	d.tags.enter(it)
	switch v := it.(type) {
	case *layout.Text:
		f.SetTextColor(int(v.Color.R), int(v.Color.G), int(v.Color.B))
		d.text(v)
	case *layout.Rule:
		f.SetDrawColor(int(v.Color.R), int(v.Color.G), int(v.Color.B))
		f.SetLineWidth(v.Width)
		if v.Dash > 0 {
			f.SetDashPattern([]float64{v.Dash, v.Dash}, 0)
		}
		f.Line(v.X1, v.Y1, v.X2, v.Y2)
		if v.Dash > 0 {
			f.SetDashPattern(nil, 0)
		}
	case *layout.Box:
		style := d.paint(v.Fill, v.Stroke, v.LineWidth)
		if style == "" {
			return
		}
		if v.Radius > 0 {
			d.roundedRect(v.X, v.Y, v.W, v.H, v.Radius, style)
		} else {
			f.Rect(v.X, v.Y, v.W, v.H, style)
		}
	case *layout.Path:
		d.path(v)
	case *layout.Image:
		img := v.Img
		if img == nil {
			// Layout places photos; their pixels are filled in after
			// (render.Engine.Layout). A display list without them is a
			// caller's mistake, not a picture to leave out silently.
			f.SetError(fmt.Errorf("the photo drawn at %.0f,%.0f was not prepared", v.X, v.Y))
			return
		}
		d.image(img)
		f.ImageOptions(img.Key, v.X, v.Y, v.W, v.H, false, fpdf.ImageOptions{ImageType: img.Format}, 0, "")
	default:
		f.SetError(fmt.Errorf("unknown display item %T", it))
	}
}

// fontKey names a font added to a document: a face in a one-byte
// encoding, or (enc nil) the UTF-8 face.
type fontKey struct {
	enc  *fonts.Encoding
	face fonts.Face
}

// font selects a face, in a one-byte encoding or (enc nil) as UTF-8,
// adding it to the document the first time.
func (d *drawer) font(enc *fonts.Encoding, face fonts.Face, size float64) {
	family := d.fonts.Family()
	if enc != nil {
		family = enc.Family()
	}
	style := face.Style()
	if k := (fontKey{enc, face}); !d.registered[k] {
		if enc != nil {
			def, err := d.wr.definition(enc, face)
			if err != nil {
				d.f.SetError(fmt.Errorf("the %s font in %s: %w", face, enc.Family(), err))
				return
			}
			d.f.AddFontDefinition(family, style, def)
		} else {
			d.f.AddUTF8FontFromBytes(family, style, d.fonts.TTF(face))
		}
		d.registered[k] = true
	}
	d.setFont(family, style, size)
}

// definition returns face's definition in enc, parsed once per Writer.
func (wr *Writer) definition(enc *fonts.Encoding, face fonts.Face) (*fpdf.FontDefinition, error) {
	k := fontKey{enc, face}
	wr.mu.Lock()
	def := wr.defs[k]
	wr.mu.Unlock()
	if def != nil {
		return def, nil
	}
	js, z := enc.Definition(face) // copies: the definition keeps z
	def, err := fpdf.ParseFontDefinition(js, z)
	if err != nil {
		return nil, err
	}
	wr.mu.Lock()
	wr.defs[k] = def
	wr.mu.Unlock()
	return def, nil
}

// text draws a run of text in pieces, each in the first one-byte
// encoding that carries it; what none carries (arrows, ⅓, a Romanian ș)
// is drawn with the UTF-8 face, and what Noto Sans lacks in the clinic's
// CJK font (cjk.go). Each piece starts where layout measured the text
// before it to end: the widths are the same in every encoding.
func (d *drawer) text(t *layout.Text) {
	x := t.X
	for _, fp := range d.fonts.Split(t.S) {
		if fp.CJK {
			x = d.cjkText(x, t, fp.Text)
			continue
		}
		for _, p := range splitByEncoding(fp.Text, d.fonts.Encodings()) {
			d.font(p.enc, t.Face, t.Size)
			d.f.Text(x, t.Y, p.draw)
			x += d.fonts.Width(t.Face, t.Size, p.text)
		}
	}
}

// piece is a run of text in one encoding: text as written, draw as fpdf
// wants it (the encoded bytes, or text itself for UTF-8).
type piece struct {
	enc  *fonts.Encoding
	text string
	draw string
}

// splitByEncoding cuts s into pieces: a piece goes on while its
// encoding has the next character (ASCII is in all of them), and a
// character it lacks opens a piece in the first encoding that has it, or
// a UTF-8 piece when none has.
func splitByEncoding(s string, encs []*fonts.Encoding) []piece {
	if s != "" && len(encs) > 0 && printableASCII(s) {
		// Most text: one piece in the first encoding, whose bytes are
		// the text's own (every encoding has ASCII), without encoding
		// it rune by rune into a copy.
		return []piece{{enc: encs[0], text: s, draw: s}}
	}
	var out []piece
	var cur *fonts.Encoding // the open piece's encoding; nil is UTF-8
	var buf []byte
	open, start := false, 0
	closePiece := func(end int) {
		if open && end > start {
			p := piece{enc: cur, text: s[start:end], draw: s[start:end]}
			if cur != nil {
				p.draw = string(buf)
			}
			out = append(out, p)
		}
		buf, start = buf[:0], end
	}
	for i, r := range s {
		if open {
			if cur != nil {
				if b, ok := cur.Encode(r); ok {
					buf = append(buf, b)
					continue
				}
			} else if firstEncoding(encs, r) == nil {
				continue
			}
		}
		closePiece(i)
		cur, open = firstEncoding(encs, r), true
		if cur != nil {
			b, _ := cur.Encode(r)
			buf = append(buf, b)
		}
	}
	closePiece(len(s))
	return out
}

// printableASCII reports whether s is all printable ASCII (space to
// tilde), which every one-byte encoding writes as itself (fonts.Encoding.Encode).
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7F {
			return false
		}
	}
	return true
}

// firstEncoding is the first of encs that has r, or nil.
func firstEncoding(encs []*fonts.Encoding, r rune) *fonts.Encoding {
	for _, e := range encs {
		if _, ok := e.Encode(r); ok {
			return e
		}
	}
	return nil
}

// paint sets fill and stroke colours and returns fpdf's style string
// ("F", "D", "FD"), or "" when nothing is drawn.
func (d *drawer) paint(fill, stroke color.RGBA, width float64) string {
	style := ""
	if fill.A != 0 {
		d.f.SetFillColor(int(fill.R), int(fill.G), int(fill.B))
		style = "F"
	}
	if stroke.A != 0 && width > 0 {
		d.f.SetDrawColor(int(stroke.R), int(stroke.G), int(stroke.B))
		d.f.SetLineWidth(width)
		style += "D"
	}
	return style
}

// path draws one vector shape of a drawing.
func (d *drawer) path(p *layout.Path) {
	s := p.Shape
	style := d.paint(s.Fill, s.Stroke, s.LineWidth*p.Scale)
	if style == "" || len(s.Path) == 0 {
		return
	}
	// The explicit conversions round each product before the sum: without
	// them arm64 may fuse the two into one multiply-add, which rounds once,
	// and the bytes could differ from amd64's (the Go spec allows the
	// fusion; a conversion forbids it).
	pt := func(q figures.Point) (float64, float64) {
		return p.X + float64(q.X*p.Scale), p.Y + float64(q.Y*p.Scale)
	}
	for _, seg := range s.Path {
		switch seg.Op {
		case figures.MoveTo:
			d.f.MoveTo(pt(seg.Pts[0]))
		case figures.LineTo:
			d.f.LineTo(pt(seg.Pts[0]))
		case figures.CubicTo:
			x1, y1 := pt(seg.Pts[0])
			x2, y2 := pt(seg.Pts[1])
			x3, y3 := pt(seg.Pts[2])
			d.curveTo(x1, y1, x2, y2, x3, y3)
		case figures.Close:
			d.f.ClosePath()
		}
	}
	d.f.DrawPath(style)
}

// curveTo writes a cubic Bézier segment, as fpdf's CurveBezierCubicTo
// does but with two decimals instead of five: a hundredth of a point
// (0.0035 mm) is far below what any printer or screen shows, and the
// drawings' thousands of curves are then a third smaller in the file
// (the built-in handout: 119 KB → see README).
func (d *drawer) curveTo(x1, y1, x2, y2, x3, y3 float64) {
	k := d.f.GetConversionRatio()
	_, h := d.f.GetPageSize()
	b := d.num[:0]
	for i, v := range [6]float64{x1 * k, (h - y1) * k, x2 * k, (h - y2) * k, x3 * k, (h - y3) * k} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendHundredths(b, v)
	}
	b = append(b, " c"...)
	d.num = b
	d.rd.Reset(b) // a reused reader: no string made per curve
	d.f.RawWriteBuf(&d.rd)
}

// quarterArc is how far along the tangents a cubic Bézier's control
// points lie for a quarter circle of radius 1, as fpdf's RoundedRect has it.
const quarterArc = (4.0 / 3.0) * (math.Sqrt2 - 1.0)

// roundedRect draws a box with corners rounded to radius r and paints it
// as paint's style says: fpdf's RoundedRect path (from the top edge
// clockwise, each corner a quarter circle), with two decimals as curveTo
// writes them instead of fpdf's five, and without fpdf's q … Q around it
// (the path changes no graphics state). A packet has about 90 such boxes
// (dose boxes, callouts, the tick log's): fpdf formatting their numbers
// was 3% of a batch's time, and they were a tenth of the page content.
func (d *drawer) roundedRect(x, y, w, h, r float64, style string) {
	k := d.f.GetConversionRatio()
	_, ph := d.f.GetPageSize()
	ra := float64(r * quarterArc) // rounded alone: see path's note on fused multiply-adds
	b := d.num[:0]
	pt := func(px, py float64) {
		b = appendHundredths(b, px*k)
		b = append(b, ' ')
		b = appendHundredths(b, (ph-py)*k)
	}
	line := func(px, py float64) {
		pt(px, py)
		b = append(b, " l\n"...)
	}
	arc := func(x1, y1, x2, y2, x3, y3 float64) {
		pt(x1, y1)
		b = append(b, ' ')
		pt(x2, y2)
		b = append(b, ' ')
		pt(x3, y3)
		b = append(b, " c\n"...)
	}
	pt(x+r, y)
	b = append(b, " m\n"...)
	xc, yc := x+w-r, y+r
	line(xc, y)
	arc(xc+ra, yc-r, xc+r, yc-ra, xc+r, yc)
	xc, yc = x+w-r, y+h-r
	line(x+w, yc)
	arc(xc+r, yc+ra, xc+ra, yc+r, xc, yc+r)
	xc, yc = x+r, y+h-r
	line(xc, y+h)
	arc(xc-ra, yc+r, xc-r, yc+ra, xc-r, yc)
	xc, yc = x+r, y+r
	line(x, yc)
	arc(xc-r, yc-ra, xc-ra, yc-r, xc, yc-r)
	switch style {
	case "F":
		b = append(b, 'f')
	case "D":
		b = append(b, 'S')
	default: // "FD"
		b = append(b, 'B')
	}
	d.num = b
	d.rd.Reset(b)
	d.f.RawWriteBuf(&d.rd)
}

// appendHundredths appends v with two decimals, exactly as
// strconv.AppendFloat(b, v, 'f', 2, 64) does (the golden PDFs hold it to
// that), in a fifth of the time: the drawings' curves are most of the
// numbers a document writes. v×100 is within a few units in the last
// place of the true value, so unless its fraction is within a millionth
// of one half, rounding it to the nearest integer gives strconv's digits;
// the rare value that close to a tie, and anything huge or not a number,
// goes to strconv.
func appendHundredths(b []byte, v float64) []byte {
	r := v * 100
	if math.IsNaN(r) || math.Abs(r) > 1e15 {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	if d := r - math.Floor(r) - 0.5; d > -1e-6 && d < 1e-6 {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	n := int64(math.Round(r))
	if math.Signbit(v) {
		b = append(b, '-') // strconv writes -0.00 for a tiny negative v, and for -0
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	return append(b, '.', byte('0'+n%100/10), byte('0'+n%10))
}

// image registers a prepared image once per document, under its content
// hash: fpdf caches images by name.
func (d *drawer) image(img *figures.Image) {
	if d.images[img.Key] {
		return
	}
	d.images[img.Key] = true
	d.wr.mu.Lock()
	info := d.wr.parsed[img.Key]
	d.wr.mu.Unlock()
	if info != nil {
		d.f.RegisterImageInfo(img.Key, info)
		return
	}
	info = d.f.RegisterImageOptionsReader(img.Key, fpdf.ImageOptions{ImageType: img.Format}, bytes.NewReader(img.Data))
	if info != nil && !d.f.Err() {
		// A copy: this document writes its object number into its own
		// info when it is output, while other documents copy the cached one.
		cp := *info
		d.wr.mu.Lock()
		d.wr.parsed[img.Key] = &cp
		d.wr.mu.Unlock()
	}
}
