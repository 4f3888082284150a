package plans_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/peacediff/peacediff/examples/plans"
)

// IDs lists the bundled plans oldest first, ready to hand to a history.
func ExampleIDs() {
	fmt.Println(plans.IDs())
	// Output:
	// [us-28 eu-24 eu-counter ua-20]
}

// Text gives the raw text, for code that parses it itself or serves it to
// the viewer; an unknown id is an error that lists the known ones.
func ExampleText() {
	b, err := plans.Text("ua-20")
	if err != nil {
		log.Fatal(err)
	}
	header, _, _ := bytes.Cut(b, []byte("\n\n"))
	fmt.Println(string(bytes.SplitN(header, []byte("\n"), 2)[0]))

	_, err = plans.Text("us-29")
	fmt.Println(err)
	// Output:
	// title: Kyiv-Washington draft framework to end the war, 20 points as read out by President Zelenskyy
	// plans: no bundled plan "us-29" (have us-28, eu-24, eu-counter, ua-20)
}
