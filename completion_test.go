package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"handout/render"
)

var completionShellNames = []string{"bash", "zsh", "fish"}

// completionScript returns the script handout completion SHELL writes.
// It runs the command in this folder, not through runCLI's change of
// folder, which the script does not depend on: so the completion tests
// can run in parallel.
func completionScript(t *testing.T, shell string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := exitCode(run([]string{"completion", shell}, &stdout, &stderr), &stderr); code != exitOK {
		t.Fatalf("completion %s: exit %d: %s", shell, code, stderr.String())
	}
	return stdout.String()
}

// TestCompletionCoversEveryFlag: each script names every command and every
// flag of every command, as the flag sets define them.
func TestCompletionCoversEveryFlag(t *testing.T) {
	t.Parallel()
	for _, shell := range completionShellNames {
		script := completionScript(t, shell)
		for _, c := range commands() {
			if !strings.Contains(script, c.name) {
				t.Errorf("%s: command %s missing", shell, c.name)
			}
			c.flags().VisitAll(func(f *pflag.Flag) {
				name := "--" + f.Name
				if shell == "fish" {
					name = "-l " + f.Name
				}
				if !strings.Contains(script, name) {
					t.Errorf("%s: %s --%s missing", shell, c.name, f.Name)
				}
			})
		}
	}
	if code := exitCode(run([]string{"completion", "powershell"}, io.Discard, io.Discard), io.Discard); code != exitUsage {
		t.Errorf("completion powershell: exit %d, want %d", code, exitUsage)
	}
}

// TestCompletionFollowsFlagSets: a flag added to a command's flag set, and
// a command added to the table, appear in every script with nothing else
// changed: the scripts are made from the flag sets, not from a list.
func TestCompletionFollowsFlagSets(t *testing.T) {
	t.Parallel()
	cmds := commands()
	for i := range cmds {
		if cmds[i].name == "render" {
			flags := cmds[i].flags
			cmds[i].flags = func() *pflag.FlagSet {
				fl := flags()
				fl.String("frobnicate-level", "", "how much to frobnicate")
				completeWords(fl, "frobnicate-level", "gently", "firmly")
				return fl
			}
		}
	}
	cmds = append(cmds, command{name: "zap", summary: "zap things", usage: "Usage: handout zap",
		flags: func() *pflag.FlagSet { return pflag.NewFlagSet("zap", pflag.ContinueOnError) }})
	for _, shell := range completionShellNames {
		var b bytes.Buffer
		if err := writeCompletion(&b, shell, cmds); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"frobnicate-level", "firmly", "zap"} {
			if !strings.Contains(b.String(), want) {
				t.Errorf("%s: %q missing from the script", shell, want)
			}
		}
	}
}

// TestCompletionScriptsParse has each installed shell check its script's
// syntax without running it.
func TestCompletionScriptsParse(t *testing.T) {
	t.Parallel()
	check := map[string][]string{"bash": {"bash", "-n"}, "zsh": {"zsh", "-n"}, "fish": {"fish", "--no-execute"}}
	for _, shell := range completionShellNames {
		argv := check[shell]
		if _, err := exec.LookPath(argv[0]); err != nil {
			t.Logf("%s not installed: its script's syntax is not checked", shell)
			continue
		}
		path := filepath.Join(t.TempDir(), "handout."+shell)
		if err := os.WriteFile(path, []byte(completionScript(t, shell)), 0o600); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(argv[0], append(argv[1:], path)...).CombinedOutput(); err != nil {
			t.Errorf("%s rejects the script: %v\n%s", shell, err, out)
		}
	}
}

// completionCases are command lines and what TAB at their end offers, in
// a folder holding h.md, c.yaml, list.csv and photos/.
var completionCases = []struct {
	line string
	want []string
}{
	{"handout ren", []string{"render"}},
	{"handout render --pa", []string{"--paper", "--password-file", "--patient"}},
	{"handout render --paper ", []string{"a4", "letter"}},
	{"handout render --paper=", []string{"a4", "letter"}},
	{"handout batch --preset e", []string{"email"}},
	{"handout render --clinic ", []string{"c.yaml", "photos/"}},
	{"handout batch ", []string{"list.csv", "photos/"}},
	{"handout render --patient ", nil},
	{"handout figure wheel", []string{"wheel-pose"}},
	{"handout help ba", []string{"batch"}},
	{"handout completion ", []string{"bash", "fish", "zsh"}},
}

// completionFolder makes the folder completionCases run in.
func completionFolder(t *testing.T) string {
	dir := t.TempDir()
	for _, name := range []string{"h.md", "c.yaml", "list.csv", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "photos"), 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBashCompletion sources the bash script and calls its completion
// function as bash does on TAB, with COMP_LINE and COMP_POINT set.
func TestBashCompletion(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash not installed")
	}
	dir := completionFolder(t)
	script := filepath.Join(t.TempDir(), "handout.bash")
	if err := os.WriteFile(script, []byte(completionScript(t, "bash")), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := append(completionCases[:len(completionCases):len(completionCases)],
		struct {
			line string
			want []string
		}{"handout render ", renderOperandsWant()},
		// bash replaces only what follows the colon, which splits words.
		struct {
			line string
			want []string
		}{"handout render builtin:mid", []string{"mid-back-pain"}},
	)
	for _, tc := range cases {
		cmd := exec.Command("bash", "--norc", "--noprofile", "-c", `source "$1"; COMP_LINE=$2; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<<"$COMP_LINE"; COMP_CWORD=${#COMP_WORDS[@]}; _handout handout; printf '%s\n' "${COMPREPLY[@]}"`, "bash", script, tc.line)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("%q: %v\n%s", tc.line, err, out)
			continue
		}
		checkCompletions(t, "bash", tc.line, string(out), tc.want)
	}
}

// TestFishCompletion asks fish what it would offer (complete -C) with the
// fish script loaded.
func TestFishCompletion(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("fish"); err != nil {
		t.Skip("fish not installed")
	}
	dir := completionFolder(t)
	script := filepath.Join(t.TempDir(), "handout.fish")
	if err := os.WriteFile(script, []byte(completionScript(t, "fish")), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := append(completionCases[:len(completionCases):len(completionCases)],
		struct {
			line string
			want []string
		}{"handout render ", renderOperandsWant()},
		struct {
			line string
			want []string
		}{"handout render builtin:mid", []string{"builtin:mid-back-pain"}},
	)
	for _, tc := range cases {
		cmd := exec.Command("fish", "--no-config", "-c", `source $argv[1]; complete -C $argv[2] | string replace -r '\t.*' ''; true`, script, tc.line)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("%q: %v\n%s", tc.line, err, out)
			continue
		}
		// fish gives --flag=VALUE whole; the others, VALUE.
		_, flag, _ := strings.Cut(tc.line, " --")
		if flag, _, ok := strings.Cut(flag, "="); ok {
			out = []byte(strings.ReplaceAll(string(out), "--"+flag+"=", ""))
		}
		checkCompletions(t, "fish", tc.line, string(out), tc.want)
	}
}

// checkCompletions compares a shell's offers, one a line, with want.
func checkCompletions(t *testing.T, shell, line, out string, want []string) {
	t.Helper()
	// bash leaves the / after a folder's name to readline.
	got := strings.Fields(strings.ReplaceAll(out, "/\n", "\n"))
	slices.Sort(got)
	got = slices.Compact(got)
	want = slices.Clone(want)
	for i := range want {
		want[i] = strings.TrimSuffix(want[i], "/")
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: %q<TAB> offers %q, want %q", shell, line, got, want)
	}
}

// zshDriver types a line and TAB into an interactive zsh with the script
// loaded (in a pseudo-terminal, zsh/zpty), then Ctrl-U and a command
// printing DONE, and prints what zsh showed until DONE: zsh reads its
// input in order, so the completion is on the screen by then.
const zshDriver = `zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z "PS1='RE''ADY> '; autoload -Uz compinit; compinit -u -D; source ${(q)1}; LISTMAX=1000"
# Wait for the prompt, not the echo of the command typed: then zsh's line
# editor reads the keys (typed before, the terminal would echo them).
zpty -r -m z out '*READY> *'
zpty -n -w z "$2"$'\t'
zpty -w z $'\x15'"print DO''NE"
zpty -r -m z out '*DONE*'
print -r -- "$out"
zpty -d z
`

// TestZshCompletion runs zsh's completion system on the zsh script, as a
// user pressing TAB would.
func TestZshCompletion(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("zsh"); err != nil {
		t.Skip("zsh not installed")
	}
	dir := completionFolder(t)
	tmp := t.TempDir()
	script, driver := filepath.Join(tmp, "_handout"), filepath.Join(tmp, "drive.zsh")
	if err := os.WriteFile(script, []byte(completionScript(t, "zsh")), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(driver, []byte(zshDriver), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		line        string
		want, never []string
	}{
		{"handout render --pa", []string{"--paper", "--password-file", "--patient"}, []string{"--preset"}},
		{"handout render --paper=", []string{"a4", "letter"}, nil},
		{"handout render ", []string{"builtin:mid-back-pain", "protocol:neck-pain", "c.yaml", "h.md", "photos/"}, []string{"notes.txt"}},
		{"handout render --clinic ", []string{"c.yaml", "photos/"}, []string{"h.md", "notes.txt"}},
		{"handout figure wheel", []string{"wheel-pose"}, nil},
		{"handout ", []string{"render", "completion", "version"}, nil},
	} {
		// Each case is a zsh waiting on its terminal most of the time:
		// side by side they take the time of one.
		t.Run(tc.line, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, "zsh", "-f", driver, script, tc.line)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "HOME="+tmp, "ZDOTDIR="+tmp)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			// What zsh shows after the line it echoed.
			screen := string(out)
			if i := strings.LastIndex(screen, "READY"); i >= 0 {
				screen = screen[i:]
			}
			for _, w := range tc.want {
				if !strings.Contains(screen, w) {
					t.Errorf("zsh: %q<TAB> does not offer %q; the terminal shows %q", tc.line, w, screen)
				}
			}
			for _, w := range tc.never {
				if strings.Contains(screen, w) {
					t.Errorf("zsh: %q<TAB> offers %q; the terminal shows %q", tc.line, w, screen)
				}
			}
		})
	}
}

// renderOperandsWant is what TAB offers after "handout render " in the
// completion folder: the built-in handouts, the protocols, the Markdown
// and YAML files (handouts, programmes) and the folders.
func renderOperandsWant() []string {
	want := []string{"builtin:mid-back-pain", "c.yaml", "h.md", "photos/"}
	for _, name := range render.BuiltinProtocolNames() {
		want = append(want, "protocol:"+name)
	}
	return want
}
