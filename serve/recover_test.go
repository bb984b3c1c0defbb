package serve

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestPanicAnswers500: a bug that panics while making a document answers
// 500 with the API's JSON error, so the page can say so, and the log
// names the request and where it failed, never the panic's value (which
// may quote what was being drawn: the patient's name).
func TestPanicAnswers500(t *testing.T) {
	var log syncBuffer
	h := recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic(errors.New("cannot draw Zoë Quartermaine"))
	}), &log)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/render", strings.NewReader(`{}`)))
	var e apiError
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || rec.Code != http.StatusInternalServerError || !strings.Contains(e.Error, "please report it") {
		t.Errorf("a panic answered %d %q (%v); want 500 with a JSON error asking to report it", rec.Code, rec.Body.String(), err)
	}
	logs := log.String()
	if !strings.Contains(logs, "POST /api/render") || !strings.Contains(logs, "recover_test.go") {
		t.Errorf("the log does not name the request and where it panicked:\n%s", logs)
	}
	if strings.Contains(logs, "Quartermaine") {
		t.Errorf("the log quotes the panic's value:\n%s", logs)
	}

	// http.ErrAbortHandler is how a handler stops a response on purpose:
	// it goes on to net/http.
	abort := recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) }), &log)
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("ErrAbortHandler came out as %v", v)
		}
	}()
	abort.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
}
