package peace

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tokWord  = iota // letters, then letters and digits: "troops", "g8"
	tokNum          // a number written in digits: "600,000", "1.5"
	tokPunct        // any other single character: "$", "%", ",", "-"
)

// A token is one word, number or punctuation mark of a text.
type token struct {
	s, e  int     // byte offsets of the token in the text
	norm  string  // lower-case form; for a number its digits as printed
	num   float64 // the value of a tokNum
	kind  uint8
	space bool // white space comes before the token (or it starts the text)
}

// tokenize appends the tokens of text to dst and returns it. Words are
// lower-cased (Unicode letters included); a possessive "'s" is dropped and
// a contraction "n't" becomes the word and "not" ("won't" → "will", "not").
// Numbers keep thousands separators (",", no-break and thin spaces, and
// a plain space after a first group of one to three digits, before groups
// of three digits) and a decimal point.
func tokenize(dst []token, text string) []token {
	lower := asciiLower(text)
	space := true
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			space = true
			i++
			continue
		case c >= '0' && c <= '9':
			j, v := scanNumber(text, i)
			dst = append(dst, token{s: i, e: j, norm: text[i:j], num: v, kind: tokNum, space: space})
			i = j
		case c < utf8.RuneSelf && !isASCIILetter(c):
			dst = append(dst, token{s: i, e: i + 1, norm: text[i : i+1], kind: tokPunct, space: space})
			i++
		default:
			r, n := rune(c), 1
			if c >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[i:])
			}
			if isSpaceRune(r) {
				space = true
				i += n
				continue
			}
			if !unicode.IsLetter(r) {
				dst = append(dst, token{s: i, e: i + n, norm: text[i : i+n], kind: tokPunct, space: space})
				i += n
				break
			}
			j := scanWord(text, i)
			dst, i = appendWord(dst, text, lower, i, j, space)
		}
		space = false
	}
	return dst
}

// appendWord appends the word text[i:j], handling a following apostrophe,
// and returns the offset where scanning resumes.
func appendWord(dst []token, text, lower string, i, j int, space bool) ([]token, int) {
	norm := lower[i:j]
	if !isASCII(norm) {
		norm = strings.ToLower(text[i:j])
	}
	// An apostrophe followed by letters: "Ukraine's", "won't".
	if n := apostrophe(text, j); n > 0 {
		if k := scanWord(text, j+n); k > j+n {
			switch suffix := lower[j+n : k]; {
			case suffix == "s":
				dst = append(dst, token{s: i, e: j, norm: norm, kind: tokWord, space: space})
				return dst, k
			case suffix == "t" && strings.HasSuffix(norm, "n") && len(norm) > 1:
				base := norm[:len(norm)-1]
				switch norm {
				case "won":
					base = "will"
				case "can":
					base = "can"
				case "shan":
					base = "shall"
				}
				dst = append(dst,
					token{s: i, e: j, norm: base, kind: tokWord, space: space},
					token{s: j - 1, e: k, norm: "not", kind: tokWord})
				return dst, k
			}
		}
	}
	dst = append(dst, token{s: i, e: j, norm: norm, kind: tokWord, space: space})
	return dst, j
}

// apostrophe returns the length in bytes of the apostrophe (' or ’) that
// text[i:] starts with, or 0.
func apostrophe(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	if text[i] == '\'' {
		return 1
	}
	if strings.HasPrefix(text[i:], "’") {
		return len("’")
	}
	return 0
}

// scanWord returns the end of the word starting at i: letters, digits and
// combining marks.
func scanWord(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) && (c < '0' || c > '9') {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			return i
		}
		i += n
	}
	return i
}

// scanNumber reads the number starting at text[i], a digit, and returns its
// end and value.
func scanNumber(text string, i int) (int, float64) {
	var v float64
	j := i
	digits := func() {
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			v = v*10 + float64(text[j]-'0')
			j++
		}
	}
	digits()
	first := j - i // a plain space separates thousands only after 1-3 digits: "600 000"
	for {
		n := groupSep(text, j)
		if n == 0 && first <= 3 && j < len(text) && text[j] == ' ' {
			n = 1
		}
		if n == 0 || !threeDigits(text, j+n) {
			break
		}
		j += n
		digits()
	}
	if j+1 < len(text) && text[j] == '.' && text[j+1] >= '0' && text[j+1] <= '9' {
		j++
		scale := 0.1
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			v += float64(text[j]-'0') * scale
			scale /= 10
			j++
		}
	}
	return j, v
}

// groupSep returns the length of a thousands separator at text[j], or 0.
func groupSep(text string, j int) int {
	if j >= len(text) {
		return 0
	}
	if text[j] == ',' {
		return 1
	}
	for _, s := range [...]string{"\u00a0", "\u202f", "\u2009"} {
		if strings.HasPrefix(text[j:], s) {
			return len(s)
		}
	}
	return 0
}

// threeDigits reports whether text[j:] starts with exactly three digits.
func threeDigits(text string, j int) bool {
	if j+3 > len(text) {
		return false
	}
	for k := j; k < j+3; k++ {
		if text[k] < '0' || text[k] > '9' {
			return false
		}
	}
	return j+3 == len(text) || text[j+3] < '0' || text[j+3] > '9'
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isSpaceRune(r rune) bool {
	return r == '\u00a0' || r == '\u202f' || r == '\u2009' || unicode.IsSpace(r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiLower returns s with ASCII letters lower-cased and every other byte
// unchanged, so that byte offsets stay valid. It allocates only when s has
// an upper-case ASCII letter.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if b[i] >= 'A' && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}
