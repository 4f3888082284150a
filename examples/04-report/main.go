// Tutorial 4: write a comparison as a static HTML page.
//
//	go run ./examples/04-report                          # us-28 against ua-20, into report.html
//	go run ./examples/04-report -o eu.html us-28 eu-counter
//	go run ./examples/04-report -history -o history.html # every bundled version in one page
//
// The page is one self-contained file: stylesheet inline, no scripts, no
// external assets. Open it in a browser, mail it or print it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/diff/html"
	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/peace"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "04-report:", err)
		os.Exit(1)
	}
}

// run parses the flags in args, writes the report file and tells w where
// it went.
func run(w io.Writer, args []string) error {
	flags := flag.NewFlagSet("04-report", flag.ContinueOnError)
	flags.SetOutput(w)
	out := flags.String("o", "report.html", "write the page to `file`")
	history := flags.Bool("history", false, "trace every bundled version instead of comparing two")
	if err := flags.Parse(args); errors.Is(err, flag.ErrHelp) {
		return nil // -h: the flags were printed to w
	} else if err != nil {
		return err
	}

	// Load the plans: us-28 and ua-20 by default, every bundled one for -history.
	ids := flags.Args()
	if len(ids) == 0 {
		ids = []string{"us-28", "ua-20"}
		if *history {
			ids = plans.IDs()
		}
	}
	if len(ids) < 2 || !*history && len(ids) > 2 {
		return errors.New("usage: 04-report [-o file] [OLD-ID NEW-ID], or 04-report -history [-o file] [ID ID...]")
	}
	var versions []*peace.Plan
	for _, id := range ids {
		p, err := plans.Load(id)
		if err != nil {
			return err
		}
		versions = append(versions, p)
	}

	// Create the file first, so that a bad path fails before any work.
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	var summary string
	if *history {
		summary, err = writeHistory(f, versions)
	} else {
		summary, err = writeComparison(f, versions[0], versions[1])
	}
	// Close can fail too (a full disk): check it rather than claim success,
	// and leave no half-written page behind.
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(*out)
		return err
	}
	fmt.Fprintf(w, "wrote %s\n  %s\nopen it in a browser, or print it to PDF from there\n", *out, summary)
	return nil
}

// writeComparison compares two plans and writes the page with html.Write,
// which renders a diff.Result. Like every writer of package html it
// escapes the words of the plans: a clause that reads like markup shows as
// text. It returns the summary line.
func writeComparison(w io.Writer, old, new *peace.Plan) (string, error) {
	r, err := diff.Compare(old, new)
	if err != nil {
		return "", err
	}
	if err := html.Write(w, r); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s → %s: %s", r.Old.ID, r.New.ID, r.SummaryLine()), nil
}

// writeHistory traces the plans and writes the page with html.WriteLineage,
// which renders a diff.Lineage. It returns the versions it covers.
func writeHistory(w io.Writer, versions []*peace.Plan) (string, error) {
	l, err := diff.History(versions)
	if err != nil {
		return "", err
	}
	if err := html.WriteLineage(w, l); err != nil {
		return "", err
	}
	var ids []string
	for _, v := range l.Versions {
		ids = append(ids, v.ID)
	}
	return "the history of " + strings.Join(ids, " → "), nil
}
