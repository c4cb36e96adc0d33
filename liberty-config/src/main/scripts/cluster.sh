#!/usr/bin/env bash
# A local Gatehouse cluster: N Liberty servers of one build, each on its own ports, on one PostgreSQL database and
# schema, behind HAProxy (Debian's, /usr/sbin/haproxy). For developers and for the cluster failure tests.
#
#   cluster.sh start [OPTIONS]   create the nodes afresh from a built server, start them and the balancer, wait
#                                until every node and the balancer answer /health/ready
#   cluster.sh stop  [--dir DIR] stop the balancer and the nodes (the database and DIR/cluster.env stay)
#   cluster.sh status [--dir DIR] each node's process and readiness, and the balancer's
#
# Options of start:
#   --nodes N             nodes (2)
#   --db URL              the JDBC URL every node uses (jdbc:postgresql://127.0.0.1:5432/test?currentSchema=gatehouse_cluster;
#                         the schema must exist: for a one-host URL it is made with psql where psql is installed);
#                         several hosts with targetServerType=primary follow a fail-over
#   --db-user USER        database user (postgres); the password comes from GATEHOUSE_DB_PASSWORD (default: none)
#   --port P              the balancer's port (9080); node i listens on P+i (HTTP) and P+100+i (HTTPS), 127.0.0.1
#   --dir DIR             state, configuration and logs (target/cluster in the checkout)
#   --template DIR        the built Liberty server the nodes are copied from
#                         (ear/target/liberty/wlp/usr/servers/gatehouse, made by `mvn -pl ear liberty:create liberty:deploy`)
#   --jvm-option OPT      a line of every node's jvm.options (repeatable), e.g. -Dgatehouse.token.key-rotation-period=PT1M
#   --timeout SECONDS     how long to wait for the nodes to be ready (300)
#
# The nodes share one data key (GATEHOUSE_DATA_KEY) and one admin credential (GATEHOUSE_ADMIN_ACCESS_KEY_ID and
# _SECRET_ACCESS_KEY): taken from the environment when set, otherwise generated at the first start and kept in
# DIR/cluster.env (readable only by you) for the next, since the database holds what the key sealed. The admin
# credential is also written as an AWS credentials file, DIR/admin-credentials (profile gatehouse). Node i's logs are
# in DIR/usr/servers/node<i>/logs, the balancer's in DIR/haproxy.log, node i's process id in
# DIR/usr/servers/.pid/node<i>.pid.
set -euo pipefail

usage() { sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../../.." && pwd)
wlp=$root/ear/target/liberty/wlp
dir=$root/target/cluster
nodes=2
db_url='jdbc:postgresql://127.0.0.1:5432/test?currentSchema=gatehouse_cluster'
db_user=postgres
port=9080
template=$wlp/usr/servers/gatehouse
timeout=300
jvm_options=()

command=${1:-}
[ -n "$command" ] || usage
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes=$2; shift 2 ;;
    --db) db_url=$2; shift 2 ;;
    --db-user) db_user=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --template) template=$2; shift 2 ;;
    --jvm-option) jvm_options+=("$2"); shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "cluster: unknown option $1" >&2; usage ;;
  esac
done
if [ "$command" = start ]; then
  mkdir -p "$dir"
elif [ ! -d "$dir" ]; then
  echo "no cluster in $dir"
  exit 3
fi
dir=$(cd "$dir" && pwd)
# Liberty's user directory of the nodes: their servers, logs and pid files stay under DIR, out of the build's wlp.
export WLP_USER_DIR=$dir/usr
servers=$WLP_USER_DIR/servers

node_names() { ls "$servers" 2>/dev/null | grep -E '^node[0-9]+$' | sort -V || true; }
node_port() { sed -n 's/^GATEHOUSE_HTTP_PORT=//p' "$servers/$1/server.env"; }
balancer_port() { sed -n 's/^ *bind 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$dir/haproxy.cfg" 2>/dev/null || true; }
ready() { curl -sf -m 5 "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_cluster() {
  if alive "$dir/haproxy.pid"; then
    kill "$(cat "$dir/haproxy.pid")"
    echo "balancer stopped"
  fi
  rm -f "$dir/haproxy.pid"
  local n pids=()
  for n in $(node_names); do
    if alive "$servers/.pid/$n.pid"; then
      "$wlp/bin/server" stop "$n" >/dev/null 2>&1 &
      pids+=($!)
    fi
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
  # A node killed with SIGKILL leaves its pid file; a stopped one is gone. Either way nothing of ours runs now.
  for n in $(node_names); do
    if alive "$servers/.pid/$n.pid"; then
      echo "cluster: $n (pid $(cat "$servers/.pid/$n.pid")) did not stop" >&2
      return 1
    fi
    rm -f "$servers/.pid/$n.pid"
  done
  echo "nodes stopped"
}

# Gatehouse needs the schema of currentSchema to exist; for a one-host URL, make it when psql is at hand.
ensure_schema() {
  local re='^jdbc:postgresql://([^:/,]+):([0-9]+)/([^?]+)\?(.*&)?currentSchema=([A-Za-z_][A-Za-z0-9_]*)(&.*)?$'
  if [[ $db_url =~ $re ]] && command -v psql >/dev/null; then
    PGPASSWORD=${GATEHOUSE_DB_PASSWORD:-} psql -q -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[2]}" -U "$db_user" \
      -d "${BASH_REMATCH[3]}" -c "CREATE SCHEMA IF NOT EXISTS ${BASH_REMATCH[5]}" \
      || echo "cluster: could not make the schema ${BASH_REMATCH[5]}; the nodes need it" >&2
  fi
}

secret() { tr -dc "$1" </dev/urandom | head -c "$2" || true; }

start_cluster() {
  [ -x /usr/sbin/haproxy ] || { echo "cluster: needs Debian's haproxy (apt-get install haproxy)" >&2; exit 1; }
  [ -f "$template/server.xml" ] && [ -f "$template/apps/gatehouse.ear" ] || {
    echo "cluster: no built server in $template (mvn -pl ear -DskipTests liberty:create liberty:deploy, or --template)" >&2
    exit 1
  }
  if alive "$dir/haproxy.pid" || [ -n "$(for n in $(node_names); do alive "$servers/.pid/$n.pid" && echo "$n"; done)" ]; then
    echo "cluster: already running in $dir (cluster.sh stop --dir $dir)" >&2
    exit 1
  fi
  local p
  for p in "$port" $(for i in $(seq 1 "$nodes"); do echo $((port + i)) $((port + 100 + i)); done); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "cluster: port $p is taken" >&2
      exit 1
    fi
  done

  # One data key and one admin credential for every node of the cluster.
  umask 077
  if [ -f "$dir/cluster.env" ] && [ -z "${GATEHOUSE_DATA_KEY:-}" ]; then
    # shellcheck disable=SC1091
    . "$dir/cluster.env"
  fi
  GATEHOUSE_DATA_KEY=${GATEHOUSE_DATA_KEY:-$(head -c 32 /dev/urandom | base64)}
  GATEHOUSE_ADMIN_ACCESS_KEY_ID=${GATEHOUSE_ADMIN_ACCESS_KEY_ID:-AKIA$(secret 'A-Z0-9' 16)}
  GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=${GATEHOUSE_ADMIN_SECRET_ACCESS_KEY:-$(secret 'A-Za-z0-9' 40)}
  cat >"$dir/cluster.env" <<EOF
GATEHOUSE_DATA_KEY=$GATEHOUSE_DATA_KEY
GATEHOUSE_ADMIN_ACCESS_KEY_ID=$GATEHOUSE_ADMIN_ACCESS_KEY_ID
GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$GATEHOUSE_ADMIN_SECRET_ACCESS_KEY
EOF
  cat >"$dir/admin-credentials" <<EOF
[gatehouse]
aws_access_key_id = $GATEHOUSE_ADMIN_ACCESS_KEY_ID
aws_secret_access_key = $GATEHOUSE_ADMIN_SECRET_ACCESS_KEY
EOF

  # Each start makes the nodes afresh from the template: a node is its configuration, the state is in the database.
  rm -rf "$servers"
  mkdir -p "$servers"
  local i n
  for i in $(seq 1 "$nodes"); do
    n=node$i
    mkdir -p "$servers/$n"
    for part in server.xml configDropins apps jdbc crypto providers lib; do
      [ -e "$template/$part" ] && cp -r "$template/$part" "$servers/$n/"
    done
    # server.env is read by Liberty when the node starts; it holds secrets, hence the umask above.
    cat >"$servers/$n/server.env" <<EOF
GATEHOUSE_HTTP_HOST=127.0.0.1
GATEHOUSE_HTTP_PORT=$((port + i))
GATEHOUSE_HTTPS_PORT=$((port + 100 + i))
GATEHOUSE_BASE_URL=http://127.0.0.1:$port
GATEHOUSE_TRUSTED_PROXIES=127.0.0.1
GATEHOUSE_DB_URL=$db_url
GATEHOUSE_DB_USER=$db_user
GATEHOUSE_DB_PASSWORD=${GATEHOUSE_DB_PASSWORD:-}
$(cat "$dir/cluster.env")
EOF
    printf '%s\n' "${jvm_options[@]}" >"$servers/$n/jvm.options"
  done
  umask 022

  # Round robin over the ready nodes. A request is sent again, to another node, only when it could not be sent
  # at all (retry-on conn-failure, option redispatch): one a node may have processed is never repeated, since a
  # sign-in or a refresh is not idempotent. A node leaves the rotation after two failed health checks a second
  # apart and comes back after two good ones.
  cat >"$dir/haproxy.cfg" <<EOF
global
    log stderr format short local0 info
    maxconn 2000

defaults
    mode http
    log global
    option httplog
    option dontlog-normal
    option forwardfor
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout queue 10s
    # A node busy on two shared cores may take over a second to answer its health check; a dead one refuses at once.
    timeout check 3s
    retries 3
    retry-on conn-failure
    option redispatch 1

frontend gatehouse
    bind 127.0.0.1:$port
    default_backend nodes

backend nodes
    balance roundrobin
    option httpchk
    http-check send meth GET uri /health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
$(for i in $(seq 1 "$nodes"); do echo "    server node$i 127.0.0.1:$((port + i)) check"; done)
EOF
  /usr/sbin/haproxy -c -q -f "$dir/haproxy.cfg"

  ensure_schema
  echo "starting $nodes nodes on $db_url (logs in $servers/node<i>/logs)"
  local pids=()
  for i in $(seq 1 "$nodes"); do
    "$wlp/bin/server" start "node$i" >"$dir/node$i.start.log" 2>&1 &
    pids+=($!)
  done
  local failed=false
  for p in "${pids[@]}"; do wait "$p" || failed=true; done
  if $failed; then
    cat "$dir"/node*.start.log >&2
    stop_cluster || true
    exit 1
  fi
  local deadline=$((SECONDS + timeout))
  for i in $(seq 1 "$nodes"); do
    until ready $((port + i)); do
      # CWWKZ0002E: the application failed to start (a data key the database's secrets are not sealed with, say).
      if [ $SECONDS -ge $deadline ] || ! alive "$servers/.pid/node$i.pid" \
          || grep -q CWWKZ0002E "$servers/node$i/logs/messages.log" 2>/dev/null; then
        echo "cluster: node$i is not ready; its log:" >&2
        tail -40 "$servers/node$i/logs/messages.log" >&2 || true
        stop_cluster || true
        exit 1
      fi
      sleep 0.5
    done
  done
  # The balancer starts once the nodes are ready, so that its log begins with a cluster that works.
  nohup /usr/sbin/haproxy -db -f "$dir/haproxy.cfg" >"$dir/haproxy.log" 2>&1 &
  echo $! >"$dir/haproxy.pid"
  until ready "$port"; do
    [ $SECONDS -lt $deadline ] || { echo "cluster: the balancer is not ready" >&2; stop_cluster || true; exit 1; }
    sleep 0.2
  done
  echo "cluster ready: http://127.0.0.1:$port ($nodes nodes on ports $((port + 1))-$((port + nodes)))"
  echo "admin credential: AWS_SHARED_CREDENTIALS_FILE=$dir/admin-credentials AWS_PROFILE=gatehouse"
}

status_cluster() {
  local n p state code=0
  for n in $(node_names); do
    p=$(node_port "$n")
    if alive "$servers/.pid/$n.pid"; then
      state="pid $(cat "$servers/.pid/$n.pid"), $(ready "$p" && echo ready || echo 'not ready')"
    else
      state=stopped
      code=3
    fi
    echo "$n http://127.0.0.1:$p $state"
  done
  p=$(balancer_port)
  if [ -z "$p" ]; then
    echo "no cluster in $dir"
    return 3
  elif alive "$dir/haproxy.pid"; then
    echo "balancer http://127.0.0.1:$p pid $(cat "$dir/haproxy.pid"), $(ready "$p" && echo ready || echo 'not ready')"
  else
    echo "balancer http://127.0.0.1:$p stopped"
    code=3
  fi
  return $code
}

case "$command" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  status) status_cluster ;;
  *) usage ;;
esac
