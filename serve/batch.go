package serve

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"handout/batch"
)

// listMB is the largest patient list in MB, batch's own limit (which batch
// checks and words), and maxUploadBytes the largest upload POST /api/batch
// reads: such a list and the form around it.
const (
	listMB         = 100
	maxUploadBytes = (listMB + 1) * 1_000_000
)

// batchStore keeps the folders of batches whose packets wait for their
// download: each private (mode 0700), removed after its download or
// after keep, whichever comes first.
type batchStore struct {
	tempDir string
	keep    time.Duration
	mu      sync.Mutex
	pending map[string]*pendingBatch
}

type pendingBatch struct {
	dir   string
	timer *time.Timer
}

func newBatchStore(tempDir string, keep time.Duration) *batchStore {
	return &batchStore{tempDir: tempDir, keep: keep, pending: map[string]*pendingBatch{}}
}

// add keeps dir until its download or keep; it returns the token that
// downloads it.
func (b *batchStore) add(dir string) string {
	var raw [16]byte
	rand.Read(raw[:])
	token := hex.EncodeToString(raw[:])
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending[token] = &pendingBatch{dir: dir, timer: time.AfterFunc(b.keep, func() { b.remove(token) })}
	return token
}

// take hands a waiting batch's folder to its download, once.
func (b *batchStore) take(token string) (string, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p, ok := b.pending[token]
	if !ok {
		return "", false
	}
	p.timer.Stop()
	delete(b.pending, token)
	return p.dir, true
}

func (b *batchStore) remove(token string) {
	if dir, ok := b.take(token); ok {
		os.RemoveAll(dir)
	}
}

// removeAll removes every waiting batch's folder (at shutdown).
func (b *batchStore) removeAll() {
	b.mu.Lock()
	tokens := make([]string, 0, len(b.pending))
	for t := range b.pending {
		tokens = append(tokens, t)
	}
	b.mu.Unlock()
	for _, t := range tokens {
		b.remove(t)
	}
}

// batchReport is POST /api/batch's answer when some rows failed: every
// row's check by line and id (never the name), and where the packets of
// the other rows are.
type batchReport struct {
	Rows     int         `json:"rows"`
	Written  int         `json:"written"`
	Failed   []rowReport `json:"failed"`
	Download string      `json:"download,omitempty"`
	Warnings []string    `json:"warnings,omitempty"`
}

type rowReport struct {
	Line    int    `json:"line"`
	ID      string `json:"id,omitempty"`
	Message string `json:"message"`
}

// batch is POST /api/batch: a patient list (the multipart field "list";
// CSV, or JSON Lines when its name ends in .jsonl) made into packets by
// handout batch's own code, in a private temporary folder. Every row
// fine: the ZIP of the packets and the manifest at once, and the folder
// removed. Some rows failed: 422 with the rows' problems and, if any
// packet was made, a download address for the ZIP of the others.
func (s *Server) batch(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadBytes)
	dir, err := os.MkdirTemp(s.cfg.TempDir, "handout-batch-") // mode 0700
	if err != nil {
		writeError(w, http.StatusInternalServerError, "", "no temporary folder could be made")
		return
	}
	keep := false
	defer func() {
		if !keep {
			os.RemoveAll(dir)
		}
	}()
	list, listName, err := receiveList(r, dir)
	if err != nil {
		writeError(w, http.StatusBadRequest, "list", err.Error())
		return
	}
	release, err := s.acquire(r.Context())
	if err != nil {
		busy(w, err)
		return
	}
	report, runErr := s.runBatch(r.Context(), list, listName, filepath.Join(dir, "out"))
	release()
	os.Remove(list) // the packets need it no longer
	if runErr != nil && len(report.Failed) == 0 && !errors.As(runErr, new(*batch.PartialError)) {
		writeError(w, http.StatusBadRequest, "list", strings.ReplaceAll(runErr.Error(), list, listName))
		return
	}
	if len(report.Failed) == 0 {
		w.Header().Set("Content-Type", "application/zip")
		w.Header().Set("Content-Disposition", `attachment; filename="packets.zip"`)
		w.Header().Set("X-Handout-Rows", strconv.Itoa(report.Rows))
		w.Header().Set("X-Handout-Written", strconv.Itoa(report.Written))
		if h := warningsHeader(report.Warnings); h != "" {
			w.Header().Set(warningsHeaderName, h)
		}
		writeZip(w, filepath.Join(dir, "out"))
		return
	}
	if report.Written > 0 {
		keep = true
		report.Download = "/api/batch/" + s.batches.add(dir)
	}
	writeJSON(w, http.StatusUnprocessableEntity, report)
}

// receiveList writes the form's "list" file into dir as patients.csv (or
// patients.jsonl when its name ends in .jsonl, which batch reads as JSON
// Lines), straight from the request: the list never lands anywhere else
// (r.FormFile would keep a large one in the system's temporary folder).
func receiveList(r *http.Request, dir string) (path, name string, err error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return "", "", errors.New(`send the patient list as multipart/form-data, in the field "list"`)
	}
	for {
		part, err := mr.NextPart()
		if err != nil {
			return "", "", fmt.Errorf(`no field "list" with the patient list (at most %d MB)`, listMB)
		}
		if part.FormName() != "list" {
			part.Close()
			continue
		}
		name = "patients.csv"
		if strings.EqualFold(filepath.Ext(part.FileName()), ".jsonl") {
			name = "patients.jsonl"
		}
		path = filepath.Join(dir, name)
		err = saveUpload(path, part)
		part.Close()
		if err != nil {
			return "", "", fmt.Errorf("the list could not be received (at most %d MB): %v", listMB, err)
		}
		return path, name, nil
	}
}

func saveUpload(path string, src io.Reader) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, src); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Lines of batch's report (README, "What is checked"): a row's problem,
// "handout: LIST:LINE (id ID): MESSAGE", and the summary, "handout: N
// rows: W written, S skipped, F failed in …". A test of the page's
// upload ties them to batch's words.
var (
	rowLine     = regexp.MustCompile(`^handout: (.+?):(\d+)(?: \(id ([^)]*)\))?: (.*)$`)
	summaryLine = regexp.MustCompile(`^handout: (\d+) rows?: (\d+) written, (\d+) skipped, (\d+) failed`)
	warningLine = regexp.MustCompile(`^handout: warning: (.*)$`)
)

// pageWarning is a batch warning as the page shows it: the page is about
// the one list uploaded, whose name there is the server's own, so
// "patients.csv:4 (id P3): …" reads "line 4 (id P3): …" and
// "patients.csv: …" loses the name.
func pageWarning(w, listName string) string {
	rest, ok := strings.CutPrefix(w, listName+":")
	switch {
	case !ok:
		return w
	case rest != "" && rest[0] >= '0' && rest[0] <= '9':
		return "line " + rest
	}
	return strings.TrimSpace(rest)
}

// runBatch makes the packets of the list into out with handout batch's
// code (the same checks, packets and manifest as the command) and reads
// its report. Its messages name rows by line and id, never by name.
func (s *Server) runBatch(ctx context.Context, list, listName, out string) (batchReport, error) {
	b, err := batch.New(batch.Options{List: list, Clinic: s.cfg.ClinicPath, Library: s.cfg.LibraryDir, OutDir: out, Jobs: s.cfg.Renders})
	if err != nil {
		return batchReport{}, err
	}
	var stderr bytes.Buffer
	runErr := b.Run(ctx, func(string) string { return "" }, &stderr)
	rep := batchReport{Failed: []rowReport{}}
	for _, line := range strings.Split(stderr.String(), "\n") {
		line = strings.ReplaceAll(line, list, listName)
		if m := warningLine.FindStringSubmatch(line); m != nil {
			rep.Warnings = append(rep.Warnings, pageWarning(m[1], listName))
			continue
		}
		if m := summaryLine.FindStringSubmatch(line); m != nil {
			rep.Rows, _ = strconv.Atoi(m[1])
			w, _ := strconv.Atoi(m[2])
			sk, _ := strconv.Atoi(m[3])
			rep.Written = w + sk
			continue
		}
		if m := rowLine.FindStringSubmatch(line); m != nil && m[1] == listName {
			n, _ := strconv.Atoi(m[2])
			rep.Failed = append(rep.Failed, rowReport{Line: n, ID: m[3], Message: m[4]})
		}
	}
	return rep, runErr
}

// batchDownload is GET /api/batch/TOKEN: the ZIP of a batch that had
// failed rows, once; the folder is removed after it.
func (s *Server) batchDownload(w http.ResponseWriter, r *http.Request) {
	dir, ok := s.batches.take(r.PathValue("token"))
	if !ok {
		writeError(w, http.StatusNotFound, "", "these packets are gone (downloaded already, or kept too long); upload the list again")
		return
	}
	defer os.RemoveAll(dir)
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="packets.zip"`)
	writeZip(w, filepath.Join(dir, "out"))
}

// writeZip writes the packets and the manifest of a batch's folder as a
// ZIP: the PDFs stored as they are (already compressed), the manifest
// deflated. Hidden files (the journals, the password key) stay out.
func writeZip(w io.Writer, dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		method := zip.Deflate
		if strings.HasSuffix(e.Name(), ".pdf") {
			method = zip.Store
		}
		if err := addZipFile(zw, filepath.Join(dir, e.Name()), e.Name(), method); err != nil {
			return fmt.Errorf("zip: %s: %w", e.Name(), err)
		}
	}
	return zw.Close()
}

func addZipFile(zw *zip.Writer, path, name string, method uint16) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	dst, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: time.Now()})
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, f)
	return err
}
