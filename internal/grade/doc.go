// Package grade tells whether a koan was passed within the rules: the
// learner changed nothing but its blanks, and answered each with something
// that could have failed. A koan passed by deleting its assertion, by
// rewriting it into one that always holds, by changing the code it
// examines, or by answering with what the assertion compares the answer
// with, has not been learnt, and earns no grade.
//
// The line rule is verify's mirror rule, applied to the learner's work
// against the koans as shipped (found by internal/shipped): every line of
// a koan that differs from the shipped one held a blank there, and where
// the blank sits inside code only the blank changed (see Allowed). Lines
// may not be added or deleted inside a koan. Outside the koans, a
// concept's code (helpers, types, TestMain) is what its koans examine: a
// change there, a file added or a file deleted, takes the grade of every
// koan of the concept, except on a shipped blank line.
//
// The answer rule judges each answer that stands in an argument of an
// assertion (assert.X or require.X of testify): assert.Equal(t, __, log)
// answered with log, or with anything computed from log, holds whatever
// the koan does, so it earns no grade. An answer is not graded when:
//
//   - it mentions a variable of what it is compared with: the other
//     arguments of the assertion (t among them) and the rest of its own
//     argument. A variable is any name but a constant or a type the
//     concept declares, a package the file imports, or a predeclared name
//     (true, nil, int64, len); a name the concept also declares as a
//     variable, a function, a parameter or a field is a variable. Field
//     and method names (the Load of n.Load()) are no variables;
//   - it computes again a part of what it is compared with (a call other
//     than a conversion, a receive, an index, a slice, a dereference, a
//     type assertion): []int{3, runtime.GOMAXPROCS(0)} against
//     []int{asked, runtime.GOMAXPROCS(0)};
//   - it holds a function literal, which may do anything, even end the
//     test (t.SkipNow, runtime.Goexit).
//
// On a line that a blank in a comment frees (// __ : one statement is
// missing here), the learner writes the whole line: each argument of an
// assertion there is judged as an answer against the others, and an
// assertion whose arguments are all constants (assert.True(t, true),
// assert.Equal(t, 8000, 8000)) cannot fail either.
//
// So an honest answer is always graded: a literal, a composite of
// literals, a constant, a conversion of one (int64(3)), a package's value
// (time.Second, context.Canceled), or another variable than the one
// compared (top against bottom), which is how every solution of the
// course answers (TestEverySolutionIsWithinTheRules). What the rules
// cannot see: an answer that reaches the compared value by another name
// (a pointer to it, or a variable a freed line assigned), and an answer
// that happens to hold for a wrong reason. Grading catches the honest
// shortcut, not a forger; verify's adversary judges the lessons.
package grade
