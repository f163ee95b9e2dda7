package serve

import (
	"embed"
	"net/http"
)

//go:embed assets/reload.js assets/overlay.css
var assets embed.FS

// assetHandler serves one embedded file of the live-reload client.
func assetHandler(name, ctype string) http.Handler {
	data, err := assets.ReadFile("assets/" + name)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err != nil {
			http.Error(w, "missing asset", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(data)
	})
}
