package style_test

import (
	"fmt"
	"strings"

	"github.com/peacediff/peacediff/diff/html/style"
)

// CSS is one stylesheet for every renderer; each of its rules sits under
// the Root class, so a page that embeds a view keeps its own styles.
func ExampleCSS() {
	fmt.Println(strings.Contains(style.CSS, "."+style.Root))
	fmt.Println(strings.Contains(style.CSS, "."+style.KindClass("amended")))
	// Output:
	// true
	// true
}
