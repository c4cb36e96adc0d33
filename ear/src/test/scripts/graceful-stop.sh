#!/usr/bin/env bash
# Graceful stop and JSON logs, checked by hand on the server the integration tests use (after a build that ran
# them, so that ear/target/liberty holds gatehouse-it; run it under the IT lock, which it leaves the ports to):
#
#   flock /tmp/it.lock ear/src/test/scripts/graceful-stop.sh term   # SIGTERM, as a container runtime stops it
#   flock /tmp/it.lock ear/src/test/scripts/graceful-stop.sh stop   # Liberty's `server stop`
#
# It starts the server with Liberty's JSON console (./gatehouse run --json-logs sets the same variables), makes a
# pool whose PreSignUp trigger is a loopback webhook that takes 1.8 s (under the IT servers' 2 s trigger timeout),
# stops the server 0.5 s into a SignUp and checks: the SignUp in flight still answers 200, a new connection during
# the quiesce is refused, the server exits, and Gatehouse's own log lines are JSON objects naming their logger.
# The first surprise stops it (exit 1). Needs python3, curl and the AWS CLI (AWS_CLI, default aws).
set -euo pipefail
mode=${1:-term}
cd "$(dirname "${BASH_SOURCE[0]}")/../../../.."
wlp=$PWD/ear/target/liberty/wlp
server=$wlp/usr/servers/gatehouse-it
endpoint=http://localhost:19080
work=$(mktemp -d)
fail() { echo "FAILED: $*" >&2; exit 1; }
[ -f "$server/jvm.options" ] || fail "no $server: run the integration tests first"

cat > "$work/hook.py" <<'PY'
import http.server, json, time
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        event = json.loads(self.rfile.read(int(self.headers.get('Content-Length', 0))))
        time.sleep(1.8)
        event['response'] = {}
        body = json.dumps(event).encode()
        self.send_response(200); self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(('127.0.0.1', 18999), Hook).serve_forever()
PY
python3 "$work/hook.py" & hook=$!
WLP_LOGGING_CONSOLE_FORMAT=JSON WLP_LOGGING_CONSOLE_LOGLEVEL=INFO WLP_LOGGING_CONSOLE_SOURCE=message,ffdc \
  "$wlp/bin/server" run gatehouse-it > "$work/console.log" 2>&1 & run=$!
trap 'kill $hook 2>/dev/null; "$wlp/bin/server" stop gatehouse-it >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 180); do curl -sf "$endpoint/health/ready" >/dev/null && break; sleep 1; done
curl -sf "$endpoint/health/ready" >/dev/null || fail "the server did not become ready"

export AWS_ACCESS_KEY_ID=$(grep -o 'admin.access-key-id=.*' "$server/jvm.options" | cut -d= -f2)
export AWS_SECRET_ACCESS_KEY=$(grep -o 'admin.secret-access-key=.*' "$server/jvm.options" | cut -d= -f2)
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
idp() { "${AWS_CLI:-aws}" cognito-idp --endpoint-url "$endpoint" --output text "$@"; }
pool=$(idp create-user-pool --pool-name graceful-stop --lambda-config PreSignUp=http://127.0.0.1:18999/slow \
  --query UserPool.Id)
client=$(idp create-user-pool-client --user-pool-id "$pool" --client-name app --query UserPoolClient.ClientId)

curl -s -o "$work/in-flight.body" -w '%{http_code}' -H 'Content-Type: application/x-amz-json-1.1' \
  -H 'X-Amz-Target: AWSCognitoIdentityProviderService.SignUp' \
  -d "{\"ClientId\":\"$client\",\"Username\":\"slow\",\"Password\":\"Slow-Pass-1234\"}" "$endpoint/" \
  > "$work/in-flight.status" & in_flight=$!
sleep 0.5
if [ "$mode" = stop ]; then
  "$wlp/bin/server" stop gatehouse-it > "$work/stop.log" 2>&1 &
else
  kill -TERM "$(pgrep -f -- "-jar $wlp/bin/tools/ws-server.jar gatehouse-it" | head -1)"
fi
sleep 0.5
refused=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$endpoint/health/live" || true)
wait $in_flight
wait $run || true
trap - EXIT
kill $hook

echo "in flight: HTTP $(cat "$work/in-flight.status") $(cat "$work/in-flight.body")"
echo "a new request during the quiesce: HTTP $refused (000: connection refused)"
[ "$(cat "$work/in-flight.status")" = 200 ] || fail "the SignUp in flight did not finish"
[ "$refused" = 000 ] || fail "a new request was taken during the quiesce"
grep -q '"message":"CWWKE1101I: Server quiesce complete."' "$work/console.log" || fail "no quiesce in the log"
own=$(grep -c '"module":"io.gatehouse.' "$work/console.log" || true)
[ "$own" -gt 0 ] || fail "no Gatehouse line in the JSON console"
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]' "$work/console.log" \
  || fail "a console line that starts as JSON is not JSON"
echo "OK ($mode): the request in flight finished, new connections were refused, $own Gatehouse lines as JSON"
rm -rf "$work"
