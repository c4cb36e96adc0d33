#!/usr/bin/env bash
# The breached-password corpus's cost: load time, memory and ns per lookup (see BreachLookupCost). Builds the api,
# the engine's classes (with the corpus) and the bench offline, then runs the measurement on one thread.
#
#   bench/breached.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl api,engine,bench -am process-classes >/dev/null
CP="bench/target/classes:engine/target/classes:api/target/classes"
exec java -Xmx256m -cp "$CP" io.gatehouse.bench.BreachLookupCost "${1:-5}"
