package content

import "testing"

// TestImageFormatIsNotJudgedByName: a picture's format is recognised by
// its content when it is read (figures), so no file name is refused here:
// a real JPEG saved as "x.gif", a PNG without an extension, a JPEG an
// export named ".HEIC".
func TestImageFormatIsNotJudgedByName(t *testing.T) {
	for _, src := range []string{"x.gif", "picture", "IMG_0042.HEIC", "scan.tiff", "photos/cat.JPG"} {
		if _, err := Parse("h.md", []byte("---\ntitle: T\n---\n\n![x]("+src+")\n")); err != nil {
			t.Errorf("![x](%s): %v", src, err)
		}
		if _, err := ParseClinic("c.yaml", []byte(minimalClinic+"logo: "+src+"\n")); err != nil {
			t.Errorf("logo: %s: %v", src, err)
		}
	}
}
