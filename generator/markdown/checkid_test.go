package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// TestCheckIDs checks that an item's id depends on its own text only
// (normalised), and that repeats are numbered.
func TestCheckIDs(t *testing.T) {
	var a, b CheckIDs
	first := []string{a.Next("s", "Book the room"), a.Next("s", "Send the invite"), a.Next("s", "Book the room")}
	second := []string{b.Next("s", "  book   the ROOM."), b.Next("s", "Send the invite to everyone"), b.Next("s", "Book the room")}
	if first[0] != second[0] || first[2] != second[2] {
		t.Errorf("editing the second item moved the others' ids: %v then %v", first, second)
	}
	if first[1] == second[1] {
		t.Errorf("an edited item kept its id %q", first[1])
	}
	if first[2] != first[0]+"-2" {
		t.Errorf("a repeated item's id is %q, want %q", first[2], first[0]+"-2")
	}
	if !strings.HasPrefix(first[0], "s") || len(first[0]) > 8 {
		t.Errorf("id %q: want the prefix and a short hash", first[0])
	}
}

// TestTaskCheckIDs checks that task-list check boxes carry their item's id.
func TestTaskCheckIDs(t *testing.T) {
	var buf bytes.Buffer
	res, err := New(Options{}).RenderPage(&buf, []byte("- [ ] Book the room\n- [x] Send the *invite*\n- [ ] Book the room\n"), 1, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids CheckIDs
	for _, text := range []string{"Book the room", "Send the invite", "Book the room"} {
		if want := `data-check="` + ids.Next("t", text) + `"`; !strings.Contains(buf.String(), want) {
			t.Errorf("no %s in\n%s", want, buf.String())
		}
	}
	if res.Tasks != 3 {
		t.Errorf("Tasks = %d, want 3", res.Tasks)
	}
}
