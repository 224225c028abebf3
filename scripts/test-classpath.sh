#!/usr/bin/env bash
# Compiles transforms with its tests and prints the class path to run them with plain `java`:
# this tree's classes (schemas included), then the libraries from the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
# One reactor build, so that schemas comes from this tree, never from the local repository; the
# last module (transforms) writes the file.
mvn -B -q -pl transforms -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -DexcludeArtifactIds=beam-depmod-schemas -Dmdep.outputFile="$out" >&2
echo "$PWD/transforms/target/test-classes:$PWD/transforms/target/classes:$PWD/schemas/target/classes:$(cat "$out")"
rm -f "$out"
