package main

import (
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"
)

const versionUsage = `Usage: handout version
       handout --version

Prints the version of handout, the commit it was built from (and whether
that checkout had changes not committed), the commit's time, and the Go
version and platform it was built with, as the go command recorded them
in the binary. 'go run' and 'go test' record no commit.`

func versionFlags() *pflag.FlagSet { return pflag.NewFlagSet("version", pflag.ContinueOnError) }

func runVersion(args []string, stdout, _ io.Writer) error {
	fl := versionFlags()
	if help, err := parseFlags(fl, args, versionUsage, stdout); help || err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return usagef("version takes no arguments")
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		// Only a binary built without module support has none.
		bi = &debug.BuildInfo{}
	}
	_, err := io.WriteString(stdout, formatVersion(bi))
	return err
}

// formatVersion writes the version line from the build information: the
// module's version ("(devel)" when the go command knew none), the commit
// shortened to 12 hex digits as Go's pseudo-versions do, "(modified)" for
// a checkout with uncommitted changes, the commit's time, the Go version
// and the platform.
func formatVersion(bi *debug.BuildInfo) string {
	set := make(map[string]string)
	for _, s := range bi.Settings {
		set[s.Key] = s.Value
	}
	version := bi.Main.Version
	if version == "" {
		version = "(devel)"
	}
	parts := []string{"handout " + version}
	if rev := set["vcs.revision"]; rev != "" {
		c := "commit " + rev[:min(len(rev), 12)]
		if set["vcs.modified"] == "true" {
			c += " (modified)"
		}
		if t := set["vcs.time"]; t != "" {
			c += " of " + t
		}
		parts = append(parts, c)
	} else {
		parts = append(parts, "no commit recorded")
	}
	goVersion := bi.GoVersion
	if goos, goarch := set["GOOS"], set["GOARCH"]; goos != "" && goarch != "" {
		goVersion += " " + goos + "/" + goarch
	}
	parts = append(parts, goVersion)
	return strings.Join(parts, ", ") + "\n"
}
