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

const mainUsage = `handout makes branded patient handout PDFs.

Usage:
  handout                         write mid-back-pain.pdf (the built-in handout)
  handout render FILE.md [flags]  render a handout (FILE may be builtin:NAME)
  handout list                    list the built-in handouts and figures
  handout figure NAME -o OUT.png  draw a built-in figure as a PNG preview
  handout batch PATIENTS.csv      one packet per patient of a list

Run 'handout COMMAND --help' for a command's flags.
`

// run is the whole program: it parses the command line, runs the command
// and returns what went wrong.
func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return runDefault(stdout)
	}
	switch args[0] {
	case "render":
		return runRender(args[1:], stdout, stderr)
	case "list":
		return runList(args[1:], stdout, stderr)
	case "figure":
		return runFigure(args[1:], stdout, stderr)
	case "batch":
		return runBatch(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		_, err := io.WriteString(stdout, mainUsage)
		return err
	}
	return usagef("unknown command %q", args[0])
}

// parseFlags parses a command's flags; --help prints usage and succeeds.
func parseFlags(fl *pflag.FlagSet, args []string, usage string, stdout io.Writer) (help bool, err error) {
	fl.SetOutput(io.Discard)
	fl.Usage = func() {}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(stdout, "%s\n\nFlags:\n%s", usage, fl.FlagUsages())
			return true, nil
		}
		return false, usagef("%v", err)
	}
	return false, nil
}
