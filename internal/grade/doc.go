// Package grade tells whether a koan was passed within the rules: the
// learner changed nothing but its blanks. A koan passed by deleting its
// assertion, by rewriting it into one that always holds, or by changing the
// code it examines has not been learnt, and earns no grade.
//
// The rule is verify's mirror rule, applied to the learner's work against
// the koans as shipped (found by internal/shipped): every line of a koan
// that differs from the shipped one held a blank there, and where the
// blank sits inside code only the blank changed (see Allowed). Lines may
// not be added or deleted inside a koan. Outside the koans, a concept's
// code (helpers, types, TestMain) is what its koans examine: a change
// there, a file added or a file deleted, takes the grade of every koan of
// the concept, except on a shipped blank line.
package grade
