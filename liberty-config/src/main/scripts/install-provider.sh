#!/usr/bin/env bash
# Installs (or removes) Gatehouse provider jars on a Liberty server and makes the running application pick them up.
#
#   install-provider.sh [--server DIR] JAR...        copy each jar into DIR/providers/
#   install-provider.sh [--server DIR] --remove NAME...   delete DIR/providers/NAME (a file name, e.g. my-idp.jar)
#
# DIR is the Liberty server directory (the one holding server.xml); it defaults to $GATEHOUSE_SERVER_DIR, then to
# the development server that `./gatehouse run` starts. After the change the script bumps the providers library's
# revision in DIR/configDropins/overrides/gatehouse-providers.xml: Liberty lists the folder afresh and restarts the
# application (about a second of downtime), which rediscovers its providers.
# Check the outcome at /health/ready. No EAR rebuild and no server restart.
set -euo pipefail

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
server_dir=${GATEHOUSE_SERVER_DIR:-$here/../../../../ear/target/liberty/wlp/usr/servers/gatehouse}
remove=false
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --server) [ $# -ge 2 ] || usage; server_dir=$2; shift 2 ;;
    --remove) remove=true; shift ;;
    -h|--help) usage ;;
    *) files+=("$1"); shift ;;
  esac
done
[ ${#files[@]} -gt 0 ] || usage
[ -f "$server_dir/server.xml" ] || { echo "install-provider: no server.xml in $server_dir (use --server DIR)" >&2; exit 1; }

providers="$server_dir/providers"
mkdir -p "$providers" "$server_dir/configDropins/overrides"
for f in "${files[@]}"; do
  if $remove; then
    name=$(basename -- "$f")
    rm -f -- "$providers/$name"
    echo "removed $name"
  else
    [ -f "$f" ] || { echo "install-provider: $f is not a file" >&2; exit 1; }
    case "$f" in *.jar) ;; *) echo "install-provider: $f is not a .jar" >&2; exit 1 ;; esac
    name=$(basename -- "$f")
    case "$name" in *[!A-Za-z0-9._-]*) echo "install-provider: name jars with letters, digits, '.', '_' and '-' only: $name" >&2; exit 1 ;; esac
    # Copy then rename, so the application never loads a half-written jar.
    cp -- "$f" "$providers/.$name.tmp"
    mv -f -- "$providers/.$name.tmp" "$providers/$name"
    echo "installed $name"
  fi
done

override="$server_dir/configDropins/overrides/gatehouse-providers.xml"
# Liberty's configuration monitor compares modification times to the second (and sizes, which stay the same
# here): a second change within the same second as the last would go unnoticed.
if [ -f "$override" ] && [ "$(stat -c %Y "$override")" -ge "$(date +%s)" ]; then
  sleep 1.1
fi
revision="rev-$(date +%s%N)"
# The new library names each jar: a fileset in a freshly defined library may be read before it has listed the
# folder, and then the application restarts without the new jar.
files=""
for jar in "$providers"/*.jar; do
  [ -e "$jar" ] || continue
  files="$files        <file name=\"\${server.config.dir}/providers/$(basename -- "$jar")\"/>
"
done
cat > "$override.tmp" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Written by install-provider.sh. A Liberty library keeps the file list it made first, so each change defines a
  library with a new id, naming every jar in providers/, and points the application at it; the changed class
  loader makes Liberty restart the application, which then discovers the providers. The location repeats
  server.xml's, which liberty-maven-plugin expects on every enterpriseApplication element.
-->
<server>
    <library id="gatehouseProviders-$revision">
$files    </library>
    <enterpriseApplication id="gatehouse" location="gatehouse.ear">
        <classloader privateLibraryRef="gatehouseProviders-$revision" commonLibraryRef="cryptoProvider"/>
    </enterpriseApplication>
</server>
XML
mv -f -- "$override.tmp" "$override"
echo "providers library now at $revision; the application restarts to pick it up (see /health/ready)"
