package contexts

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"math"
	"math/bits"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// solve looks for a nonce whose hash starts with at least zeros zero bits,
// as a proof-of-work check does: pure computation, for seconds or for years.
func solve(ctx context.Context, zeros int) (uint64, error) {
	for nonce := uint64(0); nonce < math.MaxUint64 && ctx.Err() == nil; nonce++ {
		if leadingZeros(nonce) >= zeros {
			return nonce, nil
		}
	}
	return 0, ctx.Err() // nil only once every nonce has failed, millennia from now
}

func leadingZeros(nonce uint64) int {
	sum := sha256.Sum256(binary.BigEndian.AppendUint64(nil, nonce))
	return bits.LeadingZeros64(binary.BigEndian.Uint64(sum[:8]))
}

// A context stops nothing by itself: Done is a channel, and only code that
// looks at it notices that it closed. A loop that only computes, and never
// sends, receives or selects, must ask: "If Done is not yet closed, Err
// returns nil", and the reason once it is (https://pkg.go.dev/context#Context).
// Here the caller gives up at its deadline, as it should. Does the search it
// started give up too, or does it burn a core for ever?
func TestALoopWithoutChannelOperationsMustPollErr(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	type answer struct {
		nonce uint64
		err   error
	}
	answers := make(chan answer, 2) // a search that ends late never blocks on its send
	for _, zeros := range []int{8, 64} {
		go func() {
			nonce, err := solve(ctx, zeros)
			answers <- answer{nonce, err}
		}()
	}
	got := <-answers // eight zero bits: a few hundred hashes
	assert.NoError(t, got.err)
	assert.GreaterOrEqual(t, leadingZeros(got.nonce), 8)
	select {
	case got = <-answers: // sixty-four: no machine finds that before the deadline
		assert.ErrorIs(t, got.err, context.DeadlineExceeded)
	case <-ctx.Done(): // the caller does not wait past its deadline
	}
}
