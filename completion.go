package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

const completionUsage = `Usage: handout completion bash|zsh|fish

Writes a script that makes TAB complete handout's commands, flags and
their values (--paper letter|a4, --preset print|email, file and folder
names, builtin:NAME) in that shell. The script is made from the
program's own flags, so a new release's script knows its new flags: make
it again after updating. To install it:

  bash  handout completion bash > ~/.local/share/bash-completion/completions/handout
        (or put 'source <(handout completion bash)' in ~/.bashrc)
  zsh   handout completion zsh > ~/.zfunc/_handout
        (with 'fpath+=~/.zfunc' before 'compinit' in ~/.zshrc)
  fish  handout completion fish > ~/.config/fish/completions/handout.fish`

// completionShells are the shells completion writes scripts for.
var completionShells = []string{"bash", "zsh", "fish"}

func completionFlags() *pflag.FlagSet {
	return pflag.NewFlagSet("completion", pflag.ContinueOnError)
}

func runCompletion(args []string, stdout, _ io.Writer) error {
	fl := completionFlags()
	if help, err := parseFlags(fl, args, completionUsage, stdout); help || err != nil {
		return err
	}
	if fl.NArg() != 1 || !slices.Contains(completionShells, fl.Arg(0)) {
		return usagef("completion needs one shell: %s", strings.Join(completionShells, ", "))
	}
	return writeCompletion(stdout, fl.Arg(0), commands())
}

// completion is what a flag's value or a command's operands can be, for
// the completion scripts. The zero value offers nothing: a name, a date, a
// number is typed.
type completion struct {
	words []string // one of these words
	files bool     // a file name…
	exts  []string // …ending in one of these (none: any file); folders too, to go into
	dirs  bool     // a folder name
}

// The annotations on a pflag.Flag that say what its value is. They are set
// beside the flag's definition (completeWords and the others), so the flag
// and what completes it are written in one place.
const (
	annotWords = "handout-complete-words"
	annotFiles = "handout-complete-files" // the extensions, maybe none
	annotDirs  = "handout-complete-dirs"
)

// completeWords says the value of the flag name is one of words.
func completeWords(fl *pflag.FlagSet, name string, words ...string) {
	annotate(fl, name, annotWords, words)
}

// completeFiles says the value of the flag name is a file ending in one of
// exts (any file if none).
func completeFiles(fl *pflag.FlagSet, name string, exts ...string) {
	annotate(fl, name, annotFiles, exts)
}

// completeDirs says the value of the flag name is a folder.
func completeDirs(fl *pflag.FlagSet, name string) { annotate(fl, name, annotDirs, nil) }

func annotate(fl *pflag.FlagSet, name, key string, values []string) {
	if values == nil {
		values = []string{} // pflag keeps the key either way; this says there are no values
	}
	if err := fl.SetAnnotation(name, key, values); err != nil {
		// A misspelt flag name in a flag set's definition: every flag
		// set is built by the completion tests, so this cannot ship.
		panic(fmt.Sprintf("completion: %s: %v", fl.Name(), err))
	}
}

// flagCompletion reads what a flag's value is from its annotations.
func flagCompletion(f *pflag.Flag) completion {
	var c completion
	c.words = f.Annotations[annotWords]
	if exts, ok := f.Annotations[annotFiles]; ok {
		c.files, c.exts = true, exts
	}
	_, c.dirs = f.Annotations[annotDirs]
	return c
}

// flagSpec is one flag as a completion script offers it.
type flagSpec struct {
	long, short, usage string
	value              bool // it takes a value (it is not a switch)
	complete           completion
}

// commandSpec is one command as a completion script offers it.
type commandSpec struct {
	name, summary string
	flags         []flagSpec // sorted by name, --help last
	operands      completion
}

// completionSpecs reads the commands' flag sets. Every command takes -h
// and --help, which pflag answers without defining them.
func completionSpecs(cmds []command) []commandSpec {
	var specs []commandSpec
	for _, c := range cmds {
		s := commandSpec{name: c.name, summary: c.summary}
		if c.operands != nil {
			s.operands = c.operands()
		}
		c.flags().VisitAll(func(f *pflag.Flag) {
			s.flags = append(s.flags, flagSpec{long: f.Name, short: f.Shorthand, usage: f.Usage,
				value: f.NoOptDefVal == "", complete: flagCompletion(f)})
		})
		s.flags = append(s.flags, flagSpec{long: "help", short: "h", usage: "print this command's usage and flags"})
		specs = append(specs, s)
	}
	return specs
}

// topFlags are the flags handout takes before a command.
var topFlags = []flagSpec{
	{long: "help", short: "h", usage: "list the commands"},
	{long: "version", usage: "print the version, commit and Go version"},
}

// writeCompletion writes the completion script for shell, made from cmds.
func writeCompletion(w io.Writer, shell string, cmds []command) error {
	specs := completionSpecs(cmds)
	var b strings.Builder
	switch shell {
	case "bash":
		writeBash(&b, specs)
	case "zsh":
		writeZsh(&b, specs)
	case "fish":
		writeFish(&b, specs)
	default:
		return usagef("completion: no script for %q; use %s", shell, strings.Join(completionShells, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// flagWords lists a command's flags as typed: --long and -s.
func flagWords(flags []flagSpec) []string {
	var words []string
	for _, f := range flags {
		words = append(words, "--"+f.long)
		if f.short != "" {
			words = append(words, "-"+f.short)
		}
	}
	return words
}

// commandWords lists the commands' names.
func commandWords(specs []commandSpec) []string {
	var words []string
	for _, s := range specs {
		words = append(words, s.name)
	}
	return words
}

const bashHeader = `# bash completion for handout, made by 'handout completion bash' from the
# program's own flags. Save it as
# ~/.local/share/bash-completion/completions/handout, or load it with
#   source <(handout completion bash)

# _handout_add adds the lines it reads to COMPREPLY.
_handout_add() {
    local w
    while IFS= read -r w; do COMPREPLY+=("$w"); done
}

# _handout_words offers the words $2... that start with $1.
_handout_words() {
    local cur=$1
    shift
    _handout_add < <(compgen -W "$*" -- "$cur")
}

# _handout_files offers the folders and the files ending in .$2, .$3...
# (any file if there is no $2) whose names start with $1.
_handout_files() {
    local cur=$1 ext
    shift
    compopt -o filenames 2>/dev/null
    if (( $# == 0 )); then
        _handout_add < <(compgen -f -- "$cur")
        return
    fi
    _handout_add < <(compgen -d -- "$cur")
    for ext; do
        _handout_add < <(compgen -f -X "!*.$ext" -- "$cur")
    done
}

# _handout_dirs offers the folders whose names start with $1.
_handout_dirs() {
    compopt -o filenames 2>/dev/null
    _handout_add < <(compgen -d -- "$1")
}

# _handout_trim takes off each offer the part of the word $1 that bash
# keeps: up to its last character of COMP_WORDBREAKS (= and : by
# default), after which bash replaces what was typed.
_handout_trim() {
    local word=$1 keep= i
    for (( i = ${#word} - 1; i >= 0; i-- )); do
        if [[ $COMP_WORDBREAKS == *"${word:i:1}"* ]]; then
            keep=${word:0:i+1}
            break
        fi
    done
    [[ -n $keep ]] || return 0
    for i in "${!COMPREPLY[@]}"; do
        COMPREPLY[i]=${COMPREPLY[i]#"$keep"}
    done
}

_handout() {
    COMPREPLY=()
    # The line up to the cursor, split at blanks only: COMP_WORDS is also
    # split at = and :, which --paper=a4 and builtin:NAME contain.
    local line=${COMP_LINE:0:COMP_POINT}
    local -a words
    read -ra words <<<"$line"
    local cur=
    if [[ -n $line && $line != *[[:blank:]] ]]; then
        cur=${words[${#words[@]}-1]}
        words=("${words[@]:0:${#words[@]}-1}")
    fi
    local prev=${words[${#words[@]}-1]} pre=
    if [[ $cur == --*=* ]]; then
        # --flag=VALUE: the value is completed as if it were the next word.
        pre=${cur%%=*}=
        prev=${cur%%=*}
        cur=${cur#*=}
    fi
`

// writeBash writes the bash script: one case per command, and in it one
// case per flag that takes a value.
func writeBash(b *strings.Builder, specs []commandSpec) {
	b.WriteString(bashHeader)
	b.WriteString("    if (( ${#words[@]} <= 1 )); then\n")
	fmt.Fprintf(b, "        if [[ $cur == -* ]]; then\n            _handout_words \"$cur\" %s\n", strings.Join(flagWords(topFlags), " "))
	fmt.Fprintf(b, "        else\n            _handout_words \"$cur\" %s\n        fi\n", strings.Join(commandWords(specs), " "))
	b.WriteString("    else\n        case ${words[1]} in\n")
	for _, s := range specs {
		fmt.Fprintf(b, "        %s)\n            case $prev in\n", bashQuote(s.name))
		for _, f := range s.flags {
			if !f.value {
				continue
			}
			pattern := "--" + f.long
			if f.short != "" {
				pattern = "-" + f.short + "|" + pattern
			}
			fmt.Fprintf(b, "            %s)%s ;;\n", pattern, bashOffer(f.complete, "                "))
		}
		b.WriteString("            *)\n                if [[ $cur == -* ]]; then\n")
		fmt.Fprintf(b, "                    _handout_words \"$cur\" %s\n", strings.Join(flagWords(s.flags), " "))
		fmt.Fprintf(b, "                else%s\n                fi ;;\n", bashOffer(s.operands, "                    "))
		b.WriteString("            esac ;;\n")
	}
	b.WriteString("        esac\n    fi\n")
	b.WriteString(`    local i
    for i in "${!COMPREPLY[@]}"; do
        COMPREPLY[i]=$pre${COMPREPLY[i]}
    done
    _handout_trim "$pre$cur"
}

complete -F _handout handout
`)
}

// bashOffer writes the calls that offer what c allows, each on a line of
// its own with indent; ":" (do nothing) when c allows nothing to complete.
func bashOffer(c completion, indent string) string {
	var lines []string
	if len(c.words) > 0 {
		lines = append(lines, "_handout_words \"$cur\" "+bashWords(c.words))
	}
	if c.files {
		lines = append(lines, strings.TrimSpace("_handout_files \"$cur\" "+bashWords(c.exts)))
	}
	if c.dirs {
		lines = append(lines, "_handout_dirs \"$cur\"")
	}
	if len(lines) == 0 {
		lines = []string{":"}
	}
	return "\n" + indent + strings.Join(lines, "\n"+indent)
}

func bashWords(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = bashQuote(w)
	}
	return strings.Join(quoted, " ")
}

// bashQuote quotes s for bash (and zsh) where it is not a plain word.
func bashQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/+") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

const zshHeader = `#compdef handout
# zsh completion for handout, made by 'handout completion zsh' from the
# program's own flags. Save it as _handout in a folder of $fpath (before
# compinit runs), or load it with
#   source <(handout completion zsh)

_handout() {
  local curcontext=$curcontext state line
  typeset -A opt_args
  _arguments -C \
`

// writeZsh writes the zsh script: _arguments with the top flags and a
// command, then _arguments with that command's flags and operands.
func writeZsh(b *strings.Builder, specs []commandSpec) {
	b.WriteString(zshHeader)
	for _, f := range topFlags {
		fmt.Fprintf(b, "    %s \\\n", zshFlag(f, true))
	}
	b.WriteString("    '1:command:->command' \\\n    '*::argument:->argument' && return\n")
	b.WriteString("  case $state in\n  command)\n    local -a commands=(\n")
	for _, s := range specs {
		fmt.Fprintf(b, "      %s\n", zshQuote(strings.ReplaceAll(s.name, ":", `\:`)+":"+s.summary))
	}
	b.WriteString("    )\n    _describe -t commands 'handout command' commands\n    ;;\n")
	b.WriteString("  argument)\n    curcontext=${curcontext%:*:*}:handout-$words[1]:\n    case $words[1] in\n")
	for _, s := range specs {
		fmt.Fprintf(b, "    %s)\n      _arguments -s", bashQuote(s.name))
		for _, f := range s.flags {
			fmt.Fprintf(b, " \\\n        %s", zshFlag(f, f.long == "help"))
		}
		if action := zshAction(s.operands); action != " " {
			fmt.Fprintf(b, " \\\n        %s", zshQuote("*:"+s.name+" argument:"+action))
		}
		b.WriteString("\n      ;;\n")
	}
	b.WriteString(`    esac
    ;;
  esac
}

if [[ $funcstack[1] == _handout ]]; then
  _handout "$@"
else
  compdef _handout handout
fi
`)
}

// zshFlag writes one _arguments spec; alone marks a flag after which
// nothing else is completed (--help, --version).
func zshFlag(f flagSpec, alone bool) string {
	desc := "[" + zshDescription(f.usage) + "]"
	arg := ""
	if f.value {
		arg = ":" + f.long + ":" + zshAction(f.complete)
	}
	long, short := "--"+f.long, "-"+f.short
	if f.value {
		long += "="
		short += "+"
	}
	exclude := ""
	if alone {
		exclude = "- *"
	}
	if f.short == "" {
		if exclude != "" {
			exclude = "(" + exclude + ")"
		}
		return zshQuote(exclude + long + desc + arg)
	}
	if exclude == "" {
		exclude = "-" + f.short + " --" + f.long
	}
	return zshQuote("("+exclude+")") + "{" + short + "," + long + "}" + zshQuote(desc+arg)
}

// zshAction is what completes a value in an _arguments spec: a list of
// words, _files, or both; " " (a space) when the value is typed.
func zshAction(c completion) string {
	var parts []string
	if len(c.words) > 0 {
		parts = append(parts, "compadd -- "+bashWords(c.words))
	}
	if c.files {
		glob := ""
		switch len(c.exts) {
		case 0:
		case 1: // *.(md) would be read as a glob qualifier
			glob = ` -g "*.` + c.exts[0] + `"`
		default:
			glob = ` -g "*.(` + strings.Join(c.exts, "|") + `)"`
		}
		parts = append(parts, "_files"+glob)
	}
	if c.dirs {
		parts = append(parts, "_files -/")
	}
	switch {
	case len(parts) == 0:
		return " "
	case len(parts) == 1 && len(c.words) > 0:
		return "(" + strings.Join(c.words, " ") + ")"
	case len(parts) == 1:
		return parts[0]
	}
	return "{" + strings.Join(parts, "; ") + "}"
}

// zshDescription escapes a flag's help for the brackets of an _arguments
// spec, where ] and \ are special.
func zshDescription(s string) string {
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`).Replace(s)
}

// zshQuote quotes s in single quotes for zsh.
func zshQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

const fishHeader = `# fish completion for handout, made by 'handout completion fish' from the
# program's own flags. Save it as ~/.config/fish/completions/handout.fish,
# or load it with
#   handout completion fish | source

# __handout_command says whether the line's command is $argv[1], or with
# no argument whether there is no command yet.
function __handout_command
    set -l words (commandline -opc)
    if test (count $argv) -eq 0
        test (count $words) -eq 1
    else
        test (count $words) -ge 2; and test "$words[2]" = $argv[1]
    end
end

# __handout_files offers the folders and the files ending in .$argv[1],
# .$argv[2]... that start with the word being completed.
function __handout_files
    set -l token (string replace -r -- '^--[^=]*=' '' (commandline -ct))
    set -l ends '\.('(string join '|' -- $argv)')$'
    for f in $token*
        if test -d $f
            echo $f/
        else if string match -qr -- $ends $f
            echo $f
        end
    end
end

# __handout_operand says whether the line's command is $argv[1] and the
# word being completed is an operand, not the value of one of the flags
# $argv[2..], which take one.
function __handout_operand
    set -l words (commandline -opc)
    test (count $words) -ge 2; and test "$words[2]" = $argv[1]; or return 1
    not contains -- $words[-1] $argv[2..-1]
end

complete -c handout -f
`

// writeFish writes the fish script: a complete line for every command,
// flag and operand.
func writeFish(b *strings.Builder, specs []commandSpec) {
	b.WriteString(fishHeader)
	for _, f := range topFlags {
		fmt.Fprintf(b, "complete -c handout -n __handout_command%s\n", fishFlag(f))
	}
	for _, s := range specs {
		fmt.Fprintf(b, "complete -c handout -n __handout_command -a %s -d %s\n", fishQuote(s.name), fishQuote(s.summary))
	}
	for _, s := range specs {
		cond := fishQuote("__handout_command " + s.name)
		for _, f := range s.flags {
			fmt.Fprintf(b, "complete -c handout -n %s%s\n", cond, fishFlag(f))
		}
		if args := fishOffer(s.operands); args != "" {
			operand := []string{"__handout_operand", s.name}
			for _, f := range s.flags {
				if f.value {
					operand = append(operand, flagWords([]flagSpec{f})...)
				}
			}
			fmt.Fprintf(b, "complete -c handout -n %s%s\n", fishQuote(strings.Join(operand, " ")), args)
		}
	}
}

// fishFlag writes a flag's options to complete: its names, what its value
// is, and its help.
func fishFlag(f flagSpec) string {
	s := ""
	if f.short != "" {
		s += " -s " + f.short
	}
	s += " -l " + f.long
	if offer := fishOffer(f.complete); f.value && offer == "" {
		s += " -x" // a value to type: no file names
	} else if f.value {
		s += " -r" + offer
	}
	return s + " -d " + fishQuote(f.usage)
}

// fishOffer writes complete's options for what c allows: -F for any file,
// -a for words, files by extension and folders; "" for nothing.
func fishOffer(c completion) string {
	if c.files && len(c.exts) == 0 && len(c.words) == 0 && !c.dirs {
		return " -F"
	}
	var args []string
	args = append(args, c.words...)
	if c.files {
		if len(c.exts) == 0 {
			args = append(args, "(__fish_complete_path (commandline -ct))")
		} else {
			args = append(args, "(__handout_files "+strings.Join(c.exts, " ")+")")
		}
	}
	if c.dirs {
		args = append(args, "(__fish_complete_directories)")
	}
	if len(args) == 0 {
		return ""
	}
	return " -f -a " + fishQuote(strings.Join(args, " "))
}

// fishQuote quotes s in single quotes for fish, where \ and ' are escaped.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}
