# --format json gives the same diagnostics to machines (on stdout for
# check); explain of a value whose evaluation fails reports the error and
# exits 1; an unknown site is a usage error with a did-you-mean.
$ check --format json explain-json.site
{
  "errors": 1,
  "warnings": 0,
  "diagnostics": [
    {
      "severity": "error",
      "code": "E0505",
      "slug": "division-by-zero",
      "message": "division by zero",
      "file": "explain-json.site",
      "line": 6,
      "column": 11,
      "end_line": 6,
      "end_column": 28,
      "notes": [
        {
          "message": "in 2 sites: paris-01, paris-02"
        }
      ]
    }
  ]
}
[1]
$ explain --fleet explain-json.site --format json paris-01 ratio
{
  "errors": 1,
  "warnings": 0,
  "diagnostics": [
    {
      "severity": "error",
      "code": "E0505",
      "slug": "division-by-zero",
      "message": "division by zero",
      "file": "explain-json.site",
      "line": 6,
      "column": 11,
      "end_line": 6,
      "end_column": 28,
      "notes": [
        {
          "message": "in site paris-01"
        }
      ]
    }
  ]
}
[1]
$ explain --fleet explain-json.site paris-01 ratio
explain-json.site:6:11: error[E0505]: division by zero
 6 |   ratio = 100 / (port - 80)
   |           ^~~~~~~~~~~~~~~~~
  = note: in site paris-01
[1]
$ explain --fleet explain-json.site paris-1 port
sitec: no site is called 'paris-1' in explain-json.site; did you mean 'paris-01'?
Try 'sitec explain --help'.
[2]
