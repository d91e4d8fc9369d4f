#!/usr/bin/env bash
# Measures the compliance report of a realm with 10,000 clients on a real Keycloak with Keyward, and the console on it:
# starts Keycloak, creates the realm's clients (two in five compliant, the others with a wildcard or
# http redirect URI, the implicit flow, the password grant or no PKCE setting) through partialImport
# in batches of 500 (one `kc.sh import` of them all takes over 20 minutes here: one transaction, and
# Hibernate's flush grows with it), restarts Keycloak, then times GET .../keyward-oauth21/compliance
# as JSON and CSV: round 1 is the first request after a start.
# Usage: pack/src/test/scripts/compliance-10k.sh WORK_DIR   (after `mvn -DskipTests package`)
# Run it again with the same WORK_DIR to time a further cold start without creating the clients again.
# Leaves nothing running; WORK_DIR holds the copy of Keycloak, its database and the logs.
set -euo pipefail
work="${1:?usage: compliance-10k.sh WORK_DIR}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
version="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$repo/pom.xml" | head -1)"
clients="${CLIENTS:-10000}"
port="${PORT:-28180}"
mkdir -p "$work"
kc="$work/keycloak-$version"
if [[ ! -d "$kc" ]]; then
  unzip -q "$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.zip" -d "$work"
  "$repo/pack/target/install-keyward.sh" "$kc" --db=dev-file --health-enabled=true >"$work/install.log" 2>&1
fi

pid=''
trap 'stop' EXIT
start() {
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin "$kc/bin/kc.sh" start --optimized --http-enabled=true \
    --http-host=127.0.0.1 --http-port="$port" --http-management-port=$((port + 1000)) --hostname-strict=false >>"$work/keycloak.log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$((port + 1000))/health/ready" >/dev/null 2>&1; do sleep 2; done
}
stop() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=''; fi
}
start
admin_token() {
  curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "http://localhost:$port/realms/master/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
api="http://localhost:$port/admin/realms"
curl -fsS -o /dev/null -H "Authorization: Bearer $(admin_token)" -H 'Content-Type: application/json' -d '{"realm":"big","enabled":true}' "$api" || true

client_json() {
  local i=$1 host="https://app$1.example.com" uris extra='"pkce.code.challenge.method":"S256"' implicit=false password=false
  uris="\"$host/cb\",\"$host/silent\",\"http://127.0.0.1/cb$i\""
  case $((i % 10)) in
    4|5) uris="$uris,\"$host/*\"" ;;
    6) uris="$uris,\"http://intranet$i.example/cb\"" ;;
    7) implicit=true ;;
    8) password=true ;;
    9) extra='' ;;
  esac
  printf '{"clientId":"client-%d","publicClient":%s,"secret":"s%d","standardFlowEnabled":true,"implicitFlowEnabled":%s,' \
    "$i" "$([[ $((i % 3)) == 0 ]] && echo true || echo false)" "$i" "$implicit"
  printf '"directAccessGrantsEnabled":%s,"redirectUris":[%s],"attributes":{%s}}' "$password" "$uris" "$extra"
}

if [[ ! -f "$work/created" ]]; then
  echo "compliance-10k: creating $clients clients"
  began=$(date +%s)
  for ((first = 0; first < clients; first += 500)); do
    {
      printf '{"ifResourceExists":"SKIP","clients":['
      for ((i = first; i < first + 500 && i < clients; i++)); do
        ((i > first)) && printf ','
        client_json "$i"
      done
      printf ']}'
    } >"$work/batch.json"
    curl -fsS -o /dev/null -H "Authorization: Bearer $(admin_token)" -H 'Content-Type: application/json' \
      --data-binary @"$work/batch.json" "$api/big/partialImport"
  done
  echo "compliance-10k: creating the clients took $(( $(date +%s) - began )) s"
  touch "$work/created"
fi
# Restart, so the first report finds Keycloak's caches as cold as after any start.
stop
start
token=$(admin_token)
report="http://localhost:$port/admin/realms/big/keyward-oauth21/compliance"
# Keycloak's own first admin request after a start (its admin resources, the realm) is timed apart.
realm=$(curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$api/big")
page=$(curl -fsS -o "$work/page.json" -w '%{time_total}' -H "Authorization: Bearer $token" "$report")
echo "compliance-10k: after the start: GET realm ${realm}s, then the report's first page (1,000 clients, summary of all) ${page}s"
for round in 1 2 3 4 5; do
  token=$(admin_token)
  json=$(curl -fsS -o "$work/report.json" -w '%{time_total}' -H "Authorization: Bearer $token" "$report?max=$clients")
  csv=$(curl -fsS -o "$work/report.csv" -w '%{time_total}' -H "Authorization: Bearer $token" -H 'Accept: text/csv' "$report")
  echo "compliance-10k: round $round: JSON (all $clients clients) ${json}s, CSV ${csv}s"
done
grep -o '"summary":{[^}]*}' "$work/report.json"
echo "compliance-10k: CSV rows $(( $(wc -l <"$work/report.csv") - 1 )), JSON $(wc -c <"$work/report.json") bytes"
# The same realm in Keyward's console, in Chromium (needs `npm ci --prefix themes/browser-tests` and Debian's chromium).
if [[ -d "$repo/themes/browser-tests/node_modules/playwright-core" ]] && command -v chromium >/dev/null 2>&1; then
  KEYCLOAK_URL="http://localhost:$port" REALM=big ADMIN_USER=admin ADMIN_PASSWORD=admin OUT_DIR="$work" \
    node "$repo/themes/browser-tests/console-timing.mjs"
else
  echo "compliance-10k: console timing skipped (no playwright-core in themes/browser-tests or no chromium)"
fi
