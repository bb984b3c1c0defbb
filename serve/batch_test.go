package serve

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// upload sends a patient list to POST /api/batch as the page does.
func (ts *testServer) upload(t *testing.T, name, list string) *http.Response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("list", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write([]byte(list))
	mw.Close()
	return ts.post(t, "/api/batch", mw.FormDataContentType(), body.Bytes())
}

// TestBatchAllRows: a list whose rows are all fine comes back as the ZIP
// at once, and nothing is left in the temporary folder.
func TestBatchAllRows(t *testing.T) {
	t.Parallel()
	temp := t.TempDir()
	ts := startServer(t, Config{TempDir: temp})
	resp := ts.upload(t, "Today's list.jsonl", `{"id":"P1","name":"Ana Díaz","visit_date":"2026-12-01","handouts":["mid-back-pain"]}`+"\n")
	z := readAll(t, resp)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/zip" || resp.Header.Get("X-Handout-Rows") != "1" {
		t.Fatalf("upload: %d %s rows %q: %.300s", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("X-Handout-Rows"), z)
	}
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); got != "2026-12-01-P1.pdf manifest.json" {
		t.Errorf("the ZIP has %s", got)
	}
	if left, _ := os.ReadDir(temp); len(left) != 0 {
		t.Errorf("the temporary folder still has %v", left)
	}
}

// TestBatchKept: the packets of a list with a bad row wait for their
// download no longer than they are kept; then the folder is gone and the
// download says so.
func TestBatchKept(t *testing.T) {
	t.Parallel()
	temp := t.TempDir()
	ts := startServer(t, Config{TempDir: temp, BatchKeep: 300 * time.Millisecond})
	resp := ts.upload(t, "list.csv", "id,name,visit_date,handouts\nP1,Ana Díaz,2026-12-01,mid-back-pain\nP2,Ben Okafor,2026-13-01,mid-back-pain\n")
	var rep batchReport
	if err := json.Unmarshal(readAll(t, resp), &rep); err != nil || resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("upload: %d, %v", resp.StatusCode, err)
	}
	if rep.Rows != 2 || rep.Written != 1 || len(rep.Failed) != 1 || rep.Failed[0].Line != 3 || rep.Failed[0].ID != "P2" ||
		!strings.Contains(rep.Failed[0].Message, "visit_date") || rep.Download == "" {
		t.Fatalf("report: %+v", rep)
	}
	if strings.Contains(rep.Failed[0].Message, "Okafor") || strings.Contains(rep.Failed[0].Message, temp) {
		t.Errorf("the row's problem names the patient or the folder: %s", rep.Failed[0].Message)
	}
	if left, _ := os.ReadDir(temp); len(left) != 1 {
		t.Fatalf("while the packets wait, the temporary folder has %v; want one private folder", left)
	} else if fi, _ := os.Stat(temp + "/" + left[0].Name()); fi.Mode().Perm() != 0o700 {
		t.Errorf("the batch's folder has mode %v, want 0700", fi.Mode().Perm())
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		left, _ := os.ReadDir(temp)
		if len(left) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the time to keep them, the temporary folder still has %v", left)
		}
		time.Sleep(20 * time.Millisecond)
	}
	resp, err := http.Get(ts.URL + rep.Download)
	if err != nil {
		t.Fatal(err)
	}
	readAll(t, resp)
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("downloading packets kept too long: %d, want 404", resp.StatusCode)
	}
}

// TestBatchBadList: a list that cannot be read at all is one error.
func TestBatchBadList(t *testing.T) {
	t.Parallel()
	temp := t.TempDir()
	ts := startServer(t, Config{TempDir: temp})
	resp := ts.upload(t, "list.csv", "patient,when\nAna,today\n")
	var e apiError
	if err := json.Unmarshal(readAll(t, resp), &e); err != nil || resp.StatusCode != http.StatusBadRequest || e.Field != "list" {
		t.Fatalf("upload: %d %+v %v", resp.StatusCode, e, err)
	}
	if strings.Contains(e.Error, temp) {
		t.Errorf("the error names the temporary folder: %s", e.Error)
	}
	if left, _ := os.ReadDir(temp); len(left) != 0 {
		t.Errorf("the temporary folder still has %v", left)
	}
}

// TestBatchUsesTheLibrary: a list may name the clinic's own exercises
// from the folder the server was started with (--library), as the build
// page may.
func TestBatchUsesTheLibrary(t *testing.T) {
	t.Parallel()
	lib := t.TempDir()
	exercise := "---\nid: towel-neck-glide\nname: Towel neck glide\nregions: [neck]\nlaterality: both-sides\ndose: reps 8; daily 2\nsource: handout-pattern\n---\n\n" +
		"This eases a stiff neck.\n\n![Sitting tall](builtin:chin-tuck-start)\n\n1. Sit tall and hold a towel behind your neck.\n2. Pull the towel gently forward.\n3. Come back slowly.\n"
	if err := os.WriteFile(lib+"/towel.md", []byte(exercise), 0o600); err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, Config{LibraryDir: lib})
	resp := ts.upload(t, "list.csv", "id,visit_date,exercises\nP1,2026-12-01,towel-neck-glide | chin-tuck\n")
	if body := readAll(t, resp); resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("upload: %d %s: %.300s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
}
