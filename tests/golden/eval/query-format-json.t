# `query --format json` prints the value as usual and diagnostics as one
# JSON document.
$ query --format json --fleet query-format-json.site s 'len(name)'
1
{
  "errors": 0,
  "warnings": 0,
  "diagnostics": []
}
$ query --format json --fleet query-format-json.site s bad
{
  "errors": 1,
  "warnings": 0,
  "diagnostics": [
    {
      "severity": "error",
      "code": "E0504",
      "slug": "type-mismatch",
      "message": "len(x): argument 1 must be a string, a list or an object, not an int",
      "file": "query-format-json.site",
      "line": 3,
      "column": 13,
      "end_line": 3,
      "end_column": 15
    }
  ]
}
[1]
