package style

import _ "embed"

// CSS is the stylesheet, written as peacediff.css by the viewer's build helper
// and inlined by the static HTML report.
//
//go:embed peacediff.css
var CSS string

// Class names of the page structure.
const (
	Root     = "pd-root"     // the outermost element of one viewer or report
	Header   = "pd-header"   // title line and count line
	Title    = "pd-title"    // "old title → new title"
	Arrow    = "pd-arrow"    // the arrow between two titles, numbers or values
	Summary  = "pd-summary"  // the count line ("28 → 20 points · 9 amended · ...")
	Count    = "pd-count"    // one item of the count line
	Toolbar  = "pd-toolbar"  // tabs and filters
	Tabs     = "pd-tabs"     // the tab list (role=tablist)
	Tab      = "pd-tab"      // one tab button
	Panel    = "pd-panel"    // the content of one tab (role=tabpanel)
	Filters  = "pd-filters"  // the filter controls
	Search   = "pd-search"   // the search box
	Status   = "pd-status"   // a polite live region ("12 of 40 rows shown")
	Error    = "pd-error"    // a readable error message (role=alert)
	Loading  = "pd-loading"  // shown while the viewer starts
	SROnly   = "pd-sr-only"  // visually hidden text for screen readers
	Hidden   = "pd-hidden"   // removed from layout (filtered out)
	Active   = "pd-active"   // the selected tab, the highlighted row or band
	Focus    = "pd-focus"    // the row reached with keyboard navigation
	Button   = "pd-button"   // a small text button
	Expander = "pd-expander" // "show 5 unchanged points" placeholder
)

// Class names of the meaning view: the changes of meaning grouped by topic.
const (
	Meaning    = "pd-meaning"     // the list of topics
	Topic      = "pd-topic"       // one topic group
	TopicLabel = "pd-topic-label" // the topic's name
	Item       = "pd-item"        // one changed clause inside a topic
	Numbers    = "pd-numbers"     // "6 → 4"
	Chips      = "pd-chips"       // the chips of one item
	Chip       = "pd-chip"        // one change of meaning
	ChipAdd    = "pd-chip-add"    // "+ NATO"
	ChipRemove = "pd-chip-remove" // "− Crimea"
	Excerpt    = "pd-excerpt"     // a chip quoting the first words of an added or removed clause
	Before     = "pd-before"      // the old value inside a chip
	After      = "pd-after"       // the new value inside a chip
	Empty      = "pd-empty"       // "no change of meaning found"
)

// Class names of the redline: side-by-side and inline rows.
const (
	Rows   = "pd-rows"   // the list of rows
	Row    = "pd-row"    // one match
	Inline = "pd-inline" // a row, or the row list, in inline (redline) mode
	Old    = "pd-old"    // the old side of a row
	New    = "pd-new"    // the new side of a row
	Num    = "pd-num"    // a clause number
	Text   = "pd-text"   // clause text
	Del    = "pd-del"    // deleted words (a del element)
	Ins    = "pd-ins"    // inserted words (an ins element)
	Badge  = "pd-badge"  // the kind of a row ("amended", "⟲ moved")
	Moved  = "pd-moved"  // a match whose clauses moved
)

// Class names of the kinds of match: "pd-" and the diff.Kind string.
const (
	Unchanged = "pd-unchanged"
	Reworded  = "pd-reworded"
	Amended   = "pd-amended"
	Split     = "pd-split"
	Merged    = "pd-merged"
	Added     = "pd-added"
	Removed   = "pd-removed"
)

// Class names of the clause-flow map and the timeline.
const (
	Map      = "pd-map"      // the SVG
	MapNode  = "pd-map-node" // one clause number on either side
	Band     = "pd-band"     // one band between old and new numbers
	Timeline = "pd-timeline" // the history of several versions
	Version  = "pd-version"  // one version in the timeline
	Step     = "pd-step"     // the comparison of two consecutive versions
)

// KindClass returns the class of a kind of match: "pd-amended" for "amended".
func KindClass(kind string) string { return "pd-" + kind }
