package render

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPasswordSources: the password is the first line of --password-file
// (without its line ending), else $HANDOUT_PASSWORD; one that cannot be
// used is refused without being quoted.
func TestPasswordSources(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noEnv := func(string) string { return "" }
	env := func(k string) string {
		if k == PasswordEnv {
			return "from env"
		}
		return ""
	}
	for _, c := range []struct {
		name, file string
		getenv     func(string) string
		want       string
		err        error
	}{
		{"first line, LF", write("a", "secret one\nsecond line\n"), noEnv, "secret one", nil},
		{"CRLF", write("b", "secret two\r\n"), noEnv, "secret two", nil},
		{"no newline", write("c", "secret three"), env, "secret three", nil},
		{"empty file", write("d", ""), noEnv, "", ErrPasswordEmpty},
		{"empty first line", write("e", "\nsecret\n"), noEnv, "", ErrPasswordEmpty},
		{"too long", write("f", strings.Repeat("x", 128)), noEnv, "", ErrPasswordTooLong},
		{"control character", write("g", "tab\there"), noEnv, "", ErrPasswordInvalid},
		{"ligature", write("h", "\ufb01sh"), noEnv, "", ErrPasswordForm},
		{"trailing space", write("i", "secret four \n"), noEnv, "", ErrPasswordSpace},
		{"leading space", write("j", " secret five\r\n"), noEnv, "", ErrPasswordSpace},
		{"trailing no-break space", write("k", "secret six\u00a0"), noEnv, "", ErrPasswordSpace},
		{"environment with a trailing space", "", func(string) string { return "secret seven " }, "", ErrPasswordSpace},
		{"environment", "", env, "from env", nil},
		{"none", "", noEnv, "", nil},
	} {
		set, err := Settings{Password: PasswordSource{File: c.file, Getenv: c.getenv}}.Check()
		got := set.password
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("%s: got %q, %v; want %q, %v", c.name, got, err, c.want, c.err)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: error %q quotes the file's content", c.name, err)
		}
	}
}
