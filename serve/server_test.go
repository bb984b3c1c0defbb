package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"handout/content"
	"handout/render"
)

// testServer is a server on a free loopback port for one test.
type testServer struct {
	*Server
	URL  string
	logs *syncBuffer
}

// syncBuffer is the server's log, written by its handlers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServer starts a server with cfg (the sample clinic when cfg has
// none) and stops it when the test ends.
func startServer(t testing.TB, cfg Config) *testServer {
	t.Helper()
	if cfg.Clinic.Profile == nil {
		c, err := render.LoadClinic("")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Clinic = c
	}
	logs := &syncBuffer{}
	if cfg.Log == nil {
		cfg.Log = logs
	}
	if cfg.TempDir == "" {
		cfg.TempDir = t.TempDir()
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return &testServer{Server: s, URL: URL(ln.Addr(), cfg.TLS != nil), logs: logs}
}

// post sends body to path as the server's own page would (its Origin).
func (ts *testServer) post(t testing.TB, path, contentType string, body []byte) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Origin", ts.URL)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func readAll(t testing.TB, resp *http.Response) []byte {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHealth(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{})
	resp, err := http.Get(ts.URL + "/api/health")
	if err != nil {
		t.Fatal(err)
	}
	var h struct {
		Status    string
		Exercises int
	}
	if err := json.Unmarshal(readAll(t, resp), &h); err != nil || h.Status != "ok" || h.Exercises == 0 {
		t.Fatalf("health: %+v, %v", h, err)
	}
}

// TestSecurityHeaders: every answer, an error too, carries the policy.
func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{})
	for _, path := range []string{"/", "/api/health", "/nowhere", "/assets/build.js"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		h := resp.Header
		for key, want := range map[string]string{
			"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
		} {
			if got := h.Get(key); got != want {
				t.Errorf("%s: %s = %q, want %q", path, key, got, want)
			}
		}
		csp := h.Get("Content-Security-Policy")
		for _, part := range []string{"default-src 'none'", "script-src 'self';", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, part) {
				t.Errorf("%s: Content-Security-Policy %q lacks %q", path, csp, part)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: Content-Security-Policy allows inline code: %q", path, csp)
		}
	}
}

// TestWrongHost: a Host that is not the server's (DNS rebinding) is
// refused, on a page and on the API.
func TestWrongHost(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{Hosts: []string{"frontdesk.clinic.example"}})
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(ts.URL, "http://"))
	for host, want := range map[string]int{
		"evil.example:" + port:                  http.StatusMisdirectedRequest,
		"127.0.0.1:1":                           http.StatusMisdirectedRequest,
		"127.0.0.1:" + port:                     http.StatusOK,
		"localhost:" + port:                     http.StatusOK,
		"frontdesk.clinic.example:" + port:      http.StatusOK,
		"FRONTDESK.clinic.example:" + port:      http.StatusOK,
		"frontdesk.clinic.example.evil:" + port: http.StatusMisdirectedRequest,
	} {
		for _, path := range []string{"/", "/api/health"} {
			req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
			req.Host = host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != want {
				t.Errorf("GET %s with Host %s: %d, want %d", path, host, resp.StatusCode, want)
			}
		}
	}
}

// TestCrossOrigin: a request that makes something is refused unless it
// comes from the server's own page.
func TestCrossOrigin(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{})
	body := `{"exercises": ["chin-tuck"]}`
	for _, c := range []struct {
		name    string
		headers map[string]string
		want    int
	}{
		{"own origin", map[string]string{"Origin": ts.URL}, http.StatusOK},
		{"same-origin fetch", map[string]string{"Sec-Fetch-Site": "same-origin"}, http.StatusOK},
		{"another site", map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden},
		{"another port", map[string]string{"Origin": "http://127.0.0.1:1"}, http.StatusForbidden},
		{"https of this host", map[string]string{"Origin": strings.Replace(ts.URL, "http:", "https:", 1)}, http.StatusForbidden},
		{"cross-site fetch", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": ts.URL}, http.StatusForbidden},
		{"same-site fetch", map[string]string{"Sec-Fetch-Site": "same-site"}, http.StatusForbidden},
		{"no origin at all", nil, http.StatusForbidden},
		{"null origin", map[string]string{"Origin": "null"}, http.StatusForbidden},
	} {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/render", strings.NewReader(body))
		for k, v := range c.headers {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("%s: %d, want %d", c.name, resp.StatusCode, c.want)
		}
	}
}

// TestPassword: with a password, no page and no API call works without
// it, and wrong guesses are slowed down.
func TestPassword(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{Password: "correct horse"})
	paths := []string{"/", "/batch", "/clinic", "/assets/build.js", "/thumbs/bird-dog-start.svg", "/api/health", "/api/exercises", "/api/protocols"}
	get := func(path, pw string) int {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
		if pw != "" {
			req.SetBasicAuth("frontdesk", pw)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, p := range paths {
		if code := get(p, ""); code != http.StatusUnauthorized {
			t.Errorf("GET %s without the password: %d, want 401", p, code)
		}
		if code := get(p, "correct horse"); code != http.StatusOK {
			t.Errorf("GET %s with the password: %d, want 200", p, code)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/render", strings.NewReader(`{"exercises":["chin-tuck"]}`))
	req.Header.Set("Origin", ts.URL)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST /api/render without the password: %d, want 401", resp.StatusCode)
	}
	var codes []int
	for range loginBurst + 2 {
		codes = append(codes, get("/api/health", "wrong guess"))
	}
	if codes[0] != http.StatusUnauthorized || codes[len(codes)-1] != http.StatusTooManyRequests {
		t.Errorf("wrong passwords in a row got %v; want 401s, then 429", codes)
	}
	if code := get("/api/health", "correct horse"); code != http.StatusTooManyRequests {
		t.Errorf("the right password right after %d wrong ones: %d, want 429 until the wait is over", loginBurst, code)
	}
}

// TestLogs: the log has method, path, status, duration and size, and
// nothing of what a request carried.
func TestLogs(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{})
	body := `{"patient": "Zoë Quartermaine", "exercises": [{"id": "chin-tuck", "note": "Secret note about the knee"}], "notes": "Private notes"}`
	resp := ts.post(t, "/api/render?paper=a4", "application/json", []byte(body))
	readAll(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("render: %d", resp.StatusCode)
	}
	bad := ts.post(t, "/api/render", "application/json", []byte(`{"patient": "Zoë Quartermaine", "exercises": [{"id": "chin-tuck", "side": "sideways"}]}`))
	readAll(t, bad)
	logs := ts.logs.String()
	for _, secret := range []string{"Zoë", "Quartermaine", "Secret", "Private", "paper=a4", "sideways"} {
		if strings.Contains(logs, secret) {
			t.Errorf("the log has %q:\n%s", secret, logs)
		}
	}
	if !strings.Contains(logs, "POST /api/render 200 ") || !strings.Contains(logs, "POST /api/render 400 ") {
		t.Errorf("the log lacks the requests:\n%s", logs)
	}
}

// TestBusy: renders past the slots and the queue get 503 with
// Retry-After, never an error of another kind.
func TestBusy(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{Renders: 1, Queue: 1})
	ts.slots <- struct{}{} // the one slot taken
	first := make(chan int)
	go func() {
		resp := ts.post(t, "/api/render", "application/json", []byte(`{"exercises":["chin-tuck"]}`))
		readAll(t, resp)
		first <- resp.StatusCode
	}()
	for ts.waiting.Load() == 0 { // the first request waits in the queue
		time.Sleep(time.Millisecond)
	}
	resp := ts.post(t, "/api/render", "application/json", []byte(`{"exercises":["chin-tuck"]}`))
	readAll(t, resp)
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("a render past the queue: %d, Retry-After %q; want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	<-ts.slots // the slot free again: the queued one goes through
	if code := <-first; code != http.StatusOK {
		t.Errorf("the queued render: %d, want 200", code)
	}
}

// TestRenderAPI: a programme as JSON gives its PDF; a wrong field gives
// 400 and a JSON error naming the field.
func TestRenderAPI(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{})
	resp := ts.post(t, "/api/render?paper=a4&grayscale=true", "application/json",
		[]byte(`{"patient": "Ana Díaz", "exercises": [{"id": "hamstring-stretch", "side": "right"}, "glute-bridge"]}`))
	pdf := readAll(t, resp)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("render: %d %s %.40q", resp.StatusCode, resp.Header.Get("Content-Type"), pdf)
	}
	for _, c := range []struct{ path, body, field string }{
		{"/api/render", `{"exercises": [{"id": "glute-bridge", "side": "left"}]}`, "exercises[0].side"},
		{"/api/render", `{"style": "no-such-style", "exercises": ["glute-bridge"]}`, "style"},
		{"/api/render?paper=legal", `{"exercises": ["glute-bridge"]}`, "paper"},
		{"/api/render?grayscale=maybe", `{"exercises": ["glute-bridge"]}`, "grayscale"},
		{"/api/render", `{"exercises": []}`, "exercises"},
	} {
		resp := ts.post(t, c.path, "application/json", []byte(c.body))
		var e apiError
		if err := json.Unmarshal(readAll(t, resp), &e); err != nil || resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s %s: %d, %v", c.path, c.body, resp.StatusCode, err)
			continue
		}
		if e.Field != c.field || e.Error == "" {
			t.Errorf("%s %s: field %q (%s), want %q", c.path, c.body, e.Field, e.Error, c.field)
		}
	}
}

// TestExercisesAPI: the search is the library's, with thumbnails and the
// sides each exercise can take.
func TestExercisesAPI(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{})
	resp, err := http.Get(ts.URL + "/api/exercises?q=press+up")
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Exercises []exerciseJSON }
	if err := json.Unmarshal(readAll(t, resp), &got); err != nil || len(got.Exercises) == 0 {
		t.Fatalf("search: %v, %+v", err, got)
	}
	if got.Exercises[0].ID != "prone-press-up" {
		t.Errorf("press up found %s first, want prone-press-up", got.Exercises[0].ID)
	}
	resp, err = http.Get(ts.URL + "/api/exercises?region=low-back&position=on-back")
	if err != nil {
		t.Fatal(err)
	}
	got.Exercises = nil
	json.Unmarshal(readAll(t, resp), &got)
	for _, e := range got.Exercises {
		if e.Position != "on-back" {
			t.Errorf("position filter let %s (%s) through", e.ID, e.Position)
		}
		if e.ID == "glute-bridge" && (e.Thumbnail == "" || strings.Join(e.Sides, ",") != ",both") {
			t.Errorf("glute-bridge: thumbnail %q, sides %q", e.Thumbnail, e.Sides)
		}
	}
	if len(got.Exercises) == 0 {
		t.Error("no low-back exercise on the back")
	}
	// In Spanish, Spanish names find exercises and come back in Spanish.
	resp, err = http.Get(ts.URL + "/api/exercises?q=gato&language=es-MX")
	if err != nil {
		t.Fatal(err)
	}
	got.Exercises = nil
	json.Unmarshal(readAll(t, resp), &got)
	if len(got.Exercises) != 1 || got.Exercises[0].ID != "cat-cow" || got.Exercises[0].Name != "Gato y vaca" {
		t.Errorf("gato in Spanish: %+v", got.Exercises)
	}
}

// TestRenderAPIWarnings: what the command line prints as a warning comes
// with the PDF, in X-Handout-Warnings: the programme's (more exercises
// than are done; an exercise with no text in the patient's language,
// printed in English) and the render's (the clinic's words not in that
// language), as the page shows them.
func TestRenderAPIWarnings(t *testing.T) {
	t.Parallel()
	c, err := render.LoadClinic("")
	if err != nil {
		t.Fatal(err)
	}
	c.Profile.LanguageFallback = content.FallbackEnglish
	ts := startServer(t, Config{Clinic: c})
	warningsOf := func(body string) []string {
		t.Helper()
		resp := ts.post(t, "/api/render", "application/json", []byte(body))
		if b := readAll(t, resp); resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", body, resp.StatusCode, b)
		}
		h := resp.Header.Get("X-Handout-Warnings")
		if h == "" {
			return nil
		}
		raw, err := url.PathUnescape(h)
		var ws []string
		if err == nil {
			err = json.Unmarshal([]byte(raw), &ws)
		}
		if err != nil {
			t.Fatalf("%s: X-Handout-Warnings %q: %v", body, h, err)
		}
		return ws
	}
	if ws := warningsOf(`{"patient": "Ana Díaz", "exercises": ["chin-tuck", "glute-bridge"]}`); len(ws) != 0 {
		t.Errorf("a plain programme came with warnings %q", ws)
	}
	seven := `{"patient": "Ana Díaz", "exercises": ["chin-tuck", "glute-bridge", "bird-dog", "cat-cow", "hamstring-stretch", "prone-press-up", "scapular-squeeze"]}`
	if ws := warningsOf(seven); len(ws) != 1 || !strings.Contains(ws[0], "7 exercises") {
		t.Errorf("seven exercises: warnings %q, want one saying the programme has 7 exercises", ws)
	}
	ws := warningsOf(`{"patient": "Zoë Quartermaine", "language": "fr", "exercises": ["chin-tuck", "glute-bridge"]}`)
	// The sample clinic's profile has no French words either: the
	// render's own warning comes too.
	if len(ws) != 3 || !strings.Contains(ws[0], `chin-tuck has no text in language "fr"; it prints in English`) ||
		!strings.Contains(ws[2], "the profile has no words in fr") {
		t.Errorf("French: warnings %q, want one per exercise printed in English, then the clinic profile's", ws)
	}
	if strings.Contains(strings.Join(ws, " "), "Quartermaine") {
		t.Errorf("a warning quotes the patient's name: %q", ws)
	}
}

// TestChartNoteAPI: the programme as a note for the chart, in the
// clinic's language whatever the patient's sheet prints in, each exercise
// with its dose as the sheet words it, and never the patient's name.
func TestChartNoteAPI(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{})
	resp := ts.post(t, "/api/chart-note", "application/json", []byte(`{"patient": "Zoë Quartermaine", "date": "2026-12-04", "language": "es",
		"exercises": [{"id": "band-row", "dose": "sets 2; reps 12; load red band"}, {"id": "hamstring-stretch", "side": "right", "note": "Gently."}]}`))
	note := string(readAll(t, resp))
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("chart note: %d %s %q", resp.StatusCode, resp.Header.Get("Content-Type"), note)
	}
	want := "Home exercise program given Dec 4, 2026:\n" +
		"1. Band row: 12 times · 2 rounds · with red band\n" +
		"2. Back of the thigh stretch: 3 times · hold 30 seconds · right leg (Gently.)"
	if note != want {
		t.Errorf("chart note:\n%s\nwant:\n%s", note, want)
	}
	if strings.Contains(note, "Quartermaine") {
		t.Errorf("the chart note names the patient:\n%s", note)
	}
	bad := ts.post(t, "/api/chart-note", "application/json", []byte(`{"exercises": [{"id": "glute-bridge", "side": "left"}]}`))
	var e apiError
	if err := json.Unmarshal(readAll(t, bad), &e); err != nil || bad.StatusCode != http.StatusBadRequest || e.Field != "exercises[0].side" {
		t.Errorf("a bad programme: %d, field %q (%v); want 400 naming exercises[0].side", bad.StatusCode, e.Field, err)
	}
}
