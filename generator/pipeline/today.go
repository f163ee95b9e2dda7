package pipeline

import (
	"os"
	"strconv"
	"time"
)

// today is the date the owners directory counts staleness from: the
// SOURCE_DATE_EPOCH environment variable (seconds since 1970, the
// reproducible-builds convention) when set, else now, in UTC.
func today() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now().UTC()
}
