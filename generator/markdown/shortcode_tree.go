package markdown

// scNode is a tag with, when it was closed, its closing tag and the tags
// between the two.
type scNode struct {
	tag   *scTag
	close *scTag
	kids  []*scNode
}

// end returns the offset after the node.
func (n *scNode) end() int {
	if n.close != nil {
		return n.close.end
	}
	return n.tag.end
}

// innerRange returns the source range between the opening and closing
// tags (empty for a tag without a closing one).
func (n *scNode) innerRange() (int, int) {
	if n.close == nil {
		return n.tag.end, n.tag.end
	}
	return n.tag.end, n.close.start
}

// buildTree pairs opening and closing tags (a closing tag closes the
// nearest open tag of its name; tags left open stand alone) and nests
// them. Closing tags without an opening one are returned apart.
func buildTree(tags []scTag) (roots []*scNode, orphans []*scTag) {
	match := make([]int, len(tags))
	var stack []int
	for i := range tags {
		match[i] = -1
		t := &tags[i]
		switch {
		case t.literal != nil || t.selfClose:
		case !t.closing:
			stack = append(stack, i)
		default:
			k := len(stack) - 1
			for k >= 0 && (tags[stack[k]].name != t.name || tags[stack[k]].liquid != t.liquid) {
				k--
			}
			if k < 0 {
				orphans = append(orphans, t)
				continue // left at -1: a node of its own, which prints nothing
			}
			match[stack[k]] = i
			match[i] = -2
			stack = stack[:k]
		}
	}
	roots, _ = nest(tags, match, 0, len(tags))
	return roots, orphans
}

// nest builds the nodes of tags[from:to].
func nest(tags []scTag, match []int, from, to int) ([]*scNode, int) {
	var nodes []*scNode
	for i := from; i < to; i++ {
		if match[i] == -2 {
			continue // a closing tag, matched or not
		}
		n := &scNode{tag: &tags[i]}
		if j := match[i]; j >= 0 {
			n.close = &tags[j]
			n.kids, _ = nest(tags, match, i+1, j)
			i = j
		}
		nodes = append(nodes, n)
	}
	return nodes, to
}
