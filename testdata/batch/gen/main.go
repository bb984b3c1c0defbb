// Command gen writes a patient list for `handout batch`, to measure it on
// large lists:
//
//	go run ./testdata/batch/gen -n 1000 > /tmp/1000.csv
//	go run ./testdata/batch/gen -n 1000 -programmes > /tmp/1000p.csv
//
// Every row is a good one: ids P000001…, made-up names, the built-in
// mid-back-pain handout, a dose override on every fourth row; or with
// -programmes, a programme per patient instead: one of four protocols
// with one exercise's dose changed, 120 programmes in all.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
)

func main() {
	n := flag.Int("n", 1000, "number of patients")
	programmes := flag.Bool("programmes", false, "a protocol and exercises per patient instead of a handout")
	flag.Parse()
	w := csv.NewWriter(os.Stdout)
	if *programmes {
		writeProgrammes(w, *n)
		return
	}
	_ = w.Write([]string{"id", "name", "visit_date", "clinician", "handouts", "doses", "notes", "email"})
	for i := 1; i <= *n; i++ {
		doses := ""
		if i%4 == 2 {
			doses = fmt.Sprintf("cat-and-cow: reps %d; daily 2 | face-down-back-bends: reps 2 rounds", 3+i%5)
		}
		_ = w.Write([]string{
			fmt.Sprintf("P%06d", i), fmt.Sprintf("Test Patient %d", i), fmt.Sprintf("2026-11-%02d", 1+i%28),
			"Dr. Karin Drummond, DC", "mid-back-pain", doses, "Start with the face-down series twice a day.",
			fmt.Sprintf("patient%d@example.com", i),
		})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// writeProgrammes writes n rows with a programme each: a protocol, and
// chin tuck with a dose that varies.
func writeProgrammes(w *csv.Writer, n int) {
	protocols := []string{"neck-pain", "low-back-core", "sciatica", "posture"}
	_ = w.Write([]string{"id", "name", "visit_date", "clinician", "protocol", "exercises", "notes", "email"})
	for i := 1; i <= n; i++ {
		_ = w.Write([]string{
			fmt.Sprintf("P%06d", i), fmt.Sprintf("Test Patient %d", i), fmt.Sprintf("2026-11-%02d", 1+i%28),
			"Dr. Karin Drummond, DC", protocols[i%len(protocols)], fmt.Sprintf("chin-tuck: reps %d; daily %d", 5+i%10, 1+i%3),
			"Start with the face-down series twice a day.", fmt.Sprintf("patient%d@example.com", i),
		})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
