package locale

import "testing"

// BenchmarkMatch is what a front door pays to find a catalogue:
// go test -run "^$" -bench Match -benchmem ./locale
func BenchmarkMatch(b *testing.B) {
	for b.Loop() {
		if _, err := Match("es-MX"); err != nil {
			b.Fatal(err)
		}
	}
}
