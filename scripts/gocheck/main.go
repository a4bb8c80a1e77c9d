// gocheck answers as Go does, for the tests: it is how they check that the library's validation
// and YAML match what the Go programs (registry, docker_auth) accept and read.
//
//	gocheck duration   each stdin line (a JSON string) -> "ok <nanoseconds> <as Go prints it>" or "err <message>" (time.ParseDuration, Duration.String)
//	gocheck regexp     each stdin line (a JSON string) -> "ok" or "err <message>" (regexp.Compile)
//	gocheck yaml FILE  the file decoded by gopkg.in/yaml.v2 (what the registry uses), printed as JSON
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"time"

	"gopkg.in/yaml.v2"
)

func main() {
	if len(os.Args) < 2 {
		fail("usage: gocheck duration|regexp|yaml FILE")
	}
	switch os.Args[1] {
	case "duration", "regexp":
		lines(os.Args[1])
	case "yaml":
		if len(os.Args) != 3 {
			fail("usage: gocheck yaml FILE")
		}
		data, err := os.ReadFile(os.Args[2])
		if err != nil {
			fail(err.Error())
		}
		var v interface{}
		if err := yaml.Unmarshal(data, &v); err != nil {
			fail("yaml: " + err.Error())
		}
		out, err := json.Marshal(plain(v))
		if err != nil {
			fail("json: " + err.Error())
		}
		fmt.Println(string(out))
	default:
		fail("unknown command " + os.Args[1])
	}
}

func lines(kind string) {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	for in.Scan() {
		var s string
		if err := json.Unmarshal(in.Bytes(), &s); err != nil {
			fail("input: " + err.Error())
		}
		var err error
		var d time.Duration
		if kind == "duration" {
			d, err = time.ParseDuration(s)
		} else {
			_, err = regexp.Compile(s)
		}
		switch {
		case err != nil:
			fmt.Println("err", err.Error())
		case kind == "duration":
			fmt.Println("ok", int64(d), d.String())
		default:
			fmt.Println("ok")
		}
	}
}

// plain turns yaml.v2's map[interface{}]interface{} into JSON-encodable maps, keeping scalar
// types as yaml.v2 decoded them (that is the point: a bool stays a bool).
func plain(v interface{}) interface{} {
	switch t := v.(type) {
	case map[interface{}]interface{}:
		m := make(map[string]interface{}, len(t))
		for k, val := range t {
			m[fmt.Sprint(k)] = plain(val)
		}
		return m
	case []interface{}:
		for i := range t {
			t[i] = plain(t[i])
		}
		return t
	default:
		return v
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "gocheck:", msg)
	os.Exit(2)
}
