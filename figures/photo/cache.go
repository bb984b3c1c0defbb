package photo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"handout/internal/atomicfile"
	"handout/internal/inputfile"

	"handout/figures"
)

// cacheVersion names the preparation algorithm in every cache key: change it
// when a change to the code changes output bytes, so stale on-disk entries
// are never served.
const cacheVersion = "photo-v2" // v2: CMYK without the Adobe marker read as inverted ink

// Preparer prepares images once per (source bytes hash, options) and reuses
// them; safe for concurrent use (a batch of 1,000 packets shares one).
//
// The in-memory cache lives as long as the Preparer and is not bounded: it
// holds prepared images (tens to hundreds of KB each) and errors, not
// decoded pixels, and a run uses a clinic's few hundred photos at most.
type Preparer struct {
	dir     string
	seed    fs.FS // prepared images that ship with the program, in the cache's layout; nil for none
	decodes atomic.Int64
	// slots bounds how many images are decoded at once: a full-size decode
	// takes up to 400 MB, and a batch may ask for many different photos at
	// the same moment.
	slots chan struct{}

	mu      sync.Mutex
	entries map[string]*cacheEntry
}

// cacheEntry is one prepared image (or its error). ready is closed when
// img and err are set; callers asking for the same key meanwhile wait on it
// instead of decoding the photo again.
type cacheEntry struct {
	ready chan struct{}
	img   *figures.Image
	err   error
}

// NewPreparer returns a Preparer. cacheDir "" keeps prepared images in memory
// only; otherwise they are also stored in cacheDir (created when first
// needed) with atomic writes, so concurrent runs sharing it never see a
// partial file. seed, if not nil, holds images prepared ahead in the
// cache's layout (files written into a cache folder, read-only here): the
// program's own sample logo, so that a process does not prepare it again
// on every run.
func NewPreparer(cacheDir string, seed fs.FS) *Preparer {
	return &Preparer{
		dir:     cacheDir,
		seed:    seed,
		slots:   make(chan struct{}, max(1, runtime.GOMAXPROCS(0))),
		entries: make(map[string]*cacheEntry),
	}
}

// Decodes reports how many full decodes the Preparer has done.
func (p *Preparer) Decodes() int64 { return p.decodes.Load() }

// Prepare returns src prepared for placement as opt says. name is used only
// in error messages. The returned Image is shared with other callers asking
// for the same image and must not be modified.
func (p *Preparer) Prepare(name string, src []byte, opt Options) (*figures.Image, error) {
	key := cacheKey(src, opt)
	p.mu.Lock()
	e, found := p.entries[key]
	if !found {
		e = &cacheEntry{ready: make(chan struct{})}
		p.entries[key] = e
	}
	p.mu.Unlock()
	if !found {
		func() {
			defer close(e.ready)
			e.img, e.err = p.prepareUncached(key, src, opt)
		}()
	} else {
		<-e.ready
	}
	if e.err != nil {
		return nil, cacheNamed(e.err, name)
	}
	return e.img, nil
}

// cacheNamed returns err reported under name: errors are cached without a
// name, since the same bytes may come under several file names.
func cacheNamed(err error, name string) error {
	var pe *Error
	if errors.As(err, &pe) {
		c := *pe
		c.Name = name
		return &c
	}
	return fmt.Errorf("figures: %s: %w", name, err)
}

// prepareUncached prepares src, going through the disk cache if there is
// one.
func (p *Preparer) prepareUncached(key string, src []byte, opt Options) (*figures.Image, error) {
	if p.seed != nil {
		if raw, err := fs.ReadFile(p.seed, cacheName(key)); err == nil {
			if img, ok := cacheDecode(raw); ok {
				return img, nil
			}
		}
	}
	if p.dir != "" {
		if img, ok := cacheRead(p.dir, key); ok {
			return img, nil
		}
	}
	p.slots <- struct{}{}
	img, err := prepare(src, opt, func() { p.decodes.Add(1) })
	<-p.slots
	if err != nil {
		return nil, err
	}
	if p.dir != "" {
		// A cache that cannot be written only costs time on the next run;
		// it must not fail the handout.
		_ = cacheWrite(p.dir, key, img)
	}
	return img, nil
}

// cacheKey names a preparation: the source's hash and every option that
// changes the output, in a fixed order.
func cacheKey(src []byte, opt Options) string {
	if !opt.Crop {
		opt.FocusX, opt.FocusY = 0, 0 // focus changes nothing without a crop
	}
	sum := sha256.Sum256(src)
	h := sha256.New()
	fmt.Fprintf(h, "%s|%x|%d|%g|%g|%t|%g|%g|%t|%t", cacheVersion, sum, opt.Preset,
		opt.PlacedWidthPt, opt.PlacedHeightPt, opt.Crop, opt.FocusX, opt.FocusY, opt.Grayscale, opt.KeepAlpha)
	return hex.EncodeToString(h.Sum(nil))
}

// cacheMagic starts every cache file; the header line after it holds the
// format, size and SHA-256 of the data. Version 1 also held the JPEG
// quality; its files are misses.
const cacheMagic = "handout-figure 2\n"

// cachePath is where key lives under dir (sharded, so no folder grows to
// tens of thousands of entries).
func cachePath(dir, key string) string {
	return filepath.Join(dir, filepath.FromSlash(cacheName(key)))
}

// cacheName is key's file in a cache folder, slash-separated.
func cacheName(key string) string {
	return key[:2] + "/" + key + ".fig"
}

// cacheRead loads a cached image. Anything missing, damaged or not matching
// its recorded hash is a miss: the image is then prepared again.
func cacheRead(dir, key string) (*figures.Image, bool) {
	// Read like any input: a named pipe or a link to a device planted in
	// the folder is a miss, not a hang.
	raw, err := cacheFile.Read(cachePath(dir, key))
	if err != nil {
		return nil, false
	}
	return cacheDecode(raw)
}

// cacheDecode reads a cache file's bytes; anything damaged is a miss.
func cacheDecode(raw []byte) (*figures.Image, bool) {
	if !bytes.HasPrefix(raw, []byte(cacheMagic)) {
		return nil, false
	}
	raw = raw[len(cacheMagic):]
	nl := bytes.IndexByte(raw, '\n')
	if nl < 0 {
		return nil, false
	}
	fields := bytes.Fields(raw[:nl])
	data := raw[nl+1:]
	if len(fields) != 4 {
		return nil, false
	}
	format := string(fields[0])
	w, errW := strconv.Atoi(string(fields[1]))
	h, errH := strconv.Atoi(string(fields[2]))
	sum := sha256.Sum256(data)
	if errW != nil || errH != nil || (format != "jpg" && format != "png") ||
		hex.EncodeToString(sum[:]) != string(fields[3]) {
		return nil, false
	}
	return &figures.Image{Key: string(fields[3]), Data: data, Format: format, PxW: w, PxH: h}, true
}

// cacheFile is the kind of input a cache entry is: a prepared image is
// smaller than the file it was made from, plus its header line.
var cacheFile = inputfile.Kind{What: "cached picture", Max: MaxFileBytes + 1000}

// cacheWrite stores img under key atomically: a header line, then the
// encoded image. The folders are made 0700 and the files 0600, like all
// output: a clinic's photos are its own.
func cacheWrite(dir, key string, img *figures.Image) error {
	path := cachePath(dir, key)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("figures: cache: %w", err)
	}
	header := fmt.Sprintf("%s%s %d %d %s\n", cacheMagic, img.Format, img.PxW, img.PxH, img.Key)
	if err := atomicfile.Write(path, append([]byte(header), img.Data...), 0o600); err != nil {
		return fmt.Errorf("figures: cache: %w", err)
	}
	return nil
}
