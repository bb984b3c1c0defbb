package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
)

// builtinFS holds the built-in handouts (builtin/*.md) and the sample clinic
// profile with its logo. Embedded files are immutable, so package state is
// safe here.
//
//go:embed builtin
var builtinFS embed.FS

const (
	builtinDir = "builtin"
	// sampleClinicFile is the sample profile inside builtinDir; its logo
	// path is relative to builtinDir.
	sampleClinicFile = "drummond-chiropractic.yaml"
	// builtinSuffix marks built-in sources in messages, e.g.
	// "mid-back-pain.md (built-in):12: …".
	builtinSuffix = " (built-in)"
)

// BuiltinHandoutNames lists the built-in handouts by name ("mid-back-pain"),
// sorted.
func BuiltinHandoutNames() []string {
	entries, err := builtinFS.ReadDir(builtinDir)
	if err != nil {
		panic("content: embedded builtin directory missing: " + err.Error())
	}
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".md"); ok && !e.IsDir() {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// BuiltinHandout parses the named built-in handout in the language lang
// (BCP 47, matched by its primary language: "es-MX" gets
// builtin/es/NAME.md; "" and English get the original). The name may be
// given with or without ".md". Messages name the source "NAME.md
// (built-in)" or "es/NAME.md (built-in)". An unknown name is an error
// that lists the known ones, a language the handout is not written in one
// that lists the languages it is.
func BuiltinHandout(name, lang string) (*Handout, error) {
	file, src, err := builtinHandoutFile(name, lang)
	if err != nil {
		return nil, err
	}
	return Parse(file+builtinSuffix, src)
}

// BuiltinHandoutSource returns the Markdown of the named built-in handout
// in the language lang (as BuiltinHandout), for users to copy as a
// template. The caller may modify the returned slice.
func BuiltinHandoutSource(name, lang string) ([]byte, error) {
	_, src, err := builtinHandoutFile(name, lang)
	return src, err
}

// BuiltinHandoutLanguages lists the languages the named built-in handout
// is written in: LibraryLanguage first, then its translations' folders,
// sorted.
func BuiltinHandoutLanguages(name string) []string {
	base := strings.TrimSuffix(name, ".md")
	out := []string{LibraryLanguage}
	entries, _ := builtinFS.ReadDir(builtinDir)
	for _, e := range entries {
		if e.IsDir() && translationFolder(e.Name()+"/x") != "" {
			if _, err := fs.Stat(builtinFS, path.Join(builtinDir, e.Name(), base+".md")); err == nil {
				out = append(out, e.Name())
			}
		}
	}
	return out
}

// builtinHandoutFile resolves a built-in handout name and a language to
// its file name (inside builtinDir) and contents.
func builtinHandoutFile(name, lang string) (file string, src []byte, err error) {
	base := strings.TrimSuffix(name, ".md")
	if !slices.Contains(BuiltinHandoutNames(), base) {
		return "", nil, fmt.Errorf("no built-in handout %q; built-in handouts: %s",
			name, strings.Join(BuiltinHandoutNames(), ", "))
	}
	file = base + ".md"
	if !isOriginalLanguage(lang) {
		file = PrimaryLanguage(lang) + "/" + file
	}
	src, err = builtinFS.ReadFile(path.Join(builtinDir, file))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil, fmt.Errorf("built-in handout %s is not written in language %q; it is in: %s",
			base, lang, strings.Join(BuiltinHandoutLanguages(base), ", "))
	}
	return file, src, err
}

// SampleClinic parses the embedded sample clinic profile (Drummond
// Chiropractic). Its Logo is a path within SampleClinicFS.
func SampleClinic() (*Clinic, error) {
	src, err := builtinFS.ReadFile(path.Join(builtinDir, sampleClinicFile))
	if err != nil {
		return nil, err
	}
	return ParseClinic(sampleClinicFile+builtinSuffix, src)
}

// SampleClinicFS returns a file system rooted where the sample clinic's
// relative paths (its logo) resolve.
func SampleClinicFS() fs.FS {
	sub, err := fs.Sub(builtinFS, builtinDir)
	if err != nil {
		panic("content: embedded builtin directory missing: " + err.Error())
	}
	return sub
}
