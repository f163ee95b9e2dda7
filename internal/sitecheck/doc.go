// Package sitecheck holds whole-site checks run as tests: it builds the
// repository's sample site, then checks every HTML page with axe-core in
// chromium (light and dark colour schemes, and a phone-width viewport) and
// with html-validate. The Node tools come from the repository's
// package-lock.json (npm ci).
package sitecheck
