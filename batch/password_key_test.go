package batch

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// TestPasswordKey: the key is made once per folder, 0600, and shards that
// start together agree on it; a key readable by others or not written by
// the program is refused. Fingerprints differ by key, id and password.
func TestPasswordKey(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	keys := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range keys {
		wg.Go(func() {
			var err error
			if keys[i], err = loadPasswordKey(dir); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for _, k := range keys[1:] {
		if !bytes.Equal(k, keys[0]) || len(k) != 32 {
			t.Fatalf("shards got different keys: %x, %x", k, keys[0])
		}
	}
	path := filepath.Join(dir, passwordKeyName)
	if fi, err := os.Stat(path); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
		t.Errorf("key file: %v, %v", fi, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left in the folder: %v", entries)
	}
	fp := passwordFingerprint(keys[0], "P1", "pw-1")
	other := t.TempDir()
	k2, err := loadPasswordKey(other)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []string{passwordFingerprint(keys[0], "P2", "pw-1"), passwordFingerprint(keys[0], "P1", "pw-2"), passwordFingerprint(k2, "P1", "pw-1")} {
		if o == fp || len(o) != 64 {
			t.Errorf("fingerprint %s = %s", o, fp)
		}
	}
	if strings.Contains(fp, "pw-1") || passwordFingerprint(keys[0], "P1", "pw-1") != fp {
		t.Error("the fingerprint is not a stable hash")
	}
	if runtime.GOOS != "windows" {
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loadPasswordKey(dir); err == nil || !strings.Contains(err.Error(), "chmod 600") {
			t.Errorf("a key readable by others: %v", err)
		}
	}
	if err := os.WriteFile(filepath.Join(other, passwordKeyName), []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := loadPasswordKey(other); err == nil || !strings.Contains(err.Error(), "not a key this program wrote") {
		t.Errorf("a damaged key: %v", err)
	}
}
