package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// TestWrite: Write and Place (Write without the folder sync) put the new
// bytes in place with the mode asked, leave no temporary file, and fail
// for a folder that is not there.
func TestWrite(t *testing.T) {
	for name, write := range map[string]func(string, []byte, os.FileMode) error{"Write": Write, "Place": Place} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.pdf")
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := write(path, []byte("new"), 0o600); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil || string(got) != "new" {
				t.Fatalf("read %q, %v", got, err)
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
				t.Errorf("mode %v, want 0600", fi.Mode().Perm())
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("left behind: %v", entries)
			}
			// A folder that does not exist: an error naming the path, nothing written.
			bad := filepath.Join(dir, "missing", "x.pdf")
			if err := write(bad, []byte("x"), 0o600); err == nil || !strings.Contains(err.Error(), bad) {
				t.Fatalf("err = %v for a missing folder, want one naming %s", err, bad)
			}
		})
	}
}

// TestWriteRefusesSpecialTargets: a named pipe, a device or a link where
// the file is to go is refused and left as it is (as root, -o /dev/full
// once replaced the device with a file).
func TestWriteRefusesSpecialTargets(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.pdf")
	pdftest.Mkfifo(t, fifo)
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink("/dev/null", link); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "folder.pdf")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo: fifo + " is a named pipe, not a regular file",
		link: link + " is a symbolic link, not a regular file",
		sub:  sub + " is a folder, not a regular file",
	} {
		for name, write := range map[string]func(string, []byte, os.FileMode) error{"Write": Write, "Place": Place} {
			before, _ := os.Lstat(path)
			err := write(path, []byte("x"), 0o600)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s %s: err = %v, want %q", name, filepath.Base(path), err, want)
			}
			if after, err := os.Lstat(path); err != nil || after.Mode() != before.Mode() {
				t.Errorf("%s %s: was %v, now %v (%v)", name, filepath.Base(path), before.Mode(), after.Mode(), err)
			}
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("left behind: %v", entries)
	}
}
