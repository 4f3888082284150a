package assets

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/peacediff/peacediff/diff/html/style"
	"github.com/peacediff/peacediff/examples/plans"
)

// Package is the import path of the viewer's main package, the one [Build] compiles.
const Package = "github.com/peacediff/peacediff/wasm/cmd/peacediff"

// The names of the files [Build] and [WriteDemo] write.
const (
	WasmFile   = "peacediff.wasm"
	ExecFile   = "wasm_exec.js"
	LoaderFile = "peacediff.js"
	CSSFile    = "peacediff.css"
	DemoFile   = "index.html"
)

//go:embed peacediff.js index.html
var files embed.FS

// Loader returns the loader script, peacediff.js.
func Loader() []byte { return mustRead("peacediff.js") }

// DemoPage returns the demonstration page, index.html. It expects the
// bundled plans in a plans/ folder beside it, as [WriteDemo] writes them.
func DemoPage() []byte { return mustRead("index.html") }

func mustRead(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("assets: " + name + " is not embedded: " + err.Error())
	}
	return b
}

// Build compiles the viewer and writes the four deployable files into dir,
// creating it if needed. The wasm file is built with the go command on PATH
// (GOOS=js GOARCH=wasm, -trimpath, -ldflags="-s -w"), and wasm_exec.js is
// copied from that toolchain's GOROOT, so the two always agree. Build must
// run inside this module or a module that requires it.
func Build(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("assets: %w", err)
	}
	if err := buildWasm(filepath.Join(dir, WasmFile)); err != nil {
		return err
	}
	return WriteStatic(dir)
}

// WriteStatic writes the three files of [Build] that need no compiling:
// wasm_exec.js, peacediff.js and peacediff.css.
func WriteStatic(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("assets: %w", err)
	}
	execJS, err := wasmExec()
	if err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		data []byte
	}{
		{ExecFile, execJS},
		{LoaderFile, Loader()},
		{CSSFile, []byte(style.CSS)},
	} {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
			return fmt.Errorf("assets: %w", err)
		}
	}
	return nil
}

// WriteDemo writes the demonstration page index.html into dir and the
// bundled plans into dir/plans, one id.txt file each. Together with the
// files of [Build] the folder is a complete static site.
func WriteDemo(dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
		return fmt.Errorf("assets: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, DemoFile), DemoPage(), 0o644); err != nil {
		return fmt.Errorf("assets: %w", err)
	}
	for _, id := range plans.IDs() {
		b, err := plans.Text(id)
		if err != nil {
			return fmt.Errorf("assets: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "plans", id+".txt"), b, 0o644); err != nil {
			return fmt.Errorf("assets: %w", err)
		}
	}
	return nil
}

func buildWasm(out string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return fmt.Errorf("assets: %w", err)
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", abs, Package)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("assets: building %s: %w\n%s", Package, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// wasmExec reads wasm_exec.js from the local Go toolchain: lib/wasm since
// Go 1.24, misc/wasm before.
func wasmExec() ([]byte, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("assets: go env GOROOT: %w", err)
	}
	root := strings.TrimSpace(string(out))
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("assets: %w", err)
		}
	}
	return nil, fmt.Errorf("assets: no wasm_exec.js under GOROOT %s", root)
}
