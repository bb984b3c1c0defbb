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
	"handout/figures/photo"
	"handout/figures/pose"
	"handout/fonts"
	"handout/internal/inputfile"
	"handout/layout"
	"handout/pdf"
)

// Engine is the pipeline of one process: fonts parsed once, images
// prepared once, built-in drawings drawn once, then any number of
// handouts laid out and written with them. Make one with NewEngine; it is
// safe for concurrent use.
type Engine struct {
	fonts    *fonts.Set
	writer   *pdf.Writer
	prepared *photo.Preparer

	mu       sync.Mutex
	drawings map[string]*figures.Drawing
	// sizes and photos remember each photo file of this run, by folder
	// and path: its upright size (what layout places it by), and the
	// image prepared from it for each placement. The preparer's own cache
	// is keyed by the photo's bytes, so without these every document of a
	// batch would read (and hash) each photo again (about 27 ms for a
	// 4 MB phone picture). A batch records the photos' bytes in its
	// manifest once, at planning, so one run sees one version of each
	// file either way.
	sizes  map[photoFile]*layout.Photo
	photos map[photoKey]*figures.Image
	// lines keeps each paragraph's lines for the documents after it
	// (layout.LineCache). cjk and withCJK are the font set made for the
	// last clinic CJK font (fonts.Set.WithCJK), which the cache tells
	// fonts apart by: one, since a batch has one clinic, and a server
	// that loads a profile per request should not keep every font it
	// read. Guarded by mu.
	lines   *layout.LineCache
	cjk     *fonts.CJK
	withCJK *fonts.Set
}

// photoFile names a photo file: a path in a handout's folder.
type photoFile struct {
	dir  *os.Root
	path string
}

// photoKey names a photo prepared for one placement.
type photoKey struct {
	photoFile
	opt photo.Options
}

// NewEngine loads the fonts and returns an engine whose preparer keeps
// prepared photos in cacheDir between runs ("": no cache folder).
func NewEngine(cacheDir string) (*Engine, error) {
	fs, err := fonts.Load()
	if err != nil {
		return nil, fmt.Errorf("loading fonts: %w", err)
	}
	return &Engine{fonts: fs, writer: pdf.New(fs), prepared: photo.NewPreparer(cacheDir, preparedSeed()),
		drawings: map[string]*figures.Drawing{}, sizes: map[photoFile]*layout.Photo{}, photos: map[photoKey]*figures.Image{},
		lines: layout.NewLineCache()}, nil
}

// Clinic is a clinic profile with its logo's file, as read.
type Clinic struct {
	Profile *content.Clinic
	Logo    []byte // the file Profile.Logo names; nil when it names none
	// CJK is the font Profile.CJKFont names, parsed; nil when it names
	// none. Text Noto Sans lacks (Chinese, Japanese, Korean) is measured
	// and drawn in it.
	CJK *fonts.CJK
	// LibraryDir is the folder of the clinic's own exercises and
	// protocols the profile names (library:), as a path from the current
	// folder; "" when it names none.
	LibraryDir string
}

// cjkFontFile is the kind of input a clinic's CJK font is.
var cjkFontFile = inputfile.Kind{What: "CJK font", Max: fonts.MaxCJKBytes,
	Advice: "name a TrueType font of one typeface (a full Chinese font is 4–20 MB)"}

// LoadClinic reads a clinic profile, or the built-in sample when path is
// "", its logo and its CJK font. The logo is read like a handout's photo
// (photo.ReadFile), and the font the same way: from the profile's folder
// or below it, never through a link pointing outside, a regular file of
// at most photo.MaxFileBytes (fonts.MaxCJKBytes for the font).
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
	if err := checkStyleName(path, c.Style); err != nil {
		return Clinic{}, err
	}
	var library string
	if c.Library != "" {
		library = filepath.Join(filepath.Dir(path), filepath.FromSlash(c.Library))
	}
	out := Clinic{Profile: c, LibraryDir: library}
	if c.Logo == "" && c.CJKFont == "" {
		return out, nil
	}
	dir, err := os.OpenRoot(filepath.Dir(path))
	if err != nil {
		return Clinic{}, fmt.Errorf("%s: %w", path, err)
	}
	defer dir.Close()
	if c.Logo != "" {
		if out.Logo, err = photo.ReadFile(dir, c.Logo); err != nil {
			return Clinic{}, fmt.Errorf("%s: logo: %w", path, err)
		}
	}
	if c.CJKFont != "" {
		ttf, err := cjkFontFile.ReadIn(dir, c.CJKFont)
		if err != nil {
			return Clinic{}, fmt.Errorf("%s: cjk_font: %w", path, err)
		}
		if out.CJK, err = fonts.ParseCJK(c.CJKFont, ttf); err != nil {
			return Clinic{}, fmt.Errorf("%s: cjk_font: %w", path, err)
		}
	}
	return out, nil
}

// Job is one document to render: a handout, or a patient's packet. Front
// doors make one with Checked.Job, from handouts a Resolver read and
// settings Check accepted, and add the visit.
type Job struct {
	Handouts []HandoutFile // one for `render`; a patient's chosen handouts for a packet
	Clinic   Clinic
	Patient  string
	Date     string        // visit date, YYYY-MM-DD
	Paper    layout.Paper  // zero: the clinic's default
	Cover    *layout.Cover // nil: no cover page
	TickLog  bool          // a weekly tick log of the exercises at the end
	Preset   photo.Preset  // resolution and quality of photos (zero: print)
	// Grayscale makes the whole document print-ready for a black-and-white
	// laser printer: every colour the layout draws becomes the gray of
	// its luminance, with the contrast kept, and the photos and the logo
	// are made gray (photos with the laser curve).
	Grayscale bool
	Style     string // the layout's look, by name (layout.StyleByName); "": the default
	// Language is the BCP 47 tag the front door chose (--language, a
	// list's language column); "" for the handouts' own, else the clinic
	// profile's, else en-US (Engine.Layout, jobLanguage).
	Language string
	// Warn, when set, is told of a photo too small to print sharp where
	// the layout puts it (print preset only), once per photo and document:
	// the handout's file:line, the photo and what to do; and of a brand
	// colour the layout darkened to keep its text readable, naming the
	// colour and the profile; and of a handout in a language without a
	// catalogue, whose labels print in another (jobLanguage). The
	// messages name no patient.
	Warn func(msg string)
}

// sharpPPI is the resolution below which a printed photo looks soft;
// the print preset prepares photos at more (photo.Preset.PixelsPerInch).
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

// Layout lays the handouts out, then prepares their photos and the
// clinic's logo for the boxes the layout draws them in.
//
// Layout owns placement: it places a photo by its aspect ratio alone,
// which the photo's headers give (photo.FileDimensions), and says in the
// display list where each is drawn. Only then is each photo prepared,
// once for each size it is drawn at (a photo drawn smaller than the
// column, or shrunk to stay on its page, gets fewer pixels), and the
// images filled in. Nothing here repeats layout's arithmetic.
func (e *Engine) Layout(j Job) (*layout.Document, error) {
	j, err := cleanVisit(j)
	if err != nil {
		return nil, err
	}
	paper := j.Paper
	if paper.W == 0 {
		p, err := layout.PaperByName(j.Clinic.Profile.Paper)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", j.Clinic.Profile.Source, err)
		}
		paper = p
	}
	style, err := layout.StyleByName(j.Style)
	if err != nil {
		return nil, err
	}
	lang, err := jobLanguage(j)
	if err != nil {
		return nil, err
	}
	if j.Warn != nil && lang.fellBack != "" {
		j.Warn(lang.fellBack)
	}
	// The one place the profile's words are put in the document's
	// language: layout prints the profile it is given.
	clinic, untranslated := profileIn(j.Clinic.Profile, lang)
	if j.Warn != nil && untranslated != "" {
		j.Warn(untranslated)
	}
	pics, photos, err := e.pictures(j)
	if err != nil {
		return nil, err
	}
	logo, err := logoTask(j.Clinic)
	if err != nil {
		return nil, err
	}
	in := layout.Input{
		Clinic: clinic, Pictures: pics, Style: style,
		Patient: j.Patient, Date: j.Date, Paper: paper, Cover: j.Cover, TickLog: j.TickLog,
		Grayscale: j.Grayscale, Words: lang.words, Lines: e.lines,
	}
	if logo != nil {
		in.Logo = logo.photo
		photos = append(photos, logo)
	}
	for _, hf := range j.Handouts {
		in.Handouts = append(in.Handouts, hf.Handout)
	}
	// Text Noto Sans lacks is measured in the clinic's CJK font, and the
	// document says so for the PDF writer, which draws it in that font.
	doc, err := layout.Layout(e.fontsWith(j.Clinic.CJK), in)
	if err != nil {
		return nil, err
	}
	doc.CJK = j.Clinic.CJK
	doc.Language = lang.tag
	if err := e.preparePhotos(doc, photos, j); err != nil {
		return nil, err
	}
	if j.Warn != nil {
		for _, w := range doc.Warnings {
			j.Warn(w)
		}
	}
	if j.Warn != nil && j.Preset == photo.PresetPrint {
		warnSoftPhotos(doc, photos, j.Warn)
	}
	return doc, nil
}

// fontsWith is the engine's fonts with the clinic's CJK font, if any
// (fonts.Set.WithCJK): the same set each time for the same font, so that
// the line cache finds the lines measured with it.
func (e *Engine) fontsWith(cjk *fonts.CJK) *fonts.Set {
	if cjk == nil {
		return e.fonts
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cjk != cjk {
		e.cjk, e.withCJK = cjk, e.fonts.WithCJK(cjk)
	}
	return e.withCJK
}

// warnSoftPhotos tells warn of each photo drawn at less than sharpPPI
// (not the logo), once.
func warnSoftPhotos(doc *layout.Document, photos []*photoTask, warn func(string)) {
	of := map[*layout.Photo]*photoTask{}
	for _, t := range photos {
		if t.logo == nil {
			of[t.photo] = t
		}
	}
	warned := map[*photoTask]bool{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			im, ok := it.(*layout.Image)
			if !ok || im.W <= 0 {
				continue
			}
			t, ok := of[im.Photo]
			if !ok || warned[t] {
				continue
			}
			inches := im.W / 72
			if ppi := float64(im.Img.PxW) / inches; ppi < sharpPPI {
				warned[t] = true
				warn(fmt.Sprintf("%s: photo %q prints at %.0f pixels per inch (%d pixels across %.1f inches) and will look soft; use one at least %.0f pixels wide",
					t.where, t.source, ppi, im.Img.PxW, inches, math.Ceil(inches*suggestedPPI)))
			}
		}
	}
}

// pictures gives every panel of every figure its picture: a built-in
// drawing by name, or a photo from the handout's folder by its upright
// size, read from its headers. It returns the photos to prepare once
// they are placed, each file once, in the order the handouts give them;
// the first photo that cannot be read is the error.
func (e *Engine) pictures(j Job) (map[*content.Panel]layout.Picture, []*photoTask, error) {
	pics := map[*content.Panel]layout.Picture{}
	var photos []*photoTask
	seen := map[photoFile]*photoTask{}
	for _, hf := range j.Handouts {
		for _, s := range hf.Handout.Sections {
			for _, blk := range s.Blocks {
				fig, ok := blk.(*content.Figure)
				if !ok {
					continue
				}
				for i := range fig.Panels {
					p := &fig.Panels[i]
					where := fmt.Sprintf("%s:%d", p.Pos.File, p.Pos.Line)
					if name, ok := p.Builtin(); ok {
						d, err := e.drawing(name)
						if err != nil {
							return nil, nil, fmt.Errorf("%s: %w", where, err)
						}
						pics[p] = layout.Picture{Drawing: d, Alt: pose.BuiltinDescription(name)}
						continue
					}
					if hf.Dir == nil {
						return nil, nil, fmt.Errorf("%s: photo %q: a built-in handout can only use built-in figures", where, p.Source)
					}
					file := photoFile{hf.Dir, filepath.ToSlash(p.Source)}
					t := seen[file]
					if t == nil {
						size, err := e.photoSize(file)
						if err != nil {
							return nil, nil, fmt.Errorf("%s: %w", where, err)
						}
						t = &photoTask{where: where, source: p.Source, file: file, photo: size}
						seen[file] = t
						photos = append(photos, t)
					}
					pics[p] = layout.Picture{Photo: t.photo}
				}
			}
		}
	}
	return pics, photos, nil
}

// photoTask is one photo of a document to prepare, and its outcome.
type photoTask struct {
	where  string // the handout's file:line; for the logo, the profile
	source string // the path as written
	file   photoFile
	logo   []byte        // the logo's bytes; nil for a photo
	photo  *layout.Photo // what layout places; this document's own
}

// placement is one size a photo is drawn at (layout.PhotoBox), and the
// pixels prepared for it.
type placement struct {
	task *photoTask
	box  layout.PhotoBox
	opt  photo.Options
	img  *figures.Image
	err  error
}

// photoSize reads a photo file's upright size once per run (see
// Engine.sizes), from its headers. Each document gets a Photo of its own: layout tells the
// photos of a document apart by it.
func (e *Engine) photoSize(f photoFile) (*layout.Photo, error) {
	e.mu.Lock()
	size, ok := e.sizes[f]
	e.mu.Unlock()
	if !ok {
		w, h, err := photo.FileDimensions(f.dir, f.path)
		if err != nil {
			return nil, err
		}
		size = &layout.Photo{PxW: w, PxH: h}
		e.mu.Lock()
		e.sizes[f] = size
		e.mu.Unlock()
	}
	own := *size
	return &own, nil
}

// logoTask is the clinic's logo to prepare once placed, or nil when the
// profile names none.
func logoTask(c Clinic) (*photoTask, error) {
	if c.Profile.Logo == "" {
		return nil, nil
	}
	where := c.Profile.Source + ": logo"
	w, h, err := photo.Dimensions(c.Profile.Logo, c.Logo)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	return &photoTask{where: where, source: c.Profile.Logo, logo: c.Logo, photo: &layout.Photo{PxW: w, PxH: h}}, nil
}

// logoOptions prepares a logo for a box of w×h points: with its
// transparency; in colour even for the email-gray step of a size budget
// (read on a screen), gray for a black-and-white printer: prepared here,
// the gray is the same on every printer.
func logoOptions(preset photo.Preset, gray bool, w, h float64) photo.Options {
	return photo.Options{Preset: preset, PlacedWidthPt: w, PlacedHeightPt: h, KeepAlpha: true, Grayscale: gray}
}

// preparePhotos prepares each photo for every size doc draws it at
// (Document.PhotoBoxes: a photo drawn at two sizes gets the pixels each
// needs) and fills in the images. Photos are prepared side by side, at
// most one per CPU (a 12-megapixel photo takes about 80 ms, and a handout
// at the front desk may have a dozen; each holds a whole photo file in
// memory while it is read); the error reported is the first failing
// photo's in the order of tasks, so the same input always gives the same
// message.
func (e *Engine) preparePhotos(doc *layout.Document, tasks []*photoTask, j Job) error {
	of := map[*layout.Photo]*photoTask{}
	for _, t := range tasks {
		of[t.photo] = t
	}
	byTask := map[*photoTask][]*placement{}
	var drawn []*placement
	for _, b := range doc.PhotoBoxes() {
		t := of[b.Photo]
		if t == nil {
			return fmt.Errorf("render: layout drew a photo it was not given")
		}
		pl := &placement{task: t, box: b, opt: photo.Options{Preset: j.Preset, Grayscale: j.Grayscale, PlacedWidthPt: b.W, PlacedHeightPt: b.H}}
		if t.logo != nil {
			pl.opt = logoOptions(j.Preset, j.Grayscale, b.W, b.H)
		}
		drawn = append(drawn, pl)
		byTask[t] = append(byTask[t], pl)
	}
	slots := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for _, pl := range drawn {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			if t := pl.task; t.logo != nil {
				pl.img, pl.err = e.prepared.Prepare(t.source, t.logo, pl.opt)
			} else {
				pl.img, pl.err = e.photo(t.file, pl.opt)
			}
		})
	}
	wg.Wait()
	for _, t := range tasks {
		for _, pl := range byTask[t] {
			if pl.err != nil {
				return fmt.Errorf("%s: %w", t.where, pl.err)
			}
		}
	}
	for _, pl := range drawn {
		for _, im := range pl.box.Images {
			im.Img = pl.img
		}
	}
	return nil
}

// photo prepares a photo once per run and placement (see Engine.photos).
// Failures are not remembered: the preparer reports each in its caller's
// words.
func (e *Engine) photo(f photoFile, opt photo.Options) (*figures.Image, error) {
	k := photoKey{f, opt}
	e.mu.Lock()
	img, ok := e.photos[k]
	e.mu.Unlock()
	if ok {
		return img, nil
	}
	img, err := e.prepared.PrepareFile(f.dir, f.path, opt)
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
	d, err := pose.Builtin(name)
	if err != nil {
		return nil, err
	}
	e.drawings[name] = &d
	return &d, nil
}

// CheckLogo prepares the clinic's logo as the header of style (a name
// for layout.StyleByName) draws it, in gray for a grayscale run, so that
// a bad logo stops a batch before its first row rather than failing
// each; the rows then find it prepared.
func (e *Engine) CheckLogo(c Clinic, preset photo.Preset, gray bool, style string) error {
	st, err := layout.StyleByName(style)
	if err != nil {
		return err
	}
	t, err := logoTask(c)
	if err != nil || t == nil {
		return err
	}
	w, h := st.LogoBox(t.photo.PxW, t.photo.PxH)
	if _, err := e.prepared.Prepare(t.source, t.logo, logoOptions(preset, gray, w, h)); err != nil {
		return fmt.Errorf("%s: %w", t.where, err)
	}
	return nil
}
