// Package render runs the pipeline for one document: the handouts of a job
// with their pictures and the clinic's logo are laid out into pages and
// written as a PDF, within a size budget if there is one, and encrypted
// if there is a password.
package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"handout/content"
	"handout/figures"
	"handout/fonts"
	"handout/layout"
	"handout/layout/pdf"
)

// Engine is the pipeline of one process: fonts parsed once, images
// prepared once, built-in drawings drawn once, then any number of
// handouts laid out and written with them. Make one with NewEngine; it is
// safe for concurrent use.
type Engine struct {
	fonts    *fonts.Set
	writer   *pdf.Writer
	prepared *figures.Preparer

	mu       sync.Mutex
	drawings map[string]*figures.Drawing
	// photos remembers each photo prepared in this run by folder, path and
	// options. The preparer's own cache is keyed by the photo's bytes, so
	// without this every document of a batch would read and hash each
	// photo again (about 27 ms for a 4 MB phone picture). A batch records
	// the photos' bytes in its manifest once, at planning, so one run sees
	// one version of each file either way.
	photos map[photoKey]*figures.Image
}

// photoKey names a photo prepared for one placement.
type photoKey struct {
	dir  *os.Root
	path string
	opt  figures.Options
}

// NewEngine loads the fonts and returns an engine whose preparer keeps
// prepared photos in cacheDir between runs ("": no cache folder).
func NewEngine(cacheDir string) (*Engine, error) {
	fs, err := fonts.Load()
	if err != nil {
		return nil, fmt.Errorf("loading fonts: %w", err)
	}
	return &Engine{fonts: fs, writer: pdf.New(fs), prepared: figures.NewPreparer(cacheDir),
		drawings: map[string]*figures.Drawing{}, photos: map[photoKey]*figures.Image{}}, nil
}

// Clinic is a clinic profile with its logo's file, as read.
type Clinic struct {
	Profile *content.Clinic
	Logo    []byte // the file Profile.Logo names; nil when it names none
}

// LoadClinic reads a clinic profile, or the built-in sample when path is
// "", and its logo. The logo is read like a handout's photo
// (figures.ReadFile): from the profile's folder or below it, never through
// a link pointing outside, a regular file of at most figures.MaxFileBytes.
func LoadClinic(path string) (Clinic, error) {
	if path == "" {
		c, err := content.SampleClinic()
		if err != nil {
			return Clinic{}, err
		}
		logo, err := fs.ReadFile(content.SampleClinicFS(), c.Logo)
		return Clinic{Profile: c, Logo: logo}, err
	}
	c, err := content.LoadClinicFile(path)
	if err != nil {
		return Clinic{}, err
	}
	if c.Logo == "" {
		return Clinic{Profile: c}, nil
	}
	dir, err := os.OpenRoot(filepath.Dir(path))
	if err != nil {
		return Clinic{}, fmt.Errorf("%s: %w", path, err)
	}
	defer dir.Close()
	logo, err := figures.ReadFile(dir, c.Logo)
	if err != nil {
		return Clinic{}, fmt.Errorf("%s: logo: %w", path, err)
	}
	return Clinic{Profile: c, Logo: logo}, nil
}

// HandoutFile is one handout of a job and its folder: photo paths are
// opened inside it and cannot leave it. Dir is nil for built-in handouts,
// which use drawings only.
type HandoutFile struct {
	Handout *content.Handout
	Dir     *os.Root
}

// Job is one document to render: a handout, or a patient's packet.
type Job struct {
	Handouts  []HandoutFile // one for `render`; a patient's chosen handouts for a packet
	Clinic    Clinic
	Patient   string
	Date      string         // visit date, YYYY-MM-DD
	Paper     layout.Paper   // zero: the clinic's default
	Cover     *layout.Cover  // nil: no cover page
	TickLog   bool           // a weekly tick log of the exercises at the end
	Preset    figures.Preset // resolution and quality of photos (zero: print)
	Grayscale bool           // photos in gray, tuned for black-and-white laser printers
	// Warn, when set, is told of a photo too small to print sharp where
	// the layout puts it (print preset only), once per photo and document:
	// the handout's file:line, the photo and what to do. The messages name
	// no patient.
	Warn func(msg string)
}

// sharpPPI is the resolution below which a printed photo looks soft; the
// print preset prepares photos at about 250 pixels per inch.
const (
	sharpPPI     = 150
	suggestedPPI = 200
)

// Render runs the pipeline for one job and returns the PDF bytes and
// its page count.
func (e *Engine) Render(j Job) ([]byte, int, error) {
	doc, err := e.Layout(j)
	if err != nil {
		return nil, 0, err
	}
	var buf bytes.Buffer
	if err := e.writer.Write(&buf, doc); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", j.Handouts[0].Handout.Source, err)
	}
	return buf.Bytes(), len(doc.Pages), nil
}

// Layout prepares the handouts' pictures and the clinic's logo and lays
// the handouts out.
func (e *Engine) Layout(j Job) (*layout.Document, error) {
	paper := j.Paper
	if paper.W == 0 {
		p, err := layout.PaperByName(j.Clinic.Profile.Paper)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", j.Clinic.Profile.Source, err)
		}
		paper = p
	}
	pics, placed, err := e.pictures(j, paper)
	if err != nil {
		return nil, err
	}
	logo, err := e.Logo(j.Clinic, j.Preset)
	if err != nil {
		return nil, err
	}
	in := layout.Input{
		Clinic: j.Clinic.Profile, Logo: logo, Pictures: pics,
		Patient: j.Patient, Date: j.Date, Paper: paper, Cover: j.Cover, TickLog: j.TickLog,
	}
	for _, hf := range j.Handouts {
		in.Handouts = append(in.Handouts, hf.Handout)
	}
	doc, err := layout.Layout(e.fonts, in)
	if err == nil && j.Warn != nil && j.Preset == figures.PresetPrint {
		warnSoftPhotos(doc, placed, j.Warn)
	}
	return doc, err
}

// warnSoftPhotos tells warn of each photo drawn at less than sharpPPI.
// placed names each photo by its prepared image's key.
func warnSoftPhotos(doc *layout.Document, placed map[string]*photoTask, warn func(string)) {
	warned := map[string]bool{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			im, ok := it.(*layout.Image)
			if !ok || im.W <= 0 {
				continue
			}
			t, ok := placed[im.Img.Key]
			if !ok || warned[im.Img.Key] {
				continue
			}
			inches := im.W / 72
			if ppi := float64(im.Img.PxW) / inches; ppi < sharpPPI {
				warned[im.Img.Key] = true
				warn(fmt.Sprintf("%s: photo %q prints at %.0f pixels per inch (%d pixels across %.1f inches) and will look soft; use one at least %.0f pixels wide",
					t.where, t.source, ppi, im.Img.PxW, inches, math.Ceil(inches*suggestedPPI)))
			}
		}
	}
}

// pictures prepares every panel of every figure: built-in drawings by name,
// photos from the handout's folder, sized for the widest they can be placed.
// Photos are prepared side by side (a 12-megapixel photo takes about 80 ms,
// and a handout at the front desk may have a dozen); an error is reported
// for the first failing photo in the order the handouts give them, so the
// same input always gives the same message.
func (e *Engine) pictures(j Job, paper layout.Paper) (pics map[string]layout.Picture, byKey map[string]*photoTask, err error) {
	pics = map[string]layout.Picture{}
	var photos []*photoTask
	from := map[string]*os.Root{}
	for _, hf := range j.Handouts {
		opt := figures.Options{Preset: j.Preset, Grayscale: j.Grayscale}
		more, err := e.handoutPictures(hf, opt, paper, pics, from)
		if err != nil {
			return nil, nil, err
		}
		photos = append(photos, more...)
	}
	e.preparePhotos(photos)
	byKey = map[string]*photoTask{}
	for _, t := range photos {
		if t.err != nil {
			return nil, nil, fmt.Errorf("%s: %w", t.where, t.err)
		}
		pics[t.source] = layout.Picture{Image: t.img}
		if byKey[t.img.Key] == nil {
			byKey[t.img.Key] = t
		}
	}
	return pics, byKey, nil
}

// photoTask is one photo of a handout to prepare, and its outcome.
type photoTask struct {
	where  string // the handout's file:line
	source string // the path as written, the key of the pictures map
	dir    *os.Root
	opt    figures.Options
	img    *figures.Image
	err    error
}

// preparePhotos prepares tasks concurrently, at most one per CPU: each
// holds a whole photo file in memory while it is read.
func (e *Engine) preparePhotos(tasks []*photoTask) {
	slots := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for _, t := range tasks {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			t.img, t.err = e.photo(t.dir, filepath.ToSlash(t.source), t.opt)
		})
	}
	wg.Wait()
}

// handoutPictures puts one handout's drawings into pics and returns its
// photos to prepare. Photos are keyed by their path, which is relative to
// the handout: two handouts of a packet in different folders could use the
// same relative path for different photos, so those are refused rather than
// mixed up.
func (e *Engine) handoutPictures(hf HandoutFile, photo figures.Options, paper layout.Paper, pics map[string]layout.Picture, from map[string]*os.Root) ([]*photoTask, error) {
	style, err := layout.StyleByName("")
	if err != nil {
		return nil, err
	}
	column := paper.W - 2*style.Page.Margin
	var photos []*photoTask
	for _, s := range hf.Handout.Sections {
		for _, blk := range s.Blocks {
			fig, ok := blk.(*content.Figure)
			if !ok {
				continue
			}
			for _, p := range fig.Panels {
				where := fmt.Sprintf("%s:%d", p.Pos.File, p.Pos.Line)
				if dir, done := from[p.Source]; done {
					if _, builtin := p.Builtin(); !builtin && dir != hf.Dir {
						return nil, fmt.Errorf("%s: photo %q has the same path as a photo of another handout in this packet; rename one of them", where, p.Source)
					}
					continue
				}
				from[p.Source] = hf.Dir
				if name, ok := p.Builtin(); ok {
					d, err := e.drawing(name)
					if err != nil {
						return nil, fmt.Errorf("%s: %w", where, err)
					}
					pics[p.Source] = layout.Picture{Drawing: d}
					continue
				}
				if hf.Dir == nil {
					return nil, fmt.Errorf("%s: photo %q: a built-in handout can only use built-in figures", where, p.Source)
				}
				opt := photo
				opt.PlacedWidthPt, opt.PlacedHeightPt = column/float64(len(fig.Panels)), style.Figure.MaxHeight
				photos = append(photos, &photoTask{where: where, source: p.Source, dir: hf.Dir, opt: opt})
			}
		}
	}
	return photos, nil
}

// photo prepares a photo once per run and placement (see Engine.photos).
// Failures are not remembered: the preparer reports each in its caller's
// words.
func (e *Engine) photo(dir *os.Root, path string, opt figures.Options) (*figures.Image, error) {
	k := photoKey{dir, path, opt}
	e.mu.Lock()
	img, ok := e.photos[k]
	e.mu.Unlock()
	if ok {
		return img, nil
	}
	img, err := e.prepared.PrepareFile(dir, path, opt)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	e.photos[k] = img
	e.mu.Unlock()
	return img, nil
}

// drawing draws a built-in figure once per process.
func (e *Engine) drawing(name string) (*figures.Drawing, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if d, ok := e.drawings[name]; ok {
		return d, nil
	}
	d, err := figures.Builtin(name)
	if err != nil {
		return nil, err
	}
	e.drawings[name] = &d
	return &d, nil
}

// Logo prepares the clinic's logo (once: the preparer caches by content).
func (e *Engine) Logo(c Clinic, preset figures.Preset) (*figures.Image, error) {
	if c.Profile.Logo == "" {
		return nil, nil
	}
	style, err := layout.StyleByName("")
	if err != nil {
		return nil, err
	}
	img, err := e.prepared.Prepare(c.Profile.Logo, c.Logo, figures.Options{Preset: preset, PlacedHeightPt: style.Header.Height, KeepAlpha: true})
	if err != nil {
		return nil, fmt.Errorf("%s: logo: %w", c.Profile.Source, err)
	}
	return img, nil
}
