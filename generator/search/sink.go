package search

// sink carries files from the producing goroutines to the one that calls
// emit, and tells the producers to stop when emit fails.
type sink struct {
	files chan File
	stop  chan struct{}
}

func newSink() *sink {
	return &sink{files: make(chan File, 32), stop: make(chan struct{})}
}

// send hands f over; it reports false once the consumer has stopped.
func (s *sink) send(f File) bool {
	select {
	case s.files <- f:
		return true
	case <-s.stop:
		return false
	}
}

// stopped reports whether the consumer has stopped.
func (s *sink) stopped() bool {
	select {
	case <-s.stop:
		return true
	default:
		return false
	}
}

// drain calls emit for every file until the channel is closed. After the
// first error it stops the producers, keeps draining and returns that error.
func (s *sink) drain(emit func(File) error) error {
	var first error
	for f := range s.files {
		if first != nil {
			continue
		}
		if first = emit(f); first != nil {
			close(s.stop)
		}
	}
	return first
}
