#!/usr/bin/env bash
# GetId + GetCredentialsForIdentity pairs per second with user-pool ID tokens, at 8 and 32 clients, beside GetUser
# with the same users' access tokens on the same server in the same run (issue 28's benchmark: reported, not a gate).
# One fresh Gatehouse server (fast hash, embedded H2, the built-in local-sts broker); the identity-pool rate limits are
# raised for the loopback driver (gatehouse.identity-pools.rate.*), everything else is as shipped. See
# bench/README.md.
#
#   bench/identity-pools.sh                  about 6 minutes on two cores
#   SECONDS_PER_POINT=10 ROUNDS=3 WARM_UP=120 CLIENTS=8,32 bench/identity-pools.sh
#   MVN_ARGS=-o bench/identity-pools.sh      build offline
#
# The build installs nothing into the local Maven repository (one reactor build, -pl ear,bench -am).
# Ports (each must be free): PORT 9482 and HTTPS_PORT 9845. Results: bench/target/identity-pools-<time>.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
WINDOW=${SECONDS_PER_POINT:-10}
ROUNDS=${ROUNDS:-3}
WARM_UP=${WARM_UP:-120}
CLIENTS=${CLIENTS:-8,32}
USERS=64
PORT=${PORT:-9482}
HTTPS_PORT=${HTTPS_PORT:-9845}
MVN_ARGS=${MVN_ARGS:-}
ADMIN_KEY=AKIABENCHADMIN000000
ADMIN_SECRET=bench-only-secret-$RANDOM$RANDOM

for port in "$PORT" "$HTTPS_PORT"; do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "port $port is taken; see the port variables at the top of $0" >&2
    exit 1
  fi
done

mkdir -p bench/target
results=$PWD/bench/target/identity-pools-$(date +%Y%m%d-%H%M%S).tsv
echo "== building"
# shellcheck disable=SC2086
{
  mvn -B -q $MVN_ARGS package -pl ear,bench -am -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt
  mvn -B -q $MVN_ARGS -pl ear -DskipTests liberty:create liberty:deploy
}
classpath="bench/target/classes:$(cat bench/target/classpath.txt)"
driver() { java -cp "$classpath" io.gatehouse.bench.IdentityPoolBenchmark "$@" 2> >(grep -v SLF4J >&2); }

wlp=ear/target/liberty/wlp
cleanup() {
  "$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
  return 0
}
trap cleanup EXIT
cleanup
rm -rf "$wlp/usr/servers/gatehouse/database"

# The fast hash (Argon2id 8 KiB x 1), as the other sign-in benchmarks; the per-pool and per-caller rate limits
# (100/s and 10/s by default) out of the way of a load that is the point of the run.
FAST="-Dgatehouse.spi.user-store.jdbc.argon2.memory-kib=8 -Dgatehouse.spi.user-store.jdbc.argon2.iterations=1"
UNLIMITED=""
for limit in pool.per-second pool.burst caller.per-second caller.burst; do
  UNLIMITED="$UNLIMITED -Dgatehouse.identity-pools.rate.$limit=1000000"
done
JVM_ARGS="$FAST$UNLIMITED" \
  GATEHOUSE_HTTP_PORT=$PORT GATEHOUSE_HTTPS_PORT=$HTTPS_PORT \
  GATEHOUSE_ADMIN_ACCESS_KEY_ID=$ADMIN_KEY GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET \
  "$wlp/bin/server" start gatehouse >/dev/null
until curl -sf "http://localhost:$PORT/health/ready" >/dev/null; do sleep 0.5; done
echo "== Gatehouse, fast hash: $WARM_UP s of warm-up, then $ROUNDS rounds of $WINDOW s at $CLIENTS clients ($(uptime | sed 's/.*load/load/'))"
driver load --url "http://localhost:$PORT" --pid "$(cat "$wlp/usr/servers/.pid/gatehouse.pid")" \
  --admin-key "$ADMIN_KEY" --admin-secret "$ADMIN_SECRET" --clients "$CLIENTS" --seconds "$WINDOW" \
  --rounds "$ROUNDS" --jit-warm-up "$WARM_UP" --users "$USERS" --results "$results"

echo
driver report "$results"
echo "(results: $results; $(uptime | sed 's/.*load/load/'))"
