//go:build js && wasm

package wasm

// The two short plans of warmUp: made up, with a little of everything the
// comparison reads (numbers, deadlines, modal verbs, parties, conditions,
// sub-points, a clause dropped, one added and one moved).
const (
	warmOld = `title: Warm-up draft A
id: warm-a
date: 2025-01-01

1. The parties will observe a full ceasefire on land, at sea and in the air within 30 days.
2. Armed forces are capped at 600,000 personnel.
3. Sanctions are lifted in stages:
   a) trade sanctions after 90 days;
   b) financial sanctions if the ceasefire holds for one year.
4. A joint commission monitors the agreement.
5. Prisoners are exchanged all for all.
`
	warmNew = `title: Warm-up draft B
id: warm-b
date: 2025-02-01

1. Prisoners are exchanged all for all, and detained civilians are released.
2. The parties may observe a ceasefire on land and at sea within 60 days.
3. Armed forces are capped at 800,000 personnel, and NATO does not station troops in the country.
4. Sanctions are lifted in stages:
   a) trade sanctions after 180 days;
   b) financial sanctions unless the ceasefire is broken.
5. Reconstruction is paid for with frozen assets worth $100 billion.
`
)

// warmUp compares and draws a short pair of plans once, off the page, and
// throws the outcome away. Browsers compile a WebAssembly function when it
// first runs, and the Go runtime's functions are large: without this, the
// reader's first comparison would wait for the compiling of every function
// it reaches. Register calls it while the page is still loading. It only
// moves that work: the program is ready later by about as much as the
// first comparison gains (see the package documentation).
func warmUp() {
	defer func() { _ = recover() }() // a warm-up must never stop the viewer
	c, err := Compare(warmOld, warmNew)
	if err != nil {
		return
	}
	// Run the JSON encoder that compare answers through, so that the
	// browser has compiled it before the first real comparison.
	if _, err := c.Result.AppendJSON(nil); err != nil {
		return
	}
	host := document().Call("createElement", "div")
	v := newViewer(host, Options{Index: -1, Collapse: true})
	v.mount(NewPage(c.Result, c.Old, c.New))
	v.showMode("side")
	v.destroy()
}
