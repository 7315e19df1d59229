# A multi-line string starts on the line after the opening """ and ends at
# the line break before the closing one; the common indentation of its
# non-blank lines is removed; blank lines stay; ${} and escapes work
# inside, and errors in them point into the right line.
$ query --fleet expr-multiline.site s unit
"[Unit]\nDescription=agent on s.example.net\n\n[Service]\nExecStart=/usr/bin/agent --port 8081 \\\n  --tag \"S\"\nEnvironment=A=\t1"
$ query --fleet expr-multiline.site s indented
"  deep\nshallow"
$ query --fleet expr-multiline.site s bad
expr-multiline.site:19:14: error[E0504]: cannot put a list in a string
 19 |     items: ${[1, 2]}
    |              ^~~~~~
  = help: use join(", ", list) or to_string(value)
[1]
