package batch

import (
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"handout/internal/inputfile"
)

// passwordKeyName is the file in an output folder that holds the key of
// its password fingerprints: 32 random bytes, in hex, mode 0600. Shards
// sharing a folder share it.
const passwordKeyName = ".password-key"

// fingerprintRounds is the PBKDF2 iteration count of a password
// fingerprint. The key makes a manifest that travels alone (to a
// colleague, into a ticket or a backup) useless for guessing passwords.
// Whoever also has the key has the output folder, and so the encrypted
// packets, whose revision-6 password check (at least 64 rounds of
// SHA-2 and AES over the password repeated 64 times) they could attack
// instead; 1,024 rounds (about 0.4 ms on the development machine) keep
// the fingerprint from being the cheaper of the two.
const fingerprintRounds = 1024

// passwordFingerprint is what the manifest records of a row's password:
// PBKDF2-HMAC-SHA256 of the password, salted with the folder's key and
// the row's id (so that equal passwords of two patients do not look
// equal, and one guess tests one row only).
func passwordFingerprint(key []byte, id, password string) string {
	salt := append([]byte("handout-password/1\x00"+id+"\x00"), key...)
	fp, err := pbkdf2.Key(sha256.New, password, salt, fingerprintRounds, 32)
	if err != nil {
		panic("passwordFingerprint: " + err.Error()) // only for FIPS-only builds with a short password; not ours
	}
	return hex.EncodeToString(fp)
}

// loadPasswordKey returns the output folder's fingerprint key, making it
// on first use. It is made beside its place and linked there, so that two
// shards starting together agree on one key and neither reads a half
// written one.
func loadPasswordKey(dir string) ([]byte, error) {
	path := filepath.Join(dir, passwordKeyName)
	key, err := readPasswordKey(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return key, err
	}
	key = make([]byte, 32)
	rand.Read(key) // never fails (crypto/rand, Go 1.24 on)
	tmp, err := os.CreateTemp(dir, "."+passwordKeyName+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("making %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	err = tmp.Chmod(0o600)
	if err == nil {
		_, err = tmp.WriteString(hex.EncodeToString(key) + "\n")
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Link(tmp.Name(), path)
		if err != nil && !errors.Is(err, fs.ErrExist) {
			// A file system without hard links (some network shares):
			// a rename, which a shard starting at the same moment may
			// race; then the packets of one are encrypted again later.
			err = os.Rename(tmp.Name(), path)
		}
	}
	if errors.Is(err, fs.ErrExist) {
		return readPasswordKey(path) // another shard made it first
	}
	if err != nil {
		return nil, fmt.Errorf("making %s: %w", path, err)
	}
	return key, nil
}

// passwordKeyFile is the key file as an input: 64 hex digits and a line end.
var passwordKeyFile = inputfile.Kind{What: "password key", Max: 1024}

// readPasswordKey reads a key file written by loadPasswordKey.
func readPasswordKey(path string) ([]byte, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file; move it away", path)
	}
	// Windows reports 0666 for any file it lets be written; its access
	// rules are not in the mode.
	if runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%s can be read by others (mode %04o); make it private with chmod 600", path, fi.Mode().Perm())
	}
	b, err := passwordKeyFile.Read(path)
	if err != nil {
		return nil, err
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(key) != 32 {
		return nil, fmt.Errorf("%s is not a key this program wrote; move it away (the encrypted packets are then made again, and count as changed for --send)", path)
	}
	return key, nil
}
