package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"handout/internal/atomicfile"
	"handout/render"
)

// defaultHandout is what `handout` with no arguments writes.
const defaultHandout = "mid-back-pain"

// runDefault writes the built-in handout with the sample clinic to the
// current folder.
func runDefault(stdout io.Writer) error {
	// The built-in handout has no photos, so nothing to warn about.
	return renderTo(stdout, stdout, io.Discard, renderOptions{source: defaultHandout, out: defaultHandout + ".pdf"})
}

// renderOptions are the render command's flags.
type renderOptions struct {
	source, out, clinic, patient, date, cacheDir string
	library                                      string // --library: a clinic's folder of exercises and protocols
	language                                     string // --language: the document's language (BCP 47)
	// settings are --preset, --paper, --grayscale, --max-size and the
	// password (--password-file or $HANDOUT_PASSWORD), which render
	// checks as it checks a batch's.
	settings render.Settings
	stdin    io.Reader // where "-" is read from: os.Stdin
}

const renderUsage = `Usage: handout render FILE.md|PROGRAMME.yaml|protocol:NAME [-o OUT.pdf] [--clinic PROFILE.yaml] [--library DIR] [--patient NAME] [--date YYYY-MM-DD]
       [--language TAG] [--paper letter|a4] [--preset print|email] [--style sheet|large-print|article] [--no-tick-log] [--grayscale]
       [--cache-dir DIR] [--max-size SIZE] [--password-file FILE]

Renders a handout (a Markdown file, - for standard input, or a built-in one:
NAME or builtin:NAME) with a clinic's branding. A name without a folder and
without an extension is a built-in handout's; write ./NAME for a file.
A programme file (.yaml: a patient's exercises from the library) or a
protocol (protocol:NAME, handout list shows them) makes a handout of those
exercises, with their doses and sides, as an exercise sheet (--style sheet:
a row per exercise, 14 pt) followed by a two-week tick log (--no-tick-log
leaves it out); --style large-print prints 18 pt, one or two exercises a
page, and --style article as a handout. --library adds a clinic's folder
of exercises and protocols to the built-in ones (docs/library.md). The
output is FILE.pdf beside the input (NAME.pdf for a protocol) unless -o is
given; -o - writes to standard output.

--language (a BCP 47 tag: en-US, en-GB, es, fr, fr-CA, pt-BR, pl) prints every label, date
and dose word in that language, and makes a programme's exercises in it;
without it, the handout's or programme's language:, else the clinic
profile's language:, else en-US. A handout file written in another
language is an error: its language: says what its text is in.

--max-size (2MB, 600KB, 1.5MiB; KB/MB decimal, KiB/MiB binary) steps photos
down (email, email-small, email-smaller, email-gray) until the file fits.
--password-file FILE (its first line) or $HANDOUT_PASSWORD encrypts the PDF
with AES-256; the password is never printed.`

// languageList is the languages documents print in, by tag.
func languageList() []string {
	var tags []string
	for _, l := range render.Languages() {
		tags = append(tags, l.Tag)
	}
	return tags
}

// languageTags is languageList for help texts: "en-US, en-GB, …".
func languageTags() string { return strings.Join(languageList(), ", ") }

// styleFlagHelp is --style's help, render's and batch's.
var styleFlagHelp = "layout style: " + strings.Join(render.StyleNames(), ", ") +
	" (default: the handout's or programme's style:, the clinic profile's, else sheet for a programme, article for a handout)"

// renderFlags returns the render command's flags, parsed into o.
func renderFlags(o *renderOptions) *pflag.FlagSet {
	fl := pflag.NewFlagSet("render", pflag.ContinueOnError)
	fl.StringVarP(&o.out, "output", "o", "", "output file (default: the input's name with .pdf; - for standard output)")
	fl.StringVar(&o.clinic, "clinic", "", "clinic profile YAML (default: the built-in sample clinic)")
	fl.StringVar(&o.library, "library", "", "a clinic's folder of exercises and protocols, added to the built-in ones")
	fl.StringVar(&o.patient, "patient", "", "patient name, printed in the header of every page")
	fl.StringVar(&o.date, "date", "", "visit date (YYYY-MM-DD), printed beside the patient's name")
	fl.StringVar(&o.language, "language", "", "the document's language, a BCP 47 tag: "+languageTags()+" (default: the handout's or programme's, the clinic profile's, else en-US)")
	fl.StringVar(&o.settings.Paper, "paper", "", "paper size: letter or a4 (default: the clinic profile's)")
	fl.StringVar(&o.settings.Preset, "preset", "print", "image preset: print or email")
	fl.StringVar(&o.cacheDir, "cache-dir", "", "keep prepared photos in this folder between runs")
	fl.StringVar(&o.settings.Style, "style", "", styleFlagHelp)
	fl.BoolVar(&o.settings.NoTickLog, "no-tick-log", false, "leave out the two-week tick log that follows a programme")
	grayscaleFlag(fl, &o.settings.Grayscale)
	fl.StringVar(&o.settings.MaxSize, "max-size", "", "largest file size, e.g. 2MB or 600KB: photos are stepped down until the PDF fits")
	fl.StringVar(&o.settings.Password.File, "password-file", "", "encrypt with AES-256, the password being this file's first line (default: $"+render.PasswordEnv+" if set)")
	completeFiles(fl, "output")
	completeFiles(fl, "clinic", "yaml", "yml")
	completeWords(fl, "paper", render.PaperNames()...)
	completeWords(fl, "preset", render.PresetNames()...)
	completeWords(fl, "style", render.StyleNames()...)
	completeWords(fl, "language", languageList()...)
	completeDirs(fl, "cache-dir")
	completeDirs(fl, "library")
	completeFiles(fl, "password-file")
	return fl
}

// renderOperands is what render's handout can be, for completion: a
// Markdown file or a built-in handout.
func renderOperands() completion {
	c := completion{files: true, exts: []string{"md", "yaml", "yml"}}
	for _, name := range render.BuiltinHandoutNames() {
		c.words = append(c.words, "builtin:"+name)
	}
	for _, name := range render.BuiltinProtocolNames() {
		c.words = append(c.words, "protocol:"+name)
	}
	return c
}

func runRender(args []string, stdout, stderr io.Writer) error {
	var o renderOptions
	fl := renderFlags(&o)
	o.settings.Password.Getenv = os.Getenv
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
		o.out = defaultOutput(o.source)
	}
	if o.date != "" {
		if _, err := time.Parse("2006-01-02", o.date); err != nil {
			return usagef("--date %q: write the date as YYYY-MM-DD", o.date)
		}
	}
	if err := (render.Visit{Patient: o.patient}).Check(render.Visit{Patient: "--patient"}); err != nil {
		return usagef("%v", err)
	}
	if o.language != "" {
		if err := render.CheckLanguage(o.language); err != nil {
			return usagef("--language: %v", err)
		}
	}
	report := stdout
	if o.out == "-" {
		report = stderr // standard output carries the PDF
	}
	return renderTo(stdout, report, stderr, o)
}

// defaultOutput is the PDF's name when -o is not given: a file's name
// with .pdf beside it, a built-in handout's NAME.pdf in the current
// folder. A spec that does not parse is named as written; Resolve
// reports it.
func defaultOutput(source string) string {
	spec, err := render.ParseSpec(source)
	if err != nil || spec.Kind == render.SpecBuiltin || spec.Kind == render.SpecProtocol {
		return spec.Name + ".pdf"
	}
	return strings.TrimSuffix(source, filepath.Ext(source)) + ".pdf"
}

// renderTo renders one handout, to the file o.out or, for "-", to stdout,
// and reports where it went; warnings (a photo too small to print sharp)
// go to warnings.
func renderTo(stdout, report, warnings io.Writer, o renderOptions) error {
	set, err := o.settings.Check()
	if err != nil {
		return usagef("%v", err)
	}
	clinic, err := render.LoadClinic(o.clinic)
	if err != nil {
		return err
	}
	specs := render.NewResolver(o.stdin)
	defer specs.Close()
	library := o.library // --library wins over the profile's library:
	if library == "" {
		library = clinic.LibraryDir
	}
	specs.UseLibrary(library)
	specs.UseLanguageFallback(clinic.Profile.LanguageFallback)
	specs.UseLanguage(clinic.Profile.Language)
	hf, err := specs.ResolveIn(o.source, o.language)
	if err != nil {
		return err
	}
	for _, w := range hf.Warnings {
		fmt.Fprintf(warnings, "handout: warning: %s\n", w)
	}
	// A programme says who it is for; the flags, when given, win. (How
	// it looks, render decides: Checked.Job.)
	patient, date := o.patient, o.date
	if p := hf.Programme; p != nil {
		if patient == "" {
			patient = p.Patient
		}
		if date == "" {
			date = p.Date
		}
	}
	j := set.Job(clinic, hf)
	j.Patient, j.Date = patient, date
	j.Language = o.language
	j.Warn = func(msg string) { fmt.Fprintf(warnings, "handout: warning: %s\n", msg) }
	var enc *render.Encrypter
	if set.Encrypted {
		enc = render.NewEncrypter()
	}
	finish, err := set.Finisher(enc, "")
	if err != nil {
		return err
	}
	eng, err := render.NewEngine(o.cacheDir)
	if err != nil {
		return err
	}
	doc, err := render.NewSizeFitter(eng, set.Budget).Render(j, finish)
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
	_, err = fmt.Fprintf(report, "wrote %s (%s)\n", o.out, renderSummary(doc, set))
	return err
}

// renderSummary describes a written document for the report line: pages,
// size, the photo step it fitted at if a budget moved it, and whether it is
// encrypted (never with what).
func renderSummary(doc render.Fitted, set render.Checked) string {
	s := fmt.Sprintf("%s, %d KB", countNoun(doc.Pages, "page"), (len(doc.Final)+1023)/1024)
	if doc.Preset != set.Preset {
		s += ", photos at " + doc.Preset.String() + " to fit --max-size"
	}
	if set.Encrypted {
		s += ", AES-256 encrypted"
	}
	return s
}

const listUsage = `Usage: handout list [--region REGION] [--library DIR]

Lists the built-in handouts, the library's protocols (handout render
protocol:NAME) and exercises (for a programme file's exercises:), and the
built-in figures a handout can use as ![caption](builtin:NAME).
--region neck (low-back, shoulder, knee, …) lists only the exercises for
that region; --library adds a clinic's folder of exercises and protocols.`

// listOptions are the list command's flags.
type listOptions struct{ region, library string }

// listFlags returns the list command's flags.
func listFlags(o *listOptions) *pflag.FlagSet {
	fl := pflag.NewFlagSet("list", pflag.ContinueOnError)
	fl.StringVar(&o.region, "region", "", "only the exercises for this region (neck, mid-back, low-back, shoulder, hip, knee, …)")
	fl.StringVar(&o.library, "library", "", "a clinic's folder of exercises and protocols, added to the built-in ones")
	completeDirs(fl, "library")
	return fl
}

func runList(args []string, stdout, _ io.Writer) error {
	var o listOptions
	fl := listFlags(&o)
	if help, err := parseFlags(fl, args, listUsage, stdout); help || err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return usagef("list takes no arguments")
	}
	specs := render.NewResolver(nil)
	defer specs.Close()
	specs.UseLibrary(o.library)
	lib, err := specs.Library()
	if err != nil {
		return err
	}
	var b strings.Builder
	exercises := 0
	for _, e := range lib.Exercises() {
		if o.region == "" || slices.Contains(e.Regions, o.region) {
			exercises++
		}
	}
	if o.region != "" && exercises == 0 {
		return usagef("--region %q: no exercise is for that region; the regions are %s", o.region, strings.Join(render.Regions(lib), ", "))
	}
	if o.region == "" {
		handouts, err := render.BuiltinHandouts()
		if err != nil {
			return err
		}
		b.WriteString("Built-in handouts (handout render builtin:NAME):\n")
		for _, h := range handouts {
			fmt.Fprintf(&b, "  %-26s %s\n", h.Name, h.About)
		}
		b.WriteString("\nProtocols (handout render protocol:NAME):\n")
		for _, p := range lib.Protocols() {
			var ids []string
			for _, it := range p.Items {
				ids = append(ids, it.ID)
			}
			fmt.Fprintf(&b, "  %-26s %s: %s\n", p.ID, p.Name, strings.Join(ids, ", "))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "Exercises (a programme's exercises:, handout show ID)%s:\n", map[bool]string{true: " for " + o.region, false: ""}[o.region != ""])
	for _, e := range lib.Exercises() {
		if o.region == "" || slices.Contains(e.Regions, o.region) {
			fmt.Fprintf(&b, "  %-26s %-32s %s\n", e.ID, e.Name, strings.Join(e.Regions, ", "))
		}
	}
	if o.region == "" {
		b.WriteString("\nBuilt-in figures (![caption](builtin:NAME)):\n")
		for _, f := range render.BuiltinFigures() {
			fmt.Fprintf(&b, "  %-26s %s\n", f.Name, f.About)
		}
	}
	_, err = io.WriteString(stdout, b.String())
	return err
}

const showUsage = `Usage: handout show ID [--library DIR]

Prints one library exercise as text: its names, what it is for, its
default dose, its reading grade (for a clinic writing its own), figures,
steps, tips and cautions. ID is an exercise's id or
one of its other names (handout list shows them).`

// showFlags returns the show command's flags.
func showFlags(library *string) *pflag.FlagSet {
	fl := pflag.NewFlagSet("show", pflag.ContinueOnError)
	fl.StringVar(library, "library", "", "a clinic's folder of exercises and protocols, added to the built-in ones")
	completeDirs(fl, "library")
	return fl
}

func runShow(args []string, stdout, _ io.Writer) error {
	var library string
	fl := showFlags(&library)
	if help, err := parseFlags(fl, args, showUsage, stdout); help || err != nil {
		return err
	}
	if fl.NArg() != 1 {
		return usagef("show needs one exercise id")
	}
	specs := render.NewResolver(nil)
	defer specs.Close()
	specs.UseLibrary(library)
	lib, err := specs.Library()
	if err != nil {
		return err
	}
	e, err := lib.Exercise(fl.Arg(0), "")
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, render.ExerciseCard(e))
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
	var buf strings.Builder
	if err := render.WriteFigurePNG(&buf, fl.Arg(0), o.width); err != nil {
		return err
	}
	if o.out == "-" {
		_, err := io.WriteString(stdout, buf.String())
		return err
	}
	if err := atomicfile.Write(o.out, []byte(buf.String()), 0o644); err != nil {
		return err
	}
	_, err := fmt.Fprintf(stderr, "wrote %s\n", o.out)
	return err
}

// grayscaleFlag defines --grayscale into *gray: set only when the flag is
// given (--grayscale, --grayscale=false), so that without it the clinic
// profile's grayscale key decides.
func grayscaleFlag(fl *pflag.FlagSet, gray **bool) {
	f := fl.VarPF(optionalBool{gray}, "grayscale", "",
		"the whole document in gray for a black-and-white laser printer: colours, logo, photos (default: the clinic profile's grayscale)")
	f.NoOptDefVal = "true"
}

// optionalBool is a bool flag's value that stays nil until it is given.
type optionalBool struct{ p **bool }

func (b optionalBool) String() string {
	if b.p == nil || *b.p == nil {
		return "false"
	}
	return strconv.FormatBool(**b.p)
}

func (b optionalBool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	*b.p = &v
	return nil
}

func (optionalBool) Type() string { return "bool" }

// IsBoolFlag makes pflag treat it as the other bool flags: --grayscale
// alone means true, and help shows [=true|false].
func (optionalBool) IsBoolFlag() bool { return true }
