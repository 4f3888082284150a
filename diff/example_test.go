package diff_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/peace"
)

func ExampleWords() {
	for _, e := range diff.Words(
		"The Armed Forces of Ukraine will be capped at 600,000 personnel.",
		"The Armed Forces of Ukraine will be capped at 800,000 personnel in peacetime.",
	) {
		fmt.Printf("%s %q\n", e.Op, e.Text)
	}
	// Output:
	// equal "The Armed Forces of Ukraine will be capped at "
	// delete "600,000"
	// insert "800,000"
	// equal " personnel"
	// insert " in peacetime"
	// equal "."
}

func ExampleCompare() {
	old, err := peace.Parse(strings.NewReader(`id: draft-1

1. The sovereignty of Ukraine will be confirmed.
2. European fighter jets will be based in Poland.
3. The Armed Forces of Ukraine will be capped at 600,000 personnel.
4. Ukraine will hold elections within 100 days.
`))
	if err != nil {
		log.Fatal(err)
	}
	new, err := peace.Parse(strings.NewReader(`id: draft-2

1. The sovereignty of Ukraine will be confirmed.
2. Ukraine's armed forces will be capped at 800,000 personnel.
3. Ukraine will hold elections as soon as possible.
4. A humanitarian committee will be created.
`))
	if err != nil {
		log.Fatal(err)
	}
	r, err := diff.Compare(old, new)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range r.Matches {
		fmt.Printf("%-9s %v -> %v", m.Kind, m.Old, m.New)
		for _, c := range m.Changes {
			fmt.Printf(" | %s: %q -> %q", c.Kind, c.Before, c.After)
		}
		fmt.Println()
	}
	// Output:
	// unchanged [1] -> [1]
	// removed   [2] -> []
	// amended   [3] -> [2] | quantity: "600000 personnel" -> "800000 personnel"
	// amended   [4] -> [3] | duration: "100 days" -> "as soon as possible"
	// added     [] -> [4]
}
