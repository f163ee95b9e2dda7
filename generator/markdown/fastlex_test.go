package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// fastLexSamples covers many lexers and their tricky parts: nested lexers
// (HTML with CSS and JavaScript), heredocs, string interpolation, comments,
// unterminated strings (error recovery), CRLF and a missing final newline.
var fastLexSamples = map[string]string{
	"go": "package main\n\nimport \"fmt\"\n\n// score rates a lead.\nfunc score(l Lead) (int, error) {\n\tif l.Visits > 3 && l.Title != `x` {\n\t\treturn 0x1F, nil\n\t}\n\tr := 'a'\n\t/* block */ return 20, fmt.Errorf(\"no %d\", r)\n}\n",
	"sql": "-- leads per stage\nSELECT stage, count(*) AS leads\nFROM funnel f JOIN owners o ON o.id = f.owner_id\nWHERE created_at > now() - interval '30 days' AND note <> 'it''s'\nGROUP BY stage ORDER BY leads DESC;\n" +
		"create temp table t (id int8, n varchar(3)); END-EXEC END\nSelect Ü, _x1, x$y FROM intervals;\n",
	"bash":       "#!/bin/bash\nfor f in *.md; do\n  echo \"$f: ${f%.md} $(wc -l < \"$f\")\"\ndone\ncat <<EOF\nheredoc $HOME\nEOF\nexport X=1 # comment\nwhile true; do done=1; done\nif [ -f x ];then echo) fi\n",
	"yaml":       "---\ntitle: \"Weekly review\"\nteams:\n  - sales\n  - marketing # both\nduration: 45\nanchors: &a\n  k: v\nref: *a\n",
	"json":       "{\n  \"stage\": \"MQL\",\n  \"sla\": 24.5e1,\n  \"ok\": true,\n  \"none\": null,\n  \"list\": [1, 2]\n}\n",
	"toml":       "title = \"Weekly review\"\nteams = [\"sales\", \"marketing\"]\ndate = 2024-01-02T03:04:05Z\n[[steps]]\ntitle = 'Review'\n",
	"python":     "@dataclass\nclass Lead:\n    visits: int = 0\n\ndef score(lead):\n    \"\"\"Doc string.\"\"\"\n    if lead.visits > 3:\n        return f\"{lead.visits!r} visits\"\n    return 20  # low\n\ndef gen():\n    yield from range(3)\n    yield  from x\n    return lambda: None\n",
	"javascript": "const score = (lead) => {\n  // comment\n  if (lead.visits > 3) return `high ${lead.name}`;\n  return /ab+c/.test(lead.note) ? 1 : 20;\n};\nclass A extends B { #x = 1 }\n",
	"typescript": "interface Lead { visits: number; name?: string }\nexport function score(l: Lead): number {\n  return l.visits > 3 ? 80 : 20;\n}\n",
	"html":       "<!doctype html>\n<html lang=\"en\">\n<head><style>body { color: red; }</style></head>\n<body>\n<script>let x = 1 < 2;</script>\n<p class=\"a\">Hi &amp; bye<!-- c --></p>\n</body>\n</html>\n",
	"css":        "@media (prefers-color-scheme: dark) {\n  :root { --bg: #111; }\n}\n.callout > p::before { content: \"!\"; margin: 0 1em; }\n",
	"diff":       "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-old\n+new\n same\n",
	"dockerfile": "FROM golang:1.26 AS build\nRUN go build -o /app ./cmd/playbook\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n",
	"markdown":   "# Title\n\n- item *em* **strong**\n\n```go\nx := 1\n```\n",
	"rust":       "fn main() {\n    let v: Vec<i32> = vec![1, 2];\n    println!(\"{:?}\", v); // done\n}\n",
	"ruby":       "def score(lead)\n  return 80 if lead.visits > 3\n  \"#{lead.name} low\"\nend\n",
	"c":          "#include <stdio.h>\nint main(void) {\n  printf(\"%d\\n\", 1); /* c */\n  return 0;\n}\n",
	"ini":        "[section]\nkey = value ; comment\n",
	"xml":        "<?xml version=\"1.0\"?>\n<root a=\"1\"><![CDATA[x < y]]><child/></root>\n",
	"php":        "<?php\n$x = \"a $b\";\necho strlen($x);\n?>\n<p>html</p>\n",
	"powershell": "Get-ChildItem -Path . | Where-Object { $_.Length -gt 1kb }\n",
}

// chromaTokens lexes with chroma's own loop, coalesced.
func chromaTokens(t *testing.T, l chroma.Lexer, code string) []chroma.Token {
	it, err := chroma.Coalesce(l).Tokenise(nil, code)
	if err != nil {
		t.Fatal(err)
	}
	return it.Tokens()
}

func fastTokens(t *testing.T, f *fastLexer, code string) []chroma.Token {
	var out []chroma.Token
	if err := f.tokenise(code, func(tok chroma.Token) { out = append(out, tok) }); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFastLexerMatchesChroma(t *testing.T) {
	for lang, code := range fastLexSamples {
		l := lexers.Get(lang)
		if l == nil {
			t.Errorf("no chroma lexer for %s", lang)
			continue
		}
		f, err := newFastLexer(l)
		if err != nil {
			t.Logf("%s: fast loop not available (%v); chroma's loop is used", lang, err)
			continue
		}
		variants := map[string]string{
			"as is":           code,
			"no final EOL":    strings.TrimSuffix(code, "\n"),
			"CRLF":            strings.ReplaceAll(code, "\n", "\r\n"),
			"unterminated":    code + "\"open string\n'and more\n",
			"first half only": code[:len(code)/2],
		}
		for name, src := range variants {
			want := chromaTokens(t, l, src)
			got := fastTokens(t, f, src)
			if !equalTokens(got, want) {
				t.Errorf("%s (%s): fast lexer differs from chroma\n got: %v\nwant: %v", lang, name, got, want)
			}
		}
	}
}

func equalTokens(a, b []chroma.Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFastLexerUsedForCommonLanguages(t *testing.T) {
	for _, lang := range []string{"go", "sql", "bash", "yaml", "json", "toml", "python", "javascript"} {
		if e := lookupLexer(lang); e == nil || e.fast == nil {
			t.Errorf("lookupLexer(%q) has no fast loop", lang)
		}
	}
}

// FuzzFastLexer checks that the fast loop gives chroma's tokens for any
// text, in the languages of fastLexSamples.
func FuzzFastLexer(f *testing.F) {
	langs := make([]string, 0, len(fastLexSamples))
	for lang, code := range fastLexSamples {
		langs = append(langs, lang)
		f.Add(uint8(len(langs)-1), code)
	}
	slices.Sort(langs)
	f.Fuzz(func(t *testing.T, which uint8, code string) {
		lang := langs[int(which)%len(langs)]
		e := lookupLexer(lang)
		if e == nil || e.fast == nil {
			return
		}
		want := chromaTokens(t, e.lexer, code)
		got := fastTokens(t, e.fast, code)
		if !equalTokens(got, want) {
			t.Fatalf("%s: fast lexer differs for %q\n got: %v\nwant: %v", lang, code, got, want)
		}
	})
}
