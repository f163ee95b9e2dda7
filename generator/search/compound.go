package search

import "strings"

// compounds calls emit with the joined form of every hyphenated ASCII
// compound in text, lower-cased: "hand-off" gives "handoff", "Follow-Up"
// "followup", "end-to-end" "endtoend". Tokenize splits such compounds at
// the hyphen, so a page that writes "hand-off" is found by "hand off" and,
// with this, by "handoff" too; search-engine.js joins adjacent query words
// for the other direction. Text without a hyphen costs one byte scan.
func compounds(text string, buf []byte, emit func(word []byte)) []byte {
	for i := strings.IndexByte(text, '-'); i >= 0; {
		start := i
		for start > 0 && isASCIIAlnum(text[start-1]) {
			start--
		}
		end, parts := i, 1
		for end < len(text) && text[end] == '-' && end+1 < len(text) && isASCIIAlnum(text[end+1]) {
			end++
			for end < len(text) && isASCIIAlnum(text[end]) {
				end++
			}
			parts++
		}
		if start < i && parts > 1 && end-start <= maxWordBytes && !isDigit(text[start]) {
			buf = buf[:0]
			for j := start; j < end; j++ {
				if c := text[j]; c != '-' {
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					buf = append(buf, c)
				}
			}
			emit(buf)
		}
		next := strings.IndexByte(text[max(end, i+1):], '-')
		if next < 0 {
			break
		}
		i = max(end, i+1) + next
	}
	return buf
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
