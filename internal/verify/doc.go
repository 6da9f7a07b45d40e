// Package verify proves that the course is fair: every shipped koan fails,
// and for the reason its catalog names; every solution passes under -race
// with the leak check; koans and solutions mirror each other, differing only
// on the lines that hold a blank; every blank of a koan is needed; no hint
// gives an answer away; and the catalog, the READMEs and the disk agree.
// Its adversary tries the wrong answers a learner would try, declared in
// the catalogs and generic, and requires each to fail in every run.
package verify
