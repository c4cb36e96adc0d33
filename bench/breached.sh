#!/usr/bin/env bash
# The breached-password corpus's cost: load time, memory and ns per lookup (see BreachLookupCost). Builds the api
# and the engine's classes (with the corpus), compiles the one measuring class against them, and runs it on one
# thread.
#
#   bench/breached.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OFFLINE:+-o} -pl api,engine -am process-classes >/dev/null
out=bench/target/breached-classes
mkdir -p "$out"
javac -d "$out" -cp api/target/classes bench/src/main/java/io/gatehouse/bench/BreachLookupCost.java
exec java -Xmx256m -cp "$out:engine/target/classes:api/target/classes" io.gatehouse.bench.BreachLookupCost "${1:-5}"
