package pose

import "testing"

// BenchmarkBuiltinAll solves and draws every built-in figure once per
// iteration: what a process pays at start for the drawings it uses.
func BenchmarkBuiltinAll(b *testing.B) {
	names := BuiltinNames()
	for b.Loop() {
		for _, n := range names {
			if _, err := Builtin(n); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(names)), "ms/drawing")
}
