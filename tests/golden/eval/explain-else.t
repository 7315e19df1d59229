# explain lists a skipped else branch with the right reason (its if is true).
$ explain --fleet explain-else.site paris-01 mode
site paris-01, mode
"eu-mode"

set by, most specific first:
  profile global  explain-else.site:2:68  =  (skipped: its `if` branch is not taken)
      | profile global : S { if region == "eu" { mode = "eu-mode" } else { mode = "other" } }
  profile global  explain-else.site:2:42  =
      | profile global : S { if region == "eu" { mode = "eu-mode" } else { mode = "other" } }
      before: (unset)
