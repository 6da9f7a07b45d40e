// Command koans is the koan master: it runs the koans of Go Concurrency
// Koans in curriculum order and tells you where you stand on the path.
//
// Run it from anywhere inside the repository, as a tool of the module:
//
//	go tool koans              run the path, stop at the first failing koan, explain it
//	go tool koans -json        the same verdict as one JSON object on the last line
//	go tool koans hint         a hint for the current koan; ask again for a stronger one
//	go tool koans TestName     a look ahead: that koan judged alone (or a concept: 05_waitgroup);
//	                           your place on the path stays (hint TestName: its hints)
//	go tool koans watch        run again on every save; keys h hint, l list, r run, q quit
//	go tool koans list [-run] [-json]
//	                           the map of the path: every koan, passed, current or not yet,
//	                           as the last walk judged it (-run and -json judge every koan now)
//	go tool koans stats [-json]
//	                           your journal (.koans/journal.jsonl) summed up: time per concept,
//	                           the hardest koans, the commonest ways to fail, hints asked
//	go tool koans solution [KOAN]
//	                           a passed koan's reference solution against your own (the last passed if none named)
//	go tool koans reset [-y] KOAN|FILE
//	                           restore a koan's file as shipped, keeping yours in .koans/backups
//	go tool koans lang [-y] zh|en
//	                           the comments of your koan files (each koan's lesson, the prompts
//	                           beside its blanks) in Chinese, or back in English byte for byte;
//	                           the code and your answers stay, and so does every line number
//	go tool koans grade [-shipped DIR|TAR.GZ] [-result FILE] [-markdown]
//	                           for instructors: one point per koan passed within the rules, concept by
//	                           concept; -shipped compares with the teacher's copy (a directory or a
//	                           .tar.gz), -result writes Classroom 50's result.json; exit status 0
//	                           whatever the points
//	go tool koans class [-html FILE] [-csv FILE] [-json FILE] [-anonymize] PATH...
//	                           for instructors: where the learners get stuck, per koan and per learner,
//	                           from result.json files, journals or a folder of clones
//	go tool koans verify [-koan NAME] [-json]
//	                           for instructors: every koan fails for its reason, every solution passes
//	go tool koans stress       solutions 50 times at -cpu 1,2,4,8, koans judged 10 times: flakes by koan
//	go tool koans mutate       take each line of synchronisation out of the solutions: the koan must fail, 3 runs of 3
//	go tool koans adversary [-koan NAME] [-gated] [-json]
//	                           the wrong answers a learner would try, declared and generic: each fails in every run
//
// The -json verdict is a stable contract:
//
//	{"status":"failing","concept":"02_channels","koan":"TestAChannelCarriesAValueBetweenGoroutines",
//	 "file":"koans/02_channels/a_unbuffered_test.go","line":18,"kind":"blank",
//	 "message":"...","passed":11,"total":200, ...}
//
// status is "failing" or "enlightened"; kind is one of blank, assert, race,
// leak, deadlock, panic, fatal, compile, vet, timeout, missing, skipped.
// Fields may be added, never renamed or dropped.
//
// The runner speaks Chinese when KOANS_LANG=zh, or when the locale
// (LC_ALL, LC_MESSAGES, LANG, LANGUAGE) starts with zh; KOANS_LANG=en
// forces English. The -json verdict's field names and kinds stay the same;
// its message and details are in that language.
//
// Exit status: 0 when the path is complete, 1 while a koan fails, 2 when
// the runner itself cannot work (not inside the course, go missing, ...),
// 130 when interrupted (Ctrl-C), which prints nothing more and remembers
// nothing of the run.
package main
