package content

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
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

// BuiltinHandout parses the named built-in handout. The name may be given
// with or without ".md". Messages name the source "NAME.md (built-in)". An
// unknown name is an error that lists the known ones.
func BuiltinHandout(name string) (*Handout, error) {
	file, src, err := builtinHandoutFile(name)
	if err != nil {
		return nil, err
	}
	return Parse(file+builtinSuffix, src)
}

// BuiltinHandoutSource returns the Markdown of the named built-in handout,
// for users to copy as a template. The caller may modify the returned slice.
func BuiltinHandoutSource(name string) ([]byte, error) {
	_, src, err := builtinHandoutFile(name)
	return src, err
}

// builtinHandoutFile resolves a built-in handout name to its file name and
// contents.
func builtinHandoutFile(name string) (file string, src []byte, err error) {
	base := strings.TrimSuffix(name, ".md")
	for _, known := range BuiltinHandoutNames() {
		if base == known {
			file = known + ".md"
			src, err = builtinFS.ReadFile(path.Join(builtinDir, file))
			return file, src, err
		}
	}
	return "", nil, fmt.Errorf("no built-in handout %q; built-in handouts: %s",
		name, strings.Join(BuiltinHandoutNames(), ", "))
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
