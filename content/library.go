package content

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"handout/internal/inputfile"
)

// Library is the exercises and protocols a programme may name: the
// built-in ones, and a clinic's folder that adds its own and may replace a
// built-in one by giving its id. It is read once and not changed after, so
// it may be shared by every programme of a run.
type Library struct {
	exercises map[string]*Exercise // by id
	aliases   map[string]*Exercise // by folded alias
	protocols map[string]*Protocol // by id

	// The translations (translation.go), by primary language ("es") and
	// then id: each is its original with its words in that language.
	translated map[string]map[string]*Exercise
	// translatedNames finds an original by a translation's folded name
	// or alias, by language: "gato-vaca" is cat-cow in es.
	translatedNames     map[string]map[string]*Exercise
	translatedProtocols map[string]map[string]*Protocol
}

// The kinds of file a library folder holds. An exercise is a page of text
// and a protocol a dozen lines; the limits only stop a wrong file from
// being read whole.
var (
	ExerciseFile = inputfile.Kind{What: "library exercise", Max: 200_000,
		Advice: "an exercise is one page of Markdown; check that this is the right file"}
	ProtocolFile = inputfile.Kind{What: "protocol", Max: 100_000,
		Advice: "a protocol is a few lines of YAML; check that this is the right file"}
)

// MaxLibraryFiles is how many exercise and protocol files a clinic's
// folder may hold: hundreds of exercises is a large library, and the limit
// stops a wrong folder (a home folder) from being read.
const MaxLibraryFiles = 2000

// builtinExercisesDir and builtinProtocolsDir hold the built-in library in
// builtinFS.
const (
	builtinExercisesDir = "builtin/exercises"
	builtinProtocolsDir = "builtin/protocols"
)

// BuiltinLibrary reads the built-in exercises and protocols. describe
// supplies built-in drawings' descriptions (see DescribeDrawing); nil
// requires alt text on every figure.
func BuiltinLibrary(describe DescribeDrawing) (*Library, error) {
	return LoadLibrary("", describe)
}

// LoadLibrary reads the built-in library and, when dir is not "", a
// clinic's folder of exercises (every *.md file in it or a folder inside
// it) and protocols (every *.yaml or *.yml file). The folder's files are
// read through inputfile (regular files, in the folder, size-capped);
// hidden files and folders are skipped and other files (photos) are left
// for the exercises that name them.
//
// A clinic exercise or protocol whose id is a built-in one replaces it.
// Within the built-in library, or within the folder, an id given twice is
// an error naming both files, as is an alias two exercises share. Every
// protocol's exercises must be in the library. All problems are reported
// together, each naming its file and line.
func LoadLibrary(dir string, describe DescribeDrawing) (*Library, error) {
	var errs []error
	builtin, err := builtinSet(describe)
	errs = append(errs, err)
	l := &Library{exercises: map[string]*Exercise{}, aliases: map[string]*Exercise{}, protocols: map[string]*Protocol{},
		translated: map[string]map[string]*Exercise{}, translatedNames: map[string]map[string]*Exercise{},
		translatedProtocols: map[string]map[string]*Protocol{}}
	l.add(builtin)
	var clinic librarySet
	if dir != "" {
		clinic, err = readFolderSet(dir, describe)
		errs = append(errs, err)
		l.add(clinic)
	}
	// Translations join after every original, so that each is merged with
	// the original that won: a built-in translation is dropped when the
	// clinic replaced its exercise (its words would not fit), and the
	// clinic's own translations replace the built-in ones.
	errs = append(errs, l.addTranslations(builtin, true), l.addTranslations(clinic, false))
	errs = append(errs, l.checkProtocols())
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return l, nil
}

// librarySet is what one source (the built-in files, or a folder) holds.
type librarySet struct {
	exercises []*Exercise
	protocols []*Protocol
	// The translations' words, not yet merged with their originals.
	exerciseWords []*Exercise
	protocolWords []*Protocol
}

// add puts set into l, replacing what has the same id.
func (l *Library) add(set librarySet) {
	for _, e := range set.exercises {
		if old := l.exercises[e.ID]; old != nil {
			for _, a := range old.Aliases {
				delete(l.aliases, foldName(a))
			}
		}
		l.exercises[e.ID] = e
	}
	for _, e := range set.exercises {
		for _, a := range e.Aliases {
			l.aliases[foldName(a)] = e
		}
	}
	for _, p := range set.protocols {
		l.protocols[p.ID] = p
	}
}

// addTranslations merges set's translations with l's originals. builtin
// says set is the built-in one, whose translations apply only to the
// originals that are still the built-in ones. A translation of an id that
// l does not have is an error naming its file.
func (l *Library) addTranslations(set librarySet, builtin bool) error {
	var errs []error
	for _, t := range set.exerciseWords {
		o := l.exercises[t.ID]
		switch {
		case o == nil:
			errs = append(errs, &Error{Pos: t.Pos, Msg: fmt.Sprintf("no exercise %q in the library to translate; a translation has its original's id, and the original is a file of its own in the folder above", t.ID)})
			continue
		case builtin && !strings.HasSuffix(o.Source, builtinSuffix):
			continue // the clinic replaced this exercise
		}
		e, err := translateExercise(o, t)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if l.translated[e.Language] == nil {
			l.translated[e.Language] = map[string]*Exercise{}
			l.translatedNames[e.Language] = map[string]*Exercise{}
		}
		names := l.translatedNames[e.Language]
		if old := l.translated[e.Language][e.ID]; old != nil {
			for _, a := range append([]string{old.Name}, old.Aliases...) {
				delete(names, foldName(a))
			}
		}
		l.translated[e.Language][e.ID] = e
		for i, a := range append([]string{e.Name}, e.Aliases...) {
			key := foldName(a)
			if other := names[key]; other != nil && other != o {
				what := "alias"
				if i == 0 {
					what = "name"
				}
				errs = append(errs, &Error{Pos: e.Pos, Msg: fmt.Sprintf("%s %q is also a name of %s in language %q; a name finds one exercise, change it in one of them", what, a, other.ID, e.Language)})
				continue
			}
			names[key] = o
		}
	}
	for _, t := range set.protocolWords {
		o := l.protocols[t.ID]
		switch {
		case o == nil:
			errs = append(errs, &Error{Pos: t.Pos, Msg: fmt.Sprintf("no protocol %q in the library to translate; a translation has its original's id", t.ID)})
			continue
		case builtin && !strings.HasSuffix(o.Source, builtinSuffix):
			continue
		}
		pr, err := translateProtocol(o, t)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if l.translatedProtocols[pr.Language] == nil {
			l.translatedProtocols[pr.Language] = map[string]*Protocol{}
		}
		l.translatedProtocols[pr.Language][pr.ID] = pr
	}
	return errors.Join(errs...)
}

// checkProtocols reports a protocol's exercise that is not in l, or is
// in the protocol twice (by its id, or by an alias).
func (l *Library) checkProtocols() error {
	var errs []error
	for _, p := range l.Protocols() {
		seen := map[*Exercise]bool{}
		for _, it := range p.Items {
			e, err := l.original(it.ID, "")
			switch {
			case err != nil:
				errs = append(errs, &Error{Pos: it.Pos, Msg: err.Error(), Err: err})
			case seen[e]:
				errs = append(errs, &Error{Pos: it.Pos, Msg: e.ID + " is listed twice; keep one"})
			}
			seen[e] = true
		}
	}
	return errors.Join(errs...)
}

// libraryFile is one file of a library, read.
type libraryFile struct {
	name string // for messages
	// language is the language of the folder the file is in when it is
	// a translation ("es"), "" for an original (translationFolder).
	language string
	src      []byte
}

// readFolderSet reads a clinic's library folder.
func readFolderSet(dir string, describe DescribeDrawing) (librarySet, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return librarySet{}, fmt.Errorf("library folder %s: %w", dir, err)
	}
	defer root.Close()
	var files []libraryFile
	var errs []error
	err = fs.WalkDir(root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, fmt.Errorf("library folder %s: %w", dir, err))
			return nil
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir // .git, .DS_Store's friends
			}
			return nil
		}
		kind, ok := libraryKind(name)
		if d.IsDir() || !ok {
			return nil
		}
		if len(files) == MaxLibraryFiles {
			return fmt.Errorf("library folder %s has more than %d exercise and protocol files; check that it is the right folder", dir, MaxLibraryFiles)
		}
		src, err := kind.ReadIn(root, name)
		shown := filepath.Join(dir, filepath.FromSlash(name))
		if err != nil {
			errs = append(errs, fmt.Errorf("library folder %s: %w", dir, err))
			return nil
		}
		files = append(files, libraryFile{name: shown, language: translationFolder(name), src: src})
		return nil
	})
	if err != nil {
		return librarySet{}, err
	}
	set, err := parseSet(files, dir, describe)
	return set, errors.Join(append(errs, err)...)
}

// libraryKind says what a library folder's file is by its name.
func libraryKind(name string) (inputfile.Kind, bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".md":
		return ExerciseFile, true
	case ".yaml", ".yml":
		return ProtocolFile, true
	}
	return inputfile.Kind{}, false
}

// parseSet parses the files of one library and reports ids and aliases
// given twice in it. dir is the folder photo paths are relative to.
func parseSet(files []libraryFile, dir string, describe DescribeDrawing) (librarySet, error) {
	var set librarySet
	var errs []error
	exercises := map[string]*Exercise{}
	aliases := map[string]*Exercise{}
	protocols := map[string]*Protocol{}
	translations := map[string]string{} // language and id → the file
	for _, f := range files {
		if f.language != "" {
			t, err := parseTranslation(f)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			kind, lang, id := "exercise", t.language(), t.id()
			if t.protocol != nil {
				kind = "protocol"
			}
			key := kind + " " + lang + " " + id
			if first, dup := translations[key]; dup {
				errs = append(errs, &Error{Pos: Pos{File: f.name, Line: 1}, Msg: fmt.Sprintf("%s %s is also translated into %q by %s; keep one", kind, id, lang, first)})
				continue
			}
			translations[key] = f.name
			if t.exercise != nil {
				set.exerciseWords = append(set.exerciseWords, t.exercise)
			} else {
				set.protocolWords = append(set.protocolWords, t.protocol)
			}
			continue
		}
		if strings.HasSuffix(strings.TrimSuffix(f.name, builtinSuffix), ".md") {
			e, err := ParseExercise(f.name, f.src, describe)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if dir != "" {
				e.Dir = filepath.Dir(f.name)
			}
			if first := exercises[e.ID]; first != nil {
				errs = append(errs, &Error{Pos: e.Pos, Msg: fmt.Sprintf("exercise id %q is also the id of %s (line %d); an id names one exercise, rename one of them", e.ID, first.Source, first.Pos.Line)})
				continue
			}
			exercises[e.ID] = e
			for _, a := range e.Aliases {
				key := foldName(a)
				if other := aliases[key]; other != nil && other != e {
					errs = append(errs, &Error{Pos: e.Pos, Msg: fmt.Sprintf("alias %q is also an alias of %s in %s; an alias finds one exercise, drop it from one of them", a, other.ID, other.Source)})
					continue
				}
				aliases[key] = e
			}
			set.exercises = append(set.exercises, e)
			continue
		}
		p, err := ParseProtocol(f.name, f.src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if first := protocols[p.ID]; first != nil {
			errs = append(errs, &Error{Pos: p.Pos, Msg: fmt.Sprintf("protocol id %q is also the id of %s (line %d); an id names one protocol, rename one of them", p.ID, first.Source, first.Pos.Line)})
			continue
		}
		protocols[p.ID] = p
		set.protocols = append(set.protocols, p)
	}
	return set, errors.Join(errs...)
}

// translationFile is a translation file, read: an exercise's words or a
// protocol's.
type translationFile struct {
	exercise *Exercise
	protocol *Protocol
}

func (t translationFile) id() string {
	if t.exercise != nil {
		return t.exercise.ID
	}
	return t.protocol.ID
}

func (t translationFile) language() string {
	if t.exercise != nil {
		return t.exercise.Language
	}
	return t.protocol.Language
}

// parseTranslation reads a file of a language folder.
func parseTranslation(f libraryFile) (translationFile, error) {
	if strings.HasSuffix(strings.TrimSuffix(f.name, builtinSuffix), ".md") {
		e, err := ParseExerciseTranslation(f.name, f.language, f.src)
		if e != nil {
			e.Language = PrimaryLanguage(e.Language)
		}
		return translationFile{exercise: e}, err
	}
	p, err := ParseProtocolTranslation(f.name, f.language, f.src)
	if p != nil {
		p.Language = PrimaryLanguage(p.Language)
	}
	return translationFile{protocol: p}, err
}

// foldName is a name as lookups compare it: lower case, with runs of
// spaces, "-" and "_" as one "-" ("Press up" finds "press-up").
func foldName(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t'
	}), "-")
}

// UnknownError is a name a library does not have, with the closest names
// it does.
type UnknownError struct {
	What    string // "exercise", "protocol"
	Name    string
	Closest []string
}

func (e *UnknownError) Error() string {
	s := fmt.Sprintf("no %s %q in the library", e.What, e.Name)
	if len(e.Closest) > 0 {
		s += "; did you mean " + strings.Join(e.Closest, ", ") + "?"
	}
	return s + ` ("handout list" lists them)`
}

// Exercise returns the exercise with the id, alias or name (case and
// spacing do not matter: "Press up" finds prone-press-up), in the
// language lang (BCP 47, matched by its primary language: es-MX gets the
// es translation; "" and English get the original). In a language other
// than English the translation's name and aliases find it too. An unknown
// name is an *UnknownError with the closest ids; an exercise without a
// translation into lang is a *NoTranslationError.
func (l *Library) Exercise(name, lang string) (*Exercise, error) {
	e, err := l.original(name, lang)
	if err != nil {
		return nil, err
	}
	return l.exerciseIn(e, lang)
}

// exerciseIn is the original e in the language lang.
func (l *Library) exerciseIn(e *Exercise, lang string) (*Exercise, error) {
	if isOriginalLanguage(lang) {
		return e, nil
	}
	if t := l.translated[PrimaryLanguage(lang)][e.ID]; t != nil {
		return t, nil
	}
	return nil, &NoTranslationError{What: "exercise", ID: e.ID, Language: lang}
}

// original finds the original exercise name names, by its id, an alias or
// its name, or by a translation's name or alias in the language lang.
func (l *Library) original(name, lang string) (*Exercise, error) {
	if e := l.exercises[name]; e != nil {
		return e, nil
	}
	key := foldName(name)
	if e := l.exercises[key]; e != nil {
		return e, nil
	}
	if e := l.aliases[key]; e != nil {
		return e, nil
	}
	for _, e := range l.exercises { // the name a patient's sheet shows: "Open book"
		if foldName(e.Name) == key {
			return e, nil
		}
	}
	if e := l.translatedNames[PrimaryLanguage(lang)][key]; e != nil {
		return e, nil
	}
	return nil, &UnknownError{What: "exercise", Name: name, Closest: l.ClosestExercises(name, 3)}
}

// Protocol returns the protocol with the id name in the language lang,
// as Exercise does. An unknown name is an *UnknownError with the closest
// ids; a protocol without a translation into lang is a
// *NoTranslationError.
func (l *Library) Protocol(name, lang string) (*Protocol, error) {
	if p := l.protocols[foldName(name)]; p != nil {
		if isOriginalLanguage(lang) {
			return p, nil
		}
		if t := l.translatedProtocols[PrimaryLanguage(lang)][p.ID]; t != nil {
			return t, nil
		}
		return nil, &NoTranslationError{What: "protocol", ID: p.ID, Language: lang}
	}
	ids := make([]string, 0, len(l.protocols))
	for id := range l.protocols {
		ids = append(ids, id)
	}
	return nil, &UnknownError{What: "protocol", Name: name, Closest: closest(foldName(name), ids, nil, 3)}
}

// Exercises lists the library's exercises sorted by id.
func (l *Library) Exercises() []*Exercise {
	out := make([]*Exercise, 0, len(l.exercises))
	for _, e := range l.exercises {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *Exercise) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Protocols lists the library's protocols sorted by id.
func (l *Library) Protocols() []*Protocol {
	out := make([]*Protocol, 0, len(l.protocols))
	for _, p := range l.protocols {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *Protocol) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// ClosestExercises returns up to n exercise ids closest to name, closest
// first: those whose id or an alias is a few edits away (Levenshtein
// distance at most a third of the name's length, and at least 2), contains
// name or is contained in it, or has all of its words.
func (l *Library) ClosestExercises(name string, n int) []string {
	ids := make([]string, 0, len(l.exercises))
	for id := range l.exercises {
		ids = append(ids, id)
	}
	aliasOf := map[string]string{}
	for a, e := range l.aliases {
		aliasOf[a] = e.ID
	}
	return closest(foldName(name), ids, aliasOf, n)
}

// closest ranks ids (and aliases, mapped to their ids) by edit distance to
// name, keeping those near enough to be what was meant.
func closest(name string, ids []string, aliasOf map[string]string, n int) []string {
	limit := max(2, len(name)/3)
	best := map[string]int{}
	consider := func(candidate, id string) {
		d := editDistance(name, candidate)
		if name != "" && (strings.Contains(candidate, name) || strings.Contains(name, candidate) || sameWords(name, candidate)) {
			d = min(d, limit)
		}
		if d > limit {
			return
		}
		if old, ok := best[id]; !ok || d < old {
			best[id] = d
		}
	}
	for _, id := range ids {
		consider(id, id)
	}
	for a, id := range aliasOf {
		consider(a, id)
	}
	out := make([]string, 0, len(best))
	for id := range best {
		out = append(out, id)
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(cmp.Compare(best[a], best[b]), cmp.Compare(a, b)) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// sameWords reports whether every "-"-separated word of name is a word of
// candidate: "bridge-glute" is glute-bridge.
func sameWords(name, candidate string) bool {
	words := strings.Split(candidate, "-")
	for w := range strings.SplitSeq(name, "-") {
		if !slices.Contains(words, w) {
			return false
		}
	}
	return true
}

// Query is what the library's search page asks: words to find in an
// exercise's id, name or aliases, and filters that must each match one
// entry of its lists exactly (case aside). An empty field does not filter.
type Query struct {
	// Language is the language of the names searched and returned: in
	// Spanish ("es"), "gato" finds cat-cow, which comes back in Spanish
	// when it has a translation (the original otherwise).
	Language  string
	Text      string
	Region    string
	Condition string
	Position  string
	Equipment string
}

// Search returns the exercises that match q: every word of q.Text is in
// the id, the name or an alias ("press up" finds prone-press-up by its
// alias "press-up"), and each filter matches. Exercises whose id, name or
// alias is exactly q.Text come first; then the rest by name.
func (l *Library) Search(q Query) []*Exercise {
	words := strings.Fields(strings.ReplaceAll(searchFold(q.Text), "-", " "))
	exact := foldName(q.Text)
	var out []*Exercise
	rank := map[*Exercise]int{}
	for _, e := range l.Exercises() {
		if !matchesOne(q.Region, e.Regions) || !matchesOne(q.Condition, e.Conditions) ||
			!matchesOne(q.Position, []string{e.Position}) || !matchesOne(q.Equipment, e.Equipment) {
			continue
		}
		names := append([]string{e.ID, e.Name}, e.Aliases...)
		if t, err := l.exerciseIn(e, q.Language); err == nil && t != e {
			names = append(names, t.Name)
			names = append(names, t.Aliases...)
			e = t
		}
		hay := strings.ReplaceAll(searchFold(strings.Join(names, " ")), "-", " ")
		if !allIn(words, hay) {
			continue
		}
		rank[e] = 1
		for _, n := range names {
			if exact != "" && foldName(n) == exact {
				rank[e] = 0
			}
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b *Exercise) int {
		return cmp.Or(cmp.Compare(rank[a], rank[b]), cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)))
	})
	return out
}

// searchFold is text as the search compares it: lower case, without
// accents, so that "gluteo" typed in a hurry finds "glúteo" (and "pie"
// finds "pié" misspelt): letters with a diacritic are split (NFD) and the
// marks dropped.
func searchFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func matchesOne(want string, list []string) bool {
	if want == "" {
		return true
	}
	for _, v := range list {
		if foldName(v) == foldName(want) {
			return true
		}
	}
	return false
}

func allIn(words []string, hay string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}
