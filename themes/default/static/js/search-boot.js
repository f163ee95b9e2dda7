// Placeholder: the search engineer owns this file (binds #search-input).
