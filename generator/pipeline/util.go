package pipeline

import (
	"errors"
	"hash/fnv"

	"github.com/playbookhq/playbook/generator/diag"
)

// HashBytes is the hash of an output file's bytes kept between builds (FNV-1a).
func HashBytes(data []byte) uint64 {
	h := fnv.New64a()
	h.Write(data)
	return h.Sum64()
}

// withFile turns an error from a stage into a diagnostic naming file.
func withFile(err error, file string) *diag.Diagnostic {
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		c := *d
		if c.Pos.File == "" {
			c.Pos.File = file
		}
		return &c
	}
	return diag.Errorf(diag.Pos{File: file}, "%w", err)
}

// asDiag keeps a diagnostic as it is and wraps any other error.
func asDiag(err error) *diag.Diagnostic {
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		return d
	}
	return diag.Errorf(diag.Pos{}, "%w", err)
}
