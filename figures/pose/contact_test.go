package pose

import (
	"bytes"
	"image/png"
	"path/filepath"
	"testing"
)

func TestContactSheetGolden(t *testing.T) {
	t.Parallel()
	img, err := ContactSheet(240)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("testdata", "contact.png"), buf.Bytes(),
		func([]byte) string { return "pixels changed" })
}

func TestContactSheetTooSmall(t *testing.T) {
	t.Parallel()
	if _, err := ContactSheet(8); err == nil {
		t.Fatal("ContactSheet(8) gave no error")
	}
}
