package diff

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes r as a GitHub-flavoured Markdown report, meaning
// first: a table of the changes of meaning by topic, the summary line,
// then a section per changed clause with deletions struck through
// (~~old~~) and insertions in bold (**new**). Unchanged clauses are
// counted, not shown. Text from the plans is escaped, so it cannot add
// links, images or HTML to the page.
func (r *Result) WriteMarkdown(w io.Writer) error {
	r = r.cleaned()
	var b strings.Builder
	fmt.Fprintf(&b, "# %s → %s\n\n", mdEscape(r.Old.ID), mdEscape(r.New.ID))
	for _, side := range []struct {
		name string
		p    PlanInfo
	}{{"Old", r.Old}, {"New", r.New}} {
		fmt.Fprintf(&b, "- **%s:** %s", side.name, mdEscape(side.p.Title))
		if side.p.Date != "" {
			fmt.Fprintf(&b, " (%s)", mdEscape(side.p.Date))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\n%s\n\n", r.SummaryLine())

	b.WriteString("## Changes of meaning\n\n")
	groups := r.ByTopic()
	if len(groups) == 0 {
		b.WriteString("No change of meaning found.\n")
	} else {
		b.WriteString("| Topic | Points | Change |\n|---|---|---|\n")
		for _, g := range groups {
			for i, m := range g.Matches {
				label := ""
				if i == 0 {
					label = "**" + mdEscape(g.Label) + "**"
				}
				phrase := mdEscape(strings.Join(r.changeParts(m), " · "))
				if len(m.Changes) == 0 {
					phrase = string(m.Kind) + ": " + mdEscape(shortenText(sideText(m, m.Kind == Removed), 60))
				}
				fmt.Fprintf(&b, "| %s | %s | %s |\n", label, mdEscape(pathsLabel(m)), phrase)
			}
		}
	}

	b.WriteString("\n## Clause by clause\n")
	for _, m := range r.Matches {
		if m.Kind == Unchanged {
			continue
		}
		fmt.Fprintf(&b, "\n### %s · %s\n\n", mdEscape(pathsLabel(m)), kindLabel(m))
		b.WriteString(mdRedline(m))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("diff: writing Markdown: %w", err)
	}
	return nil
}

// mdRedline writes the edits of m as one paragraph. Markers hug the words
// (GitHub ignores "~~ old~~"), so spaces at the ends of a run stay outside.
// A clause only added or only removed is written plainly.
func mdRedline(m Match) string {
	var b strings.Builder
	whole := m.Kind == Added || m.Kind == Removed
	for _, e := range m.Edits {
		if e.Op == Equal || whole {
			b.WriteString(mdEscape(e.Text))
			continue
		}
		core := strings.TrimSpace(e.Text)
		if core == "" {
			if e.Op == Insert {
				b.WriteString(" ")
			}
			continue
		}
		at := strings.Index(e.Text, core)
		mark := "~~"
		if e.Op == Insert {
			mark = "**"
		}
		b.WriteString(e.Text[:at] + mark + mdEscape(core) + mark + e.Text[at+len(core):])
	}
	return escapeListStart(strings.Join(strings.Fields(b.String()), " ")) + "\n"
}

// escapeListStart keeps a paragraph that starts like a list item ("- x",
// "+ x", "12. x", "3) x") a paragraph.
func escapeListStart(s string) string {
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "+ ") {
		return `\` + s
	}
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		return s[:digits] + `\` + s[digits:]
	}
	return s
}

// mdEscaper backslash-escapes the characters that Markdown (with GitHub's
// tables and strikethrough) gives a meaning, and turns angle brackets into
// entities so that no HTML gets through.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "~", `\~`, "[", `\[`, "]", `\]`,
	"|", `\|`, "#", `\#`, "!", `\!`, "<", "&lt;", ">", "&gt;", "&", "&amp;",
)

func mdEscape(s string) string { return mdEscaper.Replace(s) }

// WriteMarkdown writes l as a GitHub-flavoured Markdown report: the
// versions, the counts of each comparison, each topic with how its facts
// moved, and a table of clause threads with a column per version.
func (l *Lineage) WriteMarkdown(w io.Writer) error {
	l = l.cleaned()
	var b strings.Builder
	fmt.Fprintf(&b, "# History of %d versions\n\n", len(l.Versions))
	b.WriteString("| # | Plan | Date | Points | Title |\n|---|---|---|---|---|\n")
	for i, v := range l.Versions {
		fmt.Fprintf(&b, "| %d | %s | %s | %d | %s |\n", i+1, mdEscape(v.ID), mdEscape(v.Date), v.Clauses, mdEscape(v.Title))
	}
	b.WriteString("\n")
	for _, c := range l.Comparisons {
		r := Result{Old: l.Version(c.From), New: l.Version(c.To), Summary: c.Summary}
		fmt.Fprintf(&b, "- **%s:** %s\n", mdEscape(l.pairLabel(c.From, c.To)), r.SummaryLine())
	}

	b.WriteString("\n## Topics\n")
	if len(l.Topics) == 0 {
		b.WriteString("\nNo topic found.\n")
	}
	for _, h := range l.Topics {
		var ids []string
		for _, v := range h.Versions {
			ids = append(ids, mdEscape(l.Version(v).ID))
		}
		fmt.Fprintf(&b, "\n### %s\n\nIn %s.\n", mdEscape(h.Label), strings.Join(ids, ", "))
		rows := l.topicRows(h)
		if len(rows) == 0 {
			continue
		}
		b.WriteString("\n| Versions | Points | Change |\n|---|---|---|\n")
		for _, r := range rows {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", mdEscape(l.pairLabel(r.from, r.to)), mdEscape(r.paths), mdEscape(strings.Join(r.changes, " · ")))
		}
	}

	b.WriteString("\n## Clauses\n\n")
	b.WriteString(mdEscape(threadLegend) + "\n\n|")
	for _, v := range l.Versions {
		b.WriteString(" " + mdEscape(v.ID) + " |")
	}
	b.WriteString("\n|" + strings.Repeat("---|", len(l.Versions)) + "\n")
	for _, th := range l.Threads {
		b.WriteString("|")
		for _, c := range threadCells(th, len(l.Versions)) {
			b.WriteString(" " + mdEscape(c) + " |")
		}
		b.WriteString("\n")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("diff: writing Markdown: %w", err)
	}
	return nil
}
