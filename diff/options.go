package diff

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/peacediff/peacediff/peace"
)

// An Option configures [Compare]. Options are made by [WithLexicon],
// [WithContext], [WithDeadline], [MaxClauses] and [MaxBytes]; an [Options]
// list is itself an Option. Each prints as the call that made it.
type Option interface {
	apply(*config)
	String() string
}

// Options is a list of options applied in order; it is itself an [Option].
type Options []Option

func (o Options) apply(c *config) {
	for _, x := range o {
		if x != nil {
			x.apply(c)
		}
	}
}

// String returns the list as the calls that made it, as in
// "Options{MaxClauses(500), MaxBytes(1048576)}".
func (o Options) String() string {
	var s []string
	for _, x := range o {
		if x != nil {
			s = append(s, x.String())
		}
	}
	return "Options{" + strings.Join(s, ", ") + "}"
}

// Default limits of [Compare]; see [MaxClauses] and [MaxBytes].
const (
	DefaultMaxClauses = 100_000
	DefaultMaxBytes   = 64 << 20
)

// ErrTooLarge is returned, wrapped, by [Compare] when a plan is over a size
// limit set by [MaxClauses] or [MaxBytes].
var ErrTooLarge = errors.New("diff: plan too large")

type config struct {
	lexicon    *peace.Lexicon
	ctx        context.Context
	deadline   time.Time
	maxClauses int
	maxBytes   int
}

func newConfig(opts []Option) config {
	c := config{
		ctx:        context.Background(),
		maxClauses: DefaultMaxClauses,
		maxBytes:   DefaultMaxBytes,
	}
	Options(opts).apply(&c)
	if c.lexicon == nil {
		c.lexicon = defaultLexicon()
	}
	return c
}

// defaultLexicon is shared by every comparison without a lexicon of its
// own: Annotate is safe for concurrent use, and compiling a lexicon costs
// more than comparing two short plans.
var defaultLexicon = sync.OnceValue(peace.DefaultLexicon)

type lexiconOption struct{ l *peace.Lexicon }

func (o lexiconOption) apply(c *config) { c.lexicon = o.l }
func (o lexiconOption) String() string  { return "WithLexicon(...)" }

// WithLexicon makes [Compare] read the facts of clauses with l instead of
// [peace.DefaultLexicon]. A nil l means the default.
func WithLexicon(l *peace.Lexicon) Option { return lexiconOption{l} }

type contextOption struct{ ctx context.Context }

func (o contextOption) apply(c *config) {
	if o.ctx != nil {
		c.ctx = o.ctx
	}
}
func (o contextOption) String() string { return "WithContext(...)" }

// WithContext makes [Compare] stop with the context's error, wrapped, when
// ctx is cancelled or its deadline passes.
func WithContext(ctx context.Context) Option { return contextOption{ctx} }

type deadlineOption struct{ t time.Time }

func (o deadlineOption) apply(c *config) { c.deadline = o.t }
func (o deadlineOption) String() string {
	return "WithDeadline(" + o.t.UTC().Format(time.RFC3339Nano) + ")"
}

// WithDeadline makes [Compare] stop with an error wrapping
// [context.DeadlineExceeded] when the time t passes. Compare never returns
// a partial or degraded result instead: the answer is complete or an error.
func WithDeadline(t time.Time) Option { return deadlineOption{t} }

type maxClausesOption int

func (o maxClausesOption) apply(c *config) { c.maxClauses = int(o) }
func (o maxClausesOption) String() string  { return fmt.Sprintf("MaxClauses(%d)", int(o)) }

// MaxClauses limits the number of clauses, at every level, of each plan
// [Compare] accepts; past it Compare returns an error wrapping
// [ErrTooLarge]. The default is [DefaultMaxClauses]; n <= 0 means no limit.
func MaxClauses(n int) Option { return maxClausesOption(n) }

type maxBytesOption int

func (o maxBytesOption) apply(c *config) { c.maxBytes = int(o) }
func (o maxBytesOption) String() string  { return fmt.Sprintf("MaxBytes(%d)", int(o)) }

// MaxBytes limits the total size in bytes of the clause texts and headings
// of each plan [Compare] accepts; past it Compare returns an error wrapping
// [ErrTooLarge]. The default is [DefaultMaxBytes]; n <= 0 means no limit.
func MaxBytes(n int) Option { return maxBytesOption(n) }
