package search

import (
	"bytes"
	"encoding/json"
	"testing"
)

// jsonFragment is encodeFragment's reference: encoding/json without HTML
// escaping.
func jsonFragment(t *testing.T, d *Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(newFragment(d)); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// FuzzEncodeFragment checks that encodeFragment writes what encoding/json
// writes, for any strings in any field.
func FuzzEncodeFragment(f *testing.F) {
	f.Add("/a/", "Title", "Guide", "Desc", "x", "h", "text", "code")
	f.Add("/b/", `<b> & "q" \ `, "", "", "", "", "", "")
	f.Add("/c/", "tab\tnl\nnul\x00\x1f\x7f", "\b\f\r", "\u2028\u2029", "bad \xff utf8 \xe2\x82", "é", "日本語", "")
	f.Fuzz(func(t *testing.T, url, title, typ, desc, section, id, text, code string) {
		docs := []Doc{
			{URL: url, Title: title, TypeTitle: typ, Description: desc, SectionPath: []string{section, title},
				Sections: []Section{{ID: id, Title: title, Text: text, Code: code}, {Text: desc}}},
			{URL: url, Title: title},
		}
		for i := range docs {
			got, want := encodeFragment(&docs[i]), jsonFragment(t, &docs[i])
			if !bytes.Equal(got, want) {
				t.Errorf("encodeFragment:\n got %s\nwant %s", got, want)
			}
		}
	})
}
