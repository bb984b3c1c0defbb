package render

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"handout/content"
	"handout/figures/photo"
	"handout/figures/pose"
)

// A handout spec is how a front door names a handout: on the command line
// (handout render SPEC) or in a patient list's handouts column. ParseSpec
// gives it one meaning everywhere:
//
//   - "builtin:NAME" is the built-in handout NAME;
//   - a bare name, without a folder separator and without an extension
//     ("mid-back-pain"), is a built-in handout too;
//   - "-" is standard input, where the front door has one (render -);
//   - "protocol:NAME" is the library's protocol NAME as a programme (its
//     exercises with their default doses);
//   - a path ending in .yaml or .yml is a programme file (docs/library.md):
//     a patient's exercises from the library;
//   - anything else ("back.md", "./back", "handouts/back.md") is a file.
//
// A bare name that is no built-in handout but is a file is refused with a
// message suggesting ./NAME, rather than read: a typo of a built-in name
// must not silently pick up a file of that name, nor a file go unread for
// want of ".md".
//
// A programme and a protocol are resolved against the resolver's library
// (UseLibrary: the built-in exercises and protocols, and a clinic's
// folder) and laid out as a handout with one section per exercise
// (content.Programme.Handout).

// SpecKind says what a spec names.
type SpecKind int

const (
	SpecBuiltin   SpecKind = iota + 1 // a built-in handout
	SpecFile                          // a handout file
	SpecStdin                         // standard input ("-")
	SpecProgramme                     // a programme file (.yaml)
	SpecProtocol                      // a protocol of the library, as a programme
)

// Spec is a parsed handout spec. Its String is the canonical form batch
// records in its manifest and compares rows by: "builtin:NAME", the
// cleaned path with forward slashes, or "-".
type Spec struct {
	Kind SpecKind
	Name string // the built-in's name, or the path as cleaned
}

// builtinPrefix marks a built-in handout in a spec, protocolPrefix a
// protocol of the library.
const (
	builtinPrefix  = "builtin:"
	protocolPrefix = "protocol:"
)

// ParseSpec classifies a spec as written, by its text alone: what a bare
// name means never depends on the files around it (see Resolve for the
// one check that looks).
func ParseSpec(s string) (Spec, error) {
	switch {
	case s == "":
		return Spec{}, errors.New("no handout given")
	case s == "-":
		return Spec{Kind: SpecStdin, Name: "-"}, nil
	}
	if name, ok := strings.CutPrefix(s, builtinPrefix); ok {
		return Spec{Kind: SpecBuiltin, Name: name}, nil
	}
	if name, ok := strings.CutPrefix(s, protocolPrefix); ok {
		return Spec{Kind: SpecProtocol, Name: name}, nil
	}
	if isBareName(s) {
		return Spec{Kind: SpecBuiltin, Name: s}, nil
	}
	kind := SpecFile
	if ext := strings.ToLower(filepath.Ext(s)); ext == ".yaml" || ext == ".yml" {
		kind = SpecProgramme
	}
	return Spec{Kind: kind, Name: filepath.ToSlash(filepath.Clean(s))}, nil
}

// isBareName reports whether s is a name without a folder separator and
// without an extension: a built-in handout's name.
func isBareName(s string) bool {
	return !strings.ContainsAny(s, `/\`) && filepath.Ext(s) == ""
}

func (s Spec) String() string {
	switch s.Kind {
	case SpecBuiltin:
		return builtinPrefix + s.Name
	case SpecProtocol:
		return protocolPrefix + s.Name
	}
	return s.Name
}

// Label is the spec's short name, for file names (batch's {handout}): the
// built-in's name, or the file's name without its extension.
func (s Spec) Label() string {
	if s.Kind == SpecBuiltin || s.Kind == SpecProtocol {
		return s.Name
	}
	// Either separator ends a folder: a list written on Windows may use
	// "\" wherever it is read.
	base := s.Name[strings.LastIndexAny(s.Name, `/\`)+1:]
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Resolver reads the handouts that specs name, each once, for the jobs
// of one run. Close it to close the handout folders it opened. It is not
// safe for concurrent use: front doors resolve before they render.
type Resolver struct {
	// within is the folder that relative paths start from and cannot
	// leave (a patient list's); "" for paths chosen on the command line,
	// which may be anywhere.
	within string
	stdin  io.Reader // what "-" reads; nil: "-" is refused
	roots  map[string]*os.Root
	done   map[string]resolved // by Spec.String()

	libraryDir string           // a clinic's library folder (UseLibrary); "" for the built-in library alone
	library    *content.Library // loaded on first use
	libraryErr error            // why it could not be
	// fallback is what a programme gets when an exercise lacks its
	// language (UseLanguageFallback).
	fallback content.LanguageFallback
	language string // a programme's language when it names none (UseLanguage)
}

type resolved struct {
	hf  HandoutFile
	err error
}

// NewResolver returns a resolver for handouts the user names (the command
// line): file paths may be anywhere, and "-" reads stdin (nil: refused).
func NewResolver(stdin io.Reader) *Resolver {
	return &Resolver{stdin: stdin, roots: map[string]*os.Root{}, done: map[string]resolved{}}
}

// NewResolverWithin returns a resolver for handouts named inside a file in
// dir (a patient list): file paths are relative to dir and cannot leave
// it ("..", absolute paths and symbolic links pointing outside are
// refused), as a photo's path in a handout cannot leave the handout's
// folder. "-" is refused.
func NewResolverWithin(dir string) *Resolver {
	r := NewResolver(nil)
	r.within = dir
	return r
}

// UseLibrary makes programmes and protocols resolve against the built-in
// library and the clinic's library folder dir, whose exercises and
// protocols add to the built-in ones and replace those with the same id
// (docs/library.md). Call it before the first Resolve.
func (r *Resolver) UseLibrary(dir string) { r.libraryDir = dir }

// UseLanguageFallback says what a programme gets when one of its
// exercises has no text in the programme's language: the clinic
// profile's language_fallback (content.Library.Translate).
func (r *Resolver) UseLanguageFallback(f content.LanguageFallback) { r.fallback = f }

// UseLanguage makes programmes that name no language be made in lang
// (BCP 47): the clinic profile's language:. Call it before the first
// Resolve.
func (r *Resolver) UseLanguage(lang string) { r.language = lang }

// Library returns the library programmes resolve against, loading it on
// first use. A library that cannot be read is tried once: every
// programme of a list then gets the same error, without reading the
// folder again for each.
func (r *Resolver) Library() (*content.Library, error) {
	if r.library == nil && r.libraryErr == nil {
		r.library, r.libraryErr = content.LoadLibrary(r.libraryDir, pose.BuiltinDescription)
	}
	return r.library, r.libraryErr
}

// Close closes the handout folders.
func (r *Resolver) Close() {
	for _, root := range r.roots {
		root.Close()
	}
	r.roots = map[string]*os.Root{}
}

// stdinName names standard input in messages ("<stdin>:14: …").
const stdinName = "<stdin>"

// Resolve parses the spec and reads and parses the handout it names, once
// per resolver: a second Resolve of the same handout (by Spec.String, so
// "mid-back-pain" and "builtin:mid-back-pain" alike) returns the first
// result, error included. Photos are later read from the handout's
// folder: the file's, the current folder for standard input, none for a
// built-in handout.
func (r *Resolver) Resolve(spec string) (HandoutFile, error) { return r.ResolveIn(spec, "") }

// ResolveIn is Resolve in the language lang (BCP 47; "" for the
// handout's own): a built-in handout's translation into lang
// (content.BuiltinHandout), a programme or protocol with lang as its
// language, its exercises in lang (content.Library.Translate). A handout
// file is read as it is: its own language: says what it is written in
// (render then refuses a document in another).
func (r *Resolver) ResolveIn(spec, lang string) (HandoutFile, error) {
	s, err := ParseSpec(spec)
	if err != nil {
		return HandoutFile{}, err
	}
	key := s.String()
	if lang != "" {
		key += "\x00" + lang
	}
	if d, ok := r.done[key]; ok {
		return d.hf, d.err
	}
	var hf HandoutFile
	switch s.Kind {
	case SpecBuiltin:
		hf, err = r.builtin(s, lang)
	case SpecStdin:
		hf, err = r.standardInput()
	case SpecFile:
		hf, err = r.file(s, spec)
	case SpecProgramme, SpecProtocol:
		hf, err = r.programme(s, spec, lang)
	}
	if err == nil {
		err = checkStyleName(hf.styleWhere(), hf.ownStyle())
	}
	hf.Spec = s
	r.done[key] = resolved{hf, err}
	return hf, err
}

// builtin parses a built-in handout in the language lang. An unknown
// bare name that is a file gets the advice to write ./NAME.
func (r *Resolver) builtin(s Spec, lang string) (HandoutFile, error) {
	names := content.BuiltinHandoutNames()
	if !slices.Contains(names, s.Name) {
		msg := fmt.Sprintf("unknown handout %q; built-in handouts: %s", s.Name, strings.Join(names, ", "))
		if r.isFile(s.Name) {
			msg += fmt.Sprintf("; to use the file %s, write ./%s", s.Name, s.Name)
		}
		return HandoutFile{}, errors.New(msg)
	}
	src, err := content.BuiltinHandoutSource(s.Name, lang)
	if err != nil {
		return HandoutFile{}, err
	}
	h, err := content.BuiltinHandout(s.Name, lang)
	return HandoutFile{Handout: h, src: src}, err
}

// isFile reports whether name is a regular file where a path would be
// looked for.
func (r *Resolver) isFile(name string) bool {
	if r.within == "" {
		fi, err := os.Stat(name)
		return err == nil && fi.Mode().IsRegular()
	}
	root, err := r.root(".")
	if err != nil {
		return false
	}
	fi, err := root.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// standardInput reads the handout from stdin, capped like a file, with
// photos relative to the current folder.
func (r *Resolver) standardInput() (HandoutFile, error) {
	if r.stdin == nil {
		return HandoutFile{}, errors.New("-: standard input cannot be a handout here; name a file or a built-in handout")
	}
	src, err := content.HandoutFile.ReadFrom(stdinName, r.stdin)
	if err != nil {
		return HandoutFile{}, err
	}
	h, err := content.Parse(stdinName, src)
	if err != nil {
		return HandoutFile{}, err
	}
	dir, err := r.openRoot(".")
	if err != nil {
		return HandoutFile{}, fmt.Errorf("%s: %w", stdinName, err)
	}
	return HandoutFile{Handout: h, Dir: dir, src: src}, nil
}

// file reads a handout file: as written on the command line, which its
// messages then name it by, or inside the resolver's folder, from which
// its messages then start ("lists/back.md").
func (r *Resolver) file(s Spec, written string) (HandoutFile, error) {
	if r.within == "" {
		src, err := content.HandoutFile.Read(written)
		if err != nil {
			return HandoutFile{}, err // names the file and says what is wrong
		}
		return r.parseFile(written, src, filepath.Dir(written))
	}
	within, err := r.root(".")
	if err != nil {
		return HandoutFile{}, fmt.Errorf("handout %q: %w", s.Name, err)
	}
	src, err := content.HandoutFile.ReadIn(within, s.Name)
	if err != nil {
		return HandoutFile{}, fmt.Errorf("handout %w", err)
	}
	path := filepath.FromSlash(s.Name)
	return r.parseFile(filepath.Join(r.within, path), src, filepath.Dir(path))
}

// parseFile parses a handout file's src, named path in messages, whose
// photos are in dir (as root takes it).
func (r *Resolver) parseFile(path string, src []byte, dir string) (HandoutFile, error) {
	h, err := content.Parse(path, src)
	if err != nil {
		return HandoutFile{}, err
	}
	root, err := r.root(dir)
	if err != nil {
		return HandoutFile{}, fmt.Errorf("%s: %w", path, err)
	}
	return HandoutFile{Handout: h, Dir: root, src: src}, nil
}

// root opens dir once per resolver: inside the resolver's folder ("." is
// that folder itself), or as given.
func (r *Resolver) root(dir string) (*os.Root, error) {
	if root := r.roots[dir]; root != nil {
		return root, nil
	}
	if r.within == "" {
		return r.openRoot(dir)
	}
	var root *os.Root
	var err error
	if dir == "." {
		root, err = os.OpenRoot(r.within)
	} else {
		var within *os.Root
		if within, err = r.root("."); err == nil {
			root, err = within.OpenRoot(dir) // the handout was read there: it is inside
		}
	}
	if err != nil {
		return nil, err
	}
	r.roots[dir] = root
	return root, nil
}

// openRoot opens a folder named as given, once per resolver.
func (r *Resolver) openRoot(dir string) (*os.Root, error) {
	key := "\x00" + dir // apart from root's keys, which are inside within
	if root := r.roots[key]; root != nil {
		return root, nil
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	r.roots[key] = root
	return root, nil
}

// programme resolves a programme file or a protocol against the library
// and makes it a handout, in the language lang when it is not "" (else
// the programme's own language:). A programme file named inside a
// patient list is read inside the list's folder, as a handout file is.
func (r *Resolver) programme(s Spec, written, lang string) (HandoutFile, error) {
	lib, err := r.Library()
	if err != nil {
		return HandoutFile{}, err
	}
	var src []byte
	name := written
	switch {
	case s.Kind == SpecProtocol:
		src = []byte("protocol: " + s.Name + "\n")
	case r.within == "":
		src, err = content.ProgrammeFile.Read(written)
	default:
		var within *os.Root
		if within, err = r.root("."); err == nil {
			src, err = content.ProgrammeFile.ReadIn(within, s.Name)
		}
		name = filepath.Join(r.within, filepath.FromSlash(s.Name))
	}
	if err != nil {
		return HandoutFile{}, fmt.Errorf("programme %w", err) // names the file and says what is wrong
	}
	p, warnings, err := content.ParseProgramme(name, src, lib)
	if err != nil {
		return HandoutFile{}, err
	}
	if lang != "" {
		p.Language = lang
	}
	return r.programmeFile(lib, p, warnings, src)
}

// ProgrammeColumns resolves the programme a CSV patient list's row gives
// in its protocol and exercises columns (content.ParseProgrammeColumns:
// "chin-tuck: reps 10; hold 5 s | bird-dog") against the resolver's
// library and makes it a handout, as a programme file would be. Rows
// giving the same columns share one result. Its messages and the
// warnings without a Pos name the column but not the row, which the
// caller names.
//
// lang is the row's language column (BCP 47; "" for the clinic's).
func (r *Resolver) ProgrammeColumns(protocol, exercises, lang string) (HandoutFile, error) {
	return r.rowProgramme("columns\x00"+protocol+"\x00"+exercises, lang, func(lib *content.Library) (*content.Programme, []content.ProgrammeWarning, error) {
		return content.ParseProgrammeColumns(protocol, exercises, lib)
	})
}

// ProgrammeJSON is ProgrammeColumns for a JSON Lines row: src is a JSON
// object of the row's "protocol" and "exercises" keys, read as a
// programme file's (content.ParseProgrammeJSON).
func (r *Resolver) ProgrammeJSON(src []byte, lang string) (HandoutFile, error) {
	return r.rowProgramme("json\x00"+string(src), lang, func(lib *content.Library) (*content.Programme, []content.ProgrammeWarning, error) {
		return content.ParseProgrammeJSON(src, lib)
	})
}

// rowProgramme parses a row's programme once per resolver: key is what
// it was made from, parse makes it. The key starts with "\x00", which no
// spec does, so that it has a place of its own in done.
func (r *Resolver) rowProgramme(key, lang string, parse func(*content.Library) (*content.Programme, []content.ProgrammeWarning, error)) (HandoutFile, error) {
	key = "\x00" + key
	if lang != "" {
		key += "\x00language " + lang
	}
	if d, ok := r.done[key]; ok {
		return d.hf, d.err
	}
	hf, err := func() (HandoutFile, error) {
		lib, err := r.Library()
		if err != nil {
			return HandoutFile{}, err
		}
		p, warnings, err := parse(lib)
		if err != nil {
			return HandoutFile{}, err
		}
		if lang != "" {
			p.Language = lang
		}
		return r.programmeFile(lib, p, warnings, []byte(key))
	}()
	r.done[key] = resolved{hf, err}
	return hf, err
}

// programmeFile makes a programme resolved against lib a handout: its
// exercises in its language, without the drawings not made yet, its
// photos (a clinic's exercises') in the library folder. src is the
// programme's text, for Sum.
func (r *Resolver) programmeFile(lib *content.Library, p *content.Programme, warnings []Warning, src []byte) (HandoutFile, error) {
	hf, err := programmeHandout(lib, r.fallback, p, warnings, src, r.libraryDir, r.language)
	if err != nil {
		return HandoutFile{}, err
	}
	if r.libraryDir != "" {
		// A clinic's exercises may use photos, named by their paths
		// inside the library folder (Programme.Handout).
		if hf.Dir, err = r.openRoot(r.libraryDir); err != nil {
			return HandoutFile{}, fmt.Errorf("library folder %s: %w", r.libraryDir, err)
		}
	}
	return hf, nil
}

// Warning is a problem that does not stop a handout being made (a
// programme of more than six exercises, an exercise whose drawing is not
// made yet). Its Pos names the file and line; a warning about a list
// row's own programme has none, and the front door names the row.
type Warning = content.ProgrammeWarning

// dropUndrawn takes out of a programme's handout the panels whose built-in
// drawing is not made yet (render/testdata/library-drawings-to-make.txt
// lists them), so that the exercise still prints with its steps and dose,
// and says which; a figure left without panels goes too.
func dropUndrawn(h *content.Handout) []Warning {
	drawn := map[string]bool{}
	for _, n := range pose.BuiltinNames() {
		drawn[n] = true
	}
	var warnings []Warning
	for i := range h.Sections {
		s := &h.Sections[i]
		blocks := s.Blocks[:0]
		for _, b := range s.Blocks {
			if f, ok := b.(*content.Figure); ok {
				panels := f.Panels[:0]
				for _, pn := range f.Panels {
					if name, builtin := pn.Builtin(); builtin && !drawn[name] {
						warnings = append(warnings, Warning{Pos: pn.Pos, Msg: fmt.Sprintf("exercise %s has no drawing %q yet; it is printed without it", s.ID, name)})
						continue
					}
					panels = append(panels, pn)
				}
				if f.Panels = panels; len(panels) == 0 {
					continue
				}
			}
			blocks = append(blocks, b)
		}
		s.Blocks = blocks
	}
	n := 0
	for _, s := range h.Sections {
		for _, b := range s.Blocks {
			if f, ok := b.(*content.Figure); ok {
				n++
				f.Number = n
			}
		}
	}
	return warnings
}

// HandoutFile is one handout of a job and its folder: photo paths are
// opened inside it and cannot leave it. Dir is nil for built-in handouts,
// which use drawings only. Resolve makes one; its Spec says what named it.
type HandoutFile struct {
	Handout *content.Handout
	Dir     *os.Root
	Spec    Spec
	// Programme is the patient's programme a programme file or protocol
	// named, or a list row's columns gave (its patient, date, clinician and
	// style for the front door), nil for a handout; Warnings are what did
	// not stop it being made (more than six exercises).
	Programme *content.Programme
	Warnings  []Warning
	src       []byte // the handout's Markdown (a programme's text) as read, for Sum
}

// Exercises lists the handout's exercises by their section IDs, the names
// a dose override uses.
func (hf HandoutFile) Exercises() []string { return content.SectionIDs(hf.Handout) }

// WithDoses returns the handout with the doses of the exercises named by
// their section IDs replaced (IDs the handout does not have are ignored);
// a dose that does not parse is an error.
func (hf HandoutFile) WithDoses(doses map[string]string) (HandoutFile, error) {
	h, err := content.WithDoses(hf.Handout, doses)
	if err != nil {
		return HandoutFile{}, err
	}
	hf.Handout = h
	return hf, nil
}

// Sum is the SHA-256 (hex) of what the handout is made from: its Markdown
// (a programme's text, and the library files it prints from:
// Programme.LibrarySum) and, for each photo once, its path and its bytes
// (read as a render reads them). Batch records it among a packet's
// inputs.
func (hf HandoutFile) Sum() (string, error) {
	src := hf.src
	if hf.Programme != nil {
		src = append(slices.Clip(src), "\x00library "+hf.Programme.LibrarySum()...)
	}
	if hf.Dir == nil {
		return hashBytes(src), nil
	}
	h := sha256.New()
	h.Write(src)
	for _, panel := range photoPanels(hf.Handout) {
		data, err := photo.ReadFile(hf.Dir, panel.Source)
		if err != nil {
			return "", fmt.Errorf("%s:%d: %w", panel.Pos.File, panel.Pos.Line, err) // as a render reports it
		}
		fmt.Fprintf(h, "\x00%s\x00%s", panel.Source, hashBytes(data))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// photoPanels lists the panels of a handout that are photos, once each.
func photoPanels(h *content.Handout) []content.Panel {
	var out []content.Panel
	seen := map[string]bool{}
	for _, s := range h.Sections {
		for _, b := range s.Blocks {
			fig, ok := b.(*content.Figure)
			if !ok {
				continue
			}
			for _, pn := range fig.Panels {
				if _, builtin := pn.Builtin(); !builtin && !seen[pn.Source] {
					seen[pn.Source] = true
					out = append(out, pn)
				}
			}
		}
	}
	return out
}

func hashBytes(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
