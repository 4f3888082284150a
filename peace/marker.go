package peace

import "strings"

// parseMarker reads the label at the start of a point line: "1." "(a)"
// "Point 3:" "**4.**" "ii)" "-" and the other forms [Parser.Parse] lists.
// The line has no indentation. It reports false for a line of text.
//
// It uses no regular expressions: it runs once per line of input and must
// cost little more than looking at the first few bytes.
func parseMarker(s string) (marker, bool) {
	if s == "" {
		return marker{}, false
	}
	c := s[0]
	switch {
	case '0' <= c && c <= '9':
		return numberMarker(s)
	case c == '(':
		return parenMarker(s)
	case c == '*' || c == '_':
		if len(s) > 2 && s[1] == c {
			return emphasisMarker(s)
		}
		if c == '*' {
			return bulletMarker(s, 1, styleBulletDash)
		}
	case c == '-' || c == '+':
		return bulletMarker(s, 1, styleBulletDash)
	case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		if m, ok := keywordMarker(s); ok {
			return m, true
		}
		return letterMarker(s)
	case c >= 0x80:
		for _, b := range bullets {
			if strings.HasPrefix(s, b.s) {
				return bulletMarker(s, len(b.s), b.style)
			}
		}
	}
	return marker{}, false
}

var bullets = []struct {
	s     string
	style style
}{
	{"•", styleBulletDot}, {"◦", styleBulletDot}, {"▪", styleBulletDot}, {"·", styleBulletDot}, {"‣", styleBulletDot},
	{"→", styleBulletArrow}, {"►", styleBulletArrow}, {"▸", styleBulletArrow},
	{"–", styleBulletDash}, {"—", styleBulletDash},
}

// textAfter returns the offset of the text after a marker that ends at
// s[i], which must be followed by white space or the end of the line.
func textAfter(s string, i int) (int, bool) {
	if i < len(s) && !isBlankAt(s, i) {
		return 0, false
	}
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case isBlankAt(s, i):
			i += 2
		default:
			return i, true
		}
	}
	return i, true
}

// isBlankAt reports a space, a tab or a no-break space at s[i].
func isBlankAt(s string, i int) bool {
	switch s[i] {
	case ' ', '\t':
		return true
	case 0xC2:
		return i+1 < len(s) && s[i+1] == 0xA0
	}
	return false
}

// digitsAt returns the end of the run of at most six digits at s[i], or
// i when there is none or the run is longer.
func digitsAt(s string, i int) int {
	j := i
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
		if j-i > 6 {
			return i
		}
	}
	return j
}

// ordinalAt returns the length of "º" or "°" at s[i], or 0.
func ordinalAt(s string, i int) int {
	if i+1 < len(s) && s[i] == 0xC2 && (s[i+1] == 0xBA || s[i+1] == 0xB0) {
		return 2
	}
	return 0
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// numberMarker reads "1." "1)" "1.º" "1º".
func numberMarker(s string) (marker, bool) {
	d := digitsAt(s, 0)
	if d == 0 || d == len(s) {
		return marker{}, false
	}
	i := d
	switch s[i] {
	case '.':
		i++
		i += ordinalAt(s, i)
	case ')':
		i++
	default:
		n := ordinalAt(s, i)
		if n == 0 {
			return marker{}, false
		}
		i += n
		if i < len(s) && s[i] == '.' {
			i++
		}
	}
	t, ok := textAfter(s, i)
	if !ok {
		return marker{}, false
	}
	return marker{label: s[:d], style: styleNumber, value: atoi(s[:d]), text: t}, true
}

// parenMarker reads "(1)" "(a)" "(iv)".
func parenMarker(s string) (marker, bool) {
	j := strings.IndexByte(s, ')')
	if j < 2 || j > 8 {
		return marker{}, false
	}
	inner := s[1:j]
	var m marker
	if digitsAt(inner, 0) == len(inner) {
		m = marker{label: inner, style: styleNumber, value: atoi(inner)}
	} else if lm, ok := letterLabel(inner); ok {
		m = lm
	} else {
		return marker{}, false
	}
	t, ok := textAfter(s, j+1)
	if !ok {
		return marker{}, false
	}
	m.text = t
	return m, true
}

// letterMarker reads "a)" "a." "B." "iv)" "IX.".
func letterMarker(s string) (marker, bool) {
	j := 0
	for j < len(s) && j < 8 && ('a' <= s[j] && s[j] <= 'z' || 'A' <= s[j] && s[j] <= 'Z') {
		j++
	}
	if j == len(s) || (s[j] != '.' && s[j] != ')') {
		return marker{}, false
	}
	m, ok := letterLabel(s[:j])
	if !ok {
		return marker{}, false
	}
	t, ok := textAfter(s, j+1)
	if !ok {
		return marker{}, false
	}
	m.text = t
	return m, true
}

// letterLabel classifies a letter or roman-number label.
func letterLabel(w string) (marker, bool) {
	if len(w) == 1 {
		c := w[0]
		upper := 'A' <= c && c <= 'Z'
		if !upper && (c < 'a' || c > 'z') {
			return marker{}, false
		}
		m := marker{label: w, style: styleLower, value: letterIndex(w)}
		if upper {
			m.style = styleUpper
		}
		switch c | 0x20 {
		case 'i', 'v', 'x', 'l':
			m.alt = styleLowerRoman
			if upper {
				m.alt = styleUpperRoman
			}
		}
		return m, true
	}
	v, upper := romanValue(w)
	if v == 0 {
		return marker{}, false
	}
	st := styleLowerRoman
	if upper {
		st = styleUpperRoman
	}
	return marker{label: w, style: st, value: v}, true
}

// romanValue returns the value of a roman number from 1 to 89 written in
// the canonical way in one case ("iv", not "iiii"), or 0.
func romanValue(w string) (v int, upper bool) {
	if w == "" || len(w) > 7 {
		return 0, false
	}
	upper = 'A' <= w[0] && w[0] <= 'Z'
	lw := w
	if upper {
		if strings.ToUpper(w) != w {
			return 0, false
		}
		lw = strings.ToLower(w)
	} else if strings.ToLower(w) != w {
		return 0, false
	}
	digit := func(c byte) int {
		switch c {
		case 'i':
			return 1
		case 'v':
			return 5
		case 'x':
			return 10
		case 'l':
			return 50
		}
		return 0
	}
	for i := 0; i < len(lw); i++ {
		d := digit(lw[i])
		if d == 0 {
			return 0, false
		}
		if i+1 < len(lw) && d < digit(lw[i+1]) {
			v -= d
		} else {
			v += d
		}
	}
	if v < 1 || v > 89 || roman(v) != lw {
		return 0, false
	}
	return v, upper
}

// roman writes 1 to 89 in lower-case roman numerals.
func roman(v int) string {
	tens := [...]string{"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx"}
	ones := [...]string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"}
	return tens[v/10] + ones[v%10]
}

// keywordMarker reads "Point 1:" "Article 1" "Article 1." "Point 1 -".
func keywordMarker(s string) (marker, bool) {
	sp := strings.IndexByte(s, ' ')
	if sp < 3 || sp > 9 {
		return marker{}, false
	}
	kw := strings.ToLower(s[:sp])
	switch kw {
	case "point", "article", "art.", "clause", "section", "item", "paragraph":
	default:
		return marker{}, false
	}
	i := sp
	for i < len(s) && s[i] == ' ' {
		i++
	}
	d := digitsAt(s, i)
	if d == i {
		return marker{}, false
	}
	label := s[i:d]
	m := marker{label: label, style: styleKeyword, keyword: kw, value: atoi(label)}
	j := d
	if j == len(s) {
		m.text = j
		return m, true
	}
	switch s[j] {
	case ':', '.', ')':
		j++
		j += ordinalAt(s, j)
	case ' ':
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		switch {
		case strings.HasPrefix(s[k:], "-"):
			j = k + 1
		case strings.HasPrefix(s[k:], "–"), strings.HasPrefix(s[k:], "—"):
			j = k + len("–")
		default:
			return marker{}, false
		}
	default:
		if n := ordinalAt(s, j); n > 0 {
			j += n
		} else {
			return marker{}, false
		}
	}
	t, ok := textAfter(s, j)
	if !ok {
		return marker{}, false
	}
	m.text = t
	return m, true
}

// emphasisMarker reads a marker wrapped in Markdown emphasis: "**1.**"
// "__Point 2:__".
func emphasisMarker(s string) (marker, bool) {
	delim := s[:2]
	end := min(len(s), 42)
	j := strings.Index(s[2:end], delim)
	if j <= 0 {
		return marker{}, false
	}
	inner := strings.TrimSpace(s[2 : 2+j])
	if inner == "" || inner[0] == '*' || inner[0] == '_' {
		return marker{}, false
	}
	m, ok := parseMarker(inner)
	if !ok || m.text != len(inner) || m.label == "" {
		return marker{}, false
	}
	t, ok := textAfter(s, 2+j+2)
	if !ok {
		return marker{}, false
	}
	m.text = t
	return m, true
}

// bulletMarker reads a bullet of n bytes followed by white space.
func bulletMarker(s string, n int, st style) (marker, bool) {
	t, ok := textAfter(s, n)
	if !ok {
		return marker{}, false
	}
	return marker{style: st, text: t}, true
}
