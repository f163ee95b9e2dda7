package site

import (
	"slices"
	"testing"
)

func TestPagerNumbers(t *testing.T) {
	cases := []struct {
		n, total int
		want     []int // 0 is a gap
	}{
		{1, 1, []int{1}},
		{1, 2, []int{1, 2}},
		{1, 7, []int{1, 2, 3, 0, 7}},
		{4, 7, []int{1, 2, 3, 4, 5, 6, 7}},
		{5, 9, []int{1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{6, 12, []int{1, 0, 4, 5, 6, 7, 8, 0, 12}},
		{12, 12, []int{1, 0, 10, 11, 12}},
		{1, 67, []int{1, 2, 3, 0, 67}},
		{5, 67, []int{1, 2, 3, 4, 5, 6, 7, 0, 67}},
	}
	for _, c := range cases {
		if got := PagerNumbers(c.n, c.total, 2); !slices.Equal(got, c.want) {
			t.Errorf("PagerNumbers(%d, %d) = %v, want %v", c.n, c.total, got, c.want)
		}
	}
}
