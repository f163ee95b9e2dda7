package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
)

// treeFrom turns fuzz bytes into a small tree of slash paths: each byte
// picks a path from a fixed set of names and depths, so trees overlap.
func treeFrom(data []byte, tag string) map[string]string {
	names := []string{"a", "b", "index.html", "c.txt"}
	out := map[string]string{}
	for i := 0; i+1 < len(data); i += 2 {
		x, depth := data[i], int(data[i+1]%3)
		p := names[int(x)%len(names)]
		for d := 0; d < depth; d++ {
			x /= 4
			p = names[int(x)%len(names)] + "/" + p
		}
		out[p] = fmt.Sprintf("%s %d", tag, i)
	}
	return out
}

// placeable drops the paths of files that are in the way of another
// path's folder (a file "a" and a file "a/b" cannot both exist).
func placeable(files map[string]string, taken map[string]string) map[string]string {
	out := map[string]string{}
	for p, data := range files {
		if clashes(p, taken) || clashes(p, out) {
			continue
		}
		out[p] = data
	}
	return out
}

func clashes(p string, files map[string]string) bool {
	for q := range files {
		if q == p || len(q) > len(p) && q[:len(p)+1] == p+"/" || len(p) > len(q) && p[:len(q)+1] == q+"/" {
			return true
		}
	}
	return false
}

// publish commits one build of files into dest, staged or in place.
func publish(t *testing.T, dest string, inPlace bool, ops fsOps, files map[string]string) error {
	w, err := begin(dest, inPlace, ops)
	if err != nil {
		return err
	}
	writeAll(t, w, files)
	_, err = w.Commit()
	return err
}

// FuzzPublish publishes a random new build over a random previous build
// with random hand-placed files, staged or in place (the live preview),
// with the n-th rename failing (or none):
// a hand-placed file is never lost or changed; on success the destination
// is the new build plus the hand-placed files, on failure it is as it was.
func FuzzPublish(f *testing.F) {
	f.Add([]byte{1, 0, 2, 1}, []byte{3, 2}, []byte{1, 0, 5, 1}, 255, false)
	f.Add([]byte{0, 0}, []byte{0, 1}, []byte{1, 2}, 0, false)
	f.Add([]byte{}, []byte{7, 2, 9, 1}, []byte{}, 1, false)
	f.Add([]byte{1, 0, 2, 1}, []byte{3, 2}, []byte{1, 0, 5, 1}, 2, true)
	f.Fuzz(func(t *testing.T, prevB, foreignB, nextB []byte, failAt int, inPlace bool) {
		dest := filepath.Join(t.TempDir(), "public")
		prev := placeable(treeFrom(prevB, "prev"), nil)
		if err := build(t, dest, realOps, prev); err != nil {
			t.Fatal(err)
		}
		foreign := placeable(treeFrom(foreignB, "hand"), prev)
		for p, data := range foreign {
			full := filepath.Join(dest, filepath.FromSlash(p))
			os.MkdirAll(filepath.Dir(full), 0o755)
			if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
				t.Skip("path in the way of the previous build's folders")
			}
		}
		before := snapshot(t, dest)
		next := placeable(treeFrom(nextB, "next"), nil)
		count := 0
		ops := realOps
		ops.rename = failingRename(failAt%16, &count)
		err := publish(t, dest, inPlace, ops, next)
		got := snapshot(t, dest)
		noStaging(t, dest)
		for p, data := range foreign {
			if got[p] != data {
				t.Fatalf("hand-placed %s = %q after publish (err %v); want %q", p, got[p], err, data)
			}
		}
		if err != nil {
			if !errors.Is(err, syscall.EXDEV) && !errors.Is(err, ErrOverwrite) {
				t.Fatalf("unexpected error %v", err)
			}
			if !reflect.DeepEqual(got, before) {
				t.Fatalf("failed publish (%v) changed the destination\n got %v\nwant %v", err, got, before)
			}
			return
		}
		want := map[string]string{}
		for p, data := range next {
			want[p] = data
		}
		for p, data := range foreign {
			want[p] = data
		}
		delete(got, Marker)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("destination\n got %v\nwant new build + hand-placed files %v", got, want)
		}
	})
}
