package locale

// fr is French as written in France, addressing the patient as vous. A
// no-break space (U+00A0) comes before ":" and "?", as French typography
// asks, so that neither starts a line.
func fr() table {
	return table{
		LanguageName: text("Français"),

		PacketTitle:    text("Votre programme d’exercices à domicile"),
		ForLabel:       text("Pour\u00a0:"),
		DateLabel:      text("Date\u00a0:"),
		ClinicianLabel: text("Thérapeute\u00a0:"),
		PageOf:         text("Page %d sur %d"),
		HoursLabel:     text("Horaires\u00a0:"),
		PreparedBy:     text("Préparé par %s"),
		ReviewedOn:     text("Revu le %s"),

		FigureRef:     text("Figure %s"),
		FigureCaption: text("Figure %s."),
		References:    text("Références"),
		CautionLabel:  text("ATTENTION"),
		WarningLabel:  text("AVERTISSEMENT"),
		TipLabel:      text("CONSEIL"),
		NoteLabel:     text("NOTE"),

		DoseLabel:    text("DOSAGE"),
		SetsLabel:    text("Séries"),
		RepsLabel:    text("Répétitions"),
		HoldLabel:    text("Maintien"),
		RestLabel:    text("Repos"),
		LoadLabel:    text("Charge"),
		OftenLabel:   text("Fréquence"),
		SideLabel:    text("Côté"),
		ProgrammeFor: text("Vos exercices"),
		ChartNote:    text("Programme d’exercices à domicile remis le %s\u00a0:"),

		RepsCount:      forms("=1", "1 fois", "other", "%[2]s fois"),
		RoundsCount:    forms("one", "%[2]s série", "other", "%[2]s séries"),
		SecondsCount:   forms("one", "%[2]s seconde", "other", "%[2]s secondes"),
		MinutesCount:   forms("one", "%[2]s minute", "other", "%[2]s minutes"),
		HoldFor:        text("tenez %s"),
		RestFor:        text("reposez-vous %s"),
		WithLoad:       text("avec %s"),
		DailyCount:     forms("other", "%[2]s fois par jour"),
		DailyRange:     text("%[2]s fois par jour"),
		EachSide:       text("de chaque côté"),
		AlternateSides: text("en alternant les côtés"),
		RightSide:      text("côté droit"),
		LeftSide:       text("côté gauche"),
		RightArm:       text("bras droit"),
		LeftArm:        text("bras gauche"),
		RightLeg:       text("jambe droite"),
		LeftLeg:        text("jambe gauche"),
		OwnSide:        text("côté %s"),
		// After the noun, whatever its gender: "la cheville du côté
		// droit sur le genou du côté gauche".
		StepsThisSide:  text("d’un côté"),
		StepsOtherSide: text("de l’autre côté"),
		StepsYourRight: text("du côté droit"),
		StepsYourLeft:  text("du côté gauche"),

		BookingAsk:    text("Des questions, ou l’heure de votre prochain rendez-vous\u00a0?"),
		BookingScan:   text("Scannez le code ou prenez rendez-vous sur"),
		BookingOrCall: text("— ou appelez-nous au"),
		BookingCall:   text("Appelez-nous au"),
		WatchVideo:    text("Regardez comment faire\u00a0:"),
		QRCodeAlt:     text("Code QR pour %s"),

		SummaryLabel:     text("Votre programme\u00a0:"),
		SummaryExercises: forms("=1", "cet exercice", "other", "ces %d exercices"),
		StopTitle:        text("Arrêtez et appelez-nous si vous avez\u00a0:"),
		StopSign1:        text("Une douleur vive, ou qui augmente pendant l’exercice"),
		StopSign2:        text("Une douleur qui descend dans un bras ou une jambe"),
		StopSign3:        text("Un engourdissement ou des picotements"),
		StopSign4:        text("Une faiblesse dans un bras ou une jambe"),
		StopSign5:        text("Des vertiges, ou l’impression de vous évanouir"),
		StopNormal:       text("Un léger étirement, ou des muscles un peu douloureux pendant un jour ou deux, c’est normal."),

		PreparedFor:      text("Préparé pour"),
		VisitLabel:       text("Rendez-vous\u00a0:"),
		YourProgramme:    text("Votre programme"),
		ExerciseColumn:   text("EXERCICE"),
		PageColumn:       text("PAGE"),
		ClinicianNotes:   text("Notes de votre thérapeute"),
		QuestionsToBring: text("Questions pour votre prochain rendez-vous"),

		LogTitle:    text("Votre suivi d’exercices"),
		LogEachDay:  text("Cochez une case chaque jour où vous faites l’exercice."),
		LogEachTime: text("Cochez une case chaque fois que vous faites un exercice."),
		LogBring:    text("Apportez cette page à votre prochain rendez-vous."),
		WeekN:       text("Semaine %d"),
		Monday:      text("Lun"),
		Tuesday:     text("Mar"),
		Wednesday:   text("Mer"),
		Thursday:    text("Jeu"),
		Friday:      text("Ven"),
		Saturday:    text("Sam"),
		Sunday:      text("Dim"),

		January:   text("janvier"),
		February:  text("février"),
		March:     text("mars"),
		April:     text("avril"),
		May:       text("mai"),
		June:      text("juin"),
		July:      text("juillet"),
		August:    text("août"),
		September: text("septembre"),
		October:   text("octobre"),
		November:  text("novembre"),
		December:  text("décembre"),
		DateForm:  text("%[1]s %[2]s %[3]s"),
	}
}

// frCA is Quebec French where it differs from France's: no space before
// "?" (the OQLF keeps the one before ":"), "balayez le code", "à la
// maison", "journal".
func frCA() table {
	return overlay(fr(), table{
		LanguageName: text("Français (Canada)"),
		PacketTitle:  text("Votre programme d’exercices à la maison"),
		BookingAsk:   text("Des questions, ou l’heure de votre prochain rendez-vous?"),
		BookingScan:  text("Balayez le code ou prenez rendez-vous au"),
		LogTitle:     text("Votre journal d’exercices"),
		ChartNote:    text("Programme d’exercices à la maison remis le %s\u00a0:"),
	})
}
