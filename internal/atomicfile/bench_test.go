package atomicfile

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkDurablePackets puts batch packets (118 KB, the size of the
// benchmark's 10-page packet) durably into one folder: "Write" syncs the
// folder after each file, as batch did before its group commit;
// "Place/group" syncs it once per 32 files, as batch does now. ns/op is
// per packet.
//
//	go test -run '^$' -bench DurablePackets -count 6 ./internal/atomicfile
func BenchmarkDurablePackets(b *testing.B) {
	data := make([]byte, 118_000)
	b.Run("Write", func(b *testing.B) {
		dir := b.TempDir()
		i := 0
		for b.Loop() {
			if err := Write(filepath.Join(dir, fmt.Sprint(i, ".pdf")), data, 0o600); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("Place/group", func(b *testing.B) {
		const group = 32 // batch's commitEvery
		dir := b.TempDir()
		i := 0
		for b.Loop() {
			if err := Place(filepath.Join(dir, fmt.Sprint(i, ".pdf")), data, 0o600); err != nil {
				b.Fatal(err)
			}
			if i++; i%group == 0 {
				if err := SyncDir(dir); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
