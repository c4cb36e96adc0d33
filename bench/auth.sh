#!/usr/bin/env bash
# Sign-ins and refreshes per second, with p50/p99 latency and server CPU per request, of Gatehouse beside
# Keycloak's distribution in the same run, and the cost of the password hash alone. See bench/README.md.
#
#   bench/auth.sh                 everything (about 30 minutes on two cores)
#   bench/auth.sh --no-peer       Gatehouse and the hash only
#   SECONDS_PER_POINT=20 ROUNDS=5 bench/auth.sh   longer windows (default 10 s after 3 s of warm-up), more rounds
#                                                (default 3; the report takes each point's median)
#
# Needs ports 9080/9443 (Gatehouse) and 8180/9000 (Keycloak) free. Results: bench/target/auth-<time>.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYCLOAK_VERSION=26.4.2
USERS=64
WINDOW=${SECONDS_PER_POINT:-10}
ROUNDS=${ROUNDS:-3}
FAST_WARM_UP=240
# The production hash: the jdbc user store's default, OWASP's Argon2id minimum. Keycloak's Argon2id is set to the
# same cost. The "fast" runs use the cheapest hash each server has (Argon2id 8 KiB x 1 here, PBKDF2-SHA256 with
# one iteration in Keycloak), so that what is measured is the server's own work.
ARGON2=19456,2,1
FAST_ARGON2=(-Dgatehouse.spi.user-store.jdbc.argon2.memory-kib=8 -Dgatehouse.spi.user-store.jdbc.argon2.iterations=1)
ADMIN_KEY=AKIABENCHADMIN000000
ADMIN_SECRET=bench-only-secret-$RANDOM$RANDOM
KC_ADMIN_PASSWORD=bench-only-$RANDOM$RANDOM

mkdir -p bench/target
results=$PWD/bench/target/auth-$(date +%Y%m%d-%H%M%S).tsv
echo "== building"
mvn -B -q install -DskipTests
mvn -B -q -pl ear -DskipTests liberty:create liberty:deploy
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
driver() { java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.gatehouse.bench.AuthBenchmark "$@" \
  2> >(grep -v SLF4J >&2); }

echo "== the hash alone, one core"
driver hash --argon2 "$ARGON2" --threads 1 --seconds "$WINDOW" --results "$results"

wlp=ear/target/liberty/wlp
server_dir=$wlp/usr/servers/gatehouse
gatehouse() { # label, extra JVM options...
  local label=$1 flows
  shift
  "$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
  rm -rf "$server_dir/database"
  JVM_ARGS="$*" GATEHOUSE_ADMIN_ACCESS_KEY_ID=$ADMIN_KEY GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET \
    "$wlp/bin/server" start gatehouse >/dev/null
  until curl -sf http://localhost:9080/health/ready >/dev/null; do sleep 0.5; done
  curl -s http://localhost:9080/health/ready | grep -o '"provider":"[^"]*"' || true
  flows=(--flows sign-in,refresh)
  # A refresh involves no password hash; production sign-ins are measured beside the hash alone on every core.
  # At 70 sign-ins/s, one minute is too few requests for C2 to finish compiling the request path; it would still be
  # taking a core's sixth during the measurement. Three minutes were not enough either (C2 still took 4% of the CPU,
  # 1.2 ms a sign-in), nor five (1.1% of the server's CPU, 2026-12-02). Keycloak's production point runs on the
  # server its fast runs warmed; this one is a fresh server (the hash is a start-up setting), so it first gets three
  # minutes of refreshes, which share most of the request path and come thirty times as fast, then three of
  # sign-ins.
  # Four minutes for the fast-hash servers, Keycloak's as Gatehouse's: with one minute, both were still getting
  # faster from round to round (Keycloak's refreshes 582, 647, 779/s; Gatehouse's sign-ins 1094, 1600, 1602/s).
  local warm=(--jit-warm-up "$FAST_WARM_UP")
  [ "$label" = production ] && flows=(--flows sign-in --hash-alone "$ARGON2") \
    && warm=(--jit-warm-up 360 --warm-up-flows refresh,sign-in)
  echo "== Gatehouse, $label hash"
  driver load --server gatehouse --url http://localhost:9080 --admin-key "$ADMIN_KEY" --admin-secret "$ADMIN_SECRET" \
    --pid "$(cat "$wlp/usr/servers/.pid/gatehouse.pid")" --hash "$label" "${flows[@]}" "${warm[@]}" --users $USERS \
    --seconds "$WINDOW" --rounds "$ROUNDS" --results "$results"
  "$wlp/bin/server" stop gatehouse >/dev/null
}
gatehouse fast "${FAST_ARGON2[@]}"
gatehouse production

if [ "${1:-}" != "--no-peer" ]; then
  mvn -B -q dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip -Dtransitive=false
  kc=$(mktemp -d)
  trap 'pkill -f "$kc/keycloak" || true; rm -rf "$kc"' EXIT
  unzip -q ~/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip -d "$kc"
  echo "== Keycloak $KEYCLOAK_VERSION (production mode, embedded H2 database)"
  IFS=, read -r memory iterations parallelism <<<"$ARGON2"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD \
    "$kc/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" start --db=dev-file --http-enabled=true --http-port=8180 \
    --hostname-strict=false --health-enabled=true \
    --spi-password-hashing--argon2--memory="$memory" --spi-password-hashing--argon2--iterations="$iterations" \
    --spi-password-hashing--argon2--parallelism="$parallelism" >"$kc/keycloak.log" 2>&1 &
  until curl -sf http://localhost:9000/health/ready >/dev/null; do
    sleep 1
    pgrep -f "$kc/keycloak" >/dev/null || { tail -30 "$kc/keycloak.log"; exit 1; }
  done
  pid=$(pgrep -f "$kc/keycloak" | head -1)
  keycloak() { # label, realm password policy, flows
    echo "== Keycloak, $1 hash ($2)"
    driver load --server keycloak --url http://localhost:8180 --admin-user admin --admin-password "$KC_ADMIN_PASSWORD" \
      --password-policy "$2" --pid "$pid" --hash "$1" --flows "$3" --users $USERS --seconds "$WINDOW" \
      --rounds "$ROUNDS" --results "$results" --jit-warm-up "$4"
  }
  keycloak fast "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)" sign-in,refresh "$FAST_WARM_UP"
  # Already warm from the fast runs: a minute of the new hash.
  keycloak production "hashAlgorithm(argon2)" sign-in 60
fi

echo
driver report "$results"
echo "(results: $results)"
