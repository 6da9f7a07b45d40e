// Package course is the catalog of the koans: the concepts in curriculum
// order, the koans of each concept in the order go test runs them, and the
// metadata beside them (title, hints, the way each koan fails as shipped).
//
// The koans on disk are the truth about what exists and in which order: a
// concept is a directory koans/NN_name holding _test.go files; its koans are
// the Test functions, files in byte order of name and functions in source
// order, which is the order go test runs them. The catalog (catalog.toml in
// the concept's directory) adds what the code cannot say. A concept without
// a catalog still runs, after its neighbours in directory order, so an
// instructor can drop in a package of their own.
package course
