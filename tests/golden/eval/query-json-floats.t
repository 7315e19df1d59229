# query prints 0.1 as 0.1 beside a float that needs 17 digits, as the
# bundle's JSON files do; to_string and format %v write the same text.
$ query --fleet query-json-floats.site s '[0.1, 1.0000000000000002]'
[
  0.1,
  1.0000000000000002
]
$ query --fleet query-json-floats.site s fractions
[
  0.1,
  1.0000000000000002,
  0.30000000000000004,
  2.5
]
$ query --fleet query-json-floats.site s 'to_string(fractions)'
"[0.1,1.0000000000000002,0.30000000000000004,2.5]"
$ query --fleet query-json-floats.site s 'format("%v", { f = fractions })'
"{\"f\":[0.1,1.0000000000000002,0.30000000000000004,2.5]}"
$ query --fleet query-json-floats.site s '[1e300, 1.5e-7, 100.0, -0.0, 5e-324]'
[
  1e300,
  1.5e-7,
  100.0,
  -0.0,
  5e-324
]
