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
	preset   figures.Preset

	mu       sync.Mutex
	drawings map[string]*figures.Drawing
}

func newEngine(cacheDir string, preset figures.Preset) (*engine, error) {
	fs, err := fonts.Load()
	if err != nil {
		return nil, fmt.Errorf("loading fonts: %w", err)
	}
	return &engine{fonts: fs, writer: pdf.New(fs), prepared: figures.NewPreparer(cacheDir), preset: preset, drawings: map[string]*figures.Drawing{}}, nil
}

// clinicFiles is a clinic profile with the folder its logo path is
// relative to.
type clinicFiles struct {
	profile *content.Clinic
	dir     fs.FS
}

// job is one handout to render.
type job struct {
	handout *content.Handout
	// dir is the handout's folder: photo paths are opened inside it and
	// cannot leave it. nil for built-in handouts, which use drawings only.
	dir     *os.Root
	clinic  clinicFiles
	patient string
	date    string
	paper   layout.Paper // zero: the clinic's default
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
		return nil, 0, fmt.Errorf("%s: %w", j.handout.Source, err)
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
	logo, err := e.logo(j.clinic)
	if err != nil {
		return nil, err
	}
	return layout.Layout(e.fonts, layout.Input{
		Handout: j.handout, Clinic: j.clinic.profile, Logo: logo, Pictures: pics,
		Patient: j.patient, Date: j.date, Paper: paper,
	})
}

// pictures prepares every panel of every figure: built-in drawings by name,
// photos from the handout's folder, sized for the widest they can be placed.
func (e *engine) pictures(j job, paper layout.Paper) (map[string]layout.Picture, error) {
	pics := map[string]layout.Picture{}
	column := layout.ColumnWidth(paper)
	for _, s := range j.handout.Sections {
		for _, blk := range s.Blocks {
			fig, ok := blk.(*content.Figure)
			if !ok {
				continue
			}
			for _, p := range fig.Panels {
				if _, done := pics[p.Source]; done {
					continue
				}
				where := fmt.Sprintf("%s:%d", p.Pos.File, p.Pos.Line)
				if name, ok := p.Builtin(); ok {
					d, err := e.drawing(name)
					if err != nil {
						return nil, fmt.Errorf("%s: %w", where, err)
					}
					pics[p.Source] = layout.Picture{Drawing: d}
					continue
				}
				if j.dir == nil {
					return nil, fmt.Errorf("%s: photo %q: a built-in handout can only use built-in figures", where, p.Source)
				}
				img, err := e.prepared.PrepareFile(j.dir, filepath.ToSlash(p.Source), figures.Options{
					Preset: e.preset, PlacedWidthPt: column / float64(len(fig.Panels)), PlacedHeightPt: layout.FigureMaxHeight,
				})
				if err != nil {
					return nil, fmt.Errorf("%s: %w", where, err)
				}
				pics[p.Source] = layout.Picture{Image: img}
			}
		}
	}
	return pics, nil
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
func (e *engine) logo(c clinicFiles) (*figures.Image, error) {
	if c.profile.Logo == "" {
		return nil, nil
	}
	src, err := fs.ReadFile(c.dir, c.profile.Logo)
	if err != nil {
		return nil, fmt.Errorf("%s: logo %q: %w; check the path (it is relative to the profile's folder)", c.profile.Source, c.profile.Logo, err)
	}
	img, err := e.prepared.Prepare(c.profile.Logo, src, figures.Options{Preset: e.preset, PlacedHeightPt: layout.LogoHeight, KeepAlpha: true})
	if err != nil {
		return nil, fmt.Errorf("%s: logo: %w", c.profile.Source, err)
	}
	return img, nil
}
