# The first level too deep is named by its path, the whole depth given.
$ query --fleet query-json-too-deep.site s deep
sitec: error[E0518]: site s: EXPR is nested 130 levels deep; JSON output takes at most 127
  = help: JSON is written with yajl, whose limit of nesting is fixed when the library is built; flatten the value, or keep its deep part out of api, os, query output and to_string()
  = note: the first list or object too deep is at EXPR.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a…
[1]
$ query --fleet query-json-too-deep.site s '{ wrapped = [deep] }'
<query>:1:13: error[E0518]: site s: EXPR is nested 132 levels deep; JSON output takes at most 127
 1 | { wrapped = [deep] }
   |             ^~~~~~
  = help: JSON is written with yajl, whose limit of nesting is fixed when the library is built; flatten the value, or keep its deep part out of api, os, query output and to_string()
  = note: the first list or object too deep is at EXPR.wrapped[0].a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a…
[1]
$ query --fleet query-json-too-deep.site s 'to_string(deep)'
<query>:1:11: error[E0518]: to_string(x): argument 1 is nested 130 levels deep; JSON text takes at most 127
 1 | to_string(deep)
   |           ^~~~
  = help: JSON is written with yajl, whose limit of nesting is fixed when the library is built; flatten the value, or keep its deep part out of api, os, query output and to_string()
  = note: in site s
[1]
$ query --fleet query-json-too-deep.site s 'format("x=%v", deep)'
<query>:1:16: error[E0518]: format(fmt, args...): argument 2 is nested 130 levels deep; JSON text takes at most 127
 1 | format("x=%v", deep)
   |                ^~~~
  = help: JSON is written with yajl, whose limit of nesting is fixed when the library is built; flatten the value, or keep its deep part out of api, os, query output and to_string()
  = note: in site s
[1]
$ query --fleet query-json-too-deep.site s fine
[
  [
    [
      1
    ]
  ]
]
$ query --format json --fleet query-json-too-deep.site s deep
{
  "errors": 1,
  "warnings": 0,
  "diagnostics": [
    {
      "severity": "error",
      "code": "E0518",
      "slug": "value-too-deep-for-json",
      "message": "site s: EXPR is nested 130 levels deep; JSON output takes at most 127",
      "help": "JSON is written with yajl, whose limit of nesting is fixed when the library is built; flatten the value, or keep its deep part out of api, os, query output and to_string()",
      "notes": [
        {
          "message": "the first list or object too deep is at EXPR.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a…"
        }
      ]
    }
  ]
}
[1]
