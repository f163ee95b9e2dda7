package watch

import (
	"context"
	"time"
)

// coalesce reads changes from in (stamped by their source with clock's
// time), groups them with b and sends each due
// batch on out. While the receiver is busy (rebuilding), changes keep
// joining the pending batch, so a rebuild is never started twice for one
// change. When in is closed, whatever is pending is sent at once and out is
// closed.
func coalesce(ctx context.Context, in <-chan change, out chan<- Batch, b *Batcher, clock Clock) {
	defer close(out)
	var ready *Batch // built once the batch is due, cleared by any new change
	for {
		var timer <-chan time.Time
		var send chan<- Batch
		var batch Batch
		if d, ok := b.Deadline(); ok {
			if now := clock.Now(); now.Before(d) {
				timer = clock.After(d.Sub(now))
			} else {
				if ready == nil {
					ready = &Batch{}
					*ready = b.peek()
				}
				send, batch = out, *ready
			}
		}
		select {
		case c, ok := <-in:
			if !ok {
				flush(ctx, b, out)
				return
			}
			b.Add(c, c.at)
			ready = nil
		case <-timer:
		case send <- batch:
			b.Take()
			ready = nil
		case <-ctx.Done():
			return
		}
	}
}

// flush sends the pending batch, if any, unless ctx is done first.
func flush(ctx context.Context, b *Batcher, out chan<- Batch) {
	if b.Empty() {
		return
	}
	select {
	case out <- b.Take():
	case <-ctx.Done():
	}
}

// peek returns the pending batch without emptying the batcher.
func (b *Batcher) peek() Batch {
	saved, all := b.pending, b.all
	batch := b.Take()
	b.pending, b.all = saved, all
	return batch
}
