package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"handout/content"
	"handout/figures"
	"handout/internal/atomicfile"
	"handout/layout"
	"handout/render"
)

// defaultHandout is what `handout` with no arguments writes.
const defaultHandout = "mid-back-pain"

// runDefault writes the built-in handout with the sample clinic to the
// current folder.
func runDefault(stdout io.Writer) error {
	// The built-in handout has no photos, so nothing to warn about.
	return renderTo(stdout, stdout, io.Discard, renderOptions{source: "builtin:" + defaultHandout, out: defaultHandout + ".pdf", preset: "print"})
}

// renderOptions are the render command's flags.
type renderOptions struct {
	source, out, clinic, patient, date, paper, preset, cacheDir string
	grayscale                                                   bool // --grayscale

	maxSize      string              // --max-size, "" for no budget
	passwordFile string              // --password-file; else $HANDOUT_PASSWORD
	getenv       func(string) string // os.Getenv; nil reads no environment
	stdin        io.Reader           // where "-" is read from: os.Stdin
}

const renderUsage = `Usage: handout render FILE.md [-o OUT.pdf] [--clinic PROFILE.yaml] [--patient NAME] [--date YYYY-MM-DD] [--paper letter|a4] [--preset print|email] [--grayscale]
       [--cache-dir DIR] [--max-size SIZE] [--password-file FILE]

Renders a handout (a Markdown file, - for standard input, or builtin:NAME for
a built-in one) with a clinic's branding. The output is FILE.pdf beside the
input unless -o is given; -o - writes to standard output.

--max-size (2MB, 600KB, 1.5MiB; KB/MB decimal, KiB/MiB binary) steps photos
down (email, email-small, email-smaller, email-gray) until the file fits.
--password-file FILE (its first line) or $HANDOUT_PASSWORD encrypts the PDF
with AES-256; the password is never printed.`

// renderFlags returns the render command's flags, parsed into o.
func renderFlags(o *renderOptions) *pflag.FlagSet {
	fl := pflag.NewFlagSet("render", pflag.ContinueOnError)
	fl.StringVarP(&o.out, "output", "o", "", "output file (default: the input's name with .pdf; - for standard output)")
	fl.StringVar(&o.clinic, "clinic", "", "clinic profile YAML (default: the built-in sample clinic)")
	fl.StringVar(&o.patient, "patient", "", "patient name, printed in the header of every page")
	fl.StringVar(&o.date, "date", "", "visit date (YYYY-MM-DD), printed beside the patient's name")
	fl.StringVar(&o.paper, "paper", "", "paper size: letter or a4 (default: the clinic profile's)")
	fl.StringVar(&o.preset, "preset", "print", "image preset: print or email")
	fl.StringVar(&o.cacheDir, "cache-dir", "", "keep prepared photos in this folder between runs")
	fl.BoolVar(&o.grayscale, "grayscale", false, "photos in gray, with contrast tuned for black-and-white laser printers")
	fl.StringVar(&o.maxSize, "max-size", "", "largest file size, e.g. 2MB or 600KB: photos are stepped down until the PDF fits")
	fl.StringVar(&o.passwordFile, "password-file", "", "encrypt with AES-256, the password being this file's first line (default: $"+passwordEnv+" if set)")
	completeFiles(fl, "output")
	completeFiles(fl, "clinic", "yaml", "yml")
	completeWords(fl, "paper", layout.Letter.Name, layout.A4.Name)
	completeWords(fl, "preset", figures.PresetPrint.String(), figures.PresetEmail.String())
	completeDirs(fl, "cache-dir")
	completeFiles(fl, "password-file")
	return fl
}

// renderOperands is what render's handout can be, for completion: a
// Markdown file or a built-in handout.
func renderOperands() completion {
	c := completion{files: true, exts: []string{"md"}}
	for _, name := range content.BuiltinHandoutNames() {
		c.words = append(c.words, "builtin:"+name)
	}
	return c
}

func runRender(args []string, stdout, stderr io.Writer) error {
	var o renderOptions
	fl := renderFlags(&o)
	o.getenv = os.Getenv
	if help, err := parseFlags(fl, args, renderUsage, stdout); help || err != nil {
		return err
	}
	if fl.NArg() != 1 {
		return usagef("render needs one handout file, got %d", fl.NArg())
	}
	o.source = fl.Arg(0)
	o.stdin = os.Stdin
	if o.source == "-" && o.out == "" {
		return usagef("render - reads the handout from standard input and needs -o OUT.pdf (or -o - for standard output)")
	}
	if o.out == "" {
		name := strings.TrimPrefix(o.source, "builtin:")
		o.out = strings.TrimSuffix(name, filepath.Ext(name)) + ".pdf"
	}
	if o.date != "" {
		if _, err := time.Parse("2006-01-02", o.date); err != nil {
			return usagef("--date %q: write the date as YYYY-MM-DD", o.date)
		}
	}
	if err := (content.Visit{Patient: o.patient}).Check(content.Visit{Patient: "--patient"}); err != nil {
		return usagef("%v", err)
	}
	report := stdout
	if o.out == "-" {
		report = stderr // standard output carries the PDF
	}
	return renderTo(stdout, report, stderr, o)
}

// renderTo renders one handout, to the file o.out or, for "-", to stdout,
// and reports where it went; warnings (a photo too small to print sharp)
// go to warnings.
func renderTo(stdout, report, warnings io.Writer, o renderOptions) error {
	preset, err := figures.ParsePreset(o.preset)
	if err != nil {
		return usagef("--preset: %v", err)
	}
	var paper layout.Paper
	if o.paper != "" {
		if paper, err = layout.PaperByName(o.paper); err != nil {
			return usagef("--paper: %v", err)
		}
	}
	var budget int64
	if o.maxSize != "" {
		if budget, err = render.ParseSize(o.maxSize); err != nil {
			return usagef("--max-size: %v", err)
		}
	}
	finish, err := renderEncryption(o)
	if err != nil {
		return err
	}
	j, closeDir, err := loadJob(o)
	if err != nil {
		return err
	}
	defer closeDir()
	j.Paper = paper
	j.Preset, j.Grayscale = preset, o.grayscale
	j.Warn = func(msg string) { fmt.Fprintf(warnings, "handout: warning: %s\n", msg) }
	eng, err := render.NewEngine(o.cacheDir)
	if err != nil {
		return err
	}
	doc, err := render.NewSizeFitter(eng, budget).Render(j, finish)
	if err != nil {
		return fmt.Errorf("%s: %w", o.out, err)
	}
	if o.out == "-" {
		_, err := stdout.Write(doc.Final)
		return err
	}
	if err := atomicfile.Write(o.out, doc.Final, 0o600); err != nil {
		return err
	}
	_, err = fmt.Fprintf(report, "wrote %s (%s)\n", o.out, renderSummary(doc, preset, finish != nil))
	return err
}

// renderEncryption returns what encrypts render's output, or nil when no
// password is given.
func renderEncryption(o renderOptions) (func([]byte) ([]byte, error), error) {
	getenv := o.getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	pw, err := renderPassword(o.passwordFile, getenv)
	if err != nil {
		return nil, usagef("%v", err)
	}
	if pw == "" {
		return nil, nil
	}
	enc := render.NewEncrypter()
	return func(pdf []byte) ([]byte, error) { return enc.Encrypt(pdf, pw, "") }, nil
}

// renderSummary describes a written document for the report line: pages,
// size, the photo step it fitted at if a budget moved it, and whether it is
// encrypted (never with what).
func renderSummary(doc render.Fitted, asked figures.Preset, encrypted bool) string {
	s := fmt.Sprintf("%s, %d KB", countNoun(doc.Pages, "page"), (len(doc.Final)+1023)/1024)
	if doc.Preset != asked {
		s += ", photos at " + doc.Preset.String() + " to fit --max-size"
	}
	if encrypted {
		s += ", AES-256 encrypted"
	}
	return s
}

// loadJob reads the handout and the clinic profile.
func loadJob(o renderOptions) (render.Job, func(), error) {
	j := render.Job{Patient: o.patient, Date: o.date}
	noop := func() {}
	if name, ok := strings.CutPrefix(o.source, "builtin:"); ok {
		h, err := content.BuiltinHandout(name)
		if err != nil {
			return j, noop, err
		}
		j.Handouts = []render.HandoutFile{{Handout: h}}
	} else {
		h, dir, err := loadHandout(o)
		if err != nil {
			return j, noop, err
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			return j, noop, fmt.Errorf("%s: %w", o.source, err)
		}
		j.Handouts = []render.HandoutFile{{Handout: h, Dir: root}}
		noop = func() { root.Close() }
	}
	c, err := render.LoadClinic(o.clinic)
	if err != nil {
		noop()
		return j, func() {}, err
	}
	j.Clinic = c
	return j, noop, nil
}

// stdinName names standard input in messages ("<stdin>:14: …").
const stdinName = "<stdin>"

// loadHandout reads and parses the handout o.source names, "-" for
// standard input (capped like a file), and returns the folder its photos
// are relative to: the file's, or the current folder for standard input.
func loadHandout(o renderOptions) (*content.Handout, string, error) {
	if o.source != "-" {
		h, err := content.LoadFile(o.source)
		return h, filepath.Dir(o.source), err
	}
	if o.stdin == nil {
		return nil, "", usagef("render -: no standard input")
	}
	src, err := content.HandoutFile.ReadFrom(stdinName, o.stdin)
	if err != nil {
		return nil, "", err
	}
	h, err := content.Parse(stdinName, src)
	return h, ".", err
}

const listUsage = `Usage: handout list

Lists the built-in handouts and the built-in figures a handout can use as
![caption](builtin:NAME).`

// listFlags returns the list command's flags: none but --help.
func listFlags() *pflag.FlagSet { return pflag.NewFlagSet("list", pflag.ContinueOnError) }

func runList(args []string, stdout, _ io.Writer) error {
	fl := listFlags()
	if help, err := parseFlags(fl, args, listUsage, stdout); help || err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return usagef("list takes no arguments")
	}
	var b strings.Builder
	b.WriteString("Built-in handouts (handout render builtin:NAME):\n")
	for _, n := range content.BuiltinHandoutNames() {
		h, err := content.BuiltinHandout(n)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "  %-26s %s\n", n, h.Meta.Title)
	}
	b.WriteString("\nBuilt-in figures (![caption](builtin:NAME)):\n")
	for _, n := range figures.BuiltinNames() {
		fmt.Fprintf(&b, "  %-26s %s\n", n, figures.BuiltinDescription(n))
	}
	_, err := io.WriteString(stdout, b.String())
	return err
}

const figureUsage = `Usage: handout figure NAME -o OUT.png [--width PIXELS]

Draws a built-in figure as a PNG, to check a pose by eye.`

// figureOptions are the figure command's flags.
type figureOptions struct {
	out   string
	width int
}

// figureFlags returns the figure command's flags, parsed into o.
func figureFlags(o *figureOptions) *pflag.FlagSet {
	fl := pflag.NewFlagSet("figure", pflag.ContinueOnError)
	fl.StringVarP(&o.out, "output", "o", "", "PNG file to write (required; - for standard output)")
	fl.IntVar(&o.width, "width", 600, "width in pixels")
	completeFiles(fl, "output", "png")
	return fl
}

func runFigure(args []string, stdout, stderr io.Writer) error {
	var o figureOptions
	fl := figureFlags(&o)
	if help, err := parseFlags(fl, args, figureUsage, stdout); help || err != nil {
		return err
	}
	if fl.NArg() != 1 || o.out == "" {
		return usagef("figure needs one NAME and -o OUT.png")
	}
	if o.width < 16 || o.width > 8000 {
		return usagef("--width %d: use 16 to 8000 pixels", o.width)
	}
	d, err := figures.Builtin(fl.Arg(0))
	if err != nil {
		return err
	}
	var buf strings.Builder
	if err := figures.WritePNG(&buf, d, o.width); err != nil {
		return err
	}
	if o.out == "-" {
		_, err := io.WriteString(stdout, buf.String())
		return err
	}
	if err := atomicfile.Write(o.out, []byte(buf.String()), 0o644); err != nil {
		return err
	}
	_, err = fmt.Fprintf(stderr, "wrote %s\n", o.out)
	return err
}
