package cmdline

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		err  string
	}{
		{`pass show miniflux`, []string{"pass", "show", "miniflux"}, ""},
		{`cat "/a dir/f" 'x y'`, []string{"cat", "/a dir/f", "x y"}, ""},
		{`security find -w -s a\ b`, []string{"security", "find", "-w", "-s", "a b"}, ""},
		{`"/opt/My Browser/bin" --new-tab '%u'`, []string{"/opt/My Browser/bin", "--new-tab", "%u"}, ""},
		{`echo a\ b`, []string{"echo", "a b"}, ""},
		{`firefox '%u`, nil, "unclosed quote"},
		{`   `, nil, "empty command"},
	}
	for _, tt := range tests {
		got, err := Split(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Split(%q) error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Split(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
