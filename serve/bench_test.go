package serve

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fiveExercises is a five-exercise programme as the page sends it.
const fiveExercises = `{"patient": "Ana Díaz", "date": "2026-12-01", "clinician": "Dr. Karin Drummond, DC", "style": "article",
	"exercises": [{"id": "chin-tuck", "dose": "reps 10; hold 5 s; daily 3"}, {"id": "hamstring-stretch", "side": "right", "note": "Keep the other knee bent."},
	"glute-bridge", {"id": "bird-dog", "side": "alternate"}, {"id": "cat-cow", "dose": "reps 8"}]}`

// preview is one round trip: the request, and every byte of the PDF read.
func preview(b *testing.B, client *http.Client, url string) time.Duration {
	start := time.Now()
	req, _ := http.NewRequest(http.MethodPost, url+"/api/render?paper=letter", strings.NewReader(fiveExercises))
	req.Header.Set("Origin", url)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || n < 1000 {
		b.Fatalf("preview: %d, %d bytes, %v", resp.StatusCode, n, err)
	}
	return time.Since(start)
}

// BenchmarkPreview is the preview's round trip for a five-exercise
// programme, from the HTTP request to the PDF's last byte, in process
// over loopback; it reports the median and the 95th percentile.
func BenchmarkPreview(b *testing.B) {
	ts := startServer(b, Config{})
	client := &http.Client{}
	preview(b, client, ts.URL) // the drawings' forms are made once per process
	var took []time.Duration
	for b.Loop() {
		took = append(took, preview(b, client, ts.URL))
	}
	reportPercentiles(b, took)
}

// BenchmarkPreview20 sends 20 previews at once, as many staff would
// never do, and reports the round trips and the process's peak memory
// (Linux: VmHWM); every one must succeed (the queue holds them).
func BenchmarkPreview20(b *testing.B) {
	ts := startServer(b, Config{})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 20}}
	preview(b, client, ts.URL)
	var mu sync.Mutex
	var took []time.Duration
	for b.Loop() {
		var wg sync.WaitGroup
		for range 20 {
			wg.Go(func() {
				d := preview(b, client, ts.URL)
				mu.Lock()
				took = append(took, d)
				mu.Unlock()
			})
		}
		wg.Wait()
	}
	reportPercentiles(b, took)
	if mb, ok := peakRSSMB(); ok {
		b.ReportMetric(mb, "peak-MB")
	}
}

func reportPercentiles(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	at := func(q float64) float64 { return float64(took[int(q*float64(len(took)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.5), "median-ms")
	b.ReportMetric(at(0.95), "p95-ms")
}

// peakRSSMB is the process's peak resident memory in MB, from
// /proc/self/status.
func peakRSSMB() (float64, bool) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range bytes.Split(status, []byte("\n")) {
		if rest, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(string(rest)), " kB"))
			return float64(kb) / 1024, err == nil
		}
	}
	return 0, false
}
