# `super` in a literal inside a literal is still the inherited value at the
# full path (a.b.c from profile p), not nothing.
$ query --fleet late-super-nested.site s a
{
  "b": {
    "c": 2
  }
}
