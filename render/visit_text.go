package render

import "handout/content"

// cleanVisit puts the visit's typed values — the patient's name, the
// date, the clinician and the notes, from flags, a patient list or the web
// page — through the rules every source file goes through
// (content.CleanText): normal form C, so that a name typed with a
// decomposed accent prints, and no invisible controls. Files are cleaned
// as they are parsed; these values reach the job without a file.
func cleanVisit(j Job) (Job, error) {
	var err error
	if j.Patient, err = content.CleanText("patient name", j.Patient); err != nil {
		return Job{}, err
	}
	if j.Date, err = content.CleanText("date", j.Date); err != nil {
		return Job{}, err
	}
	if j.Cover != nil {
		c := *j.Cover
		if c.Clinician, err = content.CleanText("clinician", c.Clinician); err != nil {
			return Job{}, err
		}
		if c.Notes, err = content.CleanText("notes", c.Notes); err != nil {
			return Job{}, err
		}
		j.Cover = &c
	}
	return j, nil
}
