package batch

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress is the progress bar of a batch: count, rate and time left, on
// a terminal only. Off a terminal (a log, a pipe, CI) it does nothing, so
// that logs hold the summary and nothing else.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress returns a bar over total packets, drawn on w when w is a
// terminal.
func newProgress(w io.Writer, total int) *progress {
	f, ok := w.(*os.File)
	if !ok || total == 0 || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("packets"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("packets"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionUseANSICodes(true),
		// Drawn at once: the clock starts now, not at the first packet,
		// so the first rate shown is not absurd.
		progressbar.OptionSetRenderBlankState(true),
	)}
}

// add counts one row done.
func (p *progress) add() {
	if p.bar != nil {
		_ = p.bar.Add(1) // a failed redraw is no reason to stop
	}
}

// finish clears the bar, so the summary that follows starts a clean line.
func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		_ = p.bar.Clear()
	}
}
