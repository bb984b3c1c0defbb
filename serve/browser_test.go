package serve

import (
	"archive/zip"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The browser tests drive Debian's chromium (or $HANDOUT_CHROMIUM)
// headless through the DevTools protocol. Without chromium they are
// skipped, so that go test ./... works on a fresh machine; CI sets
// HANDOUT_BROWSER_TESTS=1, which makes a missing browser (or axe-core,
// poppler) a failure instead.
const (
	browserTestsEnv = "HANDOUT_BROWSER_TESTS"
	chromiumEnv     = "HANDOUT_CHROMIUM"
	screenshotsEnv  = "HANDOUT_SCREENSHOTS" // where the pages' screenshots are kept; default: a folder in $TMPDIR
)

// need skips the test (or, when the browser tests are required, fails
// it) for want of a tool.
func need(t *testing.T, what string, ok bool) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv(browserTestsEnv) == "1" {
		t.Fatalf("%s=1 but %s is missing", browserTestsEnv, what)
	}
	t.Skipf("%s is missing (set %s=1 to make this a failure)", what, browserTestsEnv)
}

// newBrowser starts a headless chromium with a fresh profile, for one
// test, with a 1280×800 window.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		// .ci/run's race step runs -short: the test step ran these, and
		// the server's own tests cover its concurrency there.
		t.Skip("the browser tests do not run in -short mode")
	}
	path := os.Getenv(chromiumEnv)
	if path == "" {
		path, _ = exec.LookPath("chromium")
	}
	need(t, "chromium", path != "")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		// The test machines have no internet: without these chromium
		// keeps trying to reach Google and misbehaves.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.WindowSize(1280, 800),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first action starts the browser, which lives as long as ctx:
	// no timeout on it (the steps have their own).
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// stepTimeout bounds each step of a browser test.
const stepTimeout = 60 * time.Second

// do runs the steps, failing the test with what was being done.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// get runs an action that returns a value.
func get[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// evalJS runs a script in the page (awaiting a promise) and returns its
// result.
func evalJS[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	return get(t, ctx, "evaluate "+js, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// waitJS waits until a script's result is true.
func waitJS(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	get(t, ctx, "wait for "+what, chromedp.Poll[bool](js, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
}

// screenshot keeps the page as it is now as NAME.png in the screenshots
// folder.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png := get(t, ctx, "screenshot "+name, chromedp.CaptureScreenshot())
	path := filepath.Join(screenshotDir(t), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// screenshotDir is where the screenshots are kept ($HANDOUT_SCREENSHOTS,
// else a folder in the system's temporary folder).
func screenshotDir(t *testing.T) string {
	dir := os.Getenv(screenshotsEnv)
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "handout-serve-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// previewSeq is the number of the preview the page shows (0: none).
func previewSeq(t *testing.T, ctx context.Context) int {
	s := evalJS[string](t, ctx, `document.getElementById("frame").dataset.seq || "0"`)
	n, _ := strconv.Atoi(s)
	return n
}

// waitPreviewAfter waits for a preview newer than seq, the last request
// sent, and returns its number.
func waitPreviewAfter(t *testing.T, ctx context.Context, seq int) int {
	t.Helper()
	waitJS(t, ctx, "a new preview", fmt.Sprintf(`(() => { const f = document.getElementById("frame");
		return Number(f.dataset.seq || 0) > %d && f.src.startsWith("blob:") && document.getElementById("status").textContent.startsWith("Preview") })()`, seq))
	return previewSeq(t, ctx)
}

// download clicks sel and returns the file the browser saved.
func download(t *testing.T, ctx context.Context, sel string) []byte {
	t.Helper()
	dir := t.TempDir()
	wait, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	progress := chromedp.Events(wait, browser.DownloadProgress)
	do(t, ctx, "download "+sel,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: new(true)})
			return err
		}),
		chromedp.Click(chromedp.CSS(sel)))
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("%s: no download: %v", sel, err)
		}
		if ev.State != browser.DownloadProgressStateCompleted {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, ev.GUID))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	t.Fatalf("%s: no download", sel)
	return nil
}

// pdfText is a PDF's text as poppler's pdftotext reads it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	_, err := exec.LookPath("pdftotext")
	need(t, "pdftotext (poppler-utils)", err == nil)
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// keepFirstPage keeps the PDF's first page as NAME.png beside the
// screenshots, drawn by poppler at 60 dpi.
func keepFirstPage(t *testing.T, pdf []byte, name string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(screenshotDir(t), name)
	if err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", path, out).Run(); err != nil {
		t.Fatalf("pdftoppm: %v", err)
	}
	t.Logf("the PDF's first page: %s.png", out)
}

// axeViolation is one rule axe-core found broken.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []string
}

// checkAccessible runs axe-core (serve/testdata/axe, npm ci) on the page
// as it is: no serious or critical violation. axe is put into the page
// by the test, through the DevTools protocol; the server never serves it.
func checkAccessible(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "axe", "node_modules", "axe-core", "axe.min.js"))
	need(t, "axe-core (npm ci in serve/testdata/axe)", err == nil)
	evalJS[bool](t, ctx, string(src)+"\n;true")
	violations := evalJS[[]axeViolation](t, ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v =>
		({id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.map(n => n.target.join(" "))})))`)
	for _, v := range violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("%s: axe %s (%s): %s, at %s", page, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
		} else {
			t.Logf("%s: axe %s (%s): %s, at %s", page, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
		}
	}
	t.Logf("%s: axe found %d violations (none serious or critical is the rule)", page, len(violations))
}

// TestBrowserBuild: the build page in a real browser, as the front desk
// uses it: a protocol, an exercise found by search, a dose and a side
// changed, the patient's name; the preview follows, and the PDF
// downloaded says it all.
func TestBrowserBuild(t *testing.T) {
	ctx := newBrowser(t)
	ts := startServer(t, Config{})
	do(t, ctx, "open the build page", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`#build[data-ready="1"]`)))

	// Whatever the policy blocks (the preview's frame, a script, a
	// style) is collected, and must be nothing.
	evalJS[bool](t, ctx, `(() => { window.cspViolations = []; document.addEventListener("securitypolicyviolation",
		e => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI)); return true })()`)
	firstLoad := evalJS[int](t, ctx, `performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).reduce((n, e) => n + e.transferSize, 0)`)
	t.Logf("first load: %d bytes", firstLoad)
	if firstLoad > 300_000 {
		t.Errorf("the build page's first load transferred %d bytes; the target is at most 300 KB", firstLoad)
	}
	screenshot(t, ctx, "build-empty")

	// A protocol: its exercises, with its doses.
	do(t, ctx, "start from neck-pain", chromedp.SetValue(chromedp.CSS("#protocol"), "neck-pain"), chromedp.Click(chromedp.CSS("#start")))
	waitJS(t, ctx, "the protocol's exercises", `document.querySelectorAll("#chosen > li").length >= 3`)
	seq := waitPreviewAfter(t, ctx, 0)

	// By condition: sciatica finds the hamstring stretch, not the chin tuck.
	evalJS[bool](t, ctx, `(() => { const c = document.getElementById("condition"); c.value = "sciatica"; c.dispatchEvent(new Event("change")); return true })()`)
	waitJS(t, ctx, "the condition's exercises", `(() => { const ids = [...document.querySelectorAll("#results button[data-id]")].map(b => b.dataset.id);
		return ids.includes("hamstring-stretch") && !ids.includes("chin-tuck") })()`)
	evalJS[bool](t, ctx, `(() => { const c = document.getElementById("condition"); c.value = ""; c.dispatchEvent(new Event("change")); return true })()`)

	// An exercise found by an alias, added at the end.
	do(t, ctx, "search for press up", chromedp.SendKeys(chromedp.CSS("#q"), "press up"))
	waitJS(t, ctx, "the search's result", `document.querySelector('#results button[data-id]')?.dataset.id === "prone-press-up"`)
	screenshot(t, ctx, "build-search")
	do(t, ctx, "add prone-press-up", chromedp.Click(chromedp.CSS(`#results button[data-id="prone-press-up"]`)))
	waitJS(t, ctx, "prone-press-up in the list", `!!document.querySelector('#chosen li[data-id="prone-press-up"]')`)

	// Its dose, another's side, and the patient.
	pressUp := `#chosen li[data-id="prone-press-up"] `
	// Typed over the default, as staff do after selecting it.
	evalJS[bool](t, ctx, `(() => { for (const c of ["reps", "daily"]) document.querySelector('#chosen li[data-id="prone-press-up"] input.' + c).value = ""; return true })()`)
	do(t, ctx, "change the dose",
		chromedp.SendKeys(chromedp.CSS(pressUp+"input.reps"), "7"),
		chromedp.SendKeys(chromedp.CSS(pressUp+"input.daily"), "3"))
	sided := evalJS[string](t, ctx, `(() => { const li = [...document.querySelectorAll("#chosen > li")].find(li => [...li.querySelector(".side").options].some(o => o.value === "right"));
		const s = li.querySelector(".side"); s.value = "right"; s.dispatchEvent(new Event("change")); return li.dataset.id })()`)
	if sided == "" {
		t.Fatal("no exercise of neck-pain takes a side")
	}
	do(t, ctx, "give it a load", chromedp.SendKeys(chromedp.CSS(`#chosen li[data-id="`+sided+`"] input.load`), "light band"))
	do(t, ctx, "type the patient's name", chromedp.SendKeys(chromedp.CSS("#patient"), "Ana Díaz"))
	seq = waitPreviewAfter(t, ctx, seq)
	// Keyboard: Alt+Up moves the added exercise up one place.
	do(t, ctx, "move it up by keyboard", chromedp.Focus(chromedp.CSS(`#chosen li[data-id="prone-press-up"]`)), chromedp.KeyEvent(kb.ArrowUp, chromedp.KeyModifiers(chromedp.ModifierAlt)))
	order := evalJS[[]string](t, ctx, `[...document.querySelectorAll("#chosen > li")].map(li => li.dataset.id)`)
	if len(order) < 2 || order[len(order)-2] != "prone-press-up" {
		t.Errorf("after Alt+Up the order is %v; prone-press-up should be second to last", order)
	}
	seq = waitPreviewAfter(t, ctx, seq)
	screenshot(t, ctx, "build-preview")

	pdf := download(t, ctx, "#download")
	text := pdfText(t, pdf)
	keepFirstPage(t, pdf, "build-pdf") // headless chromium draws no PDF in the frame
	names := evalJS[[]string](t, ctx, `[...document.querySelectorAll("#chosen > li .name")].map(n => n.textContent)`)
	for _, want := range append(names, "Ana Díaz", "7 times · 3 times a day", "with light band", "right side") {
		if !strings.Contains(text, want) {
			t.Errorf("the downloaded PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "107 times") {
		t.Errorf("the reps were typed after the default instead of replacing it:\n%s", text)
	}
	if v := evalJS[[]string](t, ctx, `window.cspViolations`); len(v) > 0 {
		t.Errorf("the Content-Security-Policy blocked: %q", v)
	}
	checkAccessible(t, ctx, "build")

	// The note for the chart: what was given, without the patient's name.
	do(t, ctx, "open the chart note", chromedp.Click(chromedp.CSS("#chart summary")))
	waitJS(t, ctx, "the chart note", `document.getElementById("chart-note").value.startsWith("Home exercise program given")`)
	note := evalJS[string](t, ctx, `document.getElementById("chart-note").value`)
	if !strings.Contains(note, "with light band") || !strings.Contains(note, "7 times · 3 times a day") || strings.Contains(note, "Díaz") {
		t.Errorf("the chart note:\n%s\nwant each exercise's dose (the load, the press-up's 7 times) and no patient's name", note)
	}
	do(t, ctx, "show the chart note", chromedp.ScrollIntoView(chromedp.CSS("#copy-note")))
	screenshot(t, ctx, "build-chart-note")

	// More than six exercises: the server's warning, under the preview.
	evalJS[bool](t, ctx, `(() => { const q = document.getElementById("q"); q.value = ""; q.dispatchEvent(new Event("input")); return true })()`)
	waitJS(t, ctx, "the whole list", `document.querySelectorAll("#results button[data-id]:not([disabled])").length > 5`)
	for range 3 {
		do(t, ctx, "add one more", chromedp.Click(chromedp.CSS(`#results button[data-id]:not([disabled])`)))
	}
	waitPreviewAfter(t, ctx, seq)
	waitJS(t, ctx, "the warning", `!document.getElementById("warnings").hidden`)
	n := evalJS[int](t, ctx, `document.querySelectorAll("#chosen > li").length`)
	want := fmt.Sprintf("has %d exercises", n)
	if got := evalJS[[]string](t, ctx, `[...document.querySelectorAll("#warning-list li")].map(li => li.textContent)`); len(got) != 1 || !strings.Contains(got[0], want) {
		t.Errorf("with %d exercises the page lists the warnings %q; want the server's one, that the programme %s", n, got, want)
	}
	do(t, ctx, "show the warning", chromedp.ScrollIntoView(chromedp.CSS("#h-preview")))
	screenshot(t, ctx, "build-warning")

	// Back to six: the warning goes with the next preview.
	seq = previewSeq(t, ctx)
	for range n - 6 {
		do(t, ctx, "remove one", chromedp.Click(chromedp.CSS(`#chosen > li:last-child .remove`)))
	}
	waitJS(t, ctx, "six exercises", `document.querySelectorAll("#chosen > li").length === 6`)
	waitPreviewAfter(t, ctx, seq)
	waitJS(t, ctx, "the warning gone", `document.getElementById("warnings").hidden`)
}

// TestBrowserBatch: a list with one bad row; the page names that row by
// line and id, and the ZIP has the others' packets and the manifest;
// the private folder is gone after the download.
func TestBrowserBatch(t *testing.T) {
	ctx := newBrowser(t)
	temp := t.TempDir()
	ts := startServer(t, Config{TempDir: temp})
	list := filepath.Join(t.TempDir(), "today.csv")
	csv := "id,name,visit_date,handouts\nP1,Ana Díaz,2026-12-01,mid-back-pain\nP2,Ben Okafor,2026-12-01,mid-bak-pain\nP3,Chloé Martin,2026-12-01,mid-back-pain\n"
	if err := os.WriteFile(list, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, "open the batch page", chromedp.Navigate(ts.URL+"/batch"), chromedp.WaitVisible(chromedp.CSS("#batch-form")))
	screenshot(t, ctx, "batch-empty")
	checkAccessible(t, ctx, "batch")
	do(t, ctx, "upload the list", chromedp.SetUploadFiles(chromedp.CSS("#list"), []string{list}), chromedp.Click(chromedp.CSS("#upload")))
	waitJS(t, ctx, "the rows' check", `!document.getElementById("problems").hidden`)
	rows := evalJS[[][]string](t, ctx, `[...document.querySelectorAll("#problems tbody tr")].map(tr => [...tr.cells].map(c => c.textContent))`)
	if len(rows) != 1 || rows[0][0] != "3" || rows[0][1] != "P2" || !strings.Contains(rows[0][2], "mid-bak-pain") {
		t.Errorf("the problems listed: %q; want line 3, id P2, the unknown handout", rows)
	}
	page := evalJS[string](t, ctx, `document.body.innerText`)
	if strings.Contains(page, "Ben") || strings.Contains(page, "Okafor") {
		t.Errorf("the page names the patient of the bad row:\n%s", page)
	}
	screenshot(t, ctx, "batch-result")
	checkAccessible(t, ctx, "batch result")

	z := download(t, ctx, "#zip")
	zr, err := zip.NewReader(strings.NewReader(string(z)), int64(len(z)))
	if err != nil {
		t.Fatalf("the download is not a ZIP: %v", err)
	}
	var files []string
	for _, f := range zr.File {
		files = append(files, f.Name)
		if f.Name == "manifest.json" {
			rc, _ := f.Open()
			var m any
			if err := json.NewDecoder(rc).Decode(&m); err != nil {
				t.Errorf("manifest.json: %v", err)
			}
			rc.Close()
		}
	}
	if got := strings.Join(files, " "); got != "2026-12-01-P1.pdf 2026-12-01-P3.pdf manifest.json" {
		t.Errorf("the ZIP has %s; want the packets of P1 and P3 and the manifest", got)
	}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "P1.pdf") {
			rc, _ := f.Open()
			b := make([]byte, f.UncompressedSize64)
			if _, err := io.ReadFull(rc, b); err != nil {
				t.Fatal(err)
			}
			rc.Close()
			if text := pdfText(t, b); !strings.Contains(text, "Ana Díaz") {
				t.Errorf("P1's packet lacks the patient's name:\n%.500s", text)
			}
		}
	}
	left, _ := os.ReadDir(temp)
	if len(left) != 0 {
		t.Errorf("after the download the temporary folder still has %v", left)
	}

	// A practice system's export, every row fine: the ZIP at once, and
	// the run's warnings (the columns not read, how its dates were read).
	export := filepath.Join(t.TempDir(), "export.csv")
	src := "Patient ID,First Name,Last Name,Date of Birth,Appointment Date,Protocol\n1042,Ana,Díaz,03/02/1980,12/04/2026,neck-pain\n"
	if err := os.WriteFile(export, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, "upload the export", chromedp.SetUploadFiles(chromedp.CSS("#list"), []string{export}), chromedp.Click(chromedp.CSS("#upload")))
	waitJS(t, ctx, "the warnings", `!document.getElementById("batch-warnings").hidden`)
	warnings := evalJS[[]string](t, ctx, `[...document.querySelectorAll("#batch-warning-list li")].map(li => li.textContent)`)
	if len(warnings) != 2 || !strings.Contains(strings.Join(warnings, "\n"), `not read (not one of handout's columns; never printed): "Date of Birth"`) ||
		!strings.Contains(strings.Join(warnings, "\n"), "month first") || strings.Contains(strings.Join(warnings, "\n"), temp) {
		t.Errorf("the export's warnings: %q; want the column not read and the dates read month first, naming the list as uploaded", warnings)
	}
	screenshot(t, ctx, "batch-export")
	checkAccessible(t, ctx, "batch export")
}

// TestBrowserRefusals: a page of another site cannot make the server
// render, a name pointed at the machine (DNS rebinding) gets nothing, and
// with a password nothing works without it.
func TestBrowserRefusals(t *testing.T) {
	ctx := newBrowser(t)
	ts := startServer(t, Config{})
	// Another site the clinic's browser has open: its own origin, no
	// policy of ours.
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<!doctype html><title>another site</title><p>another site")
	}))
	defer other.Close()
	do(t, ctx, "open another site", chromedp.Navigate(other.URL))
	evalJS[bool](t, ctx, fmt.Sprintf(`fetch(%q, {method: "POST", mode: "no-cors", body: '{"exercises":["chin-tuck"]}'}).then(() => true, () => true)`, ts.URL+"/api/render"))
	if logs := ts.logs.String(); !strings.Contains(logs, "POST /api/render 403 ") {
		t.Errorf("a cross-origin POST was not refused; the server's log:\n%s", logs)
	}

	port := ts.URL[strings.LastIndex(ts.URL, ":")+1:]
	do(t, ctx, "open the page by another name", chromedp.Navigate("http://rebound.localhost:"+port+"/"))
	body := get(t, ctx, "read the page", chromedp.Text(chromedp.CSS("body")))
	if !strings.Contains(body, "does not answer to that host name") {
		t.Errorf("a wrong Host got: %.300s", body)
	}

	// With a password: no page and no API call without it (headless
	// chromium cannot ask, so the load fails), and all with it.
	locked := startServer(t, Config{Password: "correct horse"})
	for _, path := range []string{"/", "/batch", "/clinic", "/api/health", "/api/exercises"} {
		err := chromedp.Do(ctx, chromedp.Navigate(locked.URL+path))
		if err == nil {
			body := get(t, ctx, "read the page", chromedp.Text(chromedp.CSS("body")))
			if !strings.Contains(body, "the password is needed") {
				t.Errorf("%s without the password: %.200s", path, body)
			}
		} else if !strings.Contains(err.Error(), "ERR_INVALID_AUTH_CREDENTIALS") {
			t.Errorf("%s without the password: %v", path, err)
		}
	}
	if n := strings.Count(locked.logs.String(), " 401 "); n < 5 {
		t.Errorf("%d requests refused for want of the password, want 5:\n%s", n, locked.logs.String())
	}
	// The password as the browser sends it once asked (basic
	// authentication on every request of the tab): the page and its API
	// calls work.
	auth := "Basic " + base64.StdEncoding.EncodeToString([]byte("frontdesk:correct horse"))
	do(t, ctx, "open the page with the password",
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
				return err
			}
			_, err := chromedp.Call(ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Authorization": auth}})
			return err
		}),
		chromedp.Navigate(locked.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`#build[data-ready="1"]`)))
}

// TestBrowserClinic: the clinic page shows the profile.
func TestBrowserClinic(t *testing.T) {
	ctx := newBrowser(t)
	ts := startServer(t, Config{})
	do(t, ctx, "open the clinic page", chromedp.Navigate(ts.URL+"/clinic"), chromedp.WaitVisible(chromedp.CSS("img.logo")))
	body := get(t, ctx, "read the page", chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"Drummond Chiropractic", "565 N Walnut St", "Mon–Tue", "#1F5A66", "built-in library only"} {
		if !strings.Contains(body, want) {
			t.Errorf("the clinic page lacks %q:\n%s", want, body)
		}
	}
	screenshot(t, ctx, "clinic")
	checkAccessible(t, ctx, "clinic")
}

// TestBrowserSaveProtocol: the build page's Save as protocol writes the
// exercises and doses, and nothing about the patient, into the library
// folder, and offers the protocol at once.
func TestBrowserSaveProtocol(t *testing.T) {
	ctx := newBrowser(t)
	lib := t.TempDir()
	ts := startServer(t, Config{LibraryDir: lib})
	do(t, ctx, "open the build page", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`#build[data-ready="1"]`)),
		chromedp.SetValue(chromedp.CSS("#protocol"), "low-back-core"), chromedp.Click(chromedp.CSS("#start")),
		chromedp.SendKeys(chromedp.CSS("#patient"), "Ana Díaz"))
	waitJS(t, ctx, "the protocol's exercises", `document.querySelectorAll("#chosen > li").length >= 3`)
	do(t, ctx, "save it",
		chromedp.Click(chromedp.CSS("details.save summary")),
		chromedp.SendKeys(chromedp.CSS("#save-id"), "our-core"),
		chromedp.SendKeys(chromedp.CSS("#save-name"), "Our core routine"),
		chromedp.Click(chromedp.CSS("#save")))
	waitJS(t, ctx, "saved", `document.getElementById("save-status").textContent.startsWith("Saved")`)
	screenshot(t, ctx, "build-saved")
	checkAccessible(t, ctx, "build, saved as protocol")
	saved, err := os.ReadFile(filepath.Join(lib, "our-core.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(saved), "Ana") || !strings.Contains(string(saved), "name: Our core routine") {
		t.Errorf("the saved protocol:\n%s", saved)
	}
	if !evalJS[bool](t, ctx, `[...document.getElementById("protocol").options].some(o => o.value === "our-core")`) {
		t.Error("the saved protocol is not offered")
	}
}
