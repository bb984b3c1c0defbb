package batch

import (
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		done, total int
		elapsed     time.Duration
		want        string
	}{
		{0, 1000, 0, "packets   0% [>                             ] (0/1000)"},
		{420, 1000, 2 * time.Second, "packets  42% [============>                 ] (420/1000, 210 packets/s) 3s left"},
		{1000, 1000, 5 * time.Second, "packets 100% [==============================] (1000/1000, 200 packets/s) 0s left"},
	} {
		if got := progressLine(c.done, c.total, c.elapsed); got != c.want {
			t.Errorf("progressLine(%d, %d, %v) =\n%q, want\n%q", c.done, c.total, c.elapsed, got, c.want)
		}
	}
}
