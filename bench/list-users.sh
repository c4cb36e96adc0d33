#!/usr/bin/env bash
# ListUsers on a pool of a million users, on PostgreSQL: exact e-mail filters, e-mail prefixes, a family name
# (a page of 60 matches) and walking the pool 60 users at a time, with p50/p99 latency. See bench/README.md.
#
#   bench/list-users.sh                 1,000,000 users (loading them takes about a minute)
#   USERS=100000 bench/list-users.sh
#
# Needs PostgreSQL on 127.0.0.1:5432 (database test, trust auth; the schema gatehouse_bench is dropped and made
# again) and port 9080 free. Results: bench/target/list-users-<time>.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-1000000}
SCHEMA=gatehouse_bench
ADMIN_KEY=AKIABENCHADMIN000000
ADMIN_SECRET=bench-only-secret-$RANDOM$RANDOM
psql_bench() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d test "$@"; }

mkdir -p bench/target
results=$PWD/bench/target/list-users-$(date +%Y%m%d-%H%M%S).tsv
echo "== building"
mvn -B -q install -DskipTests
mvn -B -q -pl ear -DskipTests liberty:create liberty:deploy
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
driver() { java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.gatehouse.bench.DirectoryBenchmark "$@" \
  2> >(grep -v SLF4J >&2); }

psql_bench -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA"
wlp=ear/target/liberty/wlp
"$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
GATEHOUSE_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" GATEHOUSE_DB_USER=postgres \
  GATEHOUSE_DB_PASSWORD=unused GATEHOUSE_ADMIN_ACCESS_KEY_ID=$ADMIN_KEY GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET \
  "$wlp/bin/server" start gatehouse >/dev/null
trap '"$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true' EXIT
until curl -sf http://localhost:9080/health/ready >/dev/null; do sleep 0.5; done
pool=$(driver pool --url http://localhost:9080 --admin-key $ADMIN_KEY --admin-secret $ADMIN_SECRET)

echo "== loading $USERS users into $pool (straight into the tables; they never sign in)"
start=$(date +%s)
psql_bench -v pool="$pool" -v users="$USERS" <<SQL
SET search_path TO $SCHEMA;
INSERT INTO pool_user (sub, user_pool_id, username, username_key, status, enabled, password_hash, created_at, modified_at)
  SELECT md5('u' || g)::uuid::text, :'pool', 'user' || g, 'user' || g, 'CONFIRMED', true, NULL, 0, 0
  FROM generate_series(0, :users - 1) g;
INSERT INTO pool_user_attribute (sub, user_pool_id, name, value_text, value_key)
  SELECT md5('u' || g)::uuid::text, :'pool', 'email', 'user' || g || '@example.com', 'user' || g || '@example.com'
  FROM generate_series(0, :users - 1) g;
INSERT INTO pool_user_attribute (sub, user_pool_id, name, value_text, value_key)
  SELECT md5('u' || g)::uuid::text, :'pool', 'email_verified', 'true', 'true' FROM generate_series(0, :users - 1) g;
INSERT INTO pool_user_attribute (sub, user_pool_id, name, value_text, value_key)
  SELECT md5('u' || g)::uuid::text, :'pool', 'family_name', 'Family' || (g % 1000), 'family' || (g % 1000)
  FROM generate_series(0, :users - 1) g;
ANALYZE;
SQL
echo "loaded in $(( $(date +%s) - start )) s"

echo "== measuring (1 and 4 clients, 15 s a query after 5 s of warm-up)"
driver measure --url http://localhost:9080 --admin-key $ADMIN_KEY --admin-secret $ADMIN_SECRET --pool "$pool" \
  --users "$USERS" --database postgresql --pid "$(cat "$wlp/usr/servers/.pid/gatehouse.pid")" --results "$results"
echo "(results: $results; target: p99 under 20 ms for the exact e-mail and for a page of 60)"
