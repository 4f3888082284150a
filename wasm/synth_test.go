package wasm

import (
	"strconv"
	"strings"
)

// synthPlans returns two plan texts of n points each: the second renumbers,
// rewords, changes numbers and modal verbs, drops and adds points, so that
// every kind of match shows up at scale.
func synthPlans(n int) (old, new string) {
	var a, b strings.Builder
	a.WriteString("title: Synthetic draft A\nid: synth-a\n\n")
	b.WriteString("title: Synthetic draft B\nid: synth-b\n\n")
	topics := []string{"armed forces of Ukraine", "sanctions on Russia", "the Zaporizhzhia power plant", "elections in Ukraine", "frozen assets"}
	k := 0
	for i := 1; i <= n; i++ {
		topic := topics[i%len(topics)]
		text := "Point " + strconv.Itoa(i) + " says the parties will review " + topic +
			" within " + strconv.Itoa(30+i%60) + " days and cap the figure at " + strconv.Itoa(1000*i) + " personnel."
		a.WriteString(strconv.Itoa(i) + ". " + text + "\n")
		switch i % 10 {
		case 3: // dropped
			continue
		case 5: // amended: another number and modal
			text = strings.Replace(text, "will", "may", 1)
			text = strings.Replace(text, strconv.Itoa(1000*i)+" personnel", strconv.Itoa(1200*i)+" personnel", 1)
		case 7: // reworded
			text = strings.Replace(text, "review", "look again at", 1)
		}
		k++
		b.WriteString(strconv.Itoa(k) + ". " + text + "\n")
		if i%25 == 0 {
			k++
			b.WriteString(strconv.Itoa(k) + ". A new point " + strconv.Itoa(i) + " sets up a commission on " + topic + ".\n")
		}
	}
	return a.String(), b.String()
}
