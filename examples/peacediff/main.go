// Command peacediff compares versions of a peace plan and says what changed
// in meaning, then shows the clause-by-clause redline.
//
// Usage:
//
//	peacediff [flags] OLD NEW         compare two versions of a plan
//	peacediff history [flags] A B...  follow every clause through versions
//	peacediff list                    list the bundled plans
//	peacediff show [flags] ID|FILE    outline a plan, with each clause's facts
//
// OLD, NEW and the others are plan files, "-" for standard input, or the
// ids of the bundled plans (see peacediff list). With no arguments,
// peacediff compares the bundled us-28 and ua-20.
//
// The flags are:
//
//	-format text|markdown|json|html   output format (default text)
//	-o FILE                           write to FILE instead of standard output
//	-color auto|always|never          colour the text output (auto: on a terminal unless NO_COLOR is set)
//	-width N                          wrap text at N columns (default: $COLUMNS on a terminal, else 80)
//	-all                              show unchanged clauses in the redline too
//	-exit-code                        exit 1 when the versions differ, as diff(1) does
//
// The exit status is 0 on success, 1 with -exit-code when the versions
// differ, and 2 on any trouble, reported on one line that names the file,
// line and column where there is one.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/peacediff/peacediff/diff"
	diffhtml "github.com/peacediff/peacediff/diff/html"
	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/peace"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: peacediff [flags] OLD NEW        compare two versions of a plan
       peacediff history [flags] A B...  follow every clause through versions
       peacediff list                    list the bundled plans
       peacediff show [flags] ID|FILE    outline a plan, with each clause's facts

OLD, NEW and the others are plan files, - for standard input, or the ids of
bundled plans (see peacediff list). With no arguments, peacediff compares the
bundled us-28 and ua-20.

flags:
`

// config holds the parsed flags.
type config struct {
	format   string
	out      string
	color    string
	width    int
	all      bool
	exitCode bool
}

// Exit statuses, as diff(1) has them.
const (
	exitSame    = 0
	exitDiffers = 1
	exitTrouble = 2
)

// run is the whole command: main only supplies the process's arguments and
// streams, so tests can call run directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var cfg config
	fs := flag.NewFlagSet("peacediff", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cfg.format, "format", "text", "output `format`: text, markdown, json or html")
	fs.StringVar(&cfg.out, "o", "", "write to `file` instead of standard output")
	fs.StringVar(&cfg.color, "color", "auto", "colour the text output: `auto`, always or never")
	fs.IntVar(&cfg.width, "width", 0, "wrap text at `n` columns (default: $COLUMNS on a terminal, else 80)")
	fs.BoolVar(&cfg.all, "all", false, "show unchanged clauses in the redline too")
	fs.BoolVar(&cfg.exitCode, "exit-code", false, "exit 1 when the versions differ, 0 when they are the same")

	fail := func(err error) int {
		fmt.Fprintf(stderr, "peacediff: %v\n", err)
		return exitTrouble
	}

	// Flags may come before, between or after the arguments.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, usage)
				fs.SetOutput(stdout)
				fs.PrintDefaults()
				return exitSame
			}
			return fail(fmt.Errorf("%w (peacediff -h lists the flags)", err))
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if err := cfg.check(); err != nil {
		return fail(err)
	}

	var (
		out    bytes.Buffer
		status = exitSame
		err    error
	)
	cmd := ""
	if len(pos) > 0 {
		cmd = pos[0]
	}
	switch cmd {
	case "list":
		err = list(&out, pos[1:], cfg)
	case "show":
		err = show(&out, pos[1:], stdin, cfg, stdout)
	case "history":
		err = history(&out, pos[1:], stdin, cfg, stdout)
	default:
		if len(pos) == 0 {
			pos = []string{"us-28", "ua-20"}
		}
		status, err = compare(&out, pos, stdin, cfg, stdout)
	}
	if err != nil {
		return fail(err)
	}
	if err := cfg.write(out.Bytes(), stdout); err != nil {
		return fail(err)
	}
	return status
}

// check rejects flag values that cannot work.
func (c *config) check() error {
	switch c.format {
	case "text", "markdown", "json", "html":
	default:
		return fmt.Errorf("unknown format %q (want text, markdown, json or html)", c.format)
	}
	switch c.color {
	case "auto", "always", "never":
	default:
		return fmt.Errorf("unknown -color %q (want auto, always or never)", c.color)
	}
	if c.width < 0 {
		return fmt.Errorf("-width %d is negative", c.width)
	}
	return nil
}

// write sends the finished output to -o's file or to stdout. Output is
// built in memory first, so a failed run leaves no half-written file.
func (c *config) write(b []byte, stdout io.Writer) error {
	if c.out == "" {
		_, err := stdout.Write(b)
		return err
	}
	return os.WriteFile(c.out, b, 0o644)
}

// textOptions decides colour and width for text written to stdout.
func (c *config) textOptions(stdout io.Writer) diff.TextOptions {
	tty := c.out == "" && isTerminal(stdout)
	opts := diff.TextOptions{Width: c.width, All: c.all}
	switch c.color {
	case "always":
		opts.Color = true
	case "auto":
		opts.Color = tty && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	}
	if opts.Width == 0 && tty {
		if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
			opts.Width = n
		}
	}
	return opts
}

// isTerminal reports whether w is a character device, such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// compare writes the comparison of two plans and returns the exit status.
func compare(out *bytes.Buffer, args []string, stdin io.Reader, cfg config, stdout io.Writer) (int, error) {
	if len(args) != 2 {
		return exitTrouble, fmt.Errorf("want two plans to compare, got %d (peacediff -h shows the usage)", len(args))
	}
	ps, err := loadAll(args, stdin)
	if err != nil {
		return exitTrouble, err
	}
	r, err := diff.Compare(ps[0], ps[1])
	if err != nil {
		return exitTrouble, err
	}
	switch cfg.format {
	case "text":
		err = r.WriteText(out, cfg.textOptions(stdout))
	case "markdown":
		err = r.WriteMarkdown(out)
	case "json":
		err = r.WriteJSON(out)
	case "html":
		err = diffhtml.Write(out, r)
	}
	if err != nil {
		return exitTrouble, err
	}
	if cfg.exitCode && differs(r) {
		return exitDiffers, nil
	}
	return exitSame, nil
}

// differs reports whether a comparison found any difference at all: a
// clause that is not word for word the same, or one that moved.
func differs(r *diff.Result) bool {
	for _, m := range r.Matches {
		if m.Kind != diff.Unchanged || m.Moved {
			return true
		}
	}
	return false
}

// history writes the lineage of every clause through several versions.
func history(out *bytes.Buffer, args []string, stdin io.Reader, cfg config, stdout io.Writer) error {
	if len(args) < 2 {
		return fmt.Errorf("history wants at least two plans, got %d", len(args))
	}
	ps, err := loadAll(args, stdin)
	if err != nil {
		return err
	}
	l, err := diff.History(ps)
	if err != nil {
		return err
	}
	switch cfg.format {
	case "text":
		return l.WriteText(out, cfg.textOptions(stdout))
	case "markdown":
		return l.WriteMarkdown(out)
	case "json":
		return l.WriteJSON(out)
	default:
		return diffhtml.WriteLineage(out, l)
	}
}

// list writes one line per bundled plan: id, date, points, title.
func list(out *bytes.Buffer, args []string, cfg config) error {
	if len(args) > 0 {
		return fmt.Errorf("list takes no arguments, got %q", args)
	}
	if cfg.format != "text" {
		return fmt.Errorf("list writes text only, not %s", cfg.format)
	}
	width := cfg.width
	if width == 0 {
		width = 80
	}
	var rows [][]string
	for _, id := range plans.IDs() {
		p, err := plans.Load(id)
		if err != nil {
			return err
		}
		rows = append(rows, []string{id, p.Date, strconv.Itoa(len(p.Clauses)) + " points", p.Title})
	}
	table(out, []string{"ID", "DATE", "POINTS", "TITLE"}, rows, width)
	return nil
}

// table writes rows in aligned columns under a header; the last column is
// cut to fit the width.
func table(out *bytes.Buffer, header []string, rows [][]string, width int) {
	all := append([][]string{header}, rows...)
	widths := make([]int, len(header))
	for _, r := range all {
		for i, cell := range r {
			widths[i] = max(widths[i], len([]rune(cell)))
		}
	}
	for _, r := range all {
		var b strings.Builder
		for i, cell := range r {
			if i == len(r)-1 {
				cell = shorten(cell, width-len([]rune(b.String())))
				b.WriteString(cell)
				break
			}
			b.WriteString(cell + strings.Repeat(" ", widths[i]-len([]rune(cell))+2))
		}
		out.WriteString(strings.TrimRight(b.String(), " ") + "\n")
	}
}

// loadAll loads each argument as a plan. Only one may be "-".
func loadAll(args []string, stdin io.Reader) ([]*peace.Plan, error) {
	stdins := 0
	for _, a := range args {
		if a == "-" {
			stdins++
		}
	}
	if stdins > 1 {
		return nil, errors.New("standard input (-) can be read only once")
	}
	ps := make([]*peace.Plan, len(args))
	for i, a := range args {
		p, err := load(a, stdin)
		if err != nil {
			return nil, err
		}
		ps[i] = p
	}
	return ps, nil
}

// load reads one plan: "-" is standard input, an existing file is read,
// and anything else must be the id of a bundled plan.
func load(arg string, stdin io.Reader) (*peace.Plan, error) {
	var (
		data []byte
		err  error
		name = arg
	)
	switch {
	case arg == "-":
		name = "<stdin>"
		data, err = io.ReadAll(stdin)
	case exists(arg):
		data, err = os.ReadFile(arg)
	case slices.Contains(plans.IDs(), arg):
		data, err = plans.Text(arg)
	default:
		return nil, fmt.Errorf("%s: no such file, and not a bundled plan (%s)", arg, strings.Join(plans.IDs(), ", "))
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	p, err := peace.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, located(name, err)
	}
	return p, nil
}

// exists reports whether a file or directory is at path. A path that
// exists but cannot be read is reported when it is read.
func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, os.ErrNotExist)
}

// unwrapPath drops the path an *os.PathError repeats: the caller names it.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// located rewrites a parse error in the file:line:col form that editors
// and terminals link to: "old.txt:3:5: missing point number".
func located(name string, err error) error {
	var pe *peace.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", name, err)
	}
	pos := name
	if pe.Line > 0 {
		pos += ":" + strconv.Itoa(pe.Line)
		if pe.Col > 0 {
			pos += ":" + strconv.Itoa(pe.Col)
		}
	}
	return &locatedError{pos: pos, err: pe}
}

// A locatedError is a parse error with the file name in front of its position.
type locatedError struct {
	pos string
	err *peace.ParseError
}

func (e *locatedError) Error() string { return e.pos + ": " + e.err.Msg }
func (e *locatedError) Unwrap() error { return e.err }
