package diff

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// TextOptions configure [Result.WriteText] and [Lineage.WriteText].
type TextOptions struct {
	// Color marks deletions and insertions with ANSI colours (red struck
	// through, green underlined) instead of [-deleted-] and {+inserted+}.
	// Set it only when writing to a terminal that wants colour.
	Color bool

	// Width is the column at which lines wrap; 0 means 80. Widths below 40
	// are treated as 40.
	Width int

	// All includes unchanged clauses in the redline; by default they are
	// only counted in the summary line.
	All bool
}

func (o TextOptions) width() int {
	switch {
	case o.Width == 0:
		return 80
	case o.Width < 40:
		return 40
	}
	return o.Width
}

// ANSI select graphic rendition codes used by the text writers.
const (
	sgrBold   = "1"
	sgrDim    = "2"
	sgrDelete = "31;9" // red, struck through
	sgrInsert = "32;4" // green, underlined
	sgrAmber  = "33"
	sgrViolet = "35"
	sgrRed    = "31"
	sgrGreen  = "32"
)

// WriteText writes r for a terminal, meaning first: a line for each
// version, the changes of meaning grouped by topic, the summary line, and
// then the clause-by-clause redline with word-level edits.
func (r *Result) WriteText(w io.Writer, opts TextOptions) error {
	r = r.cleaned()
	t := &textWriter{opts: opts, width: opts.width()}
	t.header(r)
	t.meaning(r)
	for _, l := range joinWrapped(r.summaryParts(), " · ", t.width) {
		t.line(t.paint(sgrBold, l))
	}
	t.redline(r)
	_, err := io.WriteString(w, t.b.String())
	if err != nil {
		return fmt.Errorf("diff: writing text: %w", err)
	}
	return nil
}

// textWriter accumulates the text view; writers flush it once at the end.
type textWriter struct {
	b     strings.Builder
	opts  TextOptions
	width int
}

func (t *textWriter) line(s string) {
	t.b.WriteString(strings.TrimRight(s, " "))
	t.b.WriteByte('\n')
}

func (t *textWriter) blank() { t.b.WriteByte('\n') }

// paint wraps s in an SGR sequence when colour is on.
func (t *textWriter) paint(sgr, s string) string {
	if !t.opts.Color || s == "" {
		return s
	}
	return "\x1b[" + sgr + "m" + s + "\x1b[0m"
}

// header writes a line for each version: side, id, date and title, the
// title cut to fit.
func (t *textWriter) header(r *Result) {
	sides := []struct {
		name string
		p    PlanInfo
	}{{"old", r.Old}, {"new", r.New}}
	idWidth, dateWidth := 0, 0
	for _, s := range sides {
		idWidth = max(idWidth, utf8.RuneCountInString(s.p.ID))
		dateWidth = max(dateWidth, utf8.RuneCountInString(s.p.Date))
	}
	for _, s := range sides {
		lead := s.name + "  " + padRight(s.p.ID, idWidth)
		if dateWidth > 0 {
			lead += "  " + padRight(s.p.Date, dateWidth)
		}
		title := shortenText(s.p.Title, t.width-utf8.RuneCountInString(lead)-2)
		t.line(t.paint(sgrBold, lead) + "  " + title)
	}
	t.blank()
}

// meaning writes the changes of meaning grouped by topic. When the topic
// labels are short they form the first of three aligned columns (topic,
// clause paths, changes); otherwise each topic is a heading over its rows.
func (t *textWriter) meaning(r *Result) {
	groups := r.ByTopic()
	if len(groups) == 0 {
		t.line("No change of meaning found.")
		t.blank()
		return
	}
	t.line(t.paint(sgrBold, "Changes of meaning"))
	topicWidth, pathWidth := 0, 0
	for _, g := range groups {
		topicWidth = max(topicWidth, utf8.RuneCountInString(g.Label))
		for _, m := range g.Matches {
			pathWidth = max(pathWidth, utf8.RuneCountInString(pathsLabel(m)))
		}
	}
	columns := 2+topicWidth+2 <= t.width/4
	indent := 4 + pathWidth + 2
	if columns {
		indent = 2 + topicWidth + 2 + pathWidth + 2
	}
	for gi, g := range groups {
		if !columns {
			if gi > 0 {
				t.blank()
			}
			t.line("  " + t.paint(sgrBold, g.Label))
		}
		for i, m := range g.Matches {
			var lines []string
			if len(m.Changes) > 0 {
				lines = joinWrapped(r.changeParts(m), " · ", t.width-indent)
				for i, l := range lines {
					lines[i] = t.paintChanges(l)
				}
			} else {
				// An added or removed clause: say so and quote its start.
				phrase := string(m.Kind) + ": " + sideText(m, m.Kind == Removed)
				lines = []string{shortenText(phrase, t.width-indent)}
			}
			lead := "  "
			if columns {
				label := ""
				if i == 0 {
					label = g.Label
				}
				lead += t.paint(sgrBold, padRight(label, topicWidth)) + "  "
			} else {
				lead += "  "
			}
			lead += padRight(pathsLabel(m), pathWidth) + "  "
			for j, l := range lines {
				if j > 0 {
					lead = strings.Repeat(" ", indent)
				}
				t.line(lead + l)
			}
		}
	}
	t.blank()
}

// paintChanges colours the parts of a line of changes: additions green,
// removals red. Without colour it returns the line as it is.
func (t *textWriter) paintChanges(line string) string {
	if !t.opts.Color {
		return line
	}
	parts := strings.Split(line, " · ")
	for i, p := range parts {
		switch {
		case strings.HasPrefix(p, "+ "):
			parts[i] = t.paint(sgrGreen, p)
		case strings.HasPrefix(p, "− "):
			parts[i] = t.paint(sgrRed, p)
		}
	}
	return strings.Join(parts, " · ")
}

// redline writes every match that is not unchanged (all of them with
// TextOptions.All): a heading with paths and kind, then the word-level
// edits, wrapped and indented.
func (t *textWriter) redline(r *Result) {
	first := true
	for _, m := range r.Matches {
		if m.Kind == Unchanged && !t.opts.All {
			continue
		}
		if first {
			t.blank()
			t.line(t.paint(sgrBold, "Clause by clause"))
			first = false
		}
		t.blank()
		t.line(t.paint(sgrBold, pathsLabel(m)) + "  " + t.paint(kindColor(m.Kind), kindLabel(m)))
		for _, l := range wrapStyled(t.styledRuns(m), t.width-4, t.opts.Color) {
			t.line("    " + l)
		}
	}
}

func kindColor(k Kind) string {
	switch k {
	case Amended, Split, Merged:
		return sgrAmber
	case Added:
		return sgrGreen
	case Removed:
		return sgrRed
	case Unchanged:
		return sgrDim
	}
	return sgrViolet
}

// A styled is a piece of styled text; sgr is "" for plain text.
type styled struct {
	text string
	sgr  string
}

// styledRuns turns the edits of m into styled fragments. Without colour the
// deletions and insertions carry wdiff-style markers. A clause that was
// only added or only removed is written plainly: its heading says so.
func (t *textWriter) styledRuns(m Match) []styled {
	var out []styled
	whole := m.Kind == Added || m.Kind == Removed
	for _, e := range m.Edits {
		if e.Op == Equal || (whole && !t.opts.Color) {
			out = append(out, styled{text: e.Text})
			continue
		}
		if whole {
			// Colour alone: a clause struck through from end to end is
			// hard to read, and its heading already says what happened.
			out = append(out, styled{text: e.Text, sgr: kindColor(m.Kind)})
			continue
		}
		core := strings.TrimSpace(e.Text)
		if core == "" {
			if e.Op == Insert {
				out = append(out, styled{text: " "})
			}
			continue
		}
		lead, trail := e.Text[:strings.Index(e.Text, core)], e.Text[strings.Index(e.Text, core)+len(core):]
		sgr, open, close := sgrDelete, "[-", "-]"
		if e.Op == Insert {
			sgr, open, close = sgrInsert, "{+", "+}"
		}
		if t.opts.Color {
			out = append(out, styled{text: lead}, styled{text: core, sgr: sgr}, styled{text: trail})
		} else {
			out = append(out, styled{text: lead + open + core + close + trail})
		}
	}
	return out
}

// wrapStyled breaks styled text into lines of at most width columns
// (escape sequences take no room), breaking only at spaces. Runs of spaces
// become one. A word longer than the width gets a line of its own.
func wrapStyled(styledRuns []styled, width int, color bool) []string {
	// Split into words, each a list of fragments with no space inside.
	type word []styled
	var words []word
	var cur word
	for _, f := range styledRuns {
		for i, piece := range strings.Split(f.text, " ") {
			if i > 0 && len(cur) > 0 {
				words = append(words, cur)
				cur = nil
			}
			if piece != "" {
				cur = append(cur, styled{text: piece, sgr: f.sgr})
			}
		}
	}
	if len(cur) > 0 {
		words = append(words, cur)
	}

	var lines []string
	var b strings.Builder
	n := 0 // visible width of b
	open := ""
	setStyle := func(sgr string) {
		if !color || sgr == open {
			return
		}
		if open != "" {
			b.WriteString("\x1b[0m")
		}
		if sgr != "" {
			b.WriteString("\x1b[" + sgr + "m")
		}
		open = sgr
	}
	flush := func() {
		setStyle("")
		lines = append(lines, b.String())
		b.Reset()
		n = 0
	}
	for _, wd := range words {
		size := 0
		for _, f := range wd {
			size += utf8.RuneCountInString(f.text)
		}
		if n > 0 && n+1+size > width {
			flush()
		}
		if n > 0 {
			// The space takes the style of the run it sits inside, so a
			// struck-through phrase is struck through from end to end.
			if wd[0].sgr != open {
				setStyle("")
			}
			b.WriteByte(' ')
			n++
		}
		for _, f := range wd {
			setStyle(f.sgr)
			b.WriteString(f.text)
		}
		n += size
	}
	if n > 0 {
		flush()
	}
	return lines
}

// wrapWords wraps plain text at width columns.
func wrapWords(s string, width int) []string {
	return wrapStyled([]styled{{text: s}}, width, false)
}

// pad right-pads s with spaces to width columns.
func padRight(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// shorten cuts s to at most width columns at a word boundary, marking the
// cut with an ellipsis.
func shortenText(s string, width int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	if width < 2 {
		return "…"
	}
	cut := []rune(s)[:width-1]
	if i := strings.LastIndexByte(string(cut), ' '); i > width/2 {
		return strings.TrimRight(string(cut)[:i], " ,;:") + "…"
	}
	return string(cut) + "…"
}

// joinWrapped joins parts with sep into lines of at most width columns,
// never breaking inside a part.
func joinWrapped(parts []string, sep string, width int) []string {
	var lines []string
	cur := ""
	end := strings.TrimRight(sep, " ")
	endWidth := utf8.RuneCountInString(end)
	for i, p := range parts {
		room := width // the last part needs no separator after it
		if i < len(parts)-1 {
			room -= endWidth
		}
		if cur != "" && utf8.RuneCountInString(cur+sep+p) <= room {
			cur += sep + p
			continue
		}
		if cur != "" {
			lines = append(lines, cur+end)
		}
		// A part too long for a line wraps at its spaces, leaving room
		// for the separator after its last piece.
		pieces := wrapWords(p, room)
		if len(pieces) == 0 {
			continue
		}
		lines = append(lines, pieces[:len(pieces)-1]...)
		cur = pieces[len(pieces)-1]
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// WriteText writes l for a terminal: the versions, what each comparison
// counted, the topics with the versions that touch them and how their
// facts moved, and a table with a row per clause thread and a column per
// version. Colour and width come from opts; All is ignored.
func (l *Lineage) WriteText(w io.Writer, opts TextOptions) error {
	l = l.cleaned()
	t := &textWriter{opts: opts, width: opts.width()}
	t.line(t.paint(sgrBold, fmt.Sprintf("History of %d versions", len(l.Versions))))
	dated := false
	for _, v := range l.Versions {
		dated = dated || v.Date != ""
	}
	var rows [][]string
	for i, v := range l.Versions {
		row := []string{fmt.Sprint(i + 1), v.ID}
		if dated {
			row = append(row, v.Date)
		}
		rows = append(rows, append(row, fmt.Sprintf("%d points", v.Clauses), v.Title))
	}
	t.table(rows, "  ")
	t.blank()

	idWidth := 0
	for _, c := range l.Comparisons {
		idWidth = max(idWidth, utf8.RuneCountInString(l.pairLabel(c.From, c.To)))
	}
	for _, c := range l.Comparisons {
		r := Result{Old: l.Version(c.From), New: l.Version(c.To), Summary: c.Summary}
		indent := 2 + idWidth + 2
		for i, s := range joinWrapped(r.summaryParts(), " · ", t.width-indent) {
			lead := strings.Repeat(" ", indent)
			if i == 0 {
				lead = "  " + padRight(l.pairLabel(c.From, c.To), idWidth) + "  "
			}
			t.line(lead + s)
		}
	}
	t.blank()

	t.line(t.paint(sgrBold, "Topics"))
	if len(l.Topics) == 0 {
		t.line("  No topic found.")
	}
	for _, h := range l.Topics {
		var ids []string
		for _, v := range h.Versions {
			ids = append(ids, l.Version(v).ID)
		}
		t.line("  " + t.paint(sgrBold, h.Label) + "  " + t.paint(sgrDim, "in "+strings.Join(ids, ", ")))
		rows := l.topicRows(h)
		pairWidth, pathWidth := 0, 0
		for _, r := range rows {
			pairWidth = max(pairWidth, utf8.RuneCountInString(l.pairLabel(r.from, r.to)))
			pathWidth = max(pathWidth, utf8.RuneCountInString(r.paths))
		}
		indent := 4 + pairWidth + 2 + pathWidth + 2
		for i, r := range rows {
			pair := l.pairLabel(r.from, r.to)
			if i > 0 && rows[i-1].from == r.from {
				pair = "" // said on the row above
			}
			lead := "    " + padRight(pair, pairWidth) + "  " + padRight(r.paths, pathWidth) + "  "
			for i, s := range joinWrapped(r.changes, " · ", max(20, t.width-indent)) {
				if i > 0 {
					lead = strings.Repeat(" ", indent)
				}
				t.line(lead + s)
			}
		}
	}
	t.blank()

	t.line(t.paint(sgrBold, "Clauses"))
	for _, s := range joinWrapped(strings.Split(threadLegend, "  "), "   ", t.width-2) {
		t.line("  " + t.paint(sgrDim, s))
	}
	header := make([]string, len(l.Versions))
	for i, v := range l.Versions {
		header[i] = v.ID
	}
	grid := [][]string{header}
	for _, th := range l.Threads {
		grid = append(grid, threadCells(th, len(l.Versions)))
	}
	t.table(grid, "  ")
	_, err := io.WriteString(w, t.b.String())
	if err != nil {
		return fmt.Errorf("diff: writing text: %w", err)
	}
	return nil
}

// threadLegend explains the marks of threadCells.
const threadLegend = "= unchanged  ~ reworded  * amended  < split  > merged  + added  × removed  ^ moved"

// threadCells returns a cell per version for one thread: the clause paths
// followed by a mark for how they came from the previous version.
func threadCells(th Thread, versions int) []string {
	cells := make([]string, versions)
	for _, s := range th.Steps {
		mark := map[Kind]string{
			Unchanged: "=", Reworded: "~", Amended: "*", Split: "<", Merged: ">", Added: "+", Removed: "×",
		}[s.Kind]
		if s.Moved {
			mark += "^"
		}
		cell := strings.Join(s.Paths, ",")
		if cell != "" && mark != "" {
			cell += " "
		}
		if s.Version < versions {
			cells[s.Version] = cell + mark
		}
	}
	return cells
}

// table writes rows in aligned columns, indented by two spaces; the last
// column is cut to fit the width.
func (t *textWriter) table(rows [][]string, gap string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(shortenText(c, t.width-utf8.RuneCountInString(b.String())))
				break
			}
			b.WriteString(padRight(c, widths[i]) + gap)
		}
		t.line(b.String())
	}
}

// pairLabel names a comparison by its versions' ids: "us-28 → eu-24".
func (l *Lineage) pairLabel(from, to int) string {
	return l.Version(from).ID + " → " + l.Version(to).ID
}

// topicRow is one line of a topic's history: the changes found in one
// match of one comparison.
type topicRow struct {
	from, to int
	paths    string
	changes  []string
}

// topicRows gathers the changes of a topic by match: changes of the same
// comparison and clauses share a row.
func (l *Lineage) topicRows(h TopicHistory) []topicRow {
	var rows []topicRow
	for _, c := range h.Changes {
		paths := sideLabel(c.Old) + " → " + sideLabel(c.New)
		phrase := Change{Kind: c.Kind, Before: c.Before, After: c.After}.Phrase(l.TopicLabel)
		if n := len(rows); n > 0 && rows[n-1].from == c.From && rows[n-1].paths == paths {
			rows[n-1].changes = append(rows[n-1].changes, phrase)
			continue
		}
		rows = append(rows, topicRow{from: c.From, to: c.To, paths: paths, changes: []string{phrase}})
	}
	return rows
}
