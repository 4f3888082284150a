module github.com/peacediff/peacediff

go 1.26.8

require (
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/sergi/go-diff v1.4.0 // indirect
	honnef.co/go/js/dom/v2 v2.0.0-20250304181735-b5e52f05e89d // indirect
)
