package main

import (
	"fmt"
	"strings"

	"handout/internal/inputfile"
	"handout/render"
)

// passwordEnv is the environment variable render reads a PDF password from
// when --password-file is not given.
const passwordEnv = "HANDOUT_PASSWORD"

// passwordFile is the kind of input a password file is: a line, perhaps
// with notes below it.
var passwordFile = inputfile.Kind{What: "password", Max: 64_000,
	Advice: "its first line is the password; keep it short"}

// readPasswordFile returns the first line of path, without its line ending.
// Only the first line is used, so a file with a trailing newline (as every
// editor writes) or with notes below works.
func readPasswordFile(path string) (string, error) {
	src, err := passwordFile.Read(path)
	if err != nil {
		return "", fmt.Errorf("--password-file: %w", err)
	}
	// Only the line ending is dropped; spaces are the password's, and
	// render.CheckPassword refuses them at either end.
	line, _, _ := strings.Cut(string(src), "\n")
	pw := strings.TrimRight(line, "\r")
	if err := render.CheckPassword(pw); err != nil {
		return "", fmt.Errorf("--password-file %s: first line: %w", path, err)
	}
	return pw, nil
}

// renderPassword returns the password render encrypts with: the first line
// of passwordFile if given, else $HANDOUT_PASSWORD, else "" (no
// encryption). getenv is os.Getenv outside tests.
func renderPassword(passwordFile string, getenv func(string) string) (string, error) {
	if passwordFile != "" {
		return readPasswordFile(passwordFile)
	}
	pw := getenv(passwordEnv)
	if pw == "" {
		return "", nil
	}
	if err := render.CheckPassword(pw); err != nil {
		return "", fmt.Errorf("$%s: %w", passwordEnv, err)
	}
	return pw, nil
}
