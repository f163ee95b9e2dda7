package markdown

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
)

// fastLexer runs the rules of a chroma RegexLexer with a loop of its own
// that produces the same tokens as chroma's, only faster: before trying a
// rule's regular expression at a position, it checks the character there
// against the set of characters the expression can start with. Most rules
// fail on their first character, and a failed regexp2 call costs far more
// than the check (setting up a match is about 100 ns).
type fastLexer struct {
	lexer  *chroma.RegexLexer
	rules  chroma.CompiledRules // what chroma's mutators and emitters see
	states map[string][]fastRule
}

// fastRule is a compiled rule with the characters it can start with; a nil
// first means "any" (for example a rule that can match the empty string).
type fastRule struct {
	*chroma.CompiledRule
	first *syntax.Prefix
	words *wordSet // set for keyword-list rules
	// wholeMatchOnly is set when neither the emitter nor the mutator looks
	// at the groups: a token type, and at most a push or pop. Only the
	// whole match is then extracted.
	wholeMatchOnly bool
}

// usesWholeMatchOnly reports rules whose emitter is a plain token type and
// whose mutator only pushes or pops states.
func usesWholeMatchOnly(r *chroma.CompiledRule) bool {
	if _, ok := r.Type.(chroma.TokenType); !ok {
		return false
	}
	if r.Mutator == nil {
		return true
	}
	m, ok := r.Mutator.(chroma.SerialisableMutator)
	return ok && (m.MutatorKind() == "push" || m.MutatorKind() == "pop")
}

// ruleMatchTimeout bounds one regular expression match, as chroma does.
const ruleMatchTimeout = 250 * time.Millisecond

// maxRuleExpansions bounds the rounds of include/combined expansion, so
// that a self-including state cannot loop forever.
const maxRuleExpansions = 10000

// newFastLexer prepares l, or fails for lexers that are not plain
// RegexLexers (those keep using chroma's own loop).
func newFastLexer(l chroma.Lexer) (*fastLexer, error) {
	rl, ok := l.(*chroma.RegexLexer)
	if !ok {
		return nil, errors.New("not a RegexLexer")
	}
	raw, err := rl.Rules()
	if err != nil {
		return nil, err
	}
	rules, err := expandRules(raw)
	if err != nil {
		return nil, err
	}
	f := &fastLexer{lexer: rl, rules: rules, states: map[string][]fastRule{}}
	flags := regexFlags(rl.Config())
	compiled := map[*chroma.CompiledRule]*syntax.Prefix{}
	for state, list := range rules {
		for _, r := range list {
			if _, done := compiled[r]; !done {
				prefix, err := compileRule(r, flags)
				if err != nil {
					return nil, fmt.Errorf("%s: state %s: %w", rl.Config().Name, state, err)
				}
				compiled[r] = prefix
			}
			f.states[state] = append(f.states[state], fastRule{
				CompiledRule: r, first: compiled[r],
				words:          parseWordSet(r.Pattern, rl.Config().CaseInsensitive),
				wholeMatchOnly: usesWholeMatchOnly(r),
			})
		}
	}
	return f, nil
}

// expandRules turns raw rules into compiled ones and applies the mutators
// that rewrite the rule table itself (include, combined).
func expandRules(raw chroma.Rules) (chroma.CompiledRules, error) {
	rules := chroma.CompiledRules{}
	for state, list := range raw {
		for _, r := range list {
			rules[state] = append(rules[state], &chroma.CompiledRule{Rule: r})
		}
	}
	for range maxRuleExpansions {
		state, i, m := nextLexerMutator(rules)
		if m == nil {
			return rules, nil
		}
		clipAll(rules) // so that splicing one state never writes into another's array
		if err := m.MutateLexer(rules, state, i); err != nil {
			return nil, err
		}
	}
	return nil, errors.New("rules keep expanding")
}

// nextLexerMutator finds a rule whose mutator rewrites the rule table,
// looking at the states in name order (mutators may add states).
func nextLexerMutator(rules chroma.CompiledRules) (string, int, chroma.LexerMutator) {
	names := make([]string, 0, len(rules))
	for state := range rules {
		names = append(names, state)
	}
	slices.Sort(names)
	for _, state := range names {
		for i, r := range rules[state] {
			if m, ok := r.Mutator.(chroma.LexerMutator); ok {
				return state, i, m
			}
		}
	}
	return "", 0, nil
}

func clipAll(rules chroma.CompiledRules) {
	for state, list := range rules {
		rules[state] = slices.Clip(list)
	}
}

// regexFlags returns the inline flags chroma gives every rule of a lexer.
func regexFlags(cfg *chroma.Config) string {
	flags := ""
	if !cfg.NotMultiline {
		flags += "m"
	}
	if cfg.CaseInsensitive {
		flags += "i"
	}
	if cfg.DotAll {
		flags += "s"
	}
	return flags
}

// compileRule compiles the rule's expression the way chroma does and
// returns the set of characters a match can start with.
func compileRule(r *chroma.CompiledRule, flags string) (*syntax.Prefix, error) {
	pattern := "(?:" + r.Pattern + ")"
	if flags != "" {
		pattern = "(?" + flags + ")" + pattern
	}
	pattern = `\G` + pattern
	re, err := regexp2.Compile(pattern)
	if err != nil {
		return nil, err
	}
	re.MatchTimeout = ruleMatchTimeout
	r.Regexp = re
	tree, err := syntax.Parse(pattern, syntax.ParseOptions{})
	if err != nil {
		return nil, err
	}
	code, err := syntax.Write(tree)
	if err != nil {
		return nil, err
	}
	code.PrepareCharSetASCIIBitmaps()
	return code.FcPrefix, nil
}

// canStart reports whether the rule may match at a position holding ch.
func (r *fastRule) canStart(ch rune) bool {
	if r.first == nil {
		return true
	}
	if r.first.CaseInsensitive {
		ch = unicode.ToLower(ch)
	}
	return r.first.PrefixSet.CharIn(ch)
}

// tokenise lexes code and calls emit for every non-empty token, with runs
// of one type joined as chroma.Coalesce does.
func (f *fastLexer) tokenise(code string, emit func(chroma.Token)) error {
	code = strings.ReplaceAll(strings.ReplaceAll(code, "\r\n", "\n"), "\r", "\n")
	added := f.lexer.Config().EnsureNL && !strings.HasSuffix(code, "\n")
	if added {
		code += "\n"
	}
	st := &chroma.LexerState{
		Lexer: f.lexer, Registry: lexers.GlobalLexerRegistry, Text: []rune(code),
		Stack: []string{"root"}, Rules: f.rules, MutatorContext: map[any]any{},
	}
	end := len(st.Text)
	if added {
		end--
	}
	c := coalescer{emit: emit}
	var pending []chroma.Iterator
	for st.Pos < end && len(st.Stack) > 0 {
		pending = drain(pending, c.add)
		if err := f.step(st, &pending, c.add); err != nil {
			return err
		}
	}
	drain(pending, c.add)
	if st.Pos != len(st.Text) && len(st.Stack) == 0 {
		c.add(chroma.Token{Type: chroma.Error, Value: string(st.Text[st.Pos:])})
	}
	c.flush()
	return nil
}

// step matches one rule at the current position and applies it.
func (f *fastLexer) step(st *chroma.LexerState, pending *[]chroma.Iterator, emit func(chroma.Token)) error {
	st.State = st.Stack[len(st.Stack)-1]
	rules, ok := f.states[st.State]
	if !ok {
		return fmt.Errorf("unknown lexer state %q", st.State)
	}
	index, groups, named := f.match(st.Text, st.Pos, rules)
	if groups == nil {
		// As in chroma (and Pygments): an unmatched newline outside the
		// root state resets the stack; anything else is one error rune.
		if st.Text[st.Pos] == '\n' && st.State != "root" {
			st.Stack = []string{"root"}
			return nil
		}
		emit(chroma.Token{Type: chroma.Error, Value: string(st.Text[st.Pos])})
		st.Pos++
		return nil
	}
	rule := rules[index]
	st.Rule, st.Groups, st.NamedGroups = index, groups, named
	st.Pos += utf8.RuneCountInString(groups[0])
	if rule.Mutator != nil {
		if err := rule.Mutator.Mutate(st); err != nil {
			return err
		}
	}
	if rule.Type != nil {
		*pending = append(*pending, rule.Type.Emit(st.Groups, st))
	}
	return nil
}

// match returns the first rule that matches at pos, with its groups.
func (f *fastLexer) match(text []rune, pos int, rules []fastRule) (int, []string, map[string]string) {
	ch := text[pos]
	for i := range rules {
		r := &rules[i]
		if !r.canStart(ch) {
			continue
		}
		if r.words != nil {
			end, verdict := r.words.lookup(text, pos)
			if verdict == wordNo {
				continue
			}
			if verdict == wordYes && r.words.exact {
				word := string(text[pos:end])
				if r.wholeMatchOnly {
					return i, []string{word}, nil
				}
				groups, named := r.words.groups(word)
				return i, groups, named
			}
		}
		if groups, named := regexpMatch(r, text, pos); groups != nil {
			return i, groups, named
		}
	}
	return 0, nil, nil
}

// regexpMatch runs the rule's regular expression at pos.
func regexpMatch(r *fastRule, text []rune, pos int) ([]string, map[string]string) {
	m, err := r.Regexp.FindRunesMatchStartingAt(text, pos)
	if m == nil || err != nil || m.RuneIndex != pos {
		return nil, nil
	}
	if r.wholeMatchOnly {
		return []string{m.String()}, nil
	}
	all := m.Groups()
	groups := make([]string, len(all))
	named := make(map[string]string, len(all))
	for j, g := range all {
		groups[j] = g.String()
		named[g.Name] = groups[j]
	}
	return groups, named
}

// drain emits the tokens of pending iterators, innermost first, and
// returns the emptied stack.
func drain(pending []chroma.Iterator, emit func(chroma.Token)) []chroma.Iterator {
	for len(pending) > 0 {
		n := len(pending) - 1
		t := pending[n]()
		switch {
		case t == chroma.EOF:
			pending = pending[:n]
		case t.Type != chroma.Ignore:
			emit(t)
		}
	}
	return pending
}

// coalescer joins consecutive tokens of one type and drops empty ones.
type coalescer struct {
	emit func(chroma.Token)
	prev chroma.Token
	has  bool
}

// maxJoinedToken is where chroma.Coalesce stops joining tokens.
const maxJoinedToken = 8192

func (c *coalescer) add(t chroma.Token) {
	if t.Value == "" {
		return
	}
	if c.has && c.prev.Type == t.Type && len(c.prev.Value) < maxJoinedToken {
		c.prev.Value += t.Value
		return
	}
	c.flush()
	c.prev, c.has = t, true
}

func (c *coalescer) flush() {
	if c.has {
		c.emit(c.prev)
		c.has = false
	}
}
