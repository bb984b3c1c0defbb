package pdftest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Patient is one row of a generated patient list for handout batch.
type Patient struct {
	ID, Name, Date, Clinician, Handouts, Doses, Notes, Email string
	Extra                                                    []string // fields past the header, to make a broken row
}

// ListHeader is the header of a generated list.
var ListHeader = []string{"id", "name", "visit_date", "clinician", "handouts", "doses", "notes", "email"}

// Patients generates n good rows: ids P0001…, mid-back-pain, a dose
// override on every fourth row.
func Patients(n int) []Patient {
	rows := make([]Patient, n)
	for i := range rows {
		rows[i] = Patient{
			ID: fmt.Sprintf("P%04d", i+1), Name: fmt.Sprintf("Test Patient %d", i+1), Date: "2026-11-25",
			Clinician: "Dr. Karin Drummond", Handouts: "mid-back-pain", Notes: "Twice a day for two weeks.",
			Email: fmt.Sprintf("p%d@example.com", i+1),
		}
		if i%4 == 1 {
			rows[i].Doses = fmt.Sprintf("cat-and-cow: reps %d; daily 2 | face-down-back-bends: reps 2 rounds", 3+i%5)
		}
	}
	return rows
}

// WriteList writes rows as patients.csv into dir and returns its path;
// line i+2 holds rows[i].
func WriteList(t testing.TB, dir string, rows []Patient) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(ListHeader)
	for _, r := range rows {
		_ = w.Write(append([]string{r.ID, r.Name, r.Date, r.Clinician, r.Handouts, r.Doses, r.Notes, r.Email}, r.Extra...))
	}
	w.Flush()
	path := filepath.Join(dir, "patients.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
