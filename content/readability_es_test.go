package content

import (
	"math"
	"testing"
)

// TestSilabasES checks the counter on words whose syllables are known
// (divided as a Spanish dictionary divides them).
func TestSilabasES(t *testing.T) {
	for word, want := range map[string]int{
		"casa": 2, "perro": 2, "rodilla": 3, "hombro": 2, "espalda": 3, "estiramiento": 5, // es-ti-ra-mien-to
		"día": 2, "país": 2, "poeta": 3, "aéreo": 4, "leer": 2, "reír": 2, "baúl": 2, // hiatus
		"ciudad": 2, "murciélago": 4, "cuidado": 3, "suave": 2, "aire": 2, // diphthongs
		"buey": 1, "Uruguay": 3, // triphthongs
		"que": 1, "quite": 2, "guitarra": 3, "sigue": 2, "pingüino": 3, // silent u, ü
		"hoy": 1, "muy": 1, "y": 1, "ayuda": 3, "rey": 1, // y
		"prohibir": 3, "ahora": 3, // h
		"respiración": 4, "Deténgase": 4, "Acuéstese": 4, "10": 1,
	} {
		if got := SilabasES(word); got != want {
			t.Errorf("SilabasES(%q) = %d, want %d", word, got, want)
		}
	}
}

// TestLecturabilidadFH checks the formula on a text counted by hand.
func TestLecturabilidadFH(t *testing.T) {
	got := LecturabilidadFH([]string{"Siéntese derecho. Mire al frente", "¡Respire!"})
	// 3 sentences; words: siéntese(3) derecho(3) mire(2) al(1) frente(2)
	// respire(3) = 6 words, 14 syllables.
	want := 206.84 - 60*14.0/6 - 1.02*6/3
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("lecturabilidad %.3f, want %.3f", got, want)
	}
	if LecturabilidadFH(nil) != 0 {
		t.Error("empty text has a score")
	}
}
