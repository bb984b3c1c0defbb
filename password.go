package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"handout/render"
)

// passwordEnv is the environment variable render reads a PDF password from
// when --password-file is not given.
const passwordEnv = "HANDOUT_PASSWORD"

// readPasswordFile returns the first line of path, without its line ending.
// Only the first line is read, so a file with a trailing newline (as every
// editor writes) or with notes below works.
func readPasswordFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("--password-file: %w", err)
	}
	defer f.Close()
	line, err := bufio.NewReaderSize(io.LimitReader(f, 4096), 4096).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("--password-file %s: %w", path, err)
	}
	pw := strings.TrimRight(line, "\r\n")
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
