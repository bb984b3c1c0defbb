package render

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestPasswordSources: the password is the first line of --password-file
// (without its line ending), else $HANDOUT_PASSWORD; one that cannot be
// used is refused without being quoted.
func TestPasswordSources(t *testing.T) {
	t.Parallel()
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

// TestEncodingCoversEverySetting: each exported field of Checked changes
// its Encoding (so batch's inputs hash follows a new setting without being
// told), the only unexported fields are the password and its column, and
// no password is encoded.
func TestEncodingCoversEverySetting(t *testing.T) {
	t.Parallel()
	zero, err := Settings{}.Check()
	if err != nil {
		t.Fatal(err)
	}
	typ := reflect.TypeFor[Checked]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !f.IsExported() {
			if f.Name != "password" && f.Name != "column" {
				t.Errorf("Checked.%s is not encoded: export it, so batch's inputs hash covers it (only secrets stay unexported)", f.Name)
			}
			continue
		}
		c := zero
		setNonZero(t, reflect.ValueOf(&c).Elem().Field(i))
		if bytes.Equal(c.Encoding(), zero.Encoding()) {
			t.Errorf("Checked.%s does not change Encoding", f.Name)
		}
	}
	const pw = "secret-Ölfass-42"
	c, err := Settings{Password: PasswordSource{Getenv: func(string) string { return pw }}}.Check()
	if err != nil {
		t.Fatal(err)
	}
	if !c.Encrypted || bytes.Contains(c.Encoding(), []byte(pw)) {
		t.Errorf("with a password: encrypted %v, encoding %s", c.Encrypted, c.Encoding())
	}
	col, err := Settings{Password: PasswordSource{Column: "pw"}}.Check()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(col.Encoding(), c.Encoding()) {
		t.Errorf("a password column and a password encode apart (%s, %s): the encoding records whether, not how", col.Encoding(), c.Encoding())
	}
}

// setNonZero gives v a value other than its zero value, field by field
// for a struct.
func setNonZero(t *testing.T, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.String:
		v.SetString("x")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1)
	case reflect.Struct:
		for i := range v.NumField() {
			setNonZero(t, v.Field(i))
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
	case reflect.Slice:
		// A new slice of its own: one copied from the zero settings
		// shares their elements.
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		setNonZero(t, v.Index(0))
	default:
		t.Fatalf("a setting of kind %s: teach setNonZero to set one", v.Kind())
	}
}
