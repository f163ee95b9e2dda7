package pipeline

import (
	"errors"
	"hash/maphash"

	"github.com/playbookhq/playbook/generator/diag"
)

// hashSeed seeds the hashes of output files: they are compared within one
// process only (the live preview's builds), never stored.
var hashSeed = maphash.MakeSeed()

// HashBytes is the hash of an output file's bytes kept between builds.
func HashBytes(data []byte) uint64 { return maphash.Bytes(hashSeed, data) }

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
