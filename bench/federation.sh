#!/usr/bin/env bash
# Completed sign-ins per second through an upstream OpenID Provider (the app's authorization request, the IdP, the
# callback, the server's code, the tokens), with p50/p99 latency of the whole sequence, the server's CPU per sign-in
# and the upstream IdP's apart: Gatehouse beside Keycloak brokering the same upstream in the same run. First
# sign-ins (the user made) and returning users' (the user updated) are measured apart. See bench/README.md.
#
#   bench/federation.sh              Gatehouse and Keycloak, about 20 minutes on two cores
#   bench/federation.sh --no-peer    Gatehouse only
#   SECONDS_PER_POINT=20 ROUNDS=5 WARM_UP=240 UPSTREAM_USERS=1000 bench/federation.sh
#
# Ports (each must be free): GATEHOUSE_PORT 9080 and GATEHOUSE_HTTPS_PORT 9443, KEYCLOAK_PORT 8180 and
# KEYCLOAK_MANAGEMENT_PORT 9000, UPSTREAM_PORT 9180 (the upstream IdP, on 127.0.0.1).
# Results: bench/target/federation-<time>.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYCLOAK_VERSION=26.4.2
WINDOW=${SECONDS_PER_POINT:-10}
ROUNDS=${ROUNDS:-3}
WARM_UP=${WARM_UP:-240}
UPSTREAM_USERS=${UPSTREAM_USERS:-1000}
GATEHOUSE_PORT=${GATEHOUSE_PORT:-9080}
GATEHOUSE_HTTPS_PORT=${GATEHOUSE_HTTPS_PORT:-9443}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
KEYCLOAK_MANAGEMENT_PORT=${KEYCLOAK_MANAGEMENT_PORT:-9000}
UPSTREAM_PORT=${UPSTREAM_PORT:-9180}
ADMIN_KEY=AKIABENCHADMIN000000
ADMIN_SECRET=bench-only-secret-$RANDOM$RANDOM
KC_ADMIN_PASSWORD=bench-only-$RANDOM$RANDOM
peer=true
[ "${1:-}" = "--no-peer" ] && peer=false

ports=("$GATEHOUSE_PORT" "$GATEHOUSE_HTTPS_PORT" "$UPSTREAM_PORT")
$peer && ports+=("$KEYCLOAK_PORT" "$KEYCLOAK_MANAGEMENT_PORT")
for port in "${ports[@]}"; do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "port $port is taken; see the port variables at the top of $0" >&2
    exit 1
  fi
done

mkdir -p bench/target
results=$PWD/bench/target/federation-$(date +%Y%m%d-%H%M%S).tsv
echo "== building"
mvn -B -q install -DskipTests
mvn -B -q -pl ear -DskipTests liberty:create liberty:deploy
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
mvn -B -q -f bench/upstream-idp/pom.xml dependency:build-classpath -Dmdep.outputFile=../target/upstream-idp-classpath.txt
driver() { java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.gatehouse.bench.AuthBenchmark "$@" \
  2> >(grep -v SLF4J >&2); }

wlp=ear/target/liberty/wlp
server_dir=$wlp/usr/servers/gatehouse
upstream_pid=
kc=
kc_pid=
cleanup() {
  "$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
  [ -n "$kc_pid" ] && kill "$kc_pid" 2>/dev/null || true
  [ -n "$upstream_pid" ] && kill "$upstream_pid" 2>/dev/null || true
  [ -n "$kc" ] && rm -rf "$kc"
  return 0
}
trap cleanup EXIT

# The upstream IdP: NAV's mock-oauth2-server, a process of its own so that its CPU is neither the driver's nor the
# server's. It signs in whoever the browser names (the user name posted to its authorization endpoint, as its login
# page posts it) and answers with a code at once. Its ID tokens and userinfo carry the profile both servers map; the
# family name carries the code it was issued for, so that every sign-in of a returning user changes an attribute.
upstream_issuer=http://127.0.0.1:$UPSTREAM_PORT/upstream
cat >bench/target/upstream-idp.json <<'EOF'
{
  "interactiveLogin": false,
  "httpServer": "NettyWrapper",
  "tokenCallbacks": [
    {
      "issuerId": "upstream",
      "tokenExpiry": 300,
      "requestMappings": [
        {
          "requestParam": "grant_type",
          "match": "authorization_code",
          "claims": {
            "preferred_username": "${subject}",
            "email": "${subject}@upstream.example",
            "email_verified": true,
            "given_name": "Upstream",
            "family_name": "User ${code}"
          }
        }
      ]
    }
  ]
}
EOF
echo "== the upstream IdP (mock-oauth2-server) on $upstream_issuer"
SERVER_HOSTNAME=127.0.0.1 SERVER_PORT=$UPSTREAM_PORT JSON_CONFIG_PATH=bench/target/upstream-idp.json \
  java -cp "$(cat bench/target/upstream-idp-classpath.txt)" no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt \
  >bench/target/upstream-idp.log 2>&1 &
upstream_pid=$!
until curl -sf "$upstream_issuer/.well-known/openid-configuration" >/dev/null; do
  sleep 0.5
  kill -0 "$upstream_pid" 2>/dev/null || { tail -30 bench/target/upstream-idp.log; exit 1; }
done

load() { # server, url, hash label, pid, options...
  local server=$1 url=$2 hash=$3 pid=$4
  shift 4
  driver load --server "$server" --url "$url" --pid "$pid" --hash "$hash" --users 0 \
    --flows federated-first,federated-repeat --upstream-issuer "$upstream_issuer" --upstream-pid "$upstream_pid" \
    --upstream-users "$UPSTREAM_USERS" --jit-warm-up "$WARM_UP" --seconds "$WINDOW" --rounds "$ROUNDS" \
    --results "$results" "$@"
}

"$wlp/bin/server" stop gatehouse >/dev/null 2>&1 || true
rm -rf "$server_dir/database"
# The fast hash (Argon2id 8 KiB x 1), as auth.sh's fast runs and mfa.sh: no password is checked here, but the
# server is the one the other benchmarks measure.
JVM_ARGS="-Dgatehouse.spi.user-store.jdbc.argon2.memory-kib=8 -Dgatehouse.spi.user-store.jdbc.argon2.iterations=1" \
  GATEHOUSE_HTTP_PORT=$GATEHOUSE_PORT GATEHOUSE_HTTPS_PORT=$GATEHOUSE_HTTPS_PORT \
  GATEHOUSE_ADMIN_ACCESS_KEY_ID=$ADMIN_KEY GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET \
  "$wlp/bin/server" start gatehouse >/dev/null
until curl -sf "http://localhost:$GATEHOUSE_PORT/health/ready" >/dev/null; do sleep 0.5; done
echo "== Gatehouse, fast hash: $UPSTREAM_USERS returning upstream users' first sign-ins, $WARM_UP s of warm-up, then the load"
load gatehouse "http://localhost:$GATEHOUSE_PORT" fast "$(cat "$wlp/usr/servers/.pid/gatehouse.pid")" \
  --admin-key "$ADMIN_KEY" --admin-secret "$ADMIN_SECRET"
"$wlp/bin/server" stop gatehouse >/dev/null

if $peer; then
  mvn -B -q dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip -Dtransitive=false
  kc=$(mktemp -d)
  unzip -q ~/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip -d "$kc"
  echo "== Keycloak $KEYCLOAK_VERSION (production mode, embedded H2 database)"
  # kc.sh builds, then execs the server's JVM: $! is the server's process.
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD \
    "$kc/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" start --db=dev-file --http-enabled=true --http-port="$KEYCLOAK_PORT" \
    --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --hostname-strict=false --health-enabled=true \
    >"$kc/keycloak.log" 2>&1 &
  kc_pid=$!
  until curl -sf "http://localhost:$KEYCLOAK_MANAGEMENT_PORT/health/ready" >/dev/null; do
    sleep 1
    kill -0 "$kc_pid" 2>/dev/null || { tail -30 "$kc/keycloak.log"; exit 1; }
  done
  echo "== Keycloak, brokering the same upstream: the same first sign-ins, warm-up and load"
  load keycloak "http://localhost:$KEYCLOAK_PORT" default "$kc_pid" --admin-user admin \
    --admin-password "$KC_ADMIN_PASSWORD"
fi

echo
driver report "$results"
echo "(results: $results)"
