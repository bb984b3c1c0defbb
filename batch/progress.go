package batch

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// progress is the progress line of a batch: count, rate and time left, on
// a terminal only. Off a terminal (a log, a pipe, CI) it does nothing, so
// that logs hold the summary and nothing else.
//
// It is a few lines of our own rather than a progress-bar library: the
// one used before linked github.com/mattn/go-runewidth, whose package
// initialisation costs about 40 ms in every process, `handout render` at
// the front desk included.
type progress struct {
	w     io.Writer // nil: not a terminal, draw nothing
	total int
	done  int
	start time.Time
	drawn time.Time // when the line was last drawn
	now   func() time.Time
}

// progressEvery is how often the line is redrawn at most.
const progressEvery = 100 * time.Millisecond

// newProgress returns a progress line over total packets, drawn on w when
// w is a terminal. It is used from one goroutine.
func newProgress(w io.Writer, total int) *progress {
	f, ok := w.(*os.File)
	if !ok || total == 0 || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	p := &progress{w: f, total: total, now: time.Now}
	// Drawn at once: the clock starts now, not at the first packet, so
	// the first rate shown is not absurd.
	p.start = p.now()
	p.draw(p.start)
	return p
}

// add counts one row done.
func (p *progress) add() {
	if p.w == nil {
		return
	}
	p.done++
	if now := p.now(); p.done == p.total || now.Sub(p.drawn) >= progressEvery {
		p.draw(now)
	}
}

// finish clears the line, so the summary that follows starts a clean line.
func (p *progress) finish() {
	if p.w != nil {
		fmt.Fprint(p.w, "\r\x1b[K") // a failed redraw is no reason to stop
	}
}

func (p *progress) draw(now time.Time) {
	p.drawn = now
	fmt.Fprint(p.w, "\r\x1b[K"+progressLine(p.done, p.total, now.Sub(p.start)))
}

// progressLine is what the line says after done of total packets in
// elapsed time: "packets  42% [============>                 ] (420/1000,
// 160 packets/s) 4s left".
func progressLine(done, total int, elapsed time.Duration) string {
	const width = 30
	filled := width * done / total
	bar := strings.Repeat("=", filled)
	if filled < width {
		bar += ">" + strings.Repeat(" ", width-filled-1)
	}
	s := fmt.Sprintf("packets %3d%% [%s] (%d/%d", 100*done/total, bar, done, total)
	secs := elapsed.Seconds()
	if done == 0 || secs <= 0 {
		return s + ")"
	}
	rate := float64(done) / secs
	left := time.Duration(float64(total-done) / rate * float64(time.Second)).Round(time.Second)
	return s + fmt.Sprintf(", %.0f packets/s) %s left", rate, left)
}
