#!/usr/bin/env bash
# Sign-ins per second with every threat protection on, beside the same with every one off (issue 29's benchmark:
# reported, not a gate; the target is under 10% slower). Two fresh Gatehouse servers of one build (fast hash,
# embedded H2) run side by side and take the load in turn: "on" with the defaults (brute-force locks and the
# per-address bucket, the breached-password lookup, adaptive authentication and its auth event), its pool left at
# Gatehouse's default mode (ENFORCED); "off" started with gatehouse.lockout.enabled=false, its pool's
# AdvancedSecurityMode OFF. USER_PASSWORD_AUTH sign-ins (InitiateAuth to tokens) at 8 clients in interleaved rounds
# after a warm-up; p50/p99 and each server's CPU per sign-in. The driver checks, before and after the load, that the
# "on" pool records auth events and the "off" pool says threat protection is off. See bench/README.md.
#
#   bench/threats.sh                about 8 minutes on two cores
#   SECONDS_PER_POINT=10 ROUNDS=5 WARM_UP=240 CLIENTS=8 bench/threats.sh
#   MVN_ARGS=-o bench/threats.sh    build offline
#
# The build installs nothing into the local Maven repository (one reactor build, -pl ear,bench -am).
# Ports (each must be free): ON_PORT 9480 and ON_HTTPS_PORT 9843, OFF_PORT 9481 and OFF_HTTPS_PORT 9844.
# Results: bench/target/threats-<time>.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
WINDOW=${SECONDS_PER_POINT:-10}
ROUNDS=${ROUNDS:-5}
WARM_UP=${WARM_UP:-240}
CLIENTS=${CLIENTS:-8}
USERS=64
ON_PORT=${ON_PORT:-9480}
ON_HTTPS_PORT=${ON_HTTPS_PORT:-9843}
OFF_PORT=${OFF_PORT:-9481}
OFF_HTTPS_PORT=${OFF_HTTPS_PORT:-9844}
MVN_ARGS=${MVN_ARGS:-}
ADMIN_KEY=AKIABENCHADMIN000000
ADMIN_SECRET=bench-only-secret-$RANDOM$RANDOM

for port in "$ON_PORT" "$ON_HTTPS_PORT" "$OFF_PORT" "$OFF_HTTPS_PORT"; do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "port $port is taken; see the port variables at the top of $0" >&2
    exit 1
  fi
done

mkdir -p bench/target
run=threats-$(date +%Y%m%d-%H%M%S)
results=$PWD/bench/target/$run.tsv
echo "== building"
# shellcheck disable=SC2086
{
  mvn -B -q $MVN_ARGS package -pl ear,bench -am -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt
  mvn -B -q $MVN_ARGS -pl ear -DskipTests liberty:create liberty:deploy
}
classpath="bench/target/classes:$(cat bench/target/classpath.txt)"
driver() { java -cp "$classpath" io.gatehouse.bench.ThreatBenchmark "$@" 2> >(grep -v SLF4J >&2); }

wlp=ear/target/liberty/wlp
servers=$wlp/usr/servers
cleanup() {
  "$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
  "$wlp/bin/server" stop gatehouse-threats-off >/dev/null 2>&1 || true
  return 0
}
trap cleanup EXIT
cleanup
# The second server is a copy of the first (same configuration, same application), with a database of its own.
rm -rf "$servers/gatehouse/database" "$servers/gatehouse-threats-off"
cp -r "$servers/gatehouse" "$servers/gatehouse-threats-off"

# The fast hash (Argon2id 8 KiB x 1), as the other sign-in benchmarks: the protections' cost beside the server's own.
FAST="-Dgatehouse.spi.user-store.jdbc.argon2.memory-kib=8 -Dgatehouse.spi.user-store.jdbc.argon2.iterations=1"
start() {  # name http-port https-port extra-jvm-args
  JVM_ARGS="$FAST $4" GATEHOUSE_HTTP_PORT=$2 GATEHOUSE_HTTPS_PORT=$3 \
    GATEHOUSE_ADMIN_ACCESS_KEY_ID=$ADMIN_KEY GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET \
    "$wlp/bin/server" start "$1" >/dev/null
}
start gatehouse "$ON_PORT" "$ON_HTTPS_PORT" ""
start gatehouse-threats-off "$OFF_PORT" "$OFF_HTTPS_PORT" "-Dgatehouse.lockout.enabled=false"
for port in "$ON_PORT" "$OFF_PORT"; do
  until curl -sf "http://localhost:$port/health/ready" >/dev/null; do sleep 0.5; done
done
echo "== Gatehouse, fast hash: threat protection on and off, $WARM_UP s of warm-up, then $ROUNDS rounds of $WINDOW s at $CLIENTS clients ($(uptime | sed 's/.*load/load/'))"
driver load --on-url "http://localhost:$ON_PORT" --on-pid "$(cat "$servers/.pid/gatehouse.pid")" \
  --off-url "http://localhost:$OFF_PORT" --off-pid "$(cat "$servers/.pid/gatehouse-threats-off.pid")" \
  --admin-key "$ADMIN_KEY" --admin-secret "$ADMIN_SECRET" --clients "$CLIENTS" --seconds "$WINDOW" \
  --rounds "$ROUNDS" --jit-warm-up "$WARM_UP" --users "$USERS" --results "$results"

echo
driver report "$results"
echo "(results: $results; $(uptime | sed 's/.*load/load/'))"
