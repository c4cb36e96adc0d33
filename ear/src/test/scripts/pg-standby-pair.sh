#!/usr/bin/env bash
# A PostgreSQL primary with a hot standby, as production runs it, for the cluster failure tests (ClusterFailureIT):
# two clusters of Debian's postgresql-common, gh-primary and gh-standby, of the installed major version, the standby
# made with pg_basebackup -R and streaming from the primary. Replication is synchronous (synchronous_standby_names),
# so a transaction the primary reports committed is on the standby's disk too. The machine's own clusters (main on
# 5432) are never touched. Needs root (CI and the test machines run as root).
#
#   pg-standby-pair.sh create PRIMARY_PORT STANDBY_PORT   drop any leftovers of an earlier run, make both, start them
#   pg-standby-pair.sh drop                               stop and delete both
#   pg-standby-pair.sh stop-primary                       stop the primary at once, as a crash does (-m immediate)
#   pg-standby-pair.sh start-primary                      start it again
#   pg-standby-pair.sh promote                            make the standby the primary (pg_ctlcluster promote)
#
# Both trust connections from 127.0.0.1 and listen there only; the database is "gatehouse", the user "postgres".
set -euo pipefail

version=$(ls /usr/lib/postgresql | sort -V | tail -1)
primary=gh-primary
standby=gh-standby
as_postgres() { runuser -u postgres -- "$@"; }

drop() {
  local c
  for c in "$standby" "$primary"; do
    if pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version $c"; then
      pg_dropcluster --stop "$version" "$c"
    fi
    # Leftovers that pg_dropcluster does not know of (a run killed half-way through pg_createcluster).
    rm -rf "/etc/postgresql/$version/$c" "/var/lib/postgresql/$version/$c"
  done
}

settings() { # cluster port
  cat >"/etc/postgresql/$version/$1/conf.d/gatehouse-pair.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $2
max_connections = 200
wal_level = replica
max_wal_senders = 5
hot_standby = on
fsync = on
EOF
}

create() {
  local p1=$1 p2=$2 p
  for p in "$p1" "$p2"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null \
        && ! pg_lsclusters -h | awk '{print $2" "$3}' | grep -Eqx "($primary|$standby) $p"; then
      echo "pg-standby-pair: port $p is taken" >&2
      exit 1
    fi
  done
  drop
  pg_createcluster -q "$version" "$primary" -p "$p1" -- --auth=trust >/dev/null
  settings "$primary" "$p1"
  pg_ctlcluster "$version" "$primary" start
  as_postgres psql -q -h 127.0.0.1 -p "$p1" -d postgres -c 'CREATE DATABASE gatehouse' >/dev/null

  pg_createcluster -q "$version" "$standby" -p "$p2" -- --auth=trust >/dev/null
  settings "$standby" "$p2"
  local data=/var/lib/postgresql/$version/$standby
  find "$data" -mindepth 1 -delete  # pg_basebackup fills an empty directory; its parent is root's
  # -R writes standby.signal and a primary_conninfo naming this standby as synchronous_standby_names does.
  as_postgres pg_basebackup -D "$data" -R -X stream -c fast \
    -d "host=127.0.0.1 port=$p1 user=postgres application_name=gh_standby"
  pg_ctlcluster "$version" "$standby" start
  # Committed means on the standby's disk as well. Only now: with no standby, a commit would wait for one.
  echo "synchronous_standby_names = 'gh_standby'" >>"/etc/postgresql/$version/$primary/conf.d/gatehouse-pair.conf"
  pg_ctlcluster "$version" "$primary" reload
  local waited=0
  until [ "$(as_postgres psql -tAq -h 127.0.0.1 -p "$p1" -d postgres \
      -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'gh_standby'")" = sync ]; do
    [ $waited -lt 300 ] || { echo "pg-standby-pair: the standby does not stream" >&2; exit 1; }
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "primary 127.0.0.1:$p1, synchronous hot standby 127.0.0.1:$p2 (PostgreSQL $version)"
}

case "${1:-}" in
  create) [ $# -eq 3 ] || { sed -n '8,8p' "$0"; exit 2; }; create "$2" "$3" ;;
  drop) drop ;;
  stop-primary) pg_ctlcluster "$version" "$primary" stop -m immediate ;;
  start-primary) pg_ctlcluster "$version" "$primary" start ;;
  promote) pg_ctlcluster "$version" "$standby" promote ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
