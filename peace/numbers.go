package peace

import "math"

// Reading quantities: a number in digits or words, a multiplier, and a
// unit before or after it.
//
// What is not a quantity: a number after a reference word ("Article 5",
// "point 21", "phase 2"), a year standing alone ("by 2030"), a day of a
// month ("24 December"), a date ("2025-11-20"), a number glued to letters
// that are no unit ("5G", "3rd"), and the number in a name written as one
// word ("G8", "START I" has none). A number in digits with no unit is a
// count ("capped at 600,000" is 600000 count); a number in words with no
// unit is a count only when it is two or more and a noun follows ("five
// regions" is 5 count, "one of them" is nothing).

var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100,
}

// multipliers scale the number before them. The one-letter forms count
// only when glued to the digits ("$5m", "20k").
var multipliers = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12,
	"k": 1e3, "m": 1e6, "b": 1e9,
}

// referenceWords make the number after them a reference, not a quantity.
var referenceWords = map[string]bool{
	"article": true, "articles": true, "point": true, "points": true,
	"paragraph": true, "paragraphs": true, "section": true, "sections": true,
	"clause": true, "clauses": true, "chapter": true, "item": true, "items": true,
	"annex": true, "protocol": true, "resolution": true, "no": true, "number": true,
	"part": true, "phase": true, "stage": true, "page": true, "round": true,
	"#": true, "§": true,
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// countStop are words after a number in words that are no noun it counts.
var countStop = map[string]bool{
	"of": true, "and": true, "or": true, "to": true, "in": true, "on": true,
	"at": true, "by": true, "for": true, "from": true, "with": true, "is": true,
	"are": true, "was": true, "were": true, "will": true, "who": true, "that": true,
	"which": true, "another": true, "other": true, "each": true, "side": true, "hand": true,
}

// quantities appends the quantities of toks to dst and marks the tokens
// they use in used.
func (m *matcher) quantities(dst []Quantity, text string, toks []token, used []bool) []Quantity {
	for i := 0; i < len(toks); i++ {
		start := i
		unit := -1
		if t := &toks[i]; t.kind != tokNum {
			if !m.quantityStart[t.norm] {
				continue
			}
		}
		if t := &toks[i]; t.kind != tokNum && numberWords[t.norm] == 0 {
			// A unit prefix: "$", "USD", "US$".
			end, at := m.unitBefore.longest(toks, i)
			if at == nil || end >= len(toks) || toks[end].kind != tokNum {
				continue
			}
			unit = int(at.hits[0].idx)
			i = end
		}
		if start == i && referenceBefore(toks, i) {
			i = skipReference(toks, i)
			continue
		}
		v, j, words := readNumber(toks, i)
		if j == i {
			continue
		}
		if dateAt(toks, i) {
			i = skipDate(toks, i)
			continue
		}
		q := Quantity{Value: v}
		end := j
		switch {
		case unit >= 0:
			// "$100 billion", maybe with "dollars" again after it.
			if e, at := m.unitAfter.longest(toks, j); at != nil && int(at.hits[0].idx) == unit {
				end = e
			}
		case !words && ratioAt(toks, i):
			a, b := toks[i].num, toks[i+2].num
			if a+b == 0 {
				i = i + 2
				continue
			}
			q.Value, q.Unit = 100*a/(a+b), UnitRatio
			end = i + 3
		default:
			k := j
			if k+1 < len(toks) && toks[k].norm == "-" && !toks[k].space && !toks[k+1].space {
				k++ // "30-day", "600,000-strong"
			}
			if e, at := m.unitAfter.longest(toks, k); at != nil {
				unit, end = int(at.hits[0].idx), e
			}
		}
		if unit >= 0 {
			u := m.units[unit]
			q.Unit = u.Unit
			if u.Factor > 0 {
				q.Value *= u.Factor
			}
		}
		if math.IsInf(q.Value, 0) || math.IsNaN(q.Value) {
			i = end - 1
			continue
		}
		if q.Unit == "" {
			if !bareCount(toks, i, j, v, words) {
				i = j - 1
				continue
			}
			q.Unit = UnitCount
			if j < len(toks) && toks[j].kind == tokWord && toks[j].space && !countStop[toks[j].norm] {
				q.Of = toks[j].norm // "five regions"
			}
		}
		q.Text = text[toks[start].s:toks[end-1].e]
		dst = append(dst, q)
		for k := start; k < end; k++ {
			used[k] = true
		}
		i = end - 1
	}
	return dst
}

// readNumber reads the number starting at toks[i], in digits or in words,
// with any multipliers after it. It returns the value, the end of the
// number and whether it was written in words; end == i means no number.
func readNumber(toks []token, i int) (v float64, end int, words bool) {
	j := i
	if toks[i].kind == tokNum {
		v, j = toks[i].num, i+1
	} else {
		total, cur := 0.0, 0.0
		for j < len(toks) {
			t := &toks[j]
			if n, ok := numberWords[t.norm]; ok && t.kind == tokWord {
				if n == 100 {
					cur = max(cur, 1) * 100
				} else {
					cur += n
				}
				j++
			} else if mul := multipliers[t.norm]; mul >= 1e3 && len(t.norm) > 2 && j > i {
				total += max(cur, 1) * mul
				cur = 0
				j++
			} else if (t.norm == "-" || t.norm == "and") && j > i && j+1 < len(toks) && numberWords[toks[j+1].norm] > 0 {
				j++ // "twenty-five", "one hundred and fifty"
			} else {
				break
			}
		}
		if j == i {
			return 0, i, false
		}
		return total + cur, j, true
	}
	for j < len(toks) {
		t := &toks[j]
		mul, ok := multipliers[t.norm]
		if !ok && t.norm == "hundred" {
			mul, ok = 100, true
		}
		if !ok || t.kind != tokWord || (len(t.norm) == 1 && t.space) {
			break
		}
		v *= mul
		j++
	}
	return v, j, false
}

// referenceBefore reports whether the number at toks[i] follows a
// reference word: "Article 5", "point 21".
func referenceBefore(toks []token, i int) bool {
	return i > 0 && referenceWords[toks[i-1].norm] && (toks[i].kind == tokNum || numberWords[toks[i].norm] > 0)
}

// skipReference returns the last token of the references starting at
// toks[i]: "points 1-15", "articles 5 and 6".
func skipReference(toks []token, i int) int {
	for i+2 < len(toks) {
		sep := toks[i+1].norm
		if (sep == "-" || sep == "–" || sep == "," || sep == "and" || sep == "to" || sep == "or") && toks[i+2].kind == tokNum {
			i += 2
			continue
		}
		break
	}
	return i
}

// dateAt reports whether toks[i] starts a date, reads as a day of a month
// or stands alone as a year.
func dateAt(toks []token, i int) bool {
	t := &toks[i]
	if t.kind != tokNum {
		return false
	}
	// 2025-11-20, 20/11/2025, 20.11.2025
	if i+4 < len(toks) && glued(toks, i, i+4) && isDateSep(toks[i+1].norm) &&
		toks[i+2].kind == tokNum && toks[i+3].norm == toks[i+1].norm && toks[i+4].kind == tokNum {
		return true
	}
	if i > 0 && months[toks[i-1].norm] && t.num >= 1 && t.num <= 31 {
		return true // "December 24"
	}
	if i+1 < len(toks) && months[toks[i+1].norm] && t.num >= 1 && t.num <= 31 {
		return true // "24 December"
	}
	return false
}

// skipDate returns the last token of the date starting at toks[i].
func skipDate(toks []token, i int) int {
	if i+4 < len(toks) && glued(toks, i, i+4) && isDateSep(toks[i+1].norm) {
		return i + 4
	}
	return i
}

func isDateSep(s string) bool { return s == "-" || s == "/" || s == "." }

// glued reports whether toks[i:j+1] are written with no space between.
func glued(toks []token, i, j int) bool {
	for k := i + 1; k <= j; k++ {
		if toks[k].space {
			return false
		}
	}
	return true
}

// ratioAt reports whether toks[i] starts a ratio such as "50:50" or
// "60/40" (but not a date or time with a third part).
func ratioAt(toks []token, i int) bool {
	if i+2 >= len(toks) || toks[i+2].kind != tokNum || !glued(toks, i, i+2) {
		return false
	}
	if sep := toks[i+1].norm; sep != ":" && sep != "/" {
		return false
	}
	if i+4 < len(toks) && glued(toks, i+2, i+4) && toks[i+3].norm == toks[i+1].norm && toks[i+4].kind == tokNum {
		return false
	}
	return true
}

// bareCount reports whether the number toks[i:j] with value v and no unit
// is a count.
func bareCount(toks []token, i, j int, v float64, words bool) bool {
	var next *token
	if j < len(toks) {
		next = &toks[j]
	}
	if !words {
		if next != nil && next.kind == tokWord && !next.space {
			return false // "5G", "3rd"
		}
		if next != nil && next.norm == "-" && !next.space && j+1 < len(toks) && toks[j+1].kind == tokWord {
			return !referenceWords[toks[j+1].norm] && toks[j+1].norm != "like" // "28-point", "Article 5-like"
		}
		isYear := v == float64(int(v)) && v >= 1800 && v <= 2199 && j == i+1 && len(toks[i].norm) == 4
		return !isYear
	}
	return v >= 2 && next != nil && next.kind == tokWord && !countStop[next.norm]
}
