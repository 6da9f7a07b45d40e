package koan

import (
	"fmt"

	"github.com/gokoans/concurrency/koan/report"
)

// Blank is the type of the blank __ that a learner replaces with an answer.
//
// A Blank is equal only to another Blank, so a koan that still holds one
// always fails, whatever the right answer is: an unfilled blank can never be
// accidentally right the way a zero value could. Use it where an assertion
// takes any value, as in assert.Equal(t, __, got).
//
// When an assertion prints a Blank, it reads koan.Blank(__ fill in the blank)
// (report.Blank, which the runner looks for).
type Blank struct{}

// GoString is what testify's assertions print (through %#v).
func (Blank) GoString() string { return report.BlankGoString }

// String is what %v prints.
func (Blank) String() string { return "__" }

// IsBlank reports whether v is an unfilled blank.
func IsBlank(v any) bool {
	_, ok := v.(Blank)
	return ok
}

var _ fmt.GoStringer = Blank{}
