package standing

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/kind"
)

func twoConcepts() *Standing {
	a := &course.Concept{Name: "01_a"}
	a.Koans = []*course.Koan{{Name: "TestA1", File: "a", Concept: a}, {Name: "TestA2", File: "a", Concept: a}}
	b := &course.Concept{Name: "02_b"}
	b.Koans = []*course.Koan{{Name: "TestB1", File: "b", Concept: b}}
	return New(&course.Course{Concepts: []*course.Concept{a, b}}, []*course.Concept{a, b})
}

// The first failed koan is where the learner stands; the passed ones are
// counted, a race koan not judged is not.
func TestSettleFindsTheFirstFailingKoan(t *testing.T) {
	st := twoConcepts()
	assert.Equal(t, 3, st.Total)
	a, b := st.Concepts[0].Outcomes, st.Concepts[1].Outcomes
	a[0].State = diagnose.Passed
	a[1].State, a[1].Unjudged = diagnose.Passed, true
	b[0].State, b[0].Failure = diagnose.Failed, &diagnose.Failure{Kind: kind.Assert}
	assert.True(t, st.Settle())
	assert.Equal(t, "TestB1", st.Current.Koan.Name)
	assert.Equal(t, "02_b", st.CurrentConcept.Name)
	assert.Equal(t, 1, st.Passed)
	b[0].State = diagnose.Passed
	assert.False(t, st.Settle())
	assert.Nil(t, st.Current)
}

// A koan of a package that ran but that never started itself, with
// nothing failed, is where the learner stands, and its verdict has a kind.
func TestAKoanThatNeverStartedInARunIsWhereTheLearnerStands(t *testing.T) {
	st := twoConcepts()
	st.Concepts[0].Ran = true
	st.Concepts[0].Outcomes[0].State = diagnose.Passed
	assert.True(t, st.Settle())
	assert.Equal(t, "TestA2", st.Current.Koan.Name)
	assert.Equal(t, kind.Fatal, st.Current.Failure.Kind)
	assert.False(t, st.Concepts[0].Failed())
}
