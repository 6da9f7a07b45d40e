package class

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// HardestShown is how many koans the page's table of the hardest lists.
const HardestShown = 15

// HTML writes the class view as one self-contained page: no network (its
// Content-Security-Policy forbids it), inline CSS and JavaScript; the
// heatmap is an SVG the script draws from the data in the page.
func (v View) HTML(w io.Writer, title string) error {
	type cell struct {
		Name  string   `json:"name"`
		Cells []string `json:"cells"`
		Runs  []int    `json:"runs"`
	}
	data := struct {
		Koans    []string `json:"koans"`
		Learners []cell   `json:"learners"`
	}{Koans: []string{}, Learners: []cell{}}
	for _, id := range v.Order {
		data.Koans = append(data.Koans, id.String())
	}
	for _, l := range v.Learners {
		data.Learners = append(data.Learners, cell{l.Name, l.Cells, l.Runs})
	}
	js, err := json.Marshal(data)
	if err != nil {
		return err
	}
	hardest := v.Koans[:min(HardestShown, len(v.Koans))]
	return page.Execute(w, map[string]any{
		"Title": title, "View": v, "Hardest": hardest, "Data": template.JS(js),
		"Learners": len(v.Learners), "Koans": len(v.Order),
	})
}

var page = template.Must(template.New("class").Funcs(template.FuncMap{
	"kinds": func(ks []KindCount) string {
		var s []string
		for _, k := range ks {
			s = append(s, fmt.Sprintf("%s (%d)", k.Kind, k.Learners))
		}
		return strings.Join(s, ", ")
	},
	"duration": func(sec float64) string {
		switch {
		case sec == 0:
			return "–"
		case sec < 90:
			return fmt.Sprintf("%.0f s", sec)
		case sec < 5400:
			return fmt.Sprintf("%.0f min", sec/60)
		}
		return fmt.Sprintf("%.1f h", sec/3600)
	},
	"num": num,
	"pct": func(a, b int) int { return a * 100 / max(b, 1) },
}).Parse(pageText))
