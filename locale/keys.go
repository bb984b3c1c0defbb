package locale

// Key names one printed text of the catalogues. Each constant's comment
// gives the en-US text, and the arguments its message takes: a text
// with a count is selected by plural form (Words.Count).
type Key int

// The keys, grouped by where they print. TestCatalogues checks that every
// catalogue has each one and that the code outside this package uses each.
const (
	// Header, footer and the document's title.
	LanguageName   Key = iota // "English (US)": the language's own name for itself, on the web page's choice
	PacketTitle               // "Your home exercise program": a packet's title
	ForLabel                  // "For:" before the patient's name
	DateLabel                 // "Date:" before the visit date on a sheet
	ClinicianLabel            // "Clinician:"
	PageOf                    // "Page %d of %d"
	HoursLabel                // "Hours:" before the clinic's hours in the footer
	PreparedBy                // "Prepared by %s" (the author)
	ReviewedOn                // "Reviewed %s" (a date)

	// Figures, references and callouts.
	FigureRef     // "Figure %s" in running text: "Figure 6", "Figure 6a"
	FigureCaption // "Figure %s." before a figure's caption
	References    // "References"
	CautionLabel  // "CAUTION"
	WarningLabel  // "WARNING"
	TipLabel      // "TIP"
	NoteLabel     // "NOTE"

	// The dose strip's labels.
	DoseLabel    // "DOSE", also the cover's column head
	SetsLabel    // "Sets"
	RepsLabel    // "Reps"
	HoldLabel    // "Hold"
	RestLabel    // "Rest"
	LoadLabel    // "Load": a band's colour, a weight
	OftenLabel   // "How often"
	SideLabel    // "Side"
	ProgrammeFor // "Your exercises": a programme's title without a protocol
	ChartNote    // "Home exercise program given %s:": the chart note's first line, with the date (handout serve)

	// The dose line's words (content.WordDose). A count's message gets the
	// count (%[1]d, which selects the plural form) and the count as
	// written (%[2]s: "10", "10–15").
	RepsCount    // "once" (exactly 1), "%[2]s times"
	RoundsCount  // "%[2]s rounds" (one round is never printed)
	SecondsCount // "%[2]s seconds"
	MinutesCount // "%[2]s minutes"
	HoldFor      // "hold %s" (a duration, or the clinician's words)
	RestFor      // "rest %s"
	WithLoad     // "with %s": the load as the clinician writes it ("red band", "2 kg")
	DailyCount   // "once a day", "twice a day", "%[2]s times a day"
	DailyRange   // "%[2]s times a day" for a range ("2–3", by its upper end) or a count as typed
	EachSide     // "each side"
	AlternateSides
	RightSide // "right side"
	LeftSide  // "left side"
	RightArm  // "right arm"
	LeftArm   // "left arm"
	RightLeg  // "right leg"
	LeftLeg   // "left leg"
	OwnSide   // "%s side": a handout's own side words ("each")
	// An exercise's steps' {side} and {other} (content.Exercise.StepsFor):
	// without a side, and with one.
	StepsThisSide  // "one"
	StepsOtherSide // "the other"
	StepsYourRight // "your right"
	StepsYourLeft  // "your left"

	// The booking panel and the sheet's video link.
	BookingAsk    // "Questions, or time for your next visit?"
	BookingScan   // "Scan the code or book at" (then the address)
	BookingOrCall // "— or call us at" (then the phone)
	BookingCall   // "Call us at" (then the phone)
	WatchVideo    // "Watch how it is done:"
	QRCodeAlt     // "QR code for %s": a code's description for a screen reader

	// The sheet's summary and stop box (the clinic's stop_and_call
	// replaces these words).
	SummaryLabel     // "Your program:"
	SummaryExercises // "this exercise" (1), "these %d exercises"
	StopTitle        // "Stop and call us if you have:"
	StopSign1        // "Sharp pain, or pain that gets worse as you go"
	StopSign2
	StopSign3
	StopSign4
	StopSign5
	StopNormal // "A mild stretch, or sore muscles for a day or two, is normal."

	// A packet's cover.
	PreparedFor      // "Prepared for" (then the patient's name)
	VisitLabel       // "Visit:"
	YourProgramme    // "Your program"
	ExerciseColumn   // "EXERCISE"
	PageColumn       // "PAGE"
	ClinicianNotes   // "Notes from your clinician"
	QuestionsToBring // "Questions for your next visit"

	// The tick log.
	LogTitle    // "Your exercise log"
	LogEachDay  // "Check a box each day you do the exercise."
	LogEachTime // "Check a box each time you do an exercise."
	LogBring    // "Bring this page to your next visit."
	WeekN       // "Week %d"
	Monday      // "Mon", the tick log's column heads, Monday first
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
	Sunday

	// Dates (Words.Date): the month names as a date prints them (Polish's
	// genitive "grudnia"), and the date's form: %[1]s the day, %[2]s the
	// month, %[3]s the year.
	January
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
	DateForm // "%[2]s %[1]s, %[3]s": "Dec 1, 2026"

	numKeys // not a key: how many there are
)
