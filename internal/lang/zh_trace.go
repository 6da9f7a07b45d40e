package lang

import "maps"

// The Chinese of issue 25's words (make trace: a koan's goroutines drawn
// over time; make prove: a koan run many times), kept apart from zh.go so
// that branches that add words elsewhere merge.
func init() { maps.Copy(chinese, traceChinese) }

var traceChinese = map[string]string{
	// cmd/koans: the two commands
	"run the current koan once with the runtime trace on and draw its goroutines over time": "打开运行时 trace 把当前 koan 运行一次，按时间画出它的各个 goroutine",
	"run a koan many times at -cpu 1,2,4,8 under -race: one green run proves little":        "在 -race 下以 -cpu 1,2,4,8 把一个 koan 运行很多次：通过一次说明不了什么",
	"the koan to draw (its test name); the current koan if none":                            "要画的 koan（它的测试函数名）；不指定就画当前的 koan",
	"also write the picture as one self-contained HTML page to this file":                   "同时把这幅图写成一个自包含的 HTML 页面，存到这个文件",
	"koans: %s did not run, so there is no trace to draw: `%s` says why.\n":                 "koans：%s 没有运行，所以没有 trace 可画：`%s` 会说明原因。\n",
	"koans: cannot draw %s: %v\n":                                                                   "koans：无法画出 %s：%v\n",
	"\nThe koan passed in this run.\n":                                                              "\n这个 koan 在这次运行中通过了。\n",
	"\nThe koan failed in this run: `%s` says why.\n":                                               "\n这个 koan 在这次运行中失败了：`%s` 会说明原因。\n",
	"The picture is in %s too: open it in a browser.\n":                                             "这幅图也写到了 %s：用浏览器打开它。\n",
	"every koan passes: name one with -koan TestName":                                               "所有 koan 都通过了：用 -koan TestName 指定一个",
	"the koan (its test name) or the concept (05_waitgroup) to prove; the last koan passed if none": "要检验的 koan（测试函数名）或概念（05_waitgroup）；不指定就检验最近通过的那个 koan",
	"runs at each -cpu setting":                                                                     "每个 -cpu 设置下运行的次数",
	"the -cpu settings, comma-separated":                                                            "-cpu 的各个设置，用逗号分隔",
	"%s: %d runs at each -cpu setting, under the race detector, each run a process of its own.\n":   "%s：每个 -cpu 设置下运行 %d 次，开着竞态检测器，每次运行都是一个单独的进程。\n",
	"-n must be at least 1":                                                                         "-n 至少是 1",
	"-cpu wants numbers, as in 1,2,4,8: %q":                                                         "-cpu 需要数字，比如 1,2,4,8：%q",
	"  -cpu %-2d %d of %d passed":                                                                   "  -cpu %-2d %[3]d 次中通过 %[2]d 次",
	"   (first failed in run %d)":                                                                   "   （第 %d 次运行首次失败）",
	"Every run passed. That is evidence, not proof: a race that never happened here may still happen elsewhere, and only synchronisation rules it out.\n": "每次运行都通过了。这是证据，不是证明：在这里从没发生的数据竞争，换个地方仍可能发生，只有同步才能排除它。\n",
	"\nThe first failing run (%s at -cpu %d, run %d) printed:\n":                                                                                          "\n第一次失败的运行（%s，-cpu %d，第 %d 次）输出了：\n",
	"  ... (%d lines more)\n":                "  ……（还有 %d 行）\n",
	"(all of it is in %s)\n":                 "（完整输出在 %s）\n",
	"the koans' package does not build:\n%s": "koan 的包编译不通过：\n%s",

	// internal/render: the verdict's pointers at make trace and make prove
	"See the run: `go tool koans trace` draws the koan's goroutines over time.":                              "看看这次运行：`go tool koans trace` 会按时间画出这个 koan 的各个 goroutine。",
	"See the run: `make trace` draws the koan's goroutines over time.":                                       "看看这次运行：`make trace` 会按时间画出这个 koan 的各个 goroutine。",
	"%s is green once. `go tool koans prove -koan %s` runs it 20 times at -cpu 1,2,4,8: does it stay green?": "%s 通过了一次。`go tool koans prove -koan %s` 会在 -cpu 1,2,4,8 下各运行它 20 次：它能一直通过吗？",
	"%s is green once. `make prove KOAN=%s` runs it 20 times at -cpu 1,2,4,8: does it stay green?":           "%s 通过了一次。`make prove KOAN=%s` 会在 -cpu 1,2,4,8 下各运行它 20 次：它能一直通过吗？",

	// internal/trace: reading the trace
	"%w: the trace holds no goroutine's events (did the test binary end before it wrote its trace?)":                                                       "%w：trace 里没有任何 goroutine 的事件（测试程序是不是在写出 trace 之前就结束了？）",
	"%w: %v (the trace reader, a copy of golang.org/x/exp/trace, reads the traces of Go 1.11 to 1.27: a newer Go may write a format it does not know yet)": "%w：%v（trace 的读取器是 golang.org/x/exp/trace 的一份副本，能读 Go 1.11 到 1.27 的 trace：更新的 Go 可能写出它还不认识的格式）",

	// internal/trace: the picture
	"The koan's %d goroutines, in the order things happened (not drawn: %d of the runtime and of testing).": "这个 koan 的 %d 个 goroutine，按事情发生的先后顺序画出（运行时和 testing 的 %d 个没有画）。",
	"race: one of the koan's goroutines %s": "数据竞争：这个 koan 的某个 goroutine %s",
	"It ran in a synctest bubble: the times beside the rows are the real clock's; the bubble's fake clock is not in the trace, its order is.": "它运行在 synctest 气泡里：每行旁边的时间是真实时钟的；气泡的假时钟不在 trace 里，但事情的先后顺序在。",
	"the test's own goroutine": "测试自己的 goroutine",
	"the function the synctest bubble runs, in a goroutine of its own (bubble started by G%d)": "synctest 气泡运行的函数，在它自己的 goroutine 里（气泡由 G%d 启动）",
	"started by G%d at %s": "由 G%d 在 %s 启动",
	"started at %s":        "在 %s 启动",
	"(G%d and the lanes after it share the last column)": "（G%d 及其后的泳道共用最后一列）",
	"(the %d rows above, %d times in a row)":             "（以上 %d 行，接连重复 %d 次）",
	"(the %d rows from here, %d times in a row)":         "（从这里起的 %d 行，接连重复 %d 次）",
	"G%d starts": "G%d 开始",
	"G%d starts in the bubble, started by synctest.Test for G%d": "G%d 在气泡里开始运行，由 synctest.Test 为 G%d 启动",
	"G%d starts G%d": "G%d 启动 G%d",
	"G%d waits: %s":  "G%d 等待：%s",
	"synctest wakes G%d: all of the bubble waits, and nothing can wake it (deadlock)": "synctest 唤醒 G%d：整个气泡都在等待，而且没有谁能唤醒它（死锁）",
	"synctest wakes G%d: all of the bubble waits, so its fake clock jumps ahead":      "synctest 唤醒 G%d：整个气泡都在等待，于是它的假时钟向前跳",
	"a timer wakes G%d":                                               "一个定时器唤醒 G%d",
	"the bubble is done: synctest wakes G%d":                          "气泡结束了：synctest 唤醒 G%d",
	"the runtime wakes G%d":                                           "运行时唤醒 G%d",
	"G%d wakes G%d: the fake clock reached the end of its sleep":      "G%d 唤醒 G%d：假时钟走到了它睡眠结束的时刻",
	"G%d wakes G%d":                                                   "G%d 唤醒 G%d",
	"G%d wakes G%d: %s":                                               "G%d 唤醒 G%d：%s",
	"G%d still running at the end":                                    "G%d 到最后仍在运行",
	"G%d returns":                                                     "G%d 返回",
	"G%d still blocked at the end: %s":                                "G%d 到最后仍然阻塞：%s",
	"race: G%d %s":                                                    "数据竞争：G%d %s",
	"The wait-for cycle (as the verdict names it):":                   "等待环（与判定中说的相同）：",
	"G%d waits at %s (%s), for G%d":                                   "G%d 在 %s 等待（%s），等的是 G%d",
	"and so round again: none of them can go on.":                     "如此循环往复：它们谁也走不下去。",
	"send on a channel":                                               "向 channel 发送",
	"receive from a channel":                                          "从 channel 接收",
	"select with no cases (for ever)":                                 "没有 case 的 select（永远）",
	"a nil channel (for ever)":                                        "nil channel（永远）",
	"a primitive of package sync":                                     "sync 包的某个同步原语",
	"the synctest bubble to finish":                                   "synctest 气泡结束",
	"koan.WaitUntilBlocked (it polls until another goroutine blocks)": "koan.WaitUntilBlocked（它反复查看，直到另一个 goroutine 阻塞）",
	"Cond.Signal or Broadcast":                                        "Cond.Signal 或 Broadcast",
	"reads":                                                           "读",
	"writes":                                                          "写",
	"something the picture does not name":                             "图中没有名字的某种等待",

	// internal/trace: the page
	"The run of %s": "%s 的一次运行",
	"zoom in":       "放大",
	"zoom out":      "缩小",
	"fit":           "适应宽度",
	"The run has %d rows: the picture shows the first %d.": "这次运行有 %d 行：图中只画了前 %d 行。",
}
