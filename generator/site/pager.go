package site

import (
	"slices"
	"strconv"
)

// PagerURL returns the site path of pager page n (from 1) of the list at
// url: url itself, then url/page/2/, url/page/3/, …
func PagerURL(url string, n int) string {
	if n == 1 {
		return url
	}
	return url + "page/" + strconv.Itoa(n) + "/"
}

// PagerCount returns how many pager pages a list of items needs with size
// items a page: at least one, an empty list has an empty first page.
func PagerCount(items, size int) int {
	return max(1, (items+size-1)/size)
}

// PagerOf returns the pager page (from 1) of list on which p is shown, or
// 0 when list does not hold p.
func PagerOf(list []*Page, p *Page, size int) int {
	i := slices.Index(list, p)
	if i < 0 {
		return 0
	}
	return i/size + 1
}

// PagerNumbers returns the page numbers a pager links to on page n of
// total: 1, total and those within window of n, with a 0 for each gap. A
// gap of a single page is that page's number instead: "…" would take as
// much room.
func PagerNumbers(n, total, window int) []int {
	var nums []int
	last := 0
	for i := 1; i <= total; i++ {
		if i != 1 && i != total && (i < n-window || i > n+window) {
			continue
		}
		switch {
		case i == last+2:
			nums = append(nums, last+1)
		case i > last+2:
			nums = append(nums, 0)
		}
		nums = append(nums, i)
		last = i
	}
	return nums
}
