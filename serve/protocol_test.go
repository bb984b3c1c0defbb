package serve

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSaveProtocol: the page's programme, without patient fields, saved
// as a protocol file in the clinic's library folder, offered at once; an
// existing file is never replaced.
func TestSaveProtocol(t *testing.T) {
	t.Parallel()
	lib := t.TempDir()
	ts := startServer(t, Config{LibraryDir: lib})
	body := `{"id": "our-neck", "name": "Our neck routine", "purpose": "Ease a stiff neck.",
		"exercises": [{"id": "chin-tuck", "dose": "reps 12; daily 3"}, {"id": "upper-trapezius-stretch"}]}`
	resp := ts.post(t, "/api/protocols", "application/json", []byte(body))
	if b := readAll(t, resp); resp.StatusCode != http.StatusCreated {
		t.Fatalf("save: %d %s", resp.StatusCode, b)
	}
	saved, err := os.ReadFile(filepath.Join(lib, "our-neck.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nid: our-neck\n", "\nexercises:\n", "dose: reps 12; daily 3\n"} {
		if !strings.Contains(string(saved), want) {
			t.Errorf("the protocol file lacks %q:\n%s", want, saved)
		}
	}
	got, err := http.Get(ts.URL + "/api/protocols")
	if err != nil {
		t.Fatal(err)
	}
	if b := readAll(t, got); !strings.Contains(string(b), `"id":"our-neck"`) {
		t.Errorf("the saved protocol is not offered: %s", b)
	}
	again := ts.post(t, "/api/protocols", "application/json", []byte(body))
	if readAll(t, again); again.StatusCode != http.StatusConflict {
		t.Errorf("saving over it: %d, want 409", again.StatusCode)
	}
	bad := ts.post(t, "/api/protocols", "application/json", []byte(`{"id": "x", "name": "X", "exercises": ["chin-tuck", "no-such-one"]}`))
	var e apiError
	if err := json.Unmarshal(readAll(t, bad), &e); err != nil || bad.StatusCode != http.StatusBadRequest || e.Field != "exercises[1]" {
		t.Errorf("an unknown exercise: %d %+v", bad.StatusCode, e)
	}
	if _, err := os.Stat(filepath.Join(lib, "x.yaml")); err == nil {
		t.Error("a protocol with an unknown exercise was written")
	}
}

// TestSaveProtocolNoLibrary: without a library folder nothing is written.
func TestSaveProtocolNoLibrary(t *testing.T) {
	t.Parallel()
	ts := startServer(t, Config{})
	resp := ts.post(t, "/api/protocols", "application/json", []byte(`{"id": "x", "name": "X", "exercises": ["chin-tuck"]}`))
	if readAll(t, resp); resp.StatusCode != http.StatusConflict {
		t.Errorf("save without a library: %d, want 409", resp.StatusCode)
	}
}
