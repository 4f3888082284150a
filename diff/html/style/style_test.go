package style

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestClassesStyled checks that every class constant has a rule in the
// stylesheet and that every rule is scoped under the root class.
func TestClassesStyled(t *testing.T) {
	classes := []string{
		Root, Header, Title, Arrow, Summary, Count, Toolbar, Tabs, Tab, Panel, Filters, Search, Status,
		Error, Loading, SROnly, Hidden, Active, Focus, Button, Expander,
		Meaning, Topic, TopicLabel, Item, Numbers, Chips, Chip, ChipAdd, ChipRemove, Excerpt, Before, After, Empty,
		Rows, Row, Inline, Old, New, Num, Text, Del, Ins, Badge, Moved,
		Unchanged, Reworded, Amended, Split, Merged, Added, Removed,
		Map, MapNode, Band, Timeline, Version, Step,
	}
	for _, c := range classes {
		if !strings.HasPrefix(c, "pd-") {
			t.Errorf("class %q lacks the pd- prefix", c)
		}
		if !regexp.MustCompile(`\.` + regexp.QuoteMeta(c) + `\b`).MatchString(CSS) {
			t.Errorf("class %q has no rule in peacediff.css", c)
		}
	}
	if got := KindClass("amended"); got != Amended {
		t.Errorf("KindClass(amended) = %q, want %q", got, Amended)
	}
	// Every selector list starts at .pd-root, so the host page is never restyled.
	body := regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(CSS, "")
	for _, m := range regexp.MustCompile(`(?m)^\s*([^@{}\s][^{}]*)\{`).FindAllStringSubmatch(body, -1) {
		for _, sel := range strings.Split(m[1], ",") {
			sel = strings.TrimSpace(sel)
			if sel != "" && !strings.HasPrefix(sel, ".pd-root") && !isKeyframe(sel) {
				t.Errorf("selector %q is not scoped under .pd-root", sel)
			}
		}
	}
}

func isKeyframe(sel string) bool { return sel == "from" || sel == "to" || strings.HasSuffix(sel, "%") }

func ExampleKindClass() {
	fmt.Println(KindClass("amended"), KindClass("removed"))
	// Output: pd-amended pd-removed
}
