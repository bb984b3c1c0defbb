package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"handout/content"
	"handout/figures"
	"handout/fonts"
	"handout/layout"
	"handout/layout/pdf"
)

// engine is the pipeline of one process: fonts parsed once, images
// prepared once, built-in drawings drawn once, then any number of
// handouts laid out and written with them. Safe for concurrent use.
type engine struct {
	fonts    *fonts.Set
	writer   *pdf.Writer
	prepared *figures.Preparer

	mu       sync.Mutex
	drawings map[string]*figures.Drawing
}

func newEngine(cacheDir string) (*engine, error) {
	fs, err := fonts.Load()
	if err != nil {
		return nil, fmt.Errorf("loading fonts: %w", err)
	}
	return &engine{fonts: fs, writer: pdf.New(fs), prepared: figures.NewPreparer(cacheDir), drawings: map[string]*figures.Drawing{}}, nil
}

// clinicFiles is a clinic profile with the folder its logo path is
// relative to.
type clinicFiles struct {
	profile *content.Clinic
	dir     fs.FS
}

// handoutFile is one handout of a job and its folder: photo paths are
// opened inside it and cannot leave it. dir is nil for built-in handouts,
// which use drawings only.
type handoutFile struct {
	handout *content.Handout
	dir     *os.Root
}

// job is one document to render: a handout, or a patient's packet.
type job struct {
	handouts  []handoutFile // one for `render`; a patient's chosen handouts for a packet
	clinic    clinicFiles
	patient   string
	date      string         // visit date, YYYY-MM-DD
	paper     layout.Paper   // zero: the clinic's default
	cover     *layout.Cover  // nil: no cover page
	tickLog   bool           // a weekly tick log of the exercises at the end
	preset    figures.Preset // resolution and quality of photos (zero: print)
	grayscale bool           // photos in gray, tuned for black-and-white laser printers
}

// render runs the pipeline for one handout and returns the PDF bytes and
// its page count.
func (e *engine) render(j job) ([]byte, int, error) {
	doc, err := e.layout(j)
	if err != nil {
		return nil, 0, err
	}
	var buf bytes.Buffer
	if err := e.writer.Write(&buf, doc); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", j.handouts[0].handout.Source, err)
	}
	return buf.Bytes(), len(doc.Pages), nil
}

// layout prepares the handout's pictures and the clinic's logo and lays
// the handout out.
func (e *engine) layout(j job) (*layout.Document, error) {
	paper := j.paper
	if paper.W == 0 {
		p, err := layout.PaperByName(j.clinic.profile.Paper)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", j.clinic.profile.Source, err)
		}
		paper = p
	}
	pics, err := e.pictures(j, paper)
	if err != nil {
		return nil, err
	}
	logo, err := e.logo(j.clinic, j.preset)
	if err != nil {
		return nil, err
	}
	in := layout.Input{
		Clinic: j.clinic.profile, Logo: logo, Pictures: pics,
		Patient: j.patient, Date: j.date, Paper: paper, Cover: j.cover, TickLog: j.tickLog,
	}
	for _, hf := range j.handouts {
		in.Handouts = append(in.Handouts, hf.handout)
	}
	return layout.Layout(e.fonts, in)
}

// pictures prepares every panel of every figure: built-in drawings by name,
// photos from the handout's folder, sized for the widest they can be placed.
func (e *engine) pictures(j job, paper layout.Paper) (map[string]layout.Picture, error) {
	pics := map[string]layout.Picture{}
	from := map[string]*os.Root{}
	for _, hf := range j.handouts {
		photo := figures.Options{Preset: j.preset, Grayscale: j.grayscale}
		if err := e.handoutPictures(hf, photo, paper, pics, from); err != nil {
			return nil, err
		}
	}
	return pics, nil
}

// handoutPictures prepares one handout's panels into pics. Photos are
// keyed by their path, which is relative to the handout: two handouts of
// a packet in different folders could use the same relative path for
// different photos, so those are refused rather than mixed up.
func (e *engine) handoutPictures(hf handoutFile, photo figures.Options, paper layout.Paper, pics map[string]layout.Picture, from map[string]*os.Root) error {
	column := layout.ColumnWidth(paper)
	for _, s := range hf.handout.Sections {
		for _, blk := range s.Blocks {
			fig, ok := blk.(*content.Figure)
			if !ok {
				continue
			}
			for _, p := range fig.Panels {
				where := fmt.Sprintf("%s:%d", p.Pos.File, p.Pos.Line)
				if prev, done := pics[p.Source]; done {
					if prev.Image != nil && from[p.Source] != hf.dir {
						return fmt.Errorf("%s: photo %q has the same path as a photo of another handout in this packet; rename one of them", where, p.Source)
					}
					continue
				}
				from[p.Source] = hf.dir
				if name, ok := p.Builtin(); ok {
					d, err := e.drawing(name)
					if err != nil {
						return fmt.Errorf("%s: %w", where, err)
					}
					pics[p.Source] = layout.Picture{Drawing: d}
					continue
				}
				if hf.dir == nil {
					return fmt.Errorf("%s: photo %q: a built-in handout can only use built-in figures", where, p.Source)
				}
				opt := photo
				opt.PlacedWidthPt, opt.PlacedHeightPt = column/float64(len(fig.Panels)), layout.FigureMaxHeight
				img, err := e.prepared.PrepareFile(hf.dir, filepath.ToSlash(p.Source), opt)
				if err != nil {
					return fmt.Errorf("%s: %w", where, err)
				}
				pics[p.Source] = layout.Picture{Image: img}
			}
		}
	}
	return nil
}

// drawing draws a built-in figure once per process.
func (e *engine) drawing(name string) (*figures.Drawing, error) {
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

// logo prepares the clinic's logo (once: the preparer caches by content).
func (e *engine) logo(c clinicFiles, preset figures.Preset) (*figures.Image, error) {
	if c.profile.Logo == "" {
		return nil, nil
	}
	src, err := fs.ReadFile(c.dir, c.profile.Logo)
	if err != nil {
		return nil, fmt.Errorf("%s: logo %q: %w; check the path (it is relative to the profile's folder)", c.profile.Source, c.profile.Logo, err)
	}
	img, err := e.prepared.Prepare(c.profile.Logo, src, figures.Options{Preset: preset, PlacedHeightPt: layout.LogoHeight, KeepAlpha: true})
	if err != nil {
		return nil, fmt.Errorf("%s: logo: %w", c.profile.Source, err)
	}
	return img, nil
}
