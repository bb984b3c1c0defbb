// Command handout turns a clinic's exercise content into branded patient
// handout PDFs. Run it with no arguments to write the built-in mid-back
// handout; see README.md for the rest.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"

	"handout/batch"
	"handout/render"
)

// Exit codes, as README documents them.
const (
	exitOK      = 0
	exitUsage   = 1
	exitFailed  = 2
	exitPartial = 3 // batch: some rows failed, the others were written
)

func main() {
	// fpdf allocates large short-lived buffers for every document (a zlib
	// writer per stream, 65,536-entry font tables): with the collector
	// running less often a render takes about a quarter less time, for a
	// few tens of MB more peak memory. GOGC in the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(exitCode(run(os.Args[1:], os.Stdout, os.Stderr), os.Stderr))
}

// usageError is a mistake in the command line: exit code 1.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// countNoun writes a count with its noun in the singular or plural, "1
// page", "7 pages", for the nouns the messages count (all take an s).
func countNoun(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// exitCode prints err on one line and maps it to the exit code.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	var pe *batch.PartialError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "handout: %v\nRun 'handout --help' for usage.\n", err)
		return exitUsage
	case errors.As(err, &pe):
		fmt.Fprintf(stderr, "handout: %v\n", err)
		return exitPartial
	}
	// A handout with several problems reports each on its own line, each
	// naming its file and line, so all can be fixed in one go.
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(stderr, "handout: %s\n", line)
	}
	return exitFailed
}

// command is one of handout's commands: what runs it, and what help and
// the completion scripts say about it.
type command struct {
	name     string
	synopsis string // its line in the command list, after "handout "
	summary  string // what it does, in the command list
	usage    string // what --help prints above the flags
	// flags returns a new set of the command's flags, as run parses them,
	// bound to values nobody reads: help and completion are made from it,
	// so a flag added to a command is in both.
	flags func() *pflag.FlagSet
	// operands is what the words after the flags can be, for completion;
	// nil for nothing. A function, because working some out reads the
	// built-in library (about 8 ms), which a command that is run never
	// needs.
	operands func() completion
	run      func(args []string, stdout, stderr io.Writer) error
}

// commands lists handout's commands in the order help shows them. It is a
// function, not a table in a variable, because help and completion are
// commands too and read it.
func commands() []command {
	cmds := []command{
		{name: "render", synopsis: "render FILE.md [flags]", summary: "render a handout (FILE may be builtin:NAME)", usage: renderUsage,
			flags: func() *pflag.FlagSet { return renderFlags(new(renderOptions)) }, operands: renderOperands, run: runRender},
		{name: "list", synopsis: "list [--region REGION]", summary: "list the built-in handouts, protocols, exercises and figures", usage: listUsage,
			flags: func() *pflag.FlagSet { return listFlags(new(listOptions)) }, run: runList},
		{name: "show", synopsis: "show ID", summary: "print one library exercise as text", usage: showUsage,
			flags: func() *pflag.FlagSet { return showFlags(new(string)) }, operands: func() completion { return completion{words: render.BuiltinExerciseNames()} }, run: runShow},
		{name: "figure", synopsis: "figure NAME -o OUT.png", summary: "draw a built-in figure as a PNG preview", usage: figureUsage,
			flags: func() *pflag.FlagSet { return figureFlags(new(figureOptions)) }, operands: func() completion { return completion{words: render.BuiltinFigureNames()} }, run: runFigure},
		{name: "batch", synopsis: "batch PATIENTS.csv [flags]", summary: "one packet per patient of a list", usage: batchUsage,
			flags: func() *pflag.FlagSet { return batchFlags(new(batch.Options), new(bool)) }, operands: func() completion { return completion{files: true, exts: []string{"csv", "jsonl"}} }, run: runBatch},
		{name: "serve", synopsis: "serve [flags]", summary: "the front desk's web page: build a programme, batch, the clinic", usage: serveUsage,
			flags: func() *pflag.FlagSet { return serveFlags(new(serveOptions)) }, run: runServe},
		{name: "help", synopsis: "help [COMMAND]", summary: "this list, or a command's usage and flags", usage: helpUsage,
			flags: helpFlags, run: runHelp},
		{name: "version", synopsis: "version", summary: "the version, commit and Go version it was built with", usage: versionUsage,
			flags: versionFlags, run: runVersion},
		{name: "completion", synopsis: "completion bash|zsh|fish", summary: "a script that makes TAB complete handout's commands and flags", usage: completionUsage,
			flags: completionFlags, operands: func() completion { return completion{words: completionShells} }, run: runCompletion},
	}
	// help completes the commands' names, so it learns them once they are
	// all listed.
	for i := range cmds {
		if cmds[i].name == "help" {
			names := commandNamesOf(cmds)
			cmds[i].operands = func() completion { return completion{words: names} }
		}
	}
	return cmds
}

// commandNames lists the commands' names, as help and its errors give them.
func commandNames() []string { return commandNamesOf(commands()) }

func commandNamesOf(cmds []command) []string {
	var names []string
	for _, c := range cmds {
		names = append(names, c.name)
	}
	return names
}

// findCommand returns the command called name, or a usage error that
// lists the commands there are.
func findCommand(name string) (command, error) {
	for _, c := range commands() {
		if c.name == name {
			return c, nil
		}
	}
	return command{}, usagef("unknown command %q; the commands are %s", name, strings.Join(commandNames(), ", "))
}

// mainUsage is what `handout help` prints: the commands, one per line.
func mainUsage() string {
	cmds := commands()
	lines := [][2]string{{"handout", "write " + defaultHandout + ".pdf (the built-in handout)"}}
	width := len(lines[0][0])
	for _, c := range cmds {
		lines = append(lines, [2]string{"handout " + c.synopsis, c.summary})
		width = max(width, len("handout "+c.synopsis))
	}
	var b strings.Builder
	b.WriteString("handout makes branded patient handout PDFs.\n\nUsage:\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, l[0], l[1])
	}
	b.WriteString("\nRun 'handout help COMMAND' (or 'handout COMMAND --help') for a command's flags,\n'handout --version' for the version.\n")
	return b.String()
}

// run is the whole program: it parses the command line, runs the command
// and returns what went wrong.
func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return runDefault(stdout)
	}
	switch args[0] {
	case "-h", "--help":
		_, err := io.WriteString(stdout, mainUsage())
		return err
	case "--version":
		return runVersion(args[1:], stdout, stderr)
	}
	c, err := findCommand(args[0])
	if err != nil {
		return err
	}
	return c.run(args[1:], stdout, stderr)
}

const helpUsage = `Usage: handout help [COMMAND]

Lists the commands, or prints a command's usage and flags: 'handout help
render' prints what 'handout render --help' prints.`

func helpFlags() *pflag.FlagSet { return pflag.NewFlagSet("help", pflag.ContinueOnError) }

func runHelp(args []string, stdout, _ io.Writer) error {
	fl := helpFlags()
	if help, err := parseFlags(fl, args, helpUsage, stdout); help || err != nil {
		return err
	}
	switch fl.NArg() {
	case 0:
		_, err := io.WriteString(stdout, mainUsage())
		return err
	case 1:
		c, err := findCommand(fl.Arg(0))
		if err != nil {
			return err
		}
		return writeUsage(stdout, c.usage, c.flags())
	}
	return usagef("help takes one command name, got %d; the commands are %s", fl.NArg(), strings.Join(commandNames(), ", "))
}

// parseFlags parses a command's flags; --help prints usage and succeeds.
func parseFlags(fl *pflag.FlagSet, args []string, usage string, stdout io.Writer) (help bool, err error) {
	fl.SetOutput(io.Discard)
	fl.Usage = func() {}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return true, writeUsage(stdout, usage, fl)
		}
		return false, usagef("%v", err)
	}
	return false, nil
}

// writeUsage prints a command's usage and its flags, for --help and help
// COMMAND alike.
func writeUsage(w io.Writer, usage string, fl *pflag.FlagSet) error {
	if !fl.HasFlags() {
		_, err := fmt.Fprintf(w, "%s\n", usage)
		return err
	}
	_, err := fmt.Fprintf(w, "%s\n\nFlags:\n%s", usage, fl.FlagUsages())
	return err
}
