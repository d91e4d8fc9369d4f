#!/usr/bin/env bash
# The compliance gate: signs in, asks the server for its verdict on a realm (.../keyward-oauth21/compliance?format=gate;
# the judging is the server's, in Java), prints it and exits 1 when a client breaks. Needs bash and curl. Secrets never go
# on a command line, this script's or curl's: they come from the environment (or stdin) and reach curl in a config on stdin.
set -euo pipefail; umask 077; prog=keyward-compliance
usage() {
  cat <<'EOF'
usage: keyward-compliance.sh --url URL --realm REALM (--client-id ID | --user USER) [options]

Checks every client of REALM against Keyward's OAuth 2.1 rules, prints one line per client and the
findings that break with their fix, and exits 1 when a client breaks.

Server and realm
  --url URL                 the server's base URL, as for kcadm.sh --server (https://sso.example.com)
  --realm REALM             the realm to check

Sign-in, like kcadm.sh (secrets only from the environment or stdin, never as arguments)
  --client-id ID            client credentials grant with this service-account client; it needs the role
                            view-clients on REALM (realm-management, or REALM-realm in master)
  --client-secret-env VAR   the environment variable holding its secret (default: KEYWARD_CLIENT_SECRET)
  --client-secret-stdin     read the client secret from the first line of stdin instead
  --user USER               password grant as this user, on admin-cli unless --client-id names another client
  --password-env VAR        the environment variable holding the password (default: KEYWARD_PASSWORD);
                            asked for on the terminal when it is empty and stdin is a terminal
  --password-stdin          read the password from the first line of stdin instead
  --auth-realm REALM        the realm to sign in to (default: master)

Report
  --client ID               check only this client (repeatable); a client the realm lacks is an error
  --window-days N           days of runtime findings to count (default: the server's, 30)
  --when-enforced           fail when a client would break once every rule is enforced, not only now
  --csv                     print the report's CSV (of the --client rows) instead; the result line goes to stderr
  --timeout SECONDS         limit for each HTTP request (default: 60)
  -h, --help                this text

Exit codes
  0  no client breaks (with --when-enforced: none would break once every rule is enforced)
  1  at least one client breaks; they are listed          2  usage error, including a --client the realm lacks
  3  the report could not be read: no curl, server unreachable, sign-in refused, or an unexpected HTTP answer
     (its status and the start of its body are printed)
EOF
}
fail_usage() { echo "$prog: $*" >&2; echo "usage: keyward-compliance.sh --url URL --realm REALM (--client-id ID | --user USER) [options] (--help for more)" >&2; exit 2; }
fail_check() { echo "$prog: $*" >&2; exit 3; }
url="" realm="" client_id="" user="" auth_realm=master secret_env="" password_env="" secret_stdin=false password_stdin=false
window_days="" when_enforced=false csv=false timeout=60 given=" " clients=()
while [[ $# -gt 0 ]]; do
  arg="$1" name="${1%%=*}" value=""; shift
  case "$name" in
    --url|--realm|--client-id|--client-secret-env|--user|--password-env|--auth-realm|--client|--window-days|--timeout)
      if [[ "$arg" == *=* ]]; then value="${arg#*=}"; elif [[ $# -ge 1 && "$1" != --* ]]; then value="$1"; shift; fi
      [[ -n "$value" ]] || fail_usage "$name needs a value" ;;
    --client-secret-stdin|--password-stdin|--when-enforced|--csv|-h|--help) [[ "$arg" != *=* ]] || fail_usage "$name takes no value" ;;
    --client-secret|--secret|--password|--token)
      fail_usage "$name is not accepted: a secret on the command line shows in ps and CI logs; put it in an environment" \
        "variable and pass its name (--client-secret-env VAR, --password-env VAR), or use --client-secret-stdin / --password-stdin" ;;
    -*) fail_usage "unknown option $arg" ;;
    *) fail_usage "unexpected argument $arg (options come as --name value)" ;;
  esac
  [[ "$name" == --client || "$given" != *" $name "* ]] || fail_usage "$name is given twice"
  given+="$name "
  case "$name" in
    -h|--help) usage; exit 0 ;;
    --url) url="${value%/}" ;; --realm) realm="$value" ;; --client-id) client_id="$value" ;; --user) user="$value" ;;
    --client-secret-env) secret_env="$value" ;; --password-env) password_env="$value" ;; --auth-realm) auth_realm="$value" ;;
    --client-secret-stdin) secret_stdin=true ;; --password-stdin) password_stdin=true ;; --client) clients+=("$value") ;;
    --window-days) window_days="$value" ;; --when-enforced) when_enforced=true ;; --csv) csv=true ;; --timeout) timeout="$value" ;;
  esac
done
[[ -n "$url" ]] || fail_usage "--url is missing, e.g. --url https://sso.example.com"
[[ "$url" =~ ^https?://[^/?#]+(/[^?#]*)?$ ]] || fail_usage "--url $url is not an http(s) base URL, e.g. https://sso.example.com"
[[ -n "$realm" ]] || fail_usage "--realm is missing"
positive() { [[ "$1" =~ ^[0-9]{1,5}$ ]] && ((10#$1 > 0)); }
[[ -z "$window_days" ]] || positive "$window_days" || fail_usage "--window-days needs a whole number of days from 1, got $window_days"
positive "$timeout" || fail_usage "--timeout needs a whole number of seconds from 1, got $timeout"
for var in "$secret_env" "$password_env"; do
  [[ -z "$var" || "$var" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || fail_usage "$var is not an environment variable name (give the variable's name, not the secret)"
done
! { $secret_stdin && $password_stdin; } || fail_usage "--client-secret-stdin and --password-stdin both want stdin; put one secret in an environment variable"
! { [[ -n "$secret_env" ]] && $secret_stdin; } || fail_usage "--client-secret-env and --client-secret-stdin exclude each other"
! { [[ -n "$password_env" ]] && $password_stdin; } || fail_usage "--password-env and --password-stdin exclude each other"
if [[ -n "$user" ]]; then
  grant=password client_id="${client_id:-admin-cli}" password_env="${password_env:-KEYWARD_PASSWORD}" send_secret=false
  if [[ -n "$secret_env" ]] || $secret_stdin; then send_secret=true; fi  # a confidential client for the password grant
else
  grant=client_credentials send_secret=true
  [[ -n "$client_id" ]] || fail_usage "sign in with --client-id ID (client credentials) or --user USER (password grant)"
  [[ -z "$password_env" ]] && ! $password_stdin || fail_usage "--password-env and --password-stdin need --user"
fi
secret_env="${secret_env:-KEYWARD_CLIENT_SECRET}"
stdin_line() { local line=""; IFS= read -r line || [[ -n "$line" ]] || fail_usage "$1 found nothing on stdin"
  line="${line%$'\r'}"; [[ -n "$line" ]] || fail_usage "$1 found an empty first line on stdin"; printf '%s' "$line"; }
client_secret="" password=""
if $send_secret; then
  if $secret_stdin; then client_secret="$(stdin_line --client-secret-stdin)"; else client_secret="${!secret_env:-}"; fi
  [[ -n "$client_secret" ]] || fail_usage "no client secret for $client_id: environment variable $secret_env is empty or unset" \
    "(export it, name another with --client-secret-env VAR, or use --client-secret-stdin)"
fi
if [[ "$grant" == password ]]; then
  if $password_stdin; then password="$(stdin_line --password-stdin)"; else password="${!password_env:-}"; fi
  if [[ -z "$password" && -t 0 ]] && ! $password_stdin; then IFS= read -r -s -p "Password for $user: " password || true; echo >&2; fi
  [[ -n "$password" ]] || fail_usage "no password for $user: environment variable $password_env is empty or unset" \
    "(export it, name another with --password-env VAR, or use --password-stdin)"
fi
command -v curl >/dev/null 2>&1 || fail_check "curl is needed; install it (e.g. apt-get install curl)"
[[ "$url" != http://* || "$url" =~ ^http://(localhost|127\.[0-9.]+|\[::1\])(:[0-9]+)?(/|$) ]] \
  || echo "$prog: warning: sending credentials over plain http to $url" >&2

tmp="$(mktemp -d "${TMPDIR:-/tmp}/keyward-compliance.XXXXXX")"; trap 'rm -rf "$tmp"' EXIT
# A curl config value: double-quoted, with curl's escapes for \ " and line breaks.
quoted() { local s="${1//\\/\\\\}"; s="${s//\"/\\\"}"; s="${s//$'\n'/\\n}"; s="${s//$'\r'/\\r}"; printf '"%s"' "${s//$'\t'/\\t}"; }
segment() { local LC_ALL=C s="$1" out="" c i; for ((i = 0; i < ${#s}; i++)); do c="${s:i:1}"; case "$c" in [A-Za-z0-9._~-]) out+="$c" ;; *) printf -v c '%%%02X' "'$c"; out+="${c: -3}" ;; esac; done; printf '%s' "$out"; }
excerpt() { head -c 300 "$1" | tr '\000-\037\177' ' ' | sed 's/  */ /g; s/^ //; s/ $//'; }
# request NAME < curl config: the answer's body in $tmp/NAME; sets status and gate (the Keyward-Gate header).
request() { local rc=0; status="$(curl -q -sS --config - --connect-timeout 10 --max-time "$timeout" -D "$tmp/$1.headers" \
    -o "$tmp/$1" -w '%{http_code}' 2>"$tmp/error")" || rc=$?; [[ $rc -eq 0 ]] || fail_check "cannot reach $url: $(excerpt "$tmp/error") (curl exit $rc)"
  gate="$(tr -d '\r' <"$tmp/$1.headers" | sed -n 's/^[Kk]eyward-[Gg]ate: *//p' | tail -1)"; }
answer() { printf 'HTTP %s%s' "$status" "$([[ -s "$tmp/$1" ]] && printf ': %s' "$(excerpt "$tmp/$1")")"; }
who="client $client_id"; [[ "$grant" == client_credentials ]] || who="user $user (client $client_id)"
request token < <(echo "url = $(quoted "$url/realms/$(segment "$auth_realm")/protocol/openid-connect/token")"
  for pair in "grant_type=$grant" "client_id=$client_id" ${client_secret:+"client_secret=$client_secret"} \
    ${password:+"username=$user" "password=$password"}; do echo "data-urlencode = $(quoted "$pair")"; done)
client_secret="" password=""
[[ "$status" == 200 ]] || fail_check "cannot sign in as $who in realm $auth_realm: $(answer token)"
token="$(tr -d '\n\r' <"$tmp/token" | sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')"
[[ -n "$token" ]] || fail_check "cannot sign in as $who in realm $auth_realm: the answer has no access_token"
report() {  # report FORMAT: the realm's report in that format, for the chosen clients
  echo "url = $(quoted "$url/admin/realms/$(segment "$realm")/keyward-oauth21/compliance")"
  echo "header = $(quoted "Authorization: Bearer $token")"; echo 'get'
  for pair in "format=$1" "whenEnforced=$when_enforced" ${window_days:+"windowDays=$window_days"} "${clients[@]/#/client=}"
  do echo "data-urlencode = $(quoted "$pair")"; done
}
request gate < <(report gate)
case "$status" in
  200) ;;
  400) message="$(sed -n 's/.*"error[A-Za-z]*"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$tmp/gate" | head -1)"
       fail_usage "${message:-$(answer gate)}" ;;
  401) fail_check "the server refused the token of $who for realm $realm: $(answer gate)" ;;
  403) fail_check "$who may not read realm $realm's clients (it needs the role view-clients on $realm): $(answer gate)" ;;
  404) fail_check "no realm $realm, or no Keyward compliance report on $url (is Keyward installed?): $(answer gate)" ;;
  *) fail_check "unexpected answer to the compliance report of realm $realm: $(answer gate)" ;;
esac
[[ "$gate" == pass || "$gate" == fail ]] || fail_check "the answer of $url is not Keyward's gate verdict (no Keyward-Gate header): $(answer gate)"
if $csv; then request csv < <(report csv); [[ "$status" == 200 ]] || fail_check "the CSV report of realm $realm: $(answer csv)"
  cat "$tmp/csv"; tail -n 1 "$tmp/gate" >&2
else cat "$tmp/gate"; fi
[[ "$gate" == pass ]] || exit 1
