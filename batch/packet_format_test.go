package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/golden"
)

// The packet golden is the display list and PDF of render's
// testdata/packet.md made as a batch makes packets (cover, handouts, tick
// log); render's TestGolden writes them. packetFormatRecord, batch's own
// file since packetFormat is batch's, holds the packetFormat that last
// went with the golden's bytes, and their SHA-256.
var (
	packetGolden       = filepath.Join("..", "render", "testdata", "packet.pdf.sha256")
	packetFormatRecord = filepath.Join("testdata", "packet.format")
)

// TestPacketFormatFollowsPacketGolden ties packetFormat to the packet
// golden: when the golden's bytes move, packetFormat must move with them,
// or a --resume would keep the packets made before the change (their
// inputs are the same). -update records a new packetFormat with the
// golden's hash, and refuses to record new bytes under the old one.
func TestPacketFormatFollowsPacketGolden(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(packetGolden)
	if err != nil {
		t.Fatal(err)
	}
	goldenSum := strings.TrimSpace(string(b))
	b, err = os.ReadFile(packetFormatRecord)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	recFormat, recSum, _ := strings.Cut(strings.TrimSpace(string(b)), " ")
	switch {
	case recFormat == packetFormat && recSum == goldenSum:
	case recFormat == packetFormat:
		t.Errorf("the packet golden (%s) changed since packetFormat %s was recorded with it: "+
			"bump packetFormat in batch/plan.go (so --resume makes older packets again), then go test ./batch -update "+
			"(run it again if the goldens were rewritten after the bump)", packetGolden, packetFormat)
	case golden.Update():
		line := fmt.Sprintf("%s %s\n", packetFormat, goldenSum)
		if err := os.WriteFile(packetFormatRecord, []byte(line), 0o644); err != nil {
			t.Fatal(err)
		}
	default:
		t.Errorf("packetFormat is %s, %s records %q: after looking at the new packet golden, go test ./batch -update",
			packetFormat, packetFormatRecord, recFormat)
	}
}
