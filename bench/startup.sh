#!/usr/bin/env bash
# Start-to-ready time and idle memory of a Gatehouse server, beside Keycloak's distribution measured the same way
# in the same run (both with their embedded database, default JVM settings, three starts each; the first
# Keycloak start includes its one-time build step and the first Gatehouse start its database creation).
#
#   bench/startup.sh            Gatehouse and Keycloak
#   bench/startup.sh --no-peer  Gatehouse only
#
# Needs the project built (`mvn install -DskipTests`) and ports 9080/9443 (Gatehouse), 8180/9000 (Keycloak) free.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYCLOAK_VERSION=26.4.2
RUNS=3
IDLE_SECONDS=30

ready_after() { # url start-epoch → prints seconds until the URL answers UP
  until curl -sf "$1" 2>/dev/null | grep -q '"UP"'; do sleep 0.1; done
  echo "$(date +%s.%N) - $2" | bc
}

echo "== Gatehouse"
mvn -B -q -pl ear -DskipTests liberty:create liberty:deploy
wlp=ear/target/liberty/wlp
"$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
for run in $(seq 1 $RUNS); do
  start=$(date +%s.%N)
  "$wlp/bin/server" start gatehouse >/dev/null
  echo "gatehouse run $run: ready after $(ready_after http://localhost:9080/health/ready "$start") s"
  sleep $IDLE_SECONDS
  pid=$(cat "$wlp/usr/servers/.pid/gatehouse.pid")
  echo "gatehouse run $run: idle RSS $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
  "$wlp/bin/server" stop gatehouse >/dev/null
done

[ "${1:-}" = "--no-peer" ] && exit 0

echo "== Keycloak $KEYCLOAK_VERSION (start-dev)"
mvn -B -q dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip -Dtransitive=false
kc=$(mktemp -d)
trap 'rm -rf "$kc"' EXIT
unzip -q ~/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip -d "$kc"
for run in $(seq 1 $RUNS); do
  start=$(date +%s.%N)
  "$kc/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" start-dev --http-port 8180 --health-enabled=true >"$kc/run$run.log" 2>&1 &
  echo "keycloak run $run: ready after $(ready_after http://localhost:9000/health/ready "$start") s"
  sleep $IDLE_SECONDS
  pid=$(pgrep -f 'io.quarkus.bootstrap.runner.QuarkusEntryPoint' | head -1)
  echo "keycloak run $run: idle RSS $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
done
