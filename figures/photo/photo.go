package photo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"strings"

	"golang.org/x/image/webp"
)

// Preset sets the resolution and JPEG quality of prepared photos.
type Preset int

// Presets. The zero value is PresetPrint, so a forgotten preset errs on the
// side of a sharp printout rather than a blurry one.
const (
	PresetPrint Preset = iota // about 250 px per inch of placed width, JPEG quality 85
	PresetEmail               // about 150 px per inch, JPEG quality 72

	// The smaller steps a size budget (handout --max-size) steps down
	// through after PresetEmail, in this order. They suit reading on a
	// screen; printed, photos look soft.
	PresetEmailSmall   // about 120 px per inch, JPEG quality 60
	PresetEmailSmaller // about 96 px per inch, JPEG quality 50
	PresetEmailGray    // as PresetEmailSmaller, photos in gray (logos keep their colours)
)

// String returns the preset's name as used on the command line.
func (p Preset) String() string {
	switch p {
	case PresetPrint:
		return "print"
	case PresetEmail:
		return "email"
	case PresetEmailSmall:
		return "email-small"
	case PresetEmailSmaller:
		return "email-smaller"
	case PresetEmailGray:
		return "email-gray"
	}
	return fmt.Sprintf("Preset(%d)", int(p))
}

// ParsePreset reads a preset's name as the command line gives it ("print"
// or "email"; "" is print). The smaller steps are a size budget's, not
// chosen by name.
func ParsePreset(name string) (Preset, error) {
	switch name {
	case "print", "":
		return PresetPrint, nil
	case "email":
		return PresetEmail, nil
	}
	return 0, fmt.Errorf("%q is not a preset; use print or email", name)
}

// PixelsPerInch is how many pixels per inch of its placed width a photo
// is prepared with at p (0 for an unknown preset): the one place the
// presets' resolutions are said, for callers that check or report them.
func (p Preset) PixelsPerInch() float64 {
	ppi, _, _ := presetParams(p)
	return ppi
}

// presetParams returns pixels per inch and JPEG quality for p.
func presetParams(p Preset) (ppi float64, quality int, ok bool) {
	switch p {
	case PresetPrint:
		return 250, 85, true
	case PresetEmail:
		return 150, 72, true
	case PresetEmailSmall:
		return 120, 60, true
	case PresetEmailSmaller, PresetEmailGray:
		return 96, 50, true
	}
	return 0, 0, false
}

// Options says how a photo is placed and printed. The zero value is not
// usable: PlacedWidthPt or PlacedHeightPt must be given.
type Options struct {
	Preset                        Preset
	PlacedWidthPt, PlacedHeightPt float64 // the box the image will be drawn in (points); 0 height = by aspect
	Crop                          bool    // crop to the box's aspect ratio, around Focus (0..1, 0..1; zero value = centre)
	FocusX, FocusY                float64
	Grayscale                     bool // contrast tuned for B/W laser printers
	KeepAlpha                     bool // logos: keep transparency (PNG); otherwise flatten onto white
}

// Limits on what Prepare accepts. They are checked before any full decode,
// so a hostile header costs neither time nor memory.
const (
	// MaxFileBytes is the largest image file read. Phone photos are 2–12 MB;
	// the largest sensible PNG screenshot is well under this. It is in
	// decimal megabytes, as file managers and --max-size count them, so
	// that "40 MB" in a message is what the user sees.
	MaxFileBytes = 40_000_000
	// MaxPixels is the largest image decoded: 50 megapixels, which decodes
	// into at most 400 MB (16-bit RGBA) and covers every phone camera.
	MaxPixels = 50_000_000
	// maxPlacedPt bounds a placement to what fits on any paper fpdf makes
	// (200 inches), so options cannot ask for gigapixel output.
	maxPlacedPt = 200 * 72
)

// Sentinel errors, for callers that must tell cases apart. Every error from
// Prepare and PrepareFile is an *Error wrapping one of them.
var (
	ErrTooLarge    = errors.New("image too large")
	ErrUnsupported = errors.New("unsupported image format")
	ErrDamaged     = errors.New("damaged image")
	ErrOutside     = errors.New("path leaves the handout's folder")
	ErrUnreadable  = errors.New("image cannot be read")
	ErrOptions     = errors.New("invalid image options")
)

// Error is an image that could not be prepared. Its message names the image
// and says what is wrong and what to do; the caller adds the handout's
// file:line.
type Error struct {
	Name   string // the image's path or name as given
	Kind   error  // one of the Err… sentinels
	Detail string // what is wrong, for a person
	Err    error  // the underlying error, if any
}

// Error returns "figures: NAME: DETAIL".
func (e *Error) Error() string {
	return "figures: " + e.Name + ": " + e.Detail
}

// Unwrap returns the sentinel and the underlying error.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// fail builds an *Error; name is filled in by the caller-facing entry
// points, so cached errors can be reported under each caller's name.
func fail(kind error, err error, format string, args ...any) *Error {
	return &Error{Kind: kind, Err: err, Detail: fmt.Sprintf(format, args...)}
}

// format is a sniffed file type.
type format int

const (
	formatUnknown format = iota
	formatJPEG
	formatPNG
	// formatWebP is read on purpose: it is what a browser saves from most
	// web pages. Phones do not write it, so it carries no EXIF orientation
	// this program reads.
	formatWebP
)

// codecs are the decoders of the supported formats (a fixed table,
// never changed): the header check and the full decode use the same one.
var codecs = map[format]struct {
	config func(io.Reader) (image.Config, error)
	decode func(io.Reader) (image.Image, error)
}{
	formatJPEG: {jpeg.DecodeConfig, jpeg.Decode},
	formatPNG:  {png.DecodeConfig, png.Decode},
	formatWebP: {webp.DecodeConfig, webp.Decode},
}

// String names the format for messages.
func (f format) String() string {
	switch f {
	case formatJPEG:
		return "JPEG"
	case formatPNG:
		return "PNG"
	case formatWebP:
		return "WebP"
	}
	return "image"
}

// sniff identifies src by its first bytes, never by the file name: a
// ".png" that is really a JPEG is prepared as the JPEG it is. Formats we
// recognise but do not support get a name so the error can say what the
// file is.
func sniff(src []byte) (format, string) {
	has := func(off int, magic string) bool {
		return len(src) >= off+len(magic) && string(src[off:off+len(magic)]) == magic
	}
	switch {
	case has(0, "\xff\xd8\xff"):
		return formatJPEG, "JPEG"
	case has(0, "\x89PNG\r\n\x1a\n"):
		return formatPNG, "PNG"
	case has(0, "GIF87a"), has(0, "GIF89a"):
		return formatUnknown, "a GIF image"
	case has(0, "RIFF") && has(8, "WEBP"):
		return formatWebP, "WebP"
	case has(4, "ftypheic"), has(4, "ftypheix"), has(4, "ftypmif1"), has(4, "ftyphevc"):
		return formatUnknown, "a HEIC image"
	case has(4, "ftypavif"):
		return formatUnknown, "an AVIF image"
	case has(0, "%PDF-"):
		return formatUnknown, "a PDF document"
	case has(0, "II*\x00"), has(0, "MM\x00*"):
		return formatUnknown, "a TIFF image"
	case has(0, "BM"):
		return formatUnknown, "a BMP image"
	case bytes.Contains(src[:min(len(src), 512)], []byte("<svg")):
		return formatUnknown, "an SVG drawing"
	}
	return formatUnknown, "not an image file"
}

// plan is everything prepare needs to know about the source before it
// decodes it.
type plan struct {
	format      format
	w, h        int // stored (not oriented) size
	orientation int // EXIF orientation 1..8
	jpeg        jpegInfo
}

// upright is the picture's size as seen, after its EXIF orientation:
// orientations 5 to 8 turn it a quarter.
func (pl plan) upright() (w, h int) {
	if pl.orientation >= 5 {
		return pl.h, pl.w
	}
	return pl.w, pl.h
}

// tooLarge is the error for a file of size bytes, more than
// MaxFileBytes; size -1 when it is not known (the file grew while read).
// Sizes are in decimal megabytes, with a decimal so that a file just over
// the limit does not read "40 MB, more than the 40 MB limit".
func tooLarge(size int64) *Error {
	const mb = 1_000_000
	if size < 0 {
		return fail(ErrTooLarge, nil, "file is more than the %d MB limit; resize or re-save the photo before adding it", MaxFileBytes/mb)
	}
	return fail(ErrTooLarge, nil, "file is %.1f MB, more than the %d MB limit; resize or re-save the photo before adding it", float64(size)/mb, MaxFileBytes/mb)
}

// inspect checks src cheaply: format, header, pixel cap, orientation.
// It reads only headers, so a hostile file is refused before any large
// allocation.
func inspect(src []byte) (plan, error) {
	var pl plan
	if len(src) == 0 {
		return pl, fail(ErrDamaged, nil, "file is empty")
	}
	if len(src) > MaxFileBytes {
		return pl, tooLarge(int64(len(src)))
	}
	format, what := sniff(src)
	if format == formatUnknown {
		if what == "not an image file" {
			return pl, fail(ErrUnsupported, nil, "not a JPEG, PNG or WebP image (the file's content is not a picture this program can read); save it as JPEG or PNG")
		}
		if what == "a HEIC image" {
			// An iPhone's own format, and the one clinics will meet most.
			return pl, fail(ErrUnsupported, nil, "is a HEIC image (an iPhone's photo format), which this program cannot read; "+
				"save it as JPEG: on a Mac, open it in Preview and choose File > Export > JPEG; on Windows, open it in Photos and choose Save as > .jpg; "+
				"or set the iPhone to take JPEGs (Settings > Camera > Formats > Most Compatible)")
		}
		return pl, fail(ErrUnsupported, nil, "is %s; only JPEG, PNG and WebP are supported; save it as JPEG (photos) or PNG (drawings, screenshots)", what)
	}
	pl.format = format
	var cfg image.Config
	err := noPanic(func() error {
		var err error
		cfg, err = codecs[format].config(bytes.NewReader(src))
		return err
	})
	if err != nil {
		return pl, decodeErr(format, err)
	}
	pl.w, pl.h = cfg.Width, cfg.Height
	if pl.w <= 0 || pl.h <= 0 {
		return pl, fail(ErrDamaged, nil, "image header gives a size of %d×%d pixels", pl.w, pl.h)
	}
	if int64(pl.w)*int64(pl.h) > MaxPixels {
		return pl, fail(ErrTooLarge, nil, "image is %d×%d pixels, more than the %d-megapixel limit; resize the photo before adding it", pl.w, pl.h, MaxPixels/1_000_000)
	}
	pl.orientation = 1
	switch format {
	case formatJPEG:
		pl.jpeg = exifScanJPEG(src)
		pl.orientation = pl.jpeg.orientation
	case formatPNG:
		pl.orientation = exifScanPNG(src)
	}
	return pl, nil
}

// noPanic runs f and turns a panic into an error: the image decoders
// are not hardened against every malformed file, and one bad photo must not
// take down a batch of a thousand handouts.
func noPanic(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("decoder panic: %v", r)
		}
	}()
	return f()
}

// decodeErr explains a decoder error to the person who supplied the
// file.
func decodeErr(format format, err error) *Error {
	name := format.String()
	var fe jpeg.FormatError
	var ue jpeg.UnsupportedError
	var pfe png.FormatError
	var pue png.UnsupportedError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF),
		errors.As(err, &pfe) && strings.Contains(string(pfe), "not enough pixel data"),
		errors.As(err, &fe) && strings.Contains(string(fe), "short Huffman data"):
		// The last two are how image/png and image/jpeg report image data
		// that stops early.
		return fail(ErrDamaged, err, "%s file is cut short (truncated); copy or export the photo again", name)
	case errors.As(err, &ue), errors.As(err, &pue):
		return fail(ErrUnsupported, err, "this kind of %s is not supported (%v); re-save it as a standard %s", name, err, name)
	case errors.As(err, &fe), errors.As(err, &pfe):
		return fail(ErrDamaged, err, "%s file is damaged (%v); copy or export the photo again", name, err)
	}
	return fail(ErrDamaged, err, "%s file cannot be decoded (%v); copy or export the photo again", name, err)
}

// target is the pixel geometry of a prepared image, worked out from the
// oriented source size and the options.
type target struct {
	cropW, cropH int // the part of the oriented source kept, in source pixels
	outW, outH   int // the output size (never larger than the crop)
}

// validate checks opt and returns the preset's parameters.
func validate(opt Options) (ppi float64, quality int, err error) {
	ppi, quality, ok := presetParams(opt.Preset)
	if !ok {
		return 0, 0, fail(ErrOptions, nil, "unknown preset %d", int(opt.Preset))
	}
	for _, v := range []struct {
		name string
		v    float64
		max  float64
	}{
		{"placed width", opt.PlacedWidthPt, maxPlacedPt},
		{"placed height", opt.PlacedHeightPt, maxPlacedPt},
		{"focus x", opt.FocusX, 1},
		{"focus y", opt.FocusY, 1},
	} {
		if math.IsNaN(v.v) || v.v < 0 || v.v > v.max {
			return 0, 0, fail(ErrOptions, nil, "%s %g is outside 0..%g", v.name, v.v, v.max)
		}
	}
	if opt.PlacedWidthPt == 0 && opt.PlacedHeightPt == 0 {
		return 0, 0, fail(ErrOptions, nil, "no placed size given")
	}
	return ppi, quality, nil
}

// geometry works out the crop and output size for an oriented source of
// w×h pixels.
func geometry(w, h int, opt Options, ppi float64) target {
	t := target{cropW: w, cropH: h}
	boxW := opt.PlacedWidthPt / 72 * ppi
	boxH := opt.PlacedHeightPt / 72 * ppi
	if opt.Crop && boxW > 0 && boxH > 0 {
		aspect := boxW / boxH
		if float64(w)/float64(h) > aspect {
			t.cropW = max(1, int(math.Round(float64(h)*aspect)))
		} else {
			t.cropH = max(1, int(math.Round(float64(w)/aspect)))
		}
	}
	// Scale to fit the box, never up: a small logo stays as sharp as it is.
	s := 1.0
	if boxW > 0 {
		s = min(s, boxW/float64(t.cropW))
	}
	if boxH > 0 {
		s = min(s, boxH/float64(t.cropH))
	}
	t.outW = max(1, min(t.cropW, int(math.Round(float64(t.cropW)*s))))
	t.outH = max(1, min(t.cropH, int(math.Round(float64(t.cropH)*s))))
	return t
}

// cropRect places a cw×ch window in a w×h image around the focus point
// (both zero means the centre), kept inside the image.
func cropRect(w, h, cw, ch int, fx, fy float64) image.Rectangle {
	if fx == 0 && fy == 0 {
		fx, fy = 0.5, 0.5
	}
	cw, ch = min(cw, w), min(ch, h)
	x := int(math.Round(fx*float64(w) - float64(cw)/2))
	y := int(math.Round(fy*float64(h) - float64(ch)/2))
	x = max(0, min(x, w-cw))
	y = max(0, min(y, h-ch))
	return image.Rect(x, y, x+cw, y+ch)
}
