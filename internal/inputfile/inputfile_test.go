package inputfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

var testKind = Kind{What: "test file", Max: 1000}

type result struct {
	b   []byte
	err error
}

// promptly runs f, failing the test if it hangs.
func promptly(t *testing.T, f func() ([]byte, error)) ([]byte, error) {
	t.Helper()
	r := pdftest.Promptly(t, func() result { b, err := f(); return result{b, err} })
	return r.b, r.err
}

// setup makes base/dir with ok.txt inside, and base/secret outside.
func setup(t *testing.T) (dir, secret string, root *os.Root) {
	t.Helper()
	base := t.TempDir()
	dir = filepath.Join(base, "dir")
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	secret = filepath.Join(base, "secret")
	for path, body := range map[string]string{secret: "root:$6$hash:::", filepath.Join(dir, "sub", "ok.txt"): "fine"} {
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return dir, secret, root
}

func TestReadIn(t *testing.T) {
	dir, secret, root := setup(t)
	if err := os.Symlink(secret, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("sub/ok.txt", filepath.Join(dir, "inside")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero")); err != nil {
		t.Fatal(err)
	}
	pdftest.Mkfifo(t, filepath.Join(dir, "fifo"))
	if err := os.WriteFile(filepath.Join(dir, "big"), make([]byte, 1001), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sub/ok.txt", "inside", `sub\ok.txt`} {
		if filepath.Separator != '\\' && strings.Contains(name, `\`) {
			continue
		}
		b, err := testKind.ReadIn(root, name)
		if err != nil || string(b) != "fine" {
			t.Errorf("%s: %q, %v", name, b, err)
		}
	}
	cases := []struct {
		name string
		is   error
		msg  string
	}{
		{"link", ErrOutside, "through a symbolic link"},
		{"../secret", ErrOutside, "leaves the folder"},
		{secret, ErrOutside, "absolute path"},
		{"fifo", ErrNotRegular, "is a named pipe, not a regular file; save the test file as a file and name that"},
		{"zero", ErrOutside, "through a symbolic link"}, // /dev/zero is outside too
		{"sub", ErrNotRegular, "is a folder"},
		{"big", ErrTooLarge, "is 1.0 KB, more than the 1 KB a test file may have"},
		{"missing", os.ErrNotExist, "file not found in the folder"},
	}
	// ReadHeadIn refuses what ReadIn refuses, in the same words.
	readHead := func(name string) ([]byte, error) {
		head, _, err := testKind.ReadHeadIn(root, name, 2)
		return head, err
	}
	for _, tc := range cases {
		for _, read := range []func(string) ([]byte, error){func(name string) ([]byte, error) { return testKind.ReadIn(root, name) }, readHead} {
			_, err := promptly(t, func() ([]byte, error) { return read(tc.name) })
			if !errors.Is(err, tc.is) || !strings.HasPrefix(err.Error(), tc.name+": ") || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("%s: %v, want %v with %q", tc.name, err, tc.is, tc.msg)
			}
			if err != nil && strings.Contains(err.Error(), "$6$") {
				t.Errorf("%s: the message quotes the file: %v", tc.name, err)
			}
		}
	}
	for _, tc := range []struct {
		n     int
		head  string
		whole bool
	}{{2, "fi", false}, {4, "fine", true}, {10, "fine", true}} {
		head, whole, err := testKind.ReadHeadIn(root, "sub/ok.txt", tc.n)
		if err != nil || string(head) != tc.head || whole != tc.whole {
			t.Errorf("head of %d: %q, %t, %v; want %q, %t", tc.n, head, whole, err, tc.head, tc.whole)
		}
	}
}

func TestRead(t *testing.T) {
	dir, secret, _ := setup(t)
	fifo := filepath.Join(dir, "fifo")
	pdftest.Mkfifo(t, fifo)
	// A path the user gives may be anywhere, through links too.
	if b, err := testKind.Read(secret); err != nil || string(b) != "root:$6$hash:::" {
		t.Errorf("%q, %v", b, err)
	}
	for _, tc := range []struct {
		path string
		is   error
	}{{fifo, ErrNotRegular}, {"/dev/zero", ErrNotRegular}, {dir, ErrNotRegular}, {filepath.Join(dir, "none"), os.ErrNotExist}} {
		_, err := promptly(t, func() ([]byte, error) { return testKind.Read(tc.path) })
		if !errors.Is(err, tc.is) || !strings.HasPrefix(err.Error(), tc.path+": ") {
			t.Errorf("%s: %v, want %v", tc.path, err, tc.is)
		}
	}
	big := Kind{What: "list", Max: 2_000_000, Advice: "split it"}
	path := filepath.Join(dir, "big")
	if err := os.WriteFile(path, make([]byte, 2_500_000), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := big.Read(path)
	if want := path + ": is 2.5 MB, more than the 2 MB a list may have; split it"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestReadFrom(t *testing.T) {
	if b, err := testKind.ReadFrom("<stdin>", strings.NewReader("hello")); err != nil || string(b) != "hello" {
		t.Errorf("%q, %v", b, err)
	}
	_, err := testKind.ReadFrom("<stdin>", strings.NewReader(strings.Repeat("x", 1001)))
	if !errors.Is(err, ErrTooLarge) || err.Error() != "<stdin>: is more than the 1 KB a test file may have; check that it is the right file" {
		t.Errorf("err = %v", err)
	}
}
