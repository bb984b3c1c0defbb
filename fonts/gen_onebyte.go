//go:build ignore

// gen_onebyte writes fpdf font definitions (a .json and a compressed .z)
// for one-byte-encoded subsets of the faces. Run by make_onebyte.sh; it is
// not part of the program, which embeds its output.
package main

import (
	"flag"
	"log"
	"os"

	"codeberg.org/go-pdf/fpdf"
)

func main() {
	ttf := flag.String("ttf", "", "subset TrueType font")
	enc := flag.String("map", "", "fpdf encoding map")
	out := flag.String("out", "", "output folder")
	flag.Parse()
	if err := fpdf.MakeFont(*ttf, *enc, *out, os.Stderr, true); err != nil {
		log.Fatal(err)
	}
}
