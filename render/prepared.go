package render

import (
	"embed"
	"io/fs"
)

// The sample clinic's logo, prepared ahead for every style and photo
// preset, in colour and in gray, in the photo cache's layout (photo.NewPreparer's seed):
// preparing it resizes and encodes a PNG, about a third of a `handout
// render` process that has no photos of its own. TestPreparedSeed
// prepares it again and fails when the files differ; regenerate them with
//
//	go generate ./render
//
// after a change to the logo, the styles' header or the photo code.
//
//go:generate go test -run TestPreparedSeed -update-seed .
//go:embed prepared
var prepared embed.FS

// preparedSeed is the prepared/ folder as a cache folder.
func preparedSeed() fs.FS {
	seed, err := fs.Sub(prepared, "prepared")
	if err != nil { // the folder is embedded: this cannot happen
		panic(err)
	}
	return seed
}
