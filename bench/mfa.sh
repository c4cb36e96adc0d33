#!/usr/bin/env bash
# Sign-ins per second with an authenticator app (USER_PASSWORD_AUTH, then the SOFTWARE_TOKEN_MFA answer) beside
# plain USER_PASSWORD_AUTH sign-ins, on one fast-hash Gatehouse, in one run, with p50/p99 latency and the server's
# CPU per sign-in. See bench/README.md.
#
#   bench/mfa.sh                  about 12 minutes on two cores
#   TOTP_USERS=40000 bench/mfa.sh more authenticator users (each signs in about once in 30 s; see the README)
#
# Needs ports 9080/9443 free. Results: bench/target/mfa-<time>.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=64
TOTP_USERS=${TOTP_USERS:-20000}
WINDOW=${SECONDS_PER_POINT:-10}
ROUNDS=${ROUNDS:-3}
WARM_UP=${WARM_UP:-240}
ADMIN_KEY=AKIABENCHADMIN000000
ADMIN_SECRET=bench-only-secret-$RANDOM$RANDOM

mkdir -p bench/target
results=$PWD/bench/target/mfa-$(date +%Y%m%d-%H%M%S).tsv
echo "== building"
mvn -B -q install -DskipTests
mvn -B -q -pl ear -DskipTests liberty:create liberty:deploy
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
driver() { java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.gatehouse.bench.AuthBenchmark "$@" \
  2> >(grep -v SLF4J >&2); }

wlp=ear/target/liberty/wlp
server_dir=$wlp/usr/servers/gatehouse
"$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
rm -rf "$server_dir/database"
# The fast hash (Argon2id 8 KiB x 1), so that what is measured is the server's own work, as in auth.sh.
JVM_ARGS="-Dgatehouse.spi.user-store.jdbc.argon2.memory-kib=8 -Dgatehouse.spi.user-store.jdbc.argon2.iterations=1" \
  GATEHOUSE_ADMIN_ACCESS_KEY_ID=$ADMIN_KEY GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET \
  "$wlp/bin/server" start gatehouse >/dev/null
trap '"$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true' EXIT
until curl -sf http://localhost:9080/health/ready >/dev/null; do sleep 0.5; done
echo "== Gatehouse, fast hash: $TOTP_USERS authenticator users, then the load"
driver load --server gatehouse --url http://localhost:9080 --admin-key "$ADMIN_KEY" --admin-secret "$ADMIN_SECRET" \
  --pid "$(cat "$wlp/usr/servers/.pid/gatehouse.pid")" --hash fast --flows sign-in,sign-in-totp \
  --jit-warm-up "$WARM_UP" --users $USERS --totp-users "$TOTP_USERS" --seconds "$WINDOW" --rounds "$ROUNDS" \
  --results "$results"

echo
driver report "$results"
echo "(results: $results)"
