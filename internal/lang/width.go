package lang

import "unicode"

// Width is how many columns s takes on a terminal or in an editor with a
// fixed-width font: two for a wide character (Chinese, Japanese, Korean,
// full-width punctuation), one for any other, none for a combining mark.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += RuneWidth(r)
	}
	return n
}

// RuneWidth is how many columns r takes, as Width counts them.
func RuneWidth(r rune) int {
	switch {
	case unicode.Is(unicode.Mn, r) || r == '\u200b':
		return 0
	case Wide(r):
		return 2
	}
	return 1
}

// Wide reports whether r takes two columns: the East Asian wide and
// full-width ranges (Unicode's EastAsianWidth W and F).
func Wide(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x115F, // Hangul Jamo
		r >= 0x2E80 && r <= 0x303E, // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33FF, // kana, CJK symbols
		r >= 0x3400 && r <= 0x4DBF, // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF, // CJK ideographs
		r >= 0xA000 && r <= 0xA4CF, // Yi
		r >= 0xAC00 && r <= 0xD7A3, // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // CJK compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60, // full-width forms
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFD:
		return true
	}
	return false
}
