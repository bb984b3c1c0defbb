package serve

import (
	"bytes"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"time"

	"handout/render"
)

// pages are the server-rendered HTML pages: assets/*.html, each
// defining its "main" inside layout.html.
type pages struct {
	byName map[string]*template.Template
}

func loadPages() (*pages, error) {
	p := &pages{byName: map[string]*template.Template{}}
	for _, name := range []string{"build", "batch", "clinic"} {
		t, err := template.ParseFS(static, "assets/layout.html", "assets/"+name+".html")
		if err != nil {
			return nil, err
		}
		p.byName[name] = t
	}
	return p, nil
}

// pageData is what every page shows: the clinic's name and which page
// is open, and the page's own data.
type pageData struct {
	Clinic string
	Page   string
	Title  string
	Data   any
}

func (s *Server) page(w http.ResponseWriter, name, title string, data any) {
	var b bytes.Buffer
	err := s.pages.byName[name].ExecuteTemplate(&b, "layout", pageData{Clinic: s.cfg.Clinic.Profile.Name, Page: name, Title: title, Data: data})
	if err != nil {
		http.Error(w, "the page could not be made", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// option is one choice of a <select>.
type option struct {
	Value, Label string
	Selected     bool
}

// buildData is the build page's choices.
type buildData struct {
	Protocols                 []option
	Regions, Conditions       []string
	Positions, Equipment      []string
	Clinicians                []string
	Styles, Papers, Languages []option
	Today                     string
	CanSave                   bool // a library folder is set: "Save as protocol" works
}

// sameLanguage reports whether a listed language is the one chosen
// (the profile may write "en" for en-US, "pt" for pt-BR).
func sameLanguage(listed, chosen string) bool {
	if strings.EqualFold(listed, chosen) {
		return true
	}
	return render.LanguageOf(chosen) == listed
}

// buildPage is GET /: build a programme.
func (s *Server) buildPage(w http.ResponseWriter, _ *http.Request) {
	cat := s.catalog.Load()
	d := buildData{Clinicians: s.cfg.Clinic.Profile.Clinicians, Today: time.Now().Format(time.DateOnly),
		CanSave: s.cfg.LibraryDir != "",
	}
	// The languages documents print in; the clinic's is chosen.
	chosen := render.Languages()[0].Tag
	if l := s.cfg.Clinic.Profile.Language; l != "" {
		chosen = l
	}
	for _, l := range render.Languages() {
		d.Languages = append(d.Languages, option{Value: l.Tag, Label: l.Name, Selected: sameLanguage(l.Tag, chosen)})
	}
	for _, p := range cat.Protocols() {
		d.Protocols = append(d.Protocols, option{Value: p.ID, Label: p.Name})
	}
	for _, e := range cat.Exercises() {
		d.Regions = appendNew(d.Regions, e.Regions...)
		d.Conditions = appendNew(d.Conditions, e.Conditions...)
		d.Positions = appendNew(d.Positions, e.Position)
		d.Equipment = appendNew(d.Equipment, e.Equipment...)
	}
	for _, l := range [][]string{d.Regions, d.Conditions, d.Positions, d.Equipment} {
		slices.Sort(l)
	}
	for _, name := range render.StyleNames() {
		d.Styles = append(d.Styles, option{Value: name, Label: render.StyleLabel(name), Selected: name == s.cfg.Clinic.ProgrammeStyle()})
	}
	for _, name := range render.PaperNames() {
		d.Papers = append(d.Papers, option{Value: name, Label: paperLabel(name), Selected: name == s.cfg.Clinic.Profile.Paper})
	}
	s.page(w, "build", "Build a programme", d)
}

func paperLabel(name string) string {
	if name == "a4" {
		return "A4"
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// appendNew appends the values list does not have yet ("" never).
func appendNew(list []string, values ...string) []string {
	for _, v := range values {
		if v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

// batchPage is GET /batch: upload a patient list.
func (s *Server) batchPage(w http.ResponseWriter, _ *http.Request) {
	s.page(w, "batch", "Batch", map[string]any{"MaxMB": listMB, "KeepMinutes": int(s.cfg.BatchKeep.Minutes())})
}

// clinicData is the clinic page: the profile as it prints, and where the
// library comes from.
type clinicData struct {
	Clinic     render.Clinic
	Source     string // the profile's file, or the built-in sample
	HasLogo    bool
	LibraryDir string
	Exercises  int
	Protocols  int
}

// clinicPage is GET /clinic: the profile, read-only.
func (s *Server) clinicPage(w http.ResponseWriter, _ *http.Request) {
	cat := s.catalog.Load()
	src := s.cfg.ClinicPath
	if src == "" {
		src = "the built-in sample clinic (start handout serve with --clinic PROFILE.yaml for your own)"
	}
	s.page(w, "clinic", "The clinic", clinicData{Clinic: s.cfg.Clinic, Source: src, HasLogo: len(s.cfg.Clinic.Logo) > 0,
		LibraryDir: s.cfg.LibraryDir, Exercises: len(cat.Exercises()), Protocols: len(cat.Protocols())})
}
