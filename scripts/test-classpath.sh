#!/usr/bin/env bash
# Compiles transforms with its tests and prints the class path to run them with plain `java`:
# this tree's classes (schemas included), then the libraries from the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl transforms -am test-compile >&2
out=$(mktemp)
mvn -B -o -q -pl transforms dependency:build-classpath -Dmdep.includeScope=test \
  -DexcludeArtifactIds=beam-depmod-schemas -Dmdep.outputFile="$out" >&2
echo "$PWD/transforms/target/test-classes:$PWD/transforms/target/classes:$PWD/schemas/target/classes:$(cat "$out")"
rm -f "$out"
