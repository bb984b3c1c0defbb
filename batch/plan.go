package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"maps"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"handout/render"
)

// packetFormat names what a packet's bytes depend on besides its inputs
// and the module versions below. Bump it when a change to the layout or
// the PDF writer changes the packets, so that a later run with --resume
// makes them again instead of keeping the old ones. The packet golden
// (render/testdata/packet.*) holds it to that: batch/testdata/packet.format
// records the packetFormat that goes with the golden's bytes, and
// TestPacketFormatFollowsPacketGolden fails when they move without it.
const packetFormat = "handout-packet/21"

// outputModules are the dependencies whose version changes the PDF bytes.
var outputModules = []string{"codeberg.org/go-pdf/fpdf", "github.com/klauspost/compress", "rsc.io/qr", "github.com/disintegration/imaging", "golang.org/x/image"}

// programVersion is packetFormat with the Go release (its image encoders
// shape a photo's bytes) and the versions of outputModules this binary
// has (klauspost/compress's deflate compresses every stream).
func programVersion() string {
	v := packetFormat + " " + runtime.Version()
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if slices.Contains(outputModules, d.Path) {
				v += " " + d.Path + "@" + d.Version
			}
		}
	}
	return v
}

// plannedRow is a row of the list, checked, with what its packet needs.
type plannedRow struct {
	*patientRow
	file string // output file name inside the output folder
	// entries are what the packet holds, in order, parsed once per run
	// and shared: the row's own programme (its protocol and exercises
	// columns) first, then its handouts.
	entries  []*handoutEntry
	settings *render.Checked // the run's, or the row's with its style
	inputs   string          // SHA-256 (hex) of everything the packet is made from
	err      *rowError       // the row is skipped
}

// handoutEntry is one handout as a batch uses it: resolved once, then
// shared read-only by every packet that includes it.
type handoutEntry struct {
	// key is the spec's canonical form ("builtin:NAME", or the cleaned
	// path), or for a row's own programme rowProgrammeKey and what the row
	// wrote.
	key string
	hf  render.HandoutFile
	// ids are its exercises' section IDs, which the doses column may
	// name: none for a programme, whose doses go with its exercises.
	ids map[string]bool
	sum string // SHA-256 of its source and photos
	err error
}

// rowProgrammeKey starts the key of a row's own programme, which no spec
// can (a spec is a name or a path).
const rowProgrammeKey = "\x00row programme\x00"

// planner checks the rows of a list and resolves their handouts.
type planner struct {
	s      *Batch
	eng    *render.Engine
	clinic render.Clinic
	base   string // SHA-256 of what every packet depends on
	// specs reads the list's handouts, inside the list's folder.
	specs *render.Resolver
	// handouts is keyed by the spec's canonical form, so that
	// "mid-back-pain" and "builtin:mid-back-pain" are one entry.
	handouts map[string]*handoutEntry
	// styles are the settings of each style a row names, checked once.
	styles map[string]*render.Checked

	fitter    *render.SizeFitter // renders within --max-size
	encrypter *render.Encrypter  // nil unless --password-column
	// passwordKey keys the password fingerprints (--password-column).
	passwordKey []byte
	mail        *sendRun // nil unless --send
	warnings    warnings // photos too small to print sharp, once each
}

// warnings collects the render warnings of a run once each (every packet
// with the same handout gives the same ones); they are printed with the
// report, sorted, so a progress bar is not broken and the output does not
// depend on which worker met them first.
type warnings struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (w *warnings) add(msg string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	w.seen[msg] = true
}

// sorted returns the warnings in order.
func (w *warnings) sorted() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Sorted(maps.Keys(w.seen))
}

// newPlanner prepares the parts every packet shares: the clinic (its
// profile, logo and CJK font are hashed into every row's inputs) and the
// settings.
func newPlanner(s *Batch, eng *render.Engine, clinic render.Clinic) (*planner, error) {
	// The logo is prepared now so that a bad logo stops the run before
	// any row, rather than failing each.
	if err := eng.CheckLogo(clinic, s.settings.Preset, s.settings.Gray(clinic), s.settings.Style.Name); err != nil {
		return nil, err
	}
	profile := *clinic.Profile
	profile.Source = "" // a path, which differs between machines
	prof, err := json.Marshal(profile)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", clinic.Profile.Source, err)
	}
	// The settings go in whole, as render encodes them: a setting added
	// to render.Checked is in every packet's inputs without a change here.
	// The CJK font's bytes too: a clinic that replaces the font file
	// under the same name gets its packets made again.
	var cjkFont string
	if clinic.CJK != nil {
		cjkFont = hashBytes(clinic.CJK.TTF())
	}
	base := hashJSON(struct {
		Program  string
		Settings json.RawMessage
		Profile  []byte
		Logo     string
		CJKFont  string `json:",omitempty"`
	}{programVersion(), s.settings.Encoding(), prof, hashBytes(clinic.Logo), cjkFont})
	specs := render.NewResolverWithin(listDir(s.List))
	// Programmes resolve against the clinic's library (the profile's
	// library: key), as they do for render.
	specs.UseLibrary(clinic.LibraryDir)
	specs.UseLanguageFallback(clinic.Profile.LanguageFallback)
	specs.UseLanguage(clinic.Profile.Language)
	return &planner{s: s, eng: eng, clinic: clinic, base: base, specs: specs,
		handouts: map[string]*handoutEntry{}, styles: map[string]*render.Checked{}}, nil
}

// close closes the handout folders.
func (p *planner) close() { p.specs.Close() }

// idRE is what a patient id may be: it goes into file names and messages.
var idRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// plan checks every row and returns the rows of this shard. Checks that
// compare rows (duplicate ids, two rows with one file name) look at the
// whole list, so that every shard of a run agrees; handouts and doses are
// checked for this shard's rows only.
func (p *planner) plan(rows []*patientRow) []*plannedRow {
	paper := p.s.settings.Paper.Name // --paper wins over the profile's, as on the pages
	if paper == "" {
		paper = p.clinic.Profile.Paper
	}
	if w := readVisitDates(p.s.List, rows, dayFirstDefault(paper, p.clinic.Profile.Language)); w != "" {
		p.warnings.add(w)
	}
	all := make([]*plannedRow, len(rows))
	for i, r := range rows {
		all[i] = p.checkRow(r)
	}
	p.checkAcrossRows(all)
	var mine []*plannedRow
	for _, r := range all {
		if !p.s.shard.has(r.id) {
			continue
		}
		if r.err == nil {
			p.resolve(r)
		}
		mine = append(mine, r)
	}
	return mine
}

// fail records a row's problem.
func (p *planner) fail(r *plannedRow, format string, args ...any) {
	id := r.id
	if !idRE.MatchString(id) {
		id = ""
	}
	r.err = &rowError{list: p.s.List, line: r.line, id: id, err: fmt.Errorf(format, args...)}
}

// checkRow checks what a row says on its own: id, date, handouts given,
// and its file name.
func (p *planner) checkRow(r *patientRow) *plannedRow {
	pr := &plannedRow{patientRow: r}
	visitErr := render.Visit{Patient: r.name, Clinician: r.clinician, Notes: r.notes}.
		Check(render.Visit{Patient: "name", Clinician: "clinician", Notes: "notes"})
	switch {
	case r.err != nil:
		p.fail(pr, "%w", r.err)
	case visitErr != nil:
		p.fail(pr, "%w", visitErr)
	case r.id == "":
		p.fail(pr, "the id is missing; every row needs the patient's id")
	case !idRE.MatchString(r.id):
		p.fail(pr, `the id may only have letters, digits, ".", "_" and "-" (up to 64, starting with a letter or digit)`)
	case r.visitDate == "":
		p.fail(pr, "visit_date is missing; write it as YYYY-MM-DD")
	case !validDate(r.visitDate):
		p.fail(pr, "visit_date %q: write the date as YYYY-MM-DD", clip(r.visitDate, 20))
	case r.language != "" && render.CheckLanguage(r.language) != nil:
		p.fail(pr, "language: %v", render.CheckLanguage(r.language))
	case len(r.handouts) == 0 && !r.hasProgramme():
		p.fail(pr, `nothing to print: name a protocol (the protocol column, e.g. neck-pain), list exercises (exercises: chin-tuck | bird-dog) or handouts (handouts: mid-back-pain)`)
	default:
		pr.file = p.s.tmpl.file(r)
	}
	return pr
}

func validDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// checkAcrossRows fails every row of a duplicated id, and every row whose
// file name another row has too (compared without case: macOS and
// Windows folders do not tell "P1.pdf" from "p1.pdf"). Every row of a
// clash fails: which one is right is the front desk's call.
func (p *planner) checkAcrossRows(all []*plannedRow) {
	byID := map[string][]*plannedRow{}
	byFile := map[string][]*plannedRow{}
	for _, r := range all {
		if r.err == nil {
			byID[r.id] = append(byID[r.id], r)
			byFile[strings.ToLower(r.file)] = append(byFile[strings.ToLower(r.file)], r)
		}
	}
	for id, rs := range byID {
		if len(rs) > 1 {
			for _, r := range rs {
				p.fail(r, "id %s is on lines %s; each patient needs one row (merge them) or their own id", id, lineList(rs))
			}
		}
	}
	for _, rs := range byFile {
		if len(rs) > 1 {
			for _, r := range rs {
				if r.err == nil {
					p.fail(r, "lines %s would all be written to %s; make the ids differ or add {id} to --name", lineList(rs), r.file)
				}
			}
		}
	}
}

func lineList(rs []*plannedRow) string {
	var s []string
	for _, r := range rs {
		s = append(s, strconv.Itoa(r.line))
	}
	return strings.Join(s, ", ")
}

// hasProgramme reports whether the row gives a programme of its own.
func (r *patientRow) hasProgramme() bool {
	return r.protocol != "" || r.exercises != "" || r.programmeJSON != nil
}

// resolve loads the row's programme and handouts (once per run), checks
// its doses against them and its style, and hashes its inputs.
func (p *planner) resolve(r *plannedRow) {
	if r.hasProgramme() {
		e := p.rowProgramme(r.patientRow)
		if e.err != nil {
			msg := e.err.Error()
			if r.longLines != nil {
				msg = longLineMessage(msg, r.longLines)
			}
			p.fail(r, "%s", msg)
			return
		}
		r.entries = append(r.entries, e)
	}
	seen := map[string]bool{}
	for _, spec := range r.handouts {
		e := p.handout(spec, r.language)
		if e.err != nil {
			p.fail(r, "%v", e.err)
			return
		}
		if seen[e.key] {
			p.fail(r, "handout %q is listed twice", spec)
			return
		}
		seen[e.key] = true
		r.entries = append(r.entries, e)
	}
	if err := p.checkDoses(r); err != nil {
		p.fail(r, "%v", err)
		return
	}
	var err error
	if r.settings, err = p.rowSettings(r); err != nil {
		p.fail(r, "%v", err)
		return
	}
	p.warn(r)
	// A row's language is in its entries' keys ("…\x00language es").
	keys := make([]string, len(r.entries))
	sums := make([]string, len(keys))
	for i, e := range r.entries {
		keys[i], sums[i] = e.key, e.sum
	}
	// A row's own style goes in as render encodes it, as the run's
	// settings do in base; a row without one hashes as before styles
	// could be given per row.
	var style json.RawMessage
	if r.settings != &p.s.settings {
		style = r.settings.Encoding()
	}
	r.inputs = hashJSON(struct {
		Base                                  string
		ID, Name, VisitDate, Clinician, Notes string
		Handouts, HandoutSums                 []string
		Doses                                 map[string]string
		Style                                 json.RawMessage `json:",omitempty"`
	}{p.base, r.id, r.name, r.visitDate, r.clinician, r.notes, keys, sums, r.doses, style})
}

// rowProgramme returns the row's own programme, resolving it on first
// use: rows that give the same columns share it. Its messages name the
// column; the row is named by fail.
func (p *planner) rowProgramme(r *patientRow) *handoutEntry {
	key := rowProgrammeKey + r.protocol + "\x00" + r.exercises
	if r.programmeJSON != nil {
		key = rowProgrammeKey + string(r.programmeJSON)
	}
	if r.language != "" {
		key += "\x00language " + r.language
	}
	if e, ok := p.handouts[key]; ok {
		return e
	}
	e := &handoutEntry{key: key}
	if r.programmeJSON != nil {
		e.hf, e.err = p.specs.ProgrammeJSON(r.programmeJSON, r.language)
	} else {
		e.hf, e.err = p.specs.ProgrammeColumns(r.protocol, r.exercises, r.language)
	}
	if e.err == nil {
		e.sum, e.err = e.hf.Sum()
	}
	p.handouts[key] = e
	return e
}

// rowSettings are the settings the row's packet is made with: the run's,
// with the row's style column, else the style a programme file of its
// handouts names, else the run's style.
func (p *planner) rowSettings(r *plannedRow) (*render.Checked, error) {
	name := r.style
	if name == "" {
		var err error
		if name, err = programmeStyle(r.entries); err != nil {
			return nil, err
		}
	}
	if name == "" {
		return &p.s.settings, nil
	}
	if c, ok := p.styles[name]; ok {
		return c, nil
	}
	c, err := p.s.settings.WithStyle(name)
	if err != nil {
		if r.style == "" {
			return nil, fmt.Errorf("a programme's style: %w", err)
		}
		return nil, err // names the style and the styles there are
	}
	p.styles[name] = &c
	return &c, nil
}

// programmeStyle is the style the programme files among entries name, ""
// for none; two that name different styles are an error, since a packet
// has one.
func programmeStyle(entries []*handoutEntry) (string, error) {
	var style, from string
	for _, e := range entries {
		pr := e.hf.Programme
		if pr == nil || pr.Style == "" {
			continue
		}
		if style != "" && !strings.EqualFold(style, pr.Style) {
			return "", fmt.Errorf("%s asks for style %s and %s for style %s; a packet has one style: choose it in the style column", from, style, pr.Source, pr.Style)
		}
		style, from = pr.Style, pr.Source
	}
	return style, nil
}

// warn records the warnings of the row's programmes: one about a file
// (an exercise not drawn yet, a programme file of more than six
// exercises) once for the run; one about the row's own programme (more
// than six exercises), which has no place of its own, naming the row.
func (p *planner) warn(r *plannedRow) {
	for _, e := range r.entries {
		for _, w := range e.hf.Warnings {
			if w.Pos.File != "" {
				p.warnings.add(w.String())
				continue
			}
			id := r.id // checked: the row has a usable id
			p.warnings.add((&rowError{list: p.s.List, line: r.line, id: id, err: errors.New(w.Msg)}).Error())
		}
	}
}

// checkDoses checks that every override names an exercise of the row's
// handouts and parses as a dose. An ID found in several handouts sets the
// dose in each.
func (p *planner) checkDoses(r *plannedRow) error {
	if len(r.doses) == 0 {
		return nil
	}
	ids := slices.Sorted(mapsKeys(r.doses))
	for _, id := range ids {
		found, inProgramme := false, false
		for _, e := range r.entries {
			found = found || e.ids[id]
			inProgramme = inProgramme || e.hf.Programme != nil && slices.Contains(e.hf.Exercises(), id)
		}
		switch {
		case found:
		case inProgramme:
			return fmt.Errorf(`doses: %s is an exercise of a programme, whose doses go with its exercises: write it in the exercises column ("%s: reps 10"), not in doses`, id, id)
		default:
			var known []string
			for _, e := range r.entries {
				if e.hf.Programme == nil {
					known = append(known, e.hf.Exercises()...)
				}
			}
			return fmt.Errorf("doses: no exercise %q in the row's handouts; the exercises are: %s", id, strings.Join(known, ", "))
		}
	}
	for _, e := range r.entries {
		if _, err := e.hf.WithDoses(dosesFor(e, r.doses)); err != nil {
			return err
		}
	}
	return nil
}

// dosesFor picks the overrides that name exercises of e.
func dosesFor(e *handoutEntry, doses map[string]string) map[string]string {
	var out map[string]string
	for id, text := range doses {
		if e.ids[id] {
			if out == nil {
				out = map[string]string{}
			}
			out[id] = text
		}
	}
	return out
}

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// handout returns the handout a row names, resolving it on first use, in
// the row's language lang ("" for its own). spec means what it means on
// the command line (render.ParseSpec); a path is relative to the list's
// folder and cannot leave it.
func (p *planner) handout(spec, lang string) *handoutEntry {
	key := spec
	if s, err := render.ParseSpec(spec); err == nil {
		key = s.String()
	}
	if lang != "" {
		key += "\x00language " + lang
	}
	if e, ok := p.handouts[key]; ok {
		return e
	}
	e := &handoutEntry{key: key}
	e.hf, e.err = p.specs.ResolveIn(spec, lang)
	if e.err == nil {
		e.sum, e.err = e.hf.Sum()
	}
	if e.err == nil && e.hf.Programme == nil {
		e.ids = map[string]bool{}
		for _, id := range e.hf.Exercises() {
			e.ids[id] = true
		}
	}
	p.handouts[key] = e
	return e
}

// job is the render job of a planned row: its programme and handouts
// with the row's doses, a cover page and a tick log, in the row's style.
func (p *planner) job(r *plannedRow) (render.Job, error) {
	var handouts []render.HandoutFile
	for _, e := range r.entries {
		hf, err := e.hf.WithDoses(dosesFor(e, r.doses))
		if err != nil {
			return render.Job{}, err // checked in plan: cannot happen
		}
		handouts = append(handouts, hf)
	}
	j := r.settings.Job(p.clinic, handouts...)
	j.Patient, j.Date = r.name, r.visitDate
	j.Language = r.language
	j.Cover = &render.Cover{Clinician: r.clinician, Notes: r.notes}
	j.TickLog = true
	j.Warn = p.warnings.add
	return j, nil
}

func hashBytes(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// hashJSON hashes v's JSON encoding, which is stable: struct fields in
// order, map keys sorted.
func hashJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic("hashJSON: " + err.Error()) // only plain strings and slices are hashed
	}
	return hashBytes(b)
}

// shard is a part of a run: the rows whose id hashes to i of n. n is 0
// when the run is not split.
type shard struct{ i, n int }

// parseShard reads --shard I/N, counting from 0 as a Kubernetes Indexed
// Job's JOB_COMPLETION_INDEX does.
func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{}, nil
	}
	is, ns, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(is)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n || n > 10000 {
		return shard{}, fmt.Errorf("%q: write I/N with 0 ≤ I < N, e.g. 0/3, 1/3, 2/3", s)
	}
	return shard{i, n}, nil
}

// has reports whether the row with this id is in the shard: FNV-1a
// (64-bit) of the id's bytes, modulo n. A row without a usable id is
// reported by shard 0 only.
func (sh shard) has(id string) bool {
	if sh.n == 0 {
		return true
	}
	if !idRE.MatchString(id) {
		return sh.i == 0
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()%uint64(sh.n) == uint64(sh.i)
}

// String is the shard as written on the command line, "" when unsplit.
func (sh shard) String() string {
	if sh.n == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", sh.i, sh.n)
}

// nameTemplate is a parsed --name: literal text and placeholders.
type nameTemplate struct{ parts []string } // placeholders keep their braces

var placeholderRE = regexp.MustCompile(`\{[^{}]*\}`)

// templatePlaceholders are the placeholders --name knows.
var templatePlaceholders = []string{"{id}", "{date}", "{name}", "{handout}"}

// parseNameTemplate checks a --name template. It must name each packet
// apart ({id} or {name}) and may not leave the output folder.
func parseNameTemplate(s string) (nameTemplate, error) {
	var t nameTemplate
	// Unknown placeholders first: "{patient}.pdf" is a misspelling to
	// point out, not a template that forgot {id}.
	last := 0
	for _, m := range placeholderRE.FindAllStringIndex(s, -1) {
		ph := s[m[0]:m[1]]
		if !slices.Contains(templatePlaceholders, ph) {
			return t, fmt.Errorf("%q: unknown placeholder %s; the placeholders are %s", s, ph, strings.Join(templatePlaceholders, " "))
		}
		t.parts = append(t.parts, s[last:m[0]], ph)
		last = m[1]
	}
	if !strings.Contains(s, "{id}") && !strings.Contains(s, "{name}") {
		return t, fmt.Errorf("%q has no {id}; every patient needs a file of their own", s)
	}
	t.parts = append(t.parts, s[last:])
	for i := 0; i < len(t.parts); i += 2 {
		lit := t.parts[i]
		if strings.ContainsAny(lit, "{}") {
			return t, fmt.Errorf("%q: unmatched brace", s)
		}
		if strings.IndexFunc(lit, func(r rune) bool { return !safeRune(r) }) >= 0 {
			return t, fmt.Errorf("%q: use only letters, digits, \"-\", \"_\", \".\" and \"+\" outside the placeholders", s)
		}
	}
	if strings.HasPrefix(t.parts[0], ".") {
		return t, fmt.Errorf("%q: a name starting with \".\" would be hidden", s)
	}
	return t, nil
}

// maxNameBytes keeps file names under every file system's limit (255).
const maxNameBytes = 200

// file is the row's file name: placeholders filled in with safe text,
// ".pdf" added when the template does not end with it.
func (t nameTemplate) file(r *patientRow) string {
	var b strings.Builder
	for i, part := range t.parts {
		if i%2 == 0 {
			b.WriteString(part)
			continue
		}
		switch part {
		case "{id}":
			b.WriteString(r.id) // checked against idRE: already safe
		case "{date}":
			b.WriteString(safeName(r.visitDate))
		case "{name}":
			b.WriteString(safeName(r.name))
		case "{handout}":
			var labels []string
			if r.hasProgramme() {
				labels = append(labels, programmeLabel(r))
			}
			for _, spec := range r.handouts {
				labels = append(labels, handoutLabel(spec))
			}
			b.WriteString(safeName(strings.Join(labels, "+")))
		}
	}
	name := strings.TrimSuffix(b.String(), ".pdf")
	for len(name) > maxNameBytes {
		_, size := lastRune(name)
		name = name[:len(name)-size]
	}
	return name + ".pdf"
}

func lastRune(s string) (rune, int) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] < 0x80 || s[i] >= 0xC0 {
			return []rune(s[i:])[0], len(s) - i
		}
	}
	return 0, 1
}

// programmeLabel is a row's own programme's name for {handout}: its
// protocol's id, else "exercises".
func programmeLabel(r *patientRow) string {
	if r.protocol != "" {
		return r.protocol
	}
	return "exercises"
}

// handoutLabel is a handout's name for {handout}: the built-in name, or
// the file name without its extension.
func handoutLabel(spec string) string {
	s, err := render.ParseSpec(spec)
	if err != nil {
		return ""
	}
	return s.Label()
}

// safeName keeps letters, digits, "-", "_", "." and "+", turns each run of
// anything else (spaces, slashes, quotes) into one "-", and trims "-" and
// "." from the ends, so that a value cannot make a hidden file, leave the
// folder or confuse a shell.
func safeName(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if safeRune(r) {
			if dash {
				b.WriteByte('-')
				dash = false
			}
			b.WriteRune(r)
			continue
		}
		dash = b.Len() > 0
	}
	return strings.Trim(b.String(), "-.")
}

// safeRune reports whether r may stand in a file name as it is.
func safeRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_.+", r)
}
