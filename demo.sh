#!/usr/bin/env bash
# Keyward demo: builds Keyward, fetches Keycloak from Maven Central, installs Keyward
# with the same routine as everywhere else, imports realm-exports/ and starts Keycloak
# on http://localhost:8080 with an embedded H2 database kept in the data directory.
#
# Usage: ./demo.sh [--port 8080] [--management-port 9000] [--data-dir DIR] [-- kc.sh start options...]
#   --data-dir DIR  Keycloak, its database and the logs (default: .demo/ in the repository);
#                   a later run on the same DIR starts on its data
#   e.g. ./demo.sh -- --spi-client-policy-executor--keyward-oauth21--mode=report
# Keycloak must be ready within KEYWARD_DEMO_START_TIMEOUT seconds (default 180).
set -euo pipefail

port="${KEYWARD_DEMO_PORT:-8080}"
extra_options=()
management_port="${KEYWARD_DEMO_MANAGEMENT_PORT:-9000}"
data_dir="${KEYWARD_DEMO_DATA_DIR:-}"
start_timeout="${KEYWARD_DEMO_START_TIMEOUT:-180}"
admin_user="admin"
admin_password="admin"

fail() { echo "demo: $*" >&2; exit 1; }

# Ctrl-C stops Keycloak cleanly whenever it comes, also while Keycloak is being started.
stop_keycloak() {
  local running
  running="$(jobs -rp)"  # kc.sh: the demo's only background job, also before its pid is noted
  [[ -n "$running" ]] || return 1
  # shellcheck disable=SC2086 # one pid per word
  kill -TERM $running 2>/dev/null || true
  wait 2>/dev/null || true
}
# shellcheck disable=SC2317 # run by the trap below
on_interrupt() {
  trap - INT TERM
  echo
  if stop_keycloak; then
    echo "demo: stopped; data stays in $state_dir for the next run"
    exit 0
  fi
  echo "demo: interrupted before Keycloak started"
  exit 130
}
state_dir=""
trap on_interrupt INT TERM

while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="${2:-}"; shift 2 || fail "--port needs a number" ;;
    --port=*) port="${1#*=}"; shift ;;
    --management-port) management_port="${2:-}"; shift 2 || fail "--management-port needs a number" ;;
    --management-port=*) management_port="${1#*=}"; shift ;;
    --data-dir) [[ -n "${2:-}" ]] || fail "--data-dir needs a directory"; data_dir="$2"; shift 2 ;;
    --data-dir=*) data_dir="${1#*=}"; [[ -n "$data_dir" ]] || fail "--data-dir needs a directory"; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; extra_options=("$@"); break ;;
    *) fail "unknown option $1 (try --help)" ;;
  esac
done
for p in "$port" "$management_port"; do
  if ! [[ "$p" =~ ^[0-9]+$ ]] || (( p == 0 || p > 65535 )); then
    fail "'$p' is not a TCP port number"
  fi
done
[[ "$port" != "$management_port" ]] || fail "--port and --management-port must differ"
if ! [[ "$start_timeout" =~ ^[0-9]+$ ]] || (( start_timeout == 0 )); then
  fail "KEYWARD_DEMO_START_TIMEOUT must be a number of seconds, not '$start_timeout'"
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# A relative --data-dir is relative to where the demo was started.
[[ "$data_dir" != -* ]] || fail "--data-dir needs a directory, not '$data_dir'"
mkdir -p -- "${data_dir:-$repo/.demo}" || fail "cannot create the data directory ${data_dir:-$repo/.demo}"
state_dir="$(cd -- "${data_dir:-$repo/.demo}" && pwd)"
cd "$repo"

# --- Prerequisites, each with a one-line answer -------------------------------------------
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$java_cmd" >/dev/null 2>&1 || fail "Java 17 or newer is needed and no 'java' was found; install a JDK 17+ or set JAVA_HOME"
java_major="$("$java_cmd" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1)"
java_major="${java_major#1.}"
[[ "$java_major" =~ ^[0-9]+$ ]] || fail "could not tell the version of $java_cmd; install a JDK 17+ or set JAVA_HOME"
(( java_major >= 17 )) || fail "Java 17 or newer is needed, $java_cmd is Java $java_major; install a JDK 17+ or set JAVA_HOME"
command -v curl >/dev/null 2>&1 || fail "curl is needed to watch Keycloak start; install it (e.g. apt-get install curl)"
command -v mvn >/dev/null 2>&1 || fail "Apache Maven ('mvn') is needed to build Keyward; install it (e.g. apt-get install maven)"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_in_use "$port" && fail "port $port is already in use; stop what listens there or pick another with --port N"
port_in_use "$management_port" && fail "management port $management_port is already in use; pick another with --management-port N"

keycloak_version="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -1)"
[[ -n "$keycloak_version" ]] || fail "could not read keycloak.version from pom.xml"
kc_home="$state_dir/keycloak-$keycloak_version"

# --- Build Keyward --------------------------------------------------------------------------
echo "demo: building Keyward (log: $state_dir/build.log)"
mvn -B -DskipTests package >"$state_dir/build.log" 2>&1 \
  || fail "the Keyward build failed; see $state_dir/build.log"

# --- Fetch Keycloak -------------------------------------------------------------------------
# Maven downloads the distribution into its local repository once; each new data directory unpacks it from there.
if [[ ! -f "$kc_home/bin/kc.sh" ]]; then
  echo "demo: unpacking org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip (downloaded from Maven Central the first time)"
  mvn -B -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip" \
      -DoutputDirectory="$state_dir" -Dmdep.overWriteReleases=true >"$state_dir/download.log" 2>&1 \
    || fail "could not download Keycloak $keycloak_version from Maven Central (network?); see $state_dir/download.log"
  [[ -f "$kc_home/bin/kc.sh" ]] || fail "the Keycloak download did not contain bin/kc.sh; see $state_dir/download.log"
fi

# --- Install Keyward: the one install routine -----------------------------------------------
echo "demo: installing Keyward into $kc_home (log: $state_dir/install.log)"
# --features=declarative-ui: Keycloak's experimental admin-console extensions, for Keyward's tab under Realm settings.
bash pack/target/install-keyward.sh "$kc_home" --db=dev-file --health-enabled=true --metrics-enabled=true \
    --features=declarative-ui >"$state_dir/install.log" 2>&1 \
  || fail "installing Keyward failed; see $state_dir/install.log"

# --import-realm skips realms that already exist, so restarts keep their data.
mkdir -p "$kc_home/data/import"
cp realm-exports/*.json "$kc_home/data/import/"

# --- Start ----------------------------------------------------------------------------------
log="$state_dir/keycloak.log"
echo "demo: starting Keycloak $keycloak_version on http://localhost:$port (log: $log)"
started=$SECONDS
KC_BOOTSTRAP_ADMIN_USERNAME="$admin_user" KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
  bash "$kc_home/bin/kc.sh" start --optimized --import-realm \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
    --http-management-port="$management_port" --hostname-strict=false "${extra_options[@]}" \
    >"$log" 2>&1 &
kc_pid=$!

deadline=$((SECONDS + start_timeout))
until curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$management_port/health/ready" 2>/dev/null; do
  if ! kill -0 "$kc_pid" 2>/dev/null; then
    tail -n 30 "$log" >&2
    fail "Keycloak stopped during startup; the last lines of $log are above"
  fi
  if (( SECONDS >= deadline )); then
    stop_keycloak || true
    tail -n 30 "$log" >&2
    fail "Keycloak was not ready within $start_timeout s (KEYWARD_DEMO_START_TIMEOUT) and is stopped; the last lines of $log are above"
  fi
  sleep 1
done
ready_after=$((SECONDS - started))

# The modes in force, from Keyward's endpoint GET /admin/realms/acme/keyward-oauth21/modes, with an
# admin token from master's admin-cli (exempt from no-password-grant). Prints "rule=mode, ..."; a rule
# the realm acme makes stricter than the server shows as "rule=server-mode (acme: realm-mode)".
baseline_modes() {
  local base="http://127.0.0.1:$port" token modes rule name server realm line=""
  token="$(curl -fsS --max-time 10 --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
      --data-urlencode "username=$admin_user" --data-urlencode "password=$admin_password" \
      "$base/realms/master/protocol/openid-connect/token" 2>/dev/null \
    | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')" || true
  if [[ -z "$token" ]]; then
    echo "unknown: no admin token from master's admin-cli"
    return
  fi
  if ! modes="$(curl -fsS --max-time 10 -H "Authorization: Bearer $token" "$base/admin/realms/acme/keyward-oauth21/modes" 2>&1)"; then
    echo "unknown: GET /admin/realms/acme/keyward-oauth21/modes failed ($modes)"
    return
  fi
  # Each rule is a flat object: "pkce-required":{"server":"enforce","realm":"enforce"}
  while IFS= read -r rule; do
    name="$(sed -n 's/^"\([^"]*\)".*/\1/p' <<<"$rule")"
    server="$(sed -n 's/.*"server" *: *"\([a-z]*\)".*/\1/p' <<<"$rule")"
    realm="$(sed -n 's/.*"realm" *: *"\([a-z]*\)".*/\1/p' <<<"$rule")"
    line+="${line:+, }$name=$server"
    [[ "$realm" == "$server" ]] || line+=" (acme: $realm)"
  done < <(grep -o '"[a-z0-9-]*" *: *{[^{}]*}' <<<"$modes" || true)
  echo "${line:-unknown: no rules in $modes}"
}
modes="$(baseline_modes)"

cat <<BANNER

  Keyward demo is ready after $ready_after s  (Keycloak $keycloak_version, Ctrl-C stops it)

  Keyward console   http://localhost:$port/realms/master/keyward/console/   user: $admin_user   password: $admin_password
                    (every realm; realm acme alone: http://localhost:$port/realms/acme/keyward/console/)
  Admin console     http://localhost:$port/admin/            user: $admin_user   password: $admin_password
  Compliance report http://localhost:$port/admin/realms/acme/keyward-oauth21/compliance   (admin REST API, JSON or CSV)
  Account console   http://localhost:$port/realms/acme/account/

  Demo users (realm acme)
    alice / alice     may use every demo client
    bob   / bob       is turned away from "web" by Keyward's client access gate
    carol / carol     has not accepted the terms (version 2026-11) yet: asked at her first login

  Demo clients (realm acme)
    spa      public, authorization code + PKCE S256   redirect http://127.0.0.1:5173/callback
    web      confidential, secret web-demo-secret      redirect https://web.acme.example/callback
    native   public, PKCE S256                         redirect http://127.0.0.1/callback (any port), com.example.native:/callback
    service  client credentials, secret service-demo-secret
    partner  public, PKCE S256, consent required       redirect http://127.0.0.1:5174/callback (Keyward's granular consent)

  OAuth 2.1 baseline    $modes
                        (docs/oauth21-rules.md; findings: admin console > Events of each realm)
  OpenID configuration  http://localhost:$port/realms/acme/.well-known/openid-configuration
  Try a login           KEYCLOAK_URL=http://localhost:$port realm-exports/authorize-url.sh partner openid phone address
                        (fresh PKCE link; what each demo flow shows: realm-exports/README.md)
  Data and logs         $state_dir  (Keycloak's log: keycloak.log)

BANNER

status=0
wait "$kc_pid" || status=$?
trap - INT TERM
tail -n 20 "$log" >&2
fail "Keycloak exited with status $status; the last lines of $log are above"
