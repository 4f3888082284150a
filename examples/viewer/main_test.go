package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/examples/plans"
)

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "peacediff.js"), []byte("// viewer"), 0o644); err != nil {
		t.Fatal(err)
	}
	us28, err := plans.Text("us-28")
	if err != nil {
		t.Fatal(err)
	}
	var options []string
	for _, id := range plans.IDs() {
		options = append(options, `<option value="`+id+`"`)
	}
	embed := []string{`<link rel="stylesheet" href="peacediff.css">`, `<script src="peacediff.js" defer></script>`}

	tests := []struct {
		reason   string
		versions bool
		path     string
		status   int
		contains []string
		excludes []string
	}{
		{
			reason: "the pair page embeds the viewer as the README says and offers every bundled plan",
			path:   "/", status: 200,
			contains: append(append([]string{`<option value="us-28" selected>`, `<option value="ua-20" selected>`, `id="old-text"`}, embed...), options...),
			excludes: []string{"data-versions"},
		},
		{
			reason:   "the versions page lists every bundled plan, oldest first, in data-versions",
			versions: true, path: "/", status: 200,
			contains: append([]string{`data-versions="plans/` + strings.Join(plans.IDs(), `.txt plans/`) + `.txt"`}, embed...),
			excludes: []string{"<select"},
		},
		{
			reason: "a bundled plan is served as plain text",
			path:   "/plans/us-28.txt", status: 200,
			contains: []string{string(us28)},
		},
		{
			reason: "an unknown plan is a 404, not a crash",
			path:   "/plans/no-such-plan.txt", status: 404,
		},
		{
			reason: "only .txt names are plans",
			path:   "/plans/us-28", status: 404,
		},
		{
			reason: "the viewer's files come from the build directory",
			path:   "/peacediff.js", status: 200,
			contains: []string{"// viewer"},
		},
	}
	for _, tt := range tests {
		h, err := newHandler(dir, tt.versions)
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		res := rec.Result()
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != tt.status {
			t.Errorf("GET %s (versions=%v): status %d, want %d\nreason: %s", tt.path, tt.versions, res.StatusCode, tt.status, tt.reason)
			continue
		}
		for _, s := range tt.contains {
			if !strings.Contains(string(body), s) {
				t.Errorf("GET %s (versions=%v): body lacks %q\nreason: %s", tt.path, tt.versions, s, tt.reason)
			}
		}
		for _, s := range tt.excludes {
			if strings.Contains(string(body), s) {
				t.Errorf("GET %s (versions=%v): body has %q\nreason: %s", tt.path, tt.versions, s, tt.reason)
			}
		}
	}
}
