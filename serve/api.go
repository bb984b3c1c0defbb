package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"handout/internal/atomicfile"
	"handout/render"
)

// apiError is the body of every error the API returns: what is wrong,
// and the programme's fields that are (POST /api/render).
type apiError struct {
	Error  string       `json:"error"`
	Field  string       `json:"field,omitempty"` // the first wrong field
	Fields []fieldError `json:"fields,omitempty"`
}

type fieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// writeError answers with status and a JSON error naming field ("" for
// none).
func writeError(w http.ResponseWriter, status int, field, msg string) {
	writeJSON(w, status, apiError{Error: msg, Field: field})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "encoding the answer failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// health is GET /api/health: the server is up and its library loaded.
func (s *Server) health(w http.ResponseWriter, _ *http.Request) {
	cat := s.catalog.Load()
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok",
		"exercises": len(cat.Exercises()), "protocols": len(cat.Protocols())})
}

// exerciseJSON is an exercise as GET /api/exercises lists it
// (docs/api.md): what a clinician picks it by, its default dose, the
// sides it can take, and its thumbnail's address ("" for none).
type exerciseJSON struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Aliases    []string `json:"aliases"`
	Regions    []string `json:"regions"`
	Conditions []string `json:"conditions"`
	Position   string   `json:"position"`
	Equipment  []string `json:"equipment"`
	Laterality string   `json:"laterality"`
	Sides      []string `json:"sides"`
	Level      string   `json:"level,omitempty"`
	Dose       doseJSON `json:"dose"`
	DoseLine   string   `json:"dose_line"`
	Thumbnail  string   `json:"thumbnail,omitempty"`
}

// doseJSON is a dose by the keys of a dose line.
type doseJSON struct {
	Sets  string `json:"sets,omitempty"`
	Reps  string `json:"reps,omitempty"`
	Hold  string `json:"hold,omitempty"`
	Rest  string `json:"rest,omitempty"`
	Load  string `json:"load,omitempty"`
	Daily string `json:"daily,omitempty"`
}

func doseOf(d render.DoseParts) doseJSON { return doseJSON(d) }

func exerciseOf(e render.ExerciseInfo) exerciseJSON {
	j := exerciseJSON{ID: e.ID, Name: e.Name, Aliases: nonNil(e.Aliases), Regions: nonNil(e.Regions), Conditions: nonNil(e.Conditions), Position: e.Position,
		Equipment: nonNil(e.Equipment), Laterality: e.Laterality, Sides: nonNil(e.Sides), Level: e.Level,
		Dose: doseOf(e.Dose), DoseLine: e.DoseLine}
	if e.Thumbnail != "" {
		j.Thumbnail = "/thumbs/" + e.Thumbnail + ".svg"
	}
	return j
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// exercises is GET /api/exercises?q=&region=&position=&equipment=&language=:
// the library's search, best matches first; in a language (es), its names
// find the exercises, which come back in it where translated.
func (s *Server) exercises(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	found := s.catalog.Load().Search(render.ExerciseQuery{Language: q.Get("language"), Text: q.Get("q"), Region: q.Get("region"),
		Position: q.Get("position"), Equipment: q.Get("equipment"), Condition: q.Get("condition")})
	out := []exerciseJSON{}
	for _, e := range found {
		out = append(out, exerciseOf(e))
	}
	writeJSON(w, http.StatusOK, map[string]any{"exercises": out})
}

// protocolJSON is a protocol as GET /api/protocols lists it.
type protocolJSON struct {
	ID        string             `json:"id"`
	Name      string             `json:"name"`
	Purpose   string             `json:"purpose,omitempty"`
	Exercises []protocolItemJSON `json:"exercises"`
}

type protocolItemJSON struct {
	ID   string   `json:"id"`
	Dose doseJSON `json:"dose"` // the protocol's, else the exercise's default
}

// protocols is GET /api/protocols: every protocol with its exercises (by
// their ids) and doses.
func (s *Server) protocols(w http.ResponseWriter, _ *http.Request) {
	out := []protocolJSON{}
	for _, p := range s.catalog.Load().Protocols() {
		pj := protocolJSON{ID: p.ID, Name: p.Name, Purpose: p.Purpose, Exercises: []protocolItemJSON{}}
		for _, it := range p.Exercises {
			pj.Exercises = append(pj.Exercises, protocolItemJSON{ID: it.ID, Dose: doseOf(it.Dose)})
		}
		out = append(out, pj)
	}
	writeJSON(w, http.StatusOK, map[string]any{"protocols": out})
}

// maxProgrammeBytes is the largest programme POST /api/render reads: a
// programme file's limit.
var maxProgrammeBytes = render.MaxProgrammeBytes

// programmeName names a programme sent to the API in its handout's
// messages (no patient name: it is not a file).
const programmeName = "programme"

// render is POST /api/render?paper=letter|a4&grayscale=true: the
// programme in the body as JSON (a programme file's keys) to a PDF, made
// by the same renderer as handout render.
func (s *Server) render(w http.ResponseWriter, r *http.Request) {
	src, ok := readProgramme(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	var grayscale *bool // not asked: the clinic profile's grayscale:
	if g := q.Get("grayscale"); g != "" {
		gray, err := strconv.ParseBool(g)
		if err != nil {
			writeError(w, http.StatusBadRequest, "grayscale", "grayscale is true or false")
			return
		}
		grayscale = &gray
	}
	hf, done, err := s.catalog.Load().ProgrammeJSON(programmeName, src)
	defer done()
	if err != nil {
		writeProgrammeError(w, err)
		return
	}
	p := hf.Programme
	set, err := render.Settings{Paper: q.Get("paper"), Grayscale: grayscale, Style: p.Style}.Check()
	if err != nil {
		// Check names the setting as the command line spells it
		// ("--paper: …"); here it is the query's paper or the
		// programme's style.
		field, msg, _ := strings.Cut(err.Error(), ": ")
		writeError(w, http.StatusBadRequest, strings.TrimPrefix(field, "--"), msg)
		return
	}
	release, err := s.acquire(r.Context())
	if err != nil {
		busy(w, err)
		return
	}
	defer release()
	// What the command line prints as "handout: warning:" the page shows
	// beside the preview: the programme's (an exercise printed in English,
	// more exercises than are done) and the render's (the clinic's words
	// not in the patient's language, a colour darkened, a photo soft).
	var warnings []string
	for _, pw := range hf.Warnings {
		warnings = append(warnings, pw.Msg) // its line in JSON the page built means nothing to staff
	}
	j := set.Job(s.cfg.Clinic, hf)
	j.Patient, j.Date = p.Patient, p.Date
	j.Warn = func(msg string) { warnings = append(warnings, msg) }
	pdf, pages, err := s.engine.Render(j)
	if err != nil {
		writeError(w, http.StatusBadRequest, "", err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="programme.pdf"`)
	w.Header().Set("X-Handout-Pages", strconv.Itoa(pages))
	if h := warningsHeader(warnings); h != "" {
		w.Header().Set(warningsHeaderName, h)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(pdf)))
	w.Write(pdf)
}

// readProgramme reads a programme POSTed as JSON, up to a programme
// file's limit; ok is false when it has answered the request itself.
func readProgramme(w http.ResponseWriter, r *http.Request) (src []byte, ok bool) {
	src, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxProgrammeBytes))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, "", fmt.Sprintf("the programme is over %d bytes", maxProgrammeBytes))
		return nil, false
	}
	return src, true
}

// chartNote is POST /api/chart-note: the programme in the body as JSON
// (POST /api/render's) as a note for the patient's chart, in plain text
// in the clinic's language (render.Catalog.ChartNote): what was given,
// for the clinician to paste into the record. Nothing is rendered.
func (s *Server) chartNote(w http.ResponseWriter, r *http.Request) {
	src, ok := readProgramme(w, r)
	if !ok {
		return
	}
	note, err := s.catalog.Load().ChartNote(programmeName, src)
	if err != nil {
		writeProgrammeError(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, note)
}

// warningsHeaderName carries a rendered PDF's warnings, so that the
// body stays the PDF itself (the page shows it as it came).
const warningsHeaderName = "X-Handout-Warnings"

// warningsHeader is warnings as a JSON array of strings, percent-encoded
// (the page reads it with decodeURIComponent): a header is read by the
// browser as Latin-1, and a warning may name an exercise in any script.
// No warning quotes the patient's name or notes (content.Translate, and
// render's warnings are about the clinic's profile and its photos).
func warningsHeader(warnings []string) string {
	if len(warnings) == 0 {
		return ""
	}
	b, err := json.Marshal(warnings)
	if err != nil {
		return "" // strings always marshal
	}
	return url.PathEscape(string(b))
}

// writeProgrammeError answers 400 with the fields a programme got wrong.
func writeProgrammeError(w http.ResponseWriter, err error) {
	var fe render.FieldErrors
	if !errors.As(err, &fe) || len(fe) == 0 {
		writeError(w, http.StatusBadRequest, "", err.Error())
		return
	}
	out := apiError{Error: fe.Error(), Field: fe[0].Field}
	for _, e := range fe {
		out.Fields = append(out.Fields, fieldError{Field: e.Field, Message: e.Msg})
	}
	writeJSON(w, http.StatusBadRequest, out)
}

// busy answers a request that found no render slot.
func busy(w http.ResponseWriter, err error) {
	if errors.Is(err, errBusy) {
		w.Header().Set("Retry-After", "2")
		writeError(w, http.StatusServiceUnavailable, "", "the server is busy making other documents; try again in a moment")
		return
	}
	writeError(w, http.StatusServiceUnavailable, "", "the request was cancelled")
}

// saveProtocol is POST /api/protocols: a protocol as JSON (a protocol
// file's keys: id, name, purpose, exercises with their doses) written as
// ID.yaml into the clinic's library folder. It refuses to replace a file
// there; the library is loaded again, so the new protocol is offered at
// once.
func (s *Server) saveProtocol(w http.ResponseWriter, r *http.Request) {
	dir := s.cfg.LibraryDir
	if dir == "" {
		writeError(w, http.StatusConflict, "", "no library folder is set; start handout serve with --library DIR, or add library: to the clinic profile")
		return
	}
	src, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxProgrammeBytes))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, "", "the protocol is too long")
		return
	}
	id, file, err := s.catalog.Load().ProtocolJSON("protocol", src)
	if err != nil {
		writeProgrammeError(w, err)
		return
	}
	path := filepath.Join(dir, id+".yaml")
	if _, err := os.Lstat(path); err == nil {
		writeError(w, http.StatusConflict, "id", fmt.Sprintf("the library folder has a file %s.yaml already; choose another id", id))
		return
	}
	header := "# Saved from the web page (handout serve). Edit it like any protocol file: docs/library.md.\n"
	if err := atomicfile.Write(path, append([]byte(header), file...), 0o644); err != nil {
		writeError(w, http.StatusInternalServerError, "", fmt.Sprintf("writing %s.yaml: %v", id, err))
		return
	}
	cat, err := render.NewCatalog(dir)
	if err != nil {
		os.Remove(path) // the library would no longer load
		writeError(w, http.StatusBadRequest, "", err.Error())
		return
	}
	cat.Fallback = s.catalog.Load().Fallback
	cat.Language = s.catalog.Load().Language
	s.catalog.Store(cat)
	writeJSON(w, http.StatusCreated, map[string]string{"id": id, "file": id + ".yaml"})
}
