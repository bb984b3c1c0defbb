package pdftest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Manifest is a batch's manifest as other tools read it: decoded here from
// its JSON, not with package batch's own types, so a change of the file's
// shape fails the tests that read it.
type Manifest struct {
	Format string        `json:"format"`
	Shard  string        `json:"shard"`
	Rows   []ManifestRow `json:"rows"`
}

// ManifestRow is one packet in a Manifest.
type ManifestRow struct {
	ID         string `json:"id"`
	File       string `json:"file"`
	Pages      int    `json:"pages"`
	PDF        string `json:"pdf_sha256"`
	Inputs     string `json:"inputs_sha256"`
	Plain      string `json:"plain_sha256"`
	PasswordFP string `json:"password_fingerprint"`
	Send       string `json:"send"`
	SentSHA256 string `json:"sent_sha256"`
}

// ManifestJournal is the journal of an unsharded batch, kept in its output
// folder until the manifest is written.
const ManifestJournal = ".manifest.json.journal"

// ReadManifest reads the manifest at path, refusing fields it does not
// know.
func ReadManifest(path string) (Manifest, error) {
	var m Manifest
	b, err := os.ReadFile(path)
	if err != nil {
		return m, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return m, dec.Decode(&m)
}

// sha256Hex is the hex SHA-256 of b, as manifests write checksums.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// CheckManifest reads the manifest dir/name and checks it against the
// folder: every row's file there with its checksum, ids sorted, and
// exactly the PDFs of wantIDs. It returns the rows by id.
func CheckManifest(t testing.TB, dir, name string, wantIDs []string) map[string]ManifestRow {
	t.Helper()
	m, err := ReadManifest(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]ManifestRow{}
	var ids []string
	for _, r := range m.Rows {
		ids = append(ids, r.ID)
		byID[r.ID] = r
		b, err := os.ReadFile(filepath.Join(dir, r.File))
		if err != nil {
			t.Errorf("manifest row %s: %v", r.ID, err)
			continue
		}
		if sha256Hex(b) != r.PDF {
			t.Errorf("manifest row %s: checksum does not match %s", r.ID, r.File)
		}
		if len(r.Inputs) != 64 || r.Pages < 3 {
			t.Errorf("manifest row %s: inputs %q, %d pages", r.ID, r.Inputs, r.Pages)
		}
	}
	if !slices.IsSorted(ids) {
		t.Error("manifest rows are not sorted by id")
	}
	want := slices.Sorted(slices.Values(wantIDs))
	if !slices.Equal(ids, want) {
		t.Errorf("manifest has %d rows, want %d:\n got %v\nwant %v", len(ids), len(want), ids, want)
	}
	return byID
}

// PDFNames lists the PDFs in dir, by name.
func PDFNames(t testing.TB, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	return names
}

// ReadTree returns the files of dir by name, with their bytes.
func ReadTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}
