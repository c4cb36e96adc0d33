#!/usr/bin/env bash
# One Gatehouse node on PostgreSQL: sign-ins/s with the production hash and the fast one, refreshes/s and GetUser/s,
# with the server's and the database's CPU per request, and what the database takes per request (statements by
# kind, rows written per table, WAL bytes, commits), for docs/scaling.md. See bench/README.md.
#
#   bench/scaling.sh                 about 17 minutes on two cores (the build included)
#   SECONDS_PER_POINT=10 WARM_UP=120 COUNT=2000 bench/scaling.sh
#   MVN_ARGS=-o bench/scaling.sh     build offline
#
# The database is a PostgreSQL 15 cluster of its own, made for the run with Debian's pg_createcluster (as root or
# the postgres user) on PG_PORT with pg_stat_statements preloaded, and dropped at the end: the machine's own cluster
# on 5432 is not touched (preloading a library needs a restart). Its postmaster and backends are this run's alone, so
# their CPU is the database's CPU per request.
# The build installs nothing into the local Maven repository (one reactor build, -pl ear,bench -am).
# Ports (each must be free): PORT 9486, HTTPS_PORT 9849, PG_PORT 5439.
# Results: bench/target/scaling-<time>.tsv (rates) and bench/target/scaling-<time>-statements.tsv (per request).
set -euo pipefail
cd "$(dirname "$0")/.."
WINDOW=${SECONDS_PER_POINT:-10}
WARM_UP=${WARM_UP:-120}
COUNT=${COUNT:-2000}
USERS=64
PORT=${PORT:-9486}
HTTPS_PORT=${HTTPS_PORT:-9849}
PG_PORT=${PG_PORT:-5439}
PG_VERSION=15
PG_CLUSTER=gh-bench
MVN_ARGS=${MVN_ARGS:-}
ADMIN_KEY=AKIABENCHADMIN000000
ADMIN_SECRET=bench-only-secret-$RANDOM$RANDOM
# The production hash is the jdbc user store's default (Argon2id 19 MiB x 2, one lane: OWASP's minimum); the fast
# runs use Argon2id 8 KiB x 1, as the other benchmarks, so that what is measured is the rest of the server.
ARGON2=19456,2,1
FAST="-Dgatehouse.spi.user-store.jdbc.argon2.memory-kib=8 -Dgatehouse.spi.user-store.jdbc.argon2.iterations=1"

for port in "$PORT" "$HTTPS_PORT" "$PG_PORT"; do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "port $port is taken; see the port variables at the top of $0" >&2
    exit 1
  fi
done
if pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$PG_VERSION/$PG_CLUSTER"; then
  echo "a PostgreSQL cluster $PG_VERSION/$PG_CLUSTER exists already (an interrupted run?): pg_dropcluster --stop $PG_VERSION $PG_CLUSTER" >&2
  exit 1
fi

mkdir -p bench/target
run=scaling-$(date +%Y%m%d-%H%M%S)
results=$PWD/bench/target/$run.tsv
statements=$PWD/bench/target/$run-statements.tsv
echo "== building"
# shellcheck disable=SC2086
{
  mvn -B -q $MVN_ARGS package -pl ear,bench -am -DskipTests
  mvn -B -q $MVN_ARGS -pl ear -DskipTests liberty:create liberty:deploy
  # The driver's classpath, from exec-maven-plugin (the version the engine's build uses, so it resolves offline,
  # where the dependency plugin's build-classpath does not). Asked of the bench module alone, it names the other
  # modules' jars (the api and federation-saml test-jars) in the local repository, as the last install left them.
  mvn -B -q $MVN_ARGS -pl bench org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=echo \
    -Dexec.args=%classpath >bench/target/classpath.txt
}
classpath=$(sed "s/\x1b\[[0-9;]*m//g" bench/target/classpath.txt | grep -m1 "/bench/target/classes")
driver() { java -cp "$classpath" io.gatehouse.bench.ScalingBenchmark "$@" 2> >(grep -v SLF4J >&2); }
load() { uptime | sed 's/.*load/load/'; }

wlp=ear/target/liberty/wlp
cleanup() {
  "$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
  pg_dropcluster --stop "$PG_VERSION" "$PG_CLUSTER" >/dev/null 2>&1 || true
  return 0
}
trap cleanup EXIT

echo "== a PostgreSQL $PG_VERSION cluster of the run's own on port $PG_PORT, with pg_stat_statements"
pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT" --start-conf manual \
  -o shared_preload_libraries=pg_stat_statements -o pg_stat_statements.max=10000 \
  -o shared_buffers=128MB -o max_connections=120 -- --auth=trust >/dev/null
pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
psql_bench() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }
psql_bench -d postgres -c "CREATE DATABASE gatehouse"
psql_bench -d gatehouse -c "CREATE EXTENSION pg_stat_statements"
postmaster=$(head -1 "/var/lib/postgresql/$PG_VERSION/$PG_CLUSTER/postmaster.pid")
jdbc="jdbc:postgresql://127.0.0.1:$PG_PORT/gatehouse?user=postgres"

echo "== the production hash alone ($ARGON2), 1 and 2 threads ($(load))"
java -cp "$classpath" io.gatehouse.bench.AuthBenchmark hash --argon2 "$ARGON2" --threads 1,2 --seconds 5 \
  --results "$results" 2> >(grep -v SLF4J >&2)

gatehouse() { # extra JVM options
  "$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
  JVM_ARGS="$*" GATEHOUSE_HTTP_PORT=$PORT GATEHOUSE_HTTPS_PORT=$HTTPS_PORT \
    GATEHOUSE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/gatehouse" GATEHOUSE_DB_USER=postgres \
    GATEHOUSE_DB_PASSWORD=trust-auth-ignores-this \
    GATEHOUSE_ADMIN_ACCESS_KEY_ID=$ADMIN_KEY GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET \
    "$wlp/bin/server" start gatehouse >/dev/null
  until curl -sf "http://localhost:$PORT/health/ready" >/dev/null; do sleep 0.5; done
}
common=(--url "http://localhost:$PORT" --admin-key "$ADMIN_KEY" --admin-secret "$ADMIN_SECRET" --users "$USERS"
  --database-pid "$postmaster" --jdbc "$jdbc" --database gatehouse --seconds "$WINDOW" --results "$results"
  --statements "$statements")

echo "== Gatehouse, fast hash: $WARM_UP s of warm-up, then 8 and 32 clients; then $COUNT counted requests a flow ($(load))"
gatehouse "$FAST"
driver run "${common[@]}" --hash fast --pid "$(cat "$wlp/usr/servers/.pid/gatehouse.pid")" \
  --flows sign-in,refresh,get-user --clients 8,32 --jit-warm-up "$WARM_UP" \
  --count-flows sign-in,refresh,get-user,admin-get-user,list-users,describe-user-pool,jwks --count "$COUNT"

# The hash is a start-up setting: a fresh server, warmed on refreshes (most of the request path, thirty times as
# fast) and sign-ins, then sign-ins at 2 and 8 clients (two cores: more clients only queue for the hash).
echo "== Gatehouse, production hash: $WARM_UP s of warm-up, then 2 and 8 clients ($(load))"
gatehouse ""
driver run "${common[@]}" --hash production --pid "$(cat "$wlp/usr/servers/.pid/gatehouse.pid")" \
  --flows sign-in --clients 2,8 --jit-warm-up "$WARM_UP" --warm-up-flows refresh,sign-in \
  --count-flows sign-in --count $((COUNT / 8))

echo
driver report "$results" "$statements"
echo "(results: $results, $statements; $(load))"
