package health

import (
	_ "embed"
	"encoding/json"
	"io"
)

// Schema is the JSON Schema of the report --format json writes.
//
//go:embed schema.json
var Schema []byte

// WriteJSON writes the report as JSON (see Schema), indented.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
