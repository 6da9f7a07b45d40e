package lang

import "maps"

// The Chinese of what issue 20 added to the walk (look ahead, the saved
// map of the path, the koan's own output, the first run's words), kept
// apart from zh.go so that branches that add words elsewhere merge.
func init() { maps.Copy(chinese, walkChinese) }

var walkChinese = map[string]string{
	// cmd/koans: list from the saved standing
	"print the map as one JSON object (runs every concept)":                                         "把地图打印成一个 JSON 对象（会运行所有概念）",
	"run every concept now, rather than show what the last walk judged":                             "现在运行所有概念，而不是显示上一次走路径时的判定",
	"Nothing has been judged here yet: walk the path first, or run `%s` to judge every koan now.\n": "这里还没有判定过任何 koan：先走一遍路径，或者运行 `%s` 现在判定每一个 koan。\n",
	"As judged %s (%s); a koan that walk did not reach shows ·. `%s` judges every koan now.\n":      "以上是上一次判定的结果（%[2]s，%[1]s）；那次没有走到的 koan 显示为 ·。`%[3]s` 会现在判定每一个 koan。\n",
	"just now":    "刚才",
	"%d min ago":  "%d 分钟前",
	"%d h ago":    "%d 小时前",
	"%d days ago": "%d 天前", "unexpected arguments: %v": "多余的参数：%v",
}
