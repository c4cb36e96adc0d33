#!/usr/bin/env bash
# Sign-ins per second with a PreTokenGeneration trigger (issue 27's benchmark: reported, not a gate). One fresh
# Gatehouse (fast hash, embedded H2) with three pools that differ only in their PreTokenGeneration trigger (V1): none;
# java:bench-claim, a trigger provider that adds one claim (bench/src/main/java/io/gatehouse/bench/trigger, packaged
# alone by the bench module's build and installed into the server's providers/ before it starts); and a webhook on
# loopback, io.gatehouse.bench.WebhookReceiver in a JVM of its own (the JDK's HttpServer; it checks the
# X-Gatehouse-Signature and answers the event with the same claim). USER_PASSWORD_AUTH sign-ins (InitiateAuth to
# tokens) at 8 clients in interleaved rounds after a warm-up; p50/p99, the server's CPU per sign-in and the
# receiver's apart, and what each trigger adds per sign-in. One sign-in per pool must carry its claim before the
# load and after it. Then one profiled point of each (async-profiler, ctimer), summed up by the parts of a sign-in
# the trigger adds. See bench/README.md.
#
#   bench/triggers.sh                about 10 minutes on two cores
#   SECONDS_PER_POINT=10 ROUNDS=5 WARM_UP=240 CLIENTS=8 PROFILE=true PROFILE_SECONDS=12 bench/triggers.sh
#   MVN_ARGS=-o bench/triggers.sh    build offline
#
# The build installs nothing into the local Maven repository: the server and the driver are packaged in one reactor
# build (-pl ear,bench -am), and the driver's classpath names the modules' own target/ jars.
#
# Ports (each must be free): GATEHOUSE_PORT 9380 and GATEHOUSE_HTTPS_PORT 9743, RECEIVER_PORT 9381 (the webhook, on
# 127.0.0.1). PROFILE=false skips the profiled points (async-profiler comes from Maven Central:
# tools.profiler:async-profiler:4.1:jar:linux-x64).
# Results: bench/target/triggers-<time>.tsv; the profiles: bench/target/triggers-<time>-{none,java,webhook}.collapsed.
set -euo pipefail
cd "$(dirname "$0")/.."
WINDOW=${SECONDS_PER_POINT:-10}
ROUNDS=${ROUNDS:-5}
WARM_UP=${WARM_UP:-240}
CLIENTS=${CLIENTS:-8}
USERS=64
PROFILE=${PROFILE:-true}
PROFILE_SECONDS=${PROFILE_SECONDS:-12}
ASYNC_PROFILER_VERSION=4.1
GATEHOUSE_PORT=${GATEHOUSE_PORT:-9380}
GATEHOUSE_HTTPS_PORT=${GATEHOUSE_HTTPS_PORT:-9743}
RECEIVER_PORT=${RECEIVER_PORT:-9381}
MVN_ARGS=${MVN_ARGS:-}
ADMIN_KEY=AKIABENCHADMIN000000
ADMIN_SECRET=bench-only-secret-$RANDOM$RANDOM
WEBHOOK_SECRET=bench-only-webhook-secret-$RANDOM$RANDOM

for port in "$GATEHOUSE_PORT" "$GATEHOUSE_HTTPS_PORT" "$RECEIVER_PORT"; do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "port $port is taken; see the port variables at the top of $0" >&2
    exit 1
  fi
done

mkdir -p bench/target
run=triggers-$(date +%Y%m%d-%H%M%S)
results=$PWD/bench/target/$run.tsv
echo "== building"
# shellcheck disable=SC2086
{
  # One reactor build, no install: the EAR, the driver, the trigger provider's jar, and each module's classpath
  # (bench/target/classpath.txt names the reactor's own jars, not the local repository's).
  mvn -B -q $MVN_ARGS package -pl ear,bench -am -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt
  # The server from the EAR just built (the plugin deploys ear/target/gatehouse.ear).
  mvn -B -q $MVN_ARGS -pl ear -DskipTests liberty:create liberty:deploy
}
provider_jar=$(ls bench/target/gatehouse-bench-*-trigger-provider.jar)
profile=()
if [ "$PROFILE" = true ]; then
  # shellcheck disable=SC2086
  mvn -B -q $MVN_ARGS dependency:get -Dartifact=tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION:jar:linux-x64 \
    -Dtransitive=false
  rm -rf bench/target/async-profiler
  unzip -q -o ~/.m2/repository/tools/profiler/async-profiler/$ASYNC_PROFILER_VERSION/async-profiler-$ASYNC_PROFILER_VERSION-linux-x64.jar \
    'linux-x64/*' -d bench/target/async-profiler
  profile=(--profile-lib "$PWD/bench/target/async-profiler/linux-x64/libasyncProfiler.so" --profile-prefix "$PWD/bench/target/$run-"
    --profile-seconds "$PROFILE_SECONDS")
fi
classpath="bench/target/classes:$(cat bench/target/classpath.txt)"
driver() { java -cp "$classpath" io.gatehouse.bench.TriggerBenchmark "$@" 2> >(grep -v SLF4J >&2); }

wlp=ear/target/liberty/wlp
server_dir=$wlp/usr/servers/gatehouse
receiver_pid=
cleanup() {
  "$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
  [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null || true
  return 0
}
trap cleanup EXIT
"$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
rm -rf "$server_dir/database"

# The in-process trigger, installed as an operator installs a provider, before the server starts.
rm -f "$server_dir"/providers/*.jar
bash liberty-config/src/main/scripts/install-provider.sh --server "$server_dir" "$provider_jar" >/dev/null

# The webhook: a JVM of its own, so that its CPU is neither the server's nor the driver's.
GATEHOUSE_TRIGGER_WEBHOOK_SECRET=$WEBHOOK_SECRET java -Xmx256m -cp "$classpath" io.gatehouse.bench.WebhookReceiver \
  "$RECEIVER_PORT" >"bench/target/$run-receiver.log" 2>&1 &
receiver_pid=$!
until curl -sf "http://127.0.0.1:$RECEIVER_PORT/stats" >/dev/null; do
  sleep 0.2
  kill -0 "$receiver_pid" 2>/dev/null || { cat "bench/target/$run-receiver.log"; exit 1; }
done

# The fast hash (Argon2id 8 KiB x 1), as auth.sh's fast runs and the other benchmarks since: the server's own work.
JVM_ARGS="-Dgatehouse.spi.user-store.jdbc.argon2.memory-kib=8 -Dgatehouse.spi.user-store.jdbc.argon2.iterations=1" \
  GATEHOUSE_HTTP_PORT=$GATEHOUSE_PORT GATEHOUSE_HTTPS_PORT=$GATEHOUSE_HTTPS_PORT \
  GATEHOUSE_ADMIN_ACCESS_KEY_ID=$ADMIN_KEY GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET \
  GATEHOUSE_TRIGGER_WEBHOOK_SECRET=$WEBHOOK_SECRET \
  "$wlp/bin/server" start gatehouse >/dev/null
until curl -sf "http://localhost:$GATEHOUSE_PORT/health/ready" >/dev/null; do sleep 0.5; done
if ! curl -s "http://localhost:$GATEHOUSE_PORT/health/ready" | grep -q 'bench-claim'; then
  echo "the server did not load the bench trigger provider:" >&2
  curl -s "http://localhost:$GATEHOUSE_PORT/health/ready" >&2
  exit 1
fi
echo "== Gatehouse, fast hash: three pools (PreTokenGeneration: none, java:bench-claim, webhook), $WARM_UP s of warm-up, then $ROUNDS rounds of $WINDOW s at $CLIENTS clients ($(uptime | sed 's/.*load/load/'))"
driver load --url "http://localhost:$GATEHOUSE_PORT" --admin-key "$ADMIN_KEY" --admin-secret "$ADMIN_SECRET" \
  --pid "$(cat "$wlp/usr/servers/.pid/gatehouse.pid")" --receiver-pid "$receiver_pid" \
  --webhook-url "http://127.0.0.1:$RECEIVER_PORT/pre-token" --clients "$CLIENTS" --seconds "$WINDOW" \
  --rounds "$ROUNDS" --jit-warm-up "$WARM_UP" --users "$USERS" --results "$results" "${profile[@]}"

echo
driver report "$results"
echo "(results: $results; $(uptime | sed 's/.*load/load/'))"
