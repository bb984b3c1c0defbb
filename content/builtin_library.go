package content

import (
	"fmt"
	"hash/crc32"
	"io/fs"
	"strings"
)

// The built-in library is parsed at development time, not in every
// process: parsing its 116 files (YAML front matter and Markdown, the
// originals and their translations) took about 20 ms, half of a
// `handout render` of a five-exercise programme, to print five of them.
// builtin_library_data.go holds what parseSet makes of the files,
// field for field, as Go values the compiler lays out in the binary.
//
// The files stay the source of truth. TestBuiltinLibraryData parses them
// again and fails if the data differs; regenerate it with
//
//	go generate ./content
//
// after changing a built-in exercise or protocol. Until then a process
// that finds the files changed (builtinSources differs from the
// fingerprint the data was made from) parses them, so an edit shows at
// once, only slower.
//
// The data is shared by every Library that reads it, as one Library's
// exercises are already shared by every programme made with it: nothing
// changes an exercise after it is read (programmes copy what they adapt).
//
//go:generate go test -run TestBuiltinLibraryData -update .

// builtinSet is the built-in library's exercises and protocols, their
// translations not yet merged.
func builtinSet(describe DescribeDrawing) (librarySet, error) {
	files, err := builtinFiles()
	if err != nil {
		return librarySet{}, err
	}
	return builtinSetOf(files, describe)
}

// builtinSetOf is builtinSet of the files given.
func builtinSetOf(files []libraryFile, describe DescribeDrawing) (librarySet, error) {
	if builtinSources(files) == builtinLibraryDataSources {
		return builtinLibraryData, nil
	}
	// The files changed since the data was generated. A built-in drawing
	// never needs describe (every built-in panel has its alt text: see
	// TestBuiltinLibrary), so the data does not depend on it.
	return parseSet(files, "", describe)
}

// builtinFiles reads the embedded exercises and protocols, in the order
// fs.WalkDir gives (lexical), which parseSet's messages follow.
func builtinFiles() ([]libraryFile, error) {
	var files []libraryFile
	for _, dir := range []string{builtinExercisesDir, builtinProtocolsDir} {
		err := fs.WalkDir(builtinFS, dir, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			src, err := builtinFS.ReadFile(name)
			if err != nil {
				return err
			}
			files = append(files, libraryFile{name: strings.TrimPrefix(name, builtinDir+"/") + builtinSuffix,
				language: translationFolder(name), src: src})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("content: embedded %s: %w", dir, err)
		}
	}
	return files, nil
}

// builtinSources fingerprints the files' names and bytes: it tells whether
// builtinLibraryData was made from these files. It guards against a
// forgotten go generate, not an attacker (the files are in the binary), so
// a CRC does (the CPU's CRC-32C instruction: tens of µs for the 500 KB,
// where SHA-256 took 0.3 ms).
func builtinSources(files []libraryFile) uint32 {
	h := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	for _, f := range files {
		fmt.Fprintf(h, "%d:%s%d:", len(f.name), f.name, len(f.src))
		h.Write(f.src)
	}
	return h.Sum32()
}
