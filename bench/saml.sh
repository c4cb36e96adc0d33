#!/usr/bin/env bash
# SAML responses consumed per second at /saml2/idpresponse (issue 26's benchmark: reported, not a gate). One fresh
# Gatehouse (fast hash, embedded H2), a pool with two SAML IdPs made from one test IdP (the federation-saml test-jar's
# TestSamlIdp): "Saml", whose responses carry a signed assertion (RSA-SHA256, 2048-bit key), and "SamlEncrypted"
# (EncryptedResponses=true: the signed assertion encrypted for the pool's certificate, AES-128-GCM + RSA-OAEP); both
# IDPInit=true, and a confidential app client. Eight clients post IdP-initiated responses (the RelayState is the app's
# authorization request), each response new and signed before the point, never in the timed path; a sign-in counts
# when the answer is a 302/303 to the app's callback with a code. Reported beside it, measured in the driver's JVM in
# the same run on one thread: one XML signature check of such a response, one bare SHA256withRSA verification, one
# decryption (RSA-OAEP unwrap + AES-GCM), and the server's CPU per response against them. Then one profiled point of
# each kind (async-profiler, ctimer), summed up by kind of work and by step of the sign-in. See bench/README.md.
#
#   bench/saml.sh                    about 10 minutes on two cores, most of it signing responses while the server waits
#   SECONDS_PER_POINT=15 ROUNDS=3 WARM_UP=120 CLIENTS=8 SAML_USERS=1000 PROFILE=true bench/saml.sh
#
# WARM_UP is seconds of load (the signing between its turns comes on top). A point takes all its responses signed
# before it: at 1,200 signed responses a second, a 15 s point (and its 3 s warm-up) needs about 28,000, which two
# cores sign in about 30 s; hence 15 s points rather than 20.
#   MVN_ARGS=-o bench/saml.sh        build offline
#
# Ports (each must be free): GATEHOUSE_PORT 9080 and GATEHOUSE_HTTPS_PORT 9443. PROFILE=false skips the profiled
# points (async-profiler comes from Maven Central: tools.profiler:async-profiler:4.1:jar:linux-x64).
# Results: bench/target/saml-<time>.tsv; the profiles: bench/target/saml-<time>-{signed,encrypted}.collapsed.
set -euo pipefail
cd "$(dirname "$0")/.."
WINDOW=${SECONDS_PER_POINT:-15}
ROUNDS=${ROUNDS:-3}
WARM_UP=${WARM_UP:-120}
CLIENTS=${CLIENTS:-8}
SAML_USERS=${SAML_USERS:-1000}
PROFILE=${PROFILE:-true}
ASYNC_PROFILER_VERSION=4.1
GATEHOUSE_PORT=${GATEHOUSE_PORT:-9080}
GATEHOUSE_HTTPS_PORT=${GATEHOUSE_HTTPS_PORT:-9443}
MVN_ARGS=${MVN_ARGS:-}
ADMIN_KEY=AKIABENCHADMIN000000
ADMIN_SECRET=bench-only-secret-$RANDOM$RANDOM

for port in "$GATEHOUSE_PORT" "$GATEHOUSE_HTTPS_PORT"; do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "port $port is taken; see the port variables at the top of $0" >&2
    exit 1
  fi
done

mkdir -p bench/target
run=saml-$(date +%Y%m%d-%H%M%S)
results=$PWD/bench/target/$run.tsv
echo "== building"
# shellcheck disable=SC2086
{
  mvn -B -q $MVN_ARGS install -DskipTests
  mvn -B -q $MVN_ARGS -pl ear -DskipTests liberty:create liberty:deploy
  mvn -B -q $MVN_ARGS -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
}
profile=()
if [ "$PROFILE" = true ]; then
  # shellcheck disable=SC2086
  mvn -B -q $MVN_ARGS dependency:get -Dartifact=tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION:jar:linux-x64 \
    -Dtransitive=false
  rm -rf bench/target/async-profiler
  unzip -q -o ~/.m2/repository/tools/profiler/async-profiler/$ASYNC_PROFILER_VERSION/async-profiler-$ASYNC_PROFILER_VERSION-linux-x64.jar \
    'linux-x64/*' -d bench/target/async-profiler
  profile=(--profile-lib "$PWD/bench/target/async-profiler/linux-x64/libasyncProfiler.so" --profile-prefix "$PWD/bench/target/$run-"
    --profile-seconds 12)
fi
driver() { java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.gatehouse.bench.SamlBenchmark "$@" \
  2> >(grep -v SLF4J >&2); }

wlp=ear/target/liberty/wlp
server_dir=$wlp/usr/servers/gatehouse
"$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
rm -rf "$server_dir/database"
# The fast hash (Argon2id 8 KiB x 1), as auth.sh's fast runs, mfa.sh and federation.sh: no password is checked here,
# but the server is the one the other benchmarks measure.
JVM_ARGS="-Dgatehouse.spi.user-store.jdbc.argon2.memory-kib=8 -Dgatehouse.spi.user-store.jdbc.argon2.iterations=1" \
  GATEHOUSE_HTTP_PORT=$GATEHOUSE_PORT GATEHOUSE_HTTPS_PORT=$GATEHOUSE_HTTPS_PORT \
  GATEHOUSE_ADMIN_ACCESS_KEY_ID=$ADMIN_KEY GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET \
  "$wlp/bin/server" start gatehouse >/dev/null
trap '"$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true' EXIT
until curl -sf "http://localhost:$GATEHOUSE_PORT/health/ready" >/dev/null; do sleep 0.5; done
echo "== Gatehouse, fast hash: two SAML IdPs, $WARM_UP s of warm-up, then $ROUNDS rounds of $WINDOW s at $CLIENTS clients ($(uptime | sed 's/.*load/load/'))"
# The server names itself http://localhost:<port>: its ACS, which every response's Destination and Recipient match.
driver load --url "http://localhost:$GATEHOUSE_PORT" --admin-key "$ADMIN_KEY" --admin-secret "$ADMIN_SECRET" \
  --pid "$(cat "$wlp/usr/servers/.pid/gatehouse.pid")" --clients "$CLIENTS" --seconds "$WINDOW" --rounds "$ROUNDS" \
  --jit-warm-up "$WARM_UP" --users "$SAML_USERS" --results "$results" "${profile[@]}"

echo
driver report "$results"
echo "(results: $results; $(uptime | sed 's/.*load/load/'))"
