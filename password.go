package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"handout/render"
)

// passwordEnv is the environment variable render reads a PDF password from
// when --password-file is not given.
const passwordEnv = "HANDOUT_PASSWORD"

// errPasswordSpace is a password that starts or ends with a space. A
// patient types the password they are given and cannot see a space at
// its end, so a PDF encrypted with it would not open for them; it is
// refused rather than trimmed, because trimming would make a PDF whose
// password differs from what the file or variable says.
var errPasswordSpace = errors.New("the password starts or ends with a space, which a patient would not know to type; remove the space")

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
	// Only the line ending is dropped; spaces are the password's, and
	// checkPassword refuses them at either end.
	pw := strings.TrimRight(line, "\r\n")
	if err := checkPassword(pw); err != nil {
		return "", fmt.Errorf("--password-file %s: first line: %w", path, err)
	}
	return pw, nil
}

// checkPassword is render.CheckPassword, and refuses a password that
// starts or ends with a space (errPasswordSpace).
func checkPassword(pw string) error {
	if strings.TrimFunc(pw, unicode.IsSpace) != pw {
		return errPasswordSpace
	}
	return render.CheckPassword(pw)
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
	if err := checkPassword(pw); err != nil {
		return "", fmt.Errorf("$%s: %w", passwordEnv, err)
	}
	return pw, nil
}
