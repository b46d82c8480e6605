#!/bin/sh
# CTest lists are split at ';': a test case whose name holds one becomes two CTest tests whose
# filters match nothing, and doctest passes a run of no test cases. So no name may hold one.
if grep -rn --include='*.cpp' 'TEST_CASE("[^"]*;' "$1"; then
  echo "test case names above hold ';': CTest would run none of them" >&2
  exit 1
fi
