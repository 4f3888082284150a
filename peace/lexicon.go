package peace

// Lexicon is TEMPORARY STUB: replaced by the lexicon work.
type Lexicon struct{}

// DefaultLexicon is a TEMPORARY STUB.
func DefaultLexicon() *Lexicon { return &Lexicon{} }

// Annotate is a TEMPORARY STUB.
func (l *Lexicon) Annotate(c *Clause) Facts { return Facts{} }
