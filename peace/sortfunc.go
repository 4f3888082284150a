package peace

import (
	"sort"
	"strings"
)

// The helpers below sort like slices.Sort, slices.SortFunc and
// slices.SortStableFunc, in exactly the same order (package sort's pdqsort
// and stable sort are generated from the same template as package slices'),
// but through sort.Sort and sort.Stable. They exist for the size of the
// wasm viewer: every slices sorting instantiation links its own copy of the
// sorting code, 10 to 30 KB each, while sort.Sort's single copy is linked
// anyway (regexp uses it). Sorting []int or []int32 with slices.Sort costs
// nothing extra either: the standard library links those two already.

// funcSorter adapts a slice and a comparison to [sort.Interface].
type funcSorter[T any] struct {
	s   []T
	cmp func(a, b T) int
}

func (f funcSorter[T]) Len() int           { return len(f.s) }
func (f funcSorter[T]) Less(i, j int) bool { return f.cmp(f.s[i], f.s[j]) < 0 }
func (f funcSorter[T]) Swap(i, j int)      { f.s[i], f.s[j] = f.s[j], f.s[i] }

// sortFunc sorts s by cmp, as slices.SortFunc does.
func sortFunc[T any](s []T, cmp func(a, b T) int) { sort.Sort(funcSorter[T]{s, cmp}) }

// sortStableFunc sorts s by cmp keeping equal elements in order, as
// slices.SortStableFunc does.
func sortStableFunc[T any](s []T, cmp func(a, b T) int) { sort.Stable(funcSorter[T]{s, cmp}) }

// sortStrings sorts s in increasing order, as slices.Sort does.
func sortStrings(s []string) { sortFunc(s, strings.Compare) }
