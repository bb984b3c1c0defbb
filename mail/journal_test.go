package mail

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// TestJournalIsNotFollowed: a link or a named pipe planted where the send
// journal goes is refused at once, and a link's target is not written to.
func TestJournalIsNotFollowed(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	if err := os.WriteFile(victim, []byte("keep\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(dir, JournalName)); err != nil {
		t.Fatal(err)
	}
	j, err := OpenJournal(dir)
	if err == nil {
		j.record(Record{ID: "P1", Status: StatusSent})
		j.Close()
	}
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("err = %v, want the link refused", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep\n" {
		t.Errorf("the link's target was written: %q", b)
	}

	fifoDir := t.TempDir()
	pdftest.Mkfifo(t, filepath.Join(fifoDir, JournalName))
	err = pdftest.Promptly(t, func() error {
		j, err := OpenJournal(fifoDir)
		if err == nil {
			j.Close()
		}
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("err = %v, want the pipe refused", err)
	}
}
