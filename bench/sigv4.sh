#!/usr/bin/env bash
# SigV4 verifications per second in the SigV4 filter (sigv4-filter), signing key cached, beside the hashing alone
# (see SigV4FilterCost). Builds the filter's classes, compiles the one measuring class against them, and runs it on
# one thread: a few seconds a round.
#
#   bench/sigv4.sh [rounds] [seconds per round]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OFFLINE:+-o} -pl sigv4-filter -am compile >/dev/null
out=bench/target/sigv4-classes
mkdir -p "$out"
javac -d "$out" -cp sigv4-filter/target/classes bench/src/main/java/io/gatehouse/bench/SigV4FilterCost.java
exec java -Xmx256m -cp "$out:sigv4-filter/target/classes" io.gatehouse.bench.SigV4FilterCost "${1:-5}" "${2:-2}"
