package trace

// fold folds rows that repeat: a group of up to maxGroup rows seen again
// right after itself is kept once, its first row saying how many times it
// came (a loop's sends and receives). Times stay those of the first time.
func fold(rows []Row) []Row {
	const maxGroup = 6
	var out []Row
	for i := 0; i < len(rows); {
		best, times := 1, 1
		for p := 1; p <= maxGroup && i+2*p <= len(rows); p++ {
			k := 1
			for i+(k+1)*p <= len(rows) && sameRows(rows[i:i+p], rows[i+k*p:i+(k+1)*p]) {
				k++
			}
			if k > 1 && k*p > best*times {
				best, times = p, k
			}
		}
		group := rows[i : i+best]
		if times > 1 {
			group[0].Times, group[0].Group = times, best
		}
		out = append(out, group...)
		i += best * times
	}
	return out
}

func sameRows(a, b []Row) bool {
	for i := range a {
		x, y := a[i], b[i]
		if x.Kind != y.Kind || x.Lane != y.Lane || x.Peer != y.Peer || x.Wait != y.Wait || x.Loc != y.Loc || x.Kind == Start {
			return false
		}
	}
	return true
}
