#!/usr/bin/env bash
# The compliance gate: asks a Keycloak with Keyward for the OAuth 2.1 compliance report of one realm
# (GET /admin/realms/{realm}/keyward-oauth21/compliance?format=csv), prints one line per client and the
# findings that break, and exits non-zero when a client breaks, so a pipeline can block a change.
#
# Needs bash and curl; awk, sed and grep do the rest (no jq, no python).
# Secrets never go on a command line, neither this script's nor curl's: they are read from environment
# variables (or stdin) and handed to curl in a config on its stdin.
#
# Run with --help for the options and exit codes.
set -euo pipefail
umask 077

prog=keyward-compliance
usage_line="usage: keyward-compliance.sh --url URL --realm REALM (--client-id ID | --user USER) [options]"

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
  --when-enforced           fail when a client would break once every rule is enforced, not only with
                            the modes in force now
  --csv                     print the report's CSV (only the --client rows, if given) instead of the table;
                            the result line then goes to stderr
  --timeout SECONDS         limit for each HTTP request (default: 60)
  -h, --help                this text

Exit codes
  0  no client breaks (with --when-enforced: none would break once every rule is enforced)
  1  at least one client breaks, or has a verdict this script does not know; they are listed
  2  usage error, including a --client the realm does not have
  3  the report could not be read: no curl, server unreachable, sign-in refused, or an unexpected
     HTTP answer (its status and the start of its body are printed)
EOF
}

fail_usage() { echo "$prog: $*" >&2; echo "$usage_line (--help for more)" >&2; exit 2; }
fail_check() { echo "$prog: $*" >&2; exit 3; }

# --- options -----------------------------------------------------------------------------------------
url="" realm="" client_id="" user="" auth_realm="master"
secret_env="" password_env="" secret_stdin=false password_stdin=false
window_days="" when_enforced=false csv=false timeout=60
clients=""          # the --client filter, one clientId per line
given=" "           # options seen so far, to refuse repeats

while [[ $# -gt 0 ]]; do
  arg="$1"
  shift
  if [[ "$arg" == --*=* ]]; then
    name="${arg%%=*}" value="${arg#*=}" inline=true
  else
    name="$arg" value="" inline=false
  fi
  case "$name" in
    --url|--realm|--client-id|--client-secret-env|--user|--password-env|--auth-realm|--client|--window-days|--timeout)
      if ! $inline; then
        [[ $# -ge 1 && "$1" != --* ]] || fail_usage "$name needs a value"
        value="$1"
        shift
      fi
      [[ -n "$value" ]] || fail_usage "$name needs a value"
      ;;
    --client-secret-stdin|--password-stdin|--when-enforced|--csv|-h|--help)
      ! $inline || fail_usage "$name takes no value"
      ;;
    --client-secret|--secret|--password|--token)
      fail_usage "$name is not accepted: a secret on the command line shows in ps and CI logs;" \
        "put it in an environment variable and pass its name (--client-secret-env VAR, --password-env VAR)," \
        "or use --client-secret-stdin / --password-stdin"
      ;;
    -*)
      fail_usage "unknown option $arg"
      ;;
    *)
      fail_usage "unexpected argument $arg (options come as --name value)"
      ;;
  esac
  if [[ "$name" != --client && "$given" == *" $name "* ]]; then
    fail_usage "$name is given twice"
  fi
  given+="$name "
  case "$name" in
    -h|--help) usage; exit 0 ;;
    --url) url="${value%/}" ;;
    --realm) realm="$value" ;;
    --client-id) client_id="$value" ;;
    --client-secret-env) secret_env="$value" ;;
    --client-secret-stdin) secret_stdin=true ;;
    --user) user="$value" ;;
    --password-env) password_env="$value" ;;
    --password-stdin) password_stdin=true ;;
    --auth-realm) auth_realm="$value" ;;
    --client)
      [[ "$value" != *$'\n'* ]] || fail_usage "--client $value: a clientId has no line break"
      clients+="$value"$'\n'
      ;;
    --window-days) window_days="$value" ;;
    --when-enforced) when_enforced=true ;;
    --csv) csv=true ;;
    --timeout) timeout="$value" ;;
  esac
done

base_url_pattern='^https?://[^/?#]+(/[^?#]*)?$'
[[ -n "$url" ]] || fail_usage "--url is missing, e.g. --url https://sso.example.com"
[[ "$url" =~ $base_url_pattern ]] \
  || fail_usage "--url $url is not an http(s) base URL, e.g. https://sso.example.com"
[[ -n "$realm" ]] || fail_usage "--realm is missing"
positive() { [[ "$1" =~ ^[0-9]{1,5}$ ]] && ((10#$1 > 0)); }
if [[ -n "$window_days" ]]; then
  positive "$window_days" || fail_usage "--window-days needs a whole number of days from 1, got $window_days"
  window_days=$((10#$window_days))
fi
positive "$timeout" \
  || fail_usage "--timeout needs a whole number of seconds from 1, got $timeout"
for var in "$secret_env" "$password_env"; do
  [[ -z "$var" || "$var" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] \
    || fail_usage "$var is not an environment variable name (give the variable's name, not the secret)"
done
! { $secret_stdin && $password_stdin; } \
  || fail_usage "--client-secret-stdin and --password-stdin both want stdin; put one secret in an environment variable"
! { [[ -n "$secret_env" ]] && $secret_stdin; } \
  || fail_usage "--client-secret-env and --client-secret-stdin exclude each other"
! { [[ -n "$password_env" ]] && $password_stdin; } \
  || fail_usage "--password-env and --password-stdin exclude each other"

if [[ -n "$user" ]]; then
  grant=password
  [[ -n "$client_id" ]] || client_id=admin-cli
  [[ -n "$password_env" ]] || password_env=KEYWARD_PASSWORD
  # A confidential client for the password grant: only when a client secret is asked for.
  send_secret=false
  if [[ -n "$secret_env" ]] || $secret_stdin; then send_secret=true; fi
else
  grant=client_credentials
  [[ -n "$client_id" ]] \
    || fail_usage "sign in with --client-id ID (client credentials) or --user USER (password grant)"
  if [[ -n "$password_env" ]] || $password_stdin; then
    fail_usage "--password-env and --password-stdin need --user"
  fi
  send_secret=true
fi
[[ -n "$secret_env" ]] || secret_env=KEYWARD_CLIENT_SECRET

# --- secrets -----------------------------------------------------------------------------------------
read_stdin_line() {
  local line=""
  IFS= read -r line || [[ -n "$line" ]] || fail_usage "$1 found nothing on stdin"
  line="${line%$'\r'}"
  [[ -n "$line" ]] || fail_usage "$1 found an empty first line on stdin"
  printf '%s' "$line"
}

client_secret=""
if $send_secret; then
  if $secret_stdin; then
    client_secret="$(read_stdin_line --client-secret-stdin)"
  else
    client_secret="${!secret_env:-}"
  fi
  [[ -n "$client_secret" ]] || fail_usage "no client secret for $client_id: environment variable $secret_env is empty or unset" \
    "(export it, name another with --client-secret-env VAR, or use --client-secret-stdin)"
fi
password=""
if [[ "$grant" == password ]]; then
  if $password_stdin; then
    password="$(read_stdin_line --password-stdin)"
  else
    password="${!password_env:-}"
    if [[ -z "$password" && -t 0 ]]; then
      IFS= read -r -s -p "Password for $user: " password || true
      echo >&2
    fi
  fi
  [[ -n "$password" ]] || fail_usage "no password for $user: environment variable $password_env is empty or unset" \
    "(export it, name another with --password-env VAR, or use --password-stdin)"
fi

command -v curl >/dev/null 2>&1 || fail_check "curl is needed; install it (e.g. apt-get install curl)"

# --- HTTP --------------------------------------------------------------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/keyward-compliance.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# A value for a curl config file: double-quoted, with curl's escapes for \ " and control characters.
config_quote() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      \\) out+="\\\\" ;;
      \") out+='\"' ;;
      $'\n') out+='\n' ;;
      $'\r') out+='\r' ;;
      $'\t') out+='\t' ;;
      *) out+="$c" ;;
    esac
  done
  printf '"%s"' "$out"
}

# One path segment, percent-encoded byte by byte.
path_segment() {
  local LC_ALL=C s="$1" out="" c i hex
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [A-Za-z0-9._~-]) out+="$c" ;;
      *) printf -v hex '%02X' "'$c"; out+="%${hex: -2}" ;;
    esac
  done
  printf '%s' "$out"
}

# The start of a body on one line, without control characters.
excerpt() {
  head -c 300 "$1" | tr '\000-\037\177' ' ' | sed 's/  */ /g; s/^ //; s/ $//'
}

# request BODY_FILE CURL_ARGS... < curl config
# Sets status, content_type and location; a transport error ends the script with exit 3.
status="" content_type="" location=""
request() {
  local body="$1" meta rc=0
  shift
  meta="$(curl -q -sS --config - --connect-timeout 10 --max-time "$timeout" \
    -o "$body" -w '%{http_code}|%{content_type}|%{redirect_url}' "$@" 2>"$tmp/curl-error")" || rc=$?
  if [[ $rc -ne 0 ]]; then
    fail_check "cannot reach $url: $(excerpt "$tmp/curl-error") (curl exit $rc)"
  fi
  IFS='|' read -r status content_type location <<<"$meta"
}

describe_answer() {
  local text="HTTP $status"
  [[ -z "$location" ]] || text+=" redirecting to $location (is --url the server's base URL?)"
  [[ ! -s "$1" ]] || text+=": $(excerpt "$1")"
  printf '%s' "$text"
}

case "$url" in
  http://localhost[:/]*|http://localhost|http://127.*|http://\[::1\]*) ;;
  http://*) echo "$prog: warning: sending credentials over plain http to $url" >&2 ;;
esac

# --- sign in -----------------------------------------------------------------------------------------
token_url="$url/realms/$(path_segment "$auth_realm")/protocol/openid-connect/token"
# The form goes to curl as a config on its stdin (a pipe from builtins), never as arguments.
token_form() {
  echo "data-urlencode = $(config_quote "grant_type=$grant")"
  echo "data-urlencode = $(config_quote "client_id=$client_id")"
  if [[ -n "$client_secret" ]]; then echo "data-urlencode = $(config_quote "client_secret=$client_secret")"; fi
  if [[ "$grant" == password ]]; then
    echo "data-urlencode = $(config_quote "username=$user")"
    echo "data-urlencode = $(config_quote "password=$password")"
  fi
}
request "$tmp/token" -H 'Accept: application/json' "$token_url" < <(token_form)
client_secret="" password=""

if [[ "$grant" == password ]]; then who="user $user (client $client_id)"; else who="client $client_id"; fi
[[ "$status" == 200 ]] \
  || fail_check "cannot sign in as $who in realm $auth_realm: $(describe_answer "$tmp/token")"
token="$(tr -d '\n\r' <"$tmp/token" | sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')"
[[ -n "$token" ]] || fail_check "cannot sign in as $who in realm $auth_realm: the answer has no access_token"
rm -f "$tmp/token"

# --- the report --------------------------------------------------------------------------------------
report_url="$url/admin/realms/$(path_segment "$realm")/keyward-oauth21/compliance?format=csv"
[[ -z "$window_days" ]] || report_url+="&windowDays=$window_days"
request "$tmp/report" -H 'Accept: text/csv' "$report_url" \
  < <(echo "header = $(config_quote "Authorization: Bearer $token")")
token=""

case "$status" in
  200) ;;
  401) fail_check "the server refused the token of $who for realm $realm: $(describe_answer "$tmp/report")" ;;
  403) fail_check "$who may not read realm $realm's clients (it needs the role view-clients on $realm):" \
         "$(describe_answer "$tmp/report")" ;;
  404) fail_check "no realm $realm, or no Keyward compliance report on $url (is Keyward installed?):" \
         "$(describe_answer "$tmp/report")" ;;
  *) fail_check "unexpected answer to GET $report_url: $(describe_answer "$tmp/report")" ;;
esac
case "$content_type" in
  text/csv*|"") ;;
  *) fail_check "expected CSV from $report_url, got ${content_type}: $(describe_answer "$tmp/report")" ;;
esac

# --- judge and print ---------------------------------------------------------------------------------
# The report is RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks, so it is
# read record by record, not line by line. Columns are found by name in the header. Runs in the C
# locale (bytes) so every awk reads UTF-8 alike; widths count characters by skipping continuation bytes.
# Exit: 0 pass, 1 a client fails the gate, 4 not a report, 5 a --client the realm lacks.
# Table or CSV on stdout; the result line(s) in $KW_RESULT.
rc=0
LC_ALL=C KW_CLIENTS="$clients" KW_REALM="$realm" KW_CSV="$csv" KW_WHEN_ENFORCED="$when_enforced" \
  KW_RESULT="$tmp/result" awk '
function fail_report(why) { print why > result; bad = 1; exit 4 }

# Splits the record starting at $0 into f[1..n]; reads more lines while a quoted field is open.
# Keeps the record as received in raw. Returns n.
function read_record(   line, pos, n, q, val, c, rest, more) {
  line = $0; raw = $0; n = 0; pos = 1
  while (1) {
    n++
    if (substr(line, pos, 1) == "\"") {
      val = ""; pos++
      while (1) {
        q = index(substr(line, pos), "\"")
        if (q == 0) {
          val = val substr(line, pos) "\n"
          if ((getline more) <= 0) fail_report("the report ends inside a quoted field")
          raw = raw "\n" more; line = more; pos = 1
          continue
        }
        val = val substr(line, pos, q - 1); pos += q
        if (substr(line, pos, 1) == "\"") { val = val "\""; pos++; continue }
        break
      }
      f[n] = val
      c = substr(line, pos, 1)
      if (c == ",") { pos++; continue }
      if (c == "" || (c == "\r" && pos == length(line))) return n
      fail_report("the report has text after a closing quote: " shown(substr(line, 1, 120)))
    } else {
      rest = substr(line, pos)
      q = index(rest, ",")
      if (q == 0) { sub(/\r$/, "", rest); f[n] = rest; return n }
      f[n] = substr(rest, 1, q - 1); pos += q
    }
  }
}

# A field by column name. The server defuses a leading = + - @ for spreadsheets with a quote; undone here.
function field(name,   v) {
  v = (name in col && col[name] <= nfields) ? f[col[name]] : ""
  if (v ~ /^\047[-=+@]/) v = substr(v, 2)
  return v
}

# For a terminal or a CI log: one line, control characters (escape sequences too) made harmless.
function shown(s) {
  gsub(/\r?\n/, " ", s)
  gsub(/[\001-\037\177]/, "?", s)
  return s
}

function width(s) { gsub(/[\200-\277]/, "", s); return length(s) }
function pad(s, w) { while (width(s) < w) s = s " "; return s }
function listed(id) { id = shown(id); return id ~ /[, ]/ ? "\"" id "\"" : id }
function passes(verdict) { return verdict == "compliant" || verdict == "exempted" || verdict == "builtin" }

# Whether a finding is one that makes its client fail the gate. The outcomes: breaks (refused now),
# reported or off (refused once enforced), exempted, builtin, changes (works, behaves differently).
# An outcome this script does not know counts as breaking.
function breaking(outcome) {
  if (outcome == "breaks") return 1
  if (outcome == "reported" || outcome == "off") return when_enforced
  return !(outcome == "exempted" || outcome == "builtin" || outcome == "changes")
}

BEGIN {
  result = ENVIRON["KW_RESULT"]; realm = ENVIRON["KW_REALM"]
  csv = ENVIRON["KW_CSV"] == "true"; when_enforced = ENVIRON["KW_WHEN_ENFORCED"] == "true"
  nwanted = split(ENVIRON["KW_CLIENTS"], wanted_list, "\n")
  for (i = 1; i <= nwanted; i++) if (wanted_list[i] != "") { wanted[wanted_list[i]] = 1; filtered = 1 }
  header = 0; nclients = 0
}

$0 == "" || $0 == "\r" { next }

{
  nfields = read_record()
  if (!header) {
    sub(/^\357\273\277/, "", f[1])
    for (i = 1; i <= nfields; i++) col[f[i]] = i
    if (!("clientId" in col) || !("verdict" in col) || !("verdictWhenEnforced" in col))
      fail_report("the answer is not a compliance report (its first line: " shown(substr(raw, 1, 120)) ")")
    header = 1
    if (csv) print raw
    next
  }
  id = field("clientId")
  if (filtered && !(id in wanted)) next
  if (csv) print raw
  if (!(id in verdict)) {
    order[++nclients] = id
    verdict[id] = field("verdict"); later[id] = field("verdictWhenEnforced"); nfind[id] = 0; rules[id] = ""
    seen[id] = field("runtimeCount"); last[id] = field("lastSeen")
  }
  rule = field("rule")
  if (rule == "") next
  k = ++nfind[id]
  fr[id, k] = rule; fs[id, k] = field("setting"); fv[id, k] = field("value"); fx[id, k] = field("fix")
  fm[id, k] = field("mode"); fo[id, k] = field("outcome")
  # The RULES column: each rule once, with its outcome unless that is "breaks".
  label = rule (fo[id, k] == "breaks" || fo[id, k] == "" ? "" : " (" fo[id, k] ")")
  if (!((id, label) in has_rule)) { has_rule[id, label] = 1; rules[id] = rules[id] (rules[id] == "" ? "" : ", ") label }
}

END {
  if (bad) exit 4
  if (!header) fail_report("the answer is empty, not a compliance report")
  missing = ""
  for (id in wanted) if (!(id in verdict)) missing = missing (missing == "" ? "" : ", ") listed(id)
  if (missing != "") { print "realm " shown(realm) " has no client " missing " (--client)" > result; exit 5 }
  if (nclients == 0) fail_report("the report lists no clients")

  failing = ""; nfailing = 0
  for (i = 1; i <= nclients; i++) {
    id = order[i]; gate = when_enforced ? later[id] : verdict[id]
    count[verdict[id]]++; if (later[id] == "breaks") nlater++
    if (!passes(gate)) {
      failed[id] = 1
      if (++nfailing > 20) continue
      failing = failing (failing == "" ? "" : ", ") listed(id) (gate == "breaks" ? "" : " (verdict " (gate == "" ? "missing" : shown(gate)) ")")
    }
  }
  if (nfailing > 20) failing = failing ", and " nfailing - 20 " more"
  what = when_enforced ? "would break once every rule is enforced" : "break"
  if (nfailing == 0)
    line = "realm " shown(realm) ": no client " (when_enforced ? "would break once every rule is enforced" : "breaks") \
      " (" nclients (nclients == 1 ? " client" : " clients") " checked)"
  else
    line = "realm " shown(realm) ": " nfailing " of " nclients " clients " \
      (nfailing == 1 ? (when_enforced ? "would break once every rule is enforced" : "breaks") : what) ": " failing
  print "keyward-compliance: " line > result

  if (csv) exit (nfailing > 0 ? 1 : 0)

  w1 = length("CLIENT"); w2 = length("VERDICT"); w3 = length("WHEN ENFORCED")
  for (i = 1; i <= nclients; i++) {
    id = order[i]
    if (width(shown(id)) > w1) w1 = width(shown(id))
    if (width(shown(verdict[id])) > w2) w2 = width(shown(verdict[id]))
  }
  print pad("CLIENT", w1) "  " pad("VERDICT", w2) "  " pad("WHEN ENFORCED", w3) "  RULES"
  for (i = 1; i <= nclients; i++) {
    id = order[i]
    print pad(shown(id), w1) "  " pad(shown(verdict[id]), w2) "  " pad(shown(later[id]), w3) "  " \
      (rules[id] == "" ? "-" : shown(rules[id]))
  }
  print ""
  print "Summary: " nclients (nclients == 1 ? " client" : " clients") ", " count["compliant"] + 0 " compliant, " \
    count["breaks"] + 0 " break, " count["exempted"] + 0 " exempted, " count["builtin"] + 0 " built-in; " \
    nlater + 0 " would break once every rule is enforced"

  if (nfailing > 0) {
    print ""
    print "Findings of the clients that " (when_enforced ? "would break once every rule is enforced" : "break") ":"
    for (i = 1; i <= nclients; i++) {
      id = order[i]
      if (!(id in failed)) continue
      print ""
      runtime = (seen[id] == "" || seen[id] == "0") ? "" \
        : "; Keyward findings at runtime: " shown(seen[id]) (last[id] == "" ? "" : ", last " shown(last[id]))
      print shown(id) " (" shown(verdict[id]) "; when enforced: " shown(later[id]) runtime ")"
      # The findings that make it fail; all of them when none does (e.g. a verdict this script does not know).
      nshown = 0
      for (k = 1; k <= nfind[id]; k++) if (breaking(fo[id, k])) nshown++
      if (nfind[id] == 0) print "  no finding listed"
      for (k = 1; k <= nfind[id]; k++) {
        if (nshown > 0 && !breaking(fo[id, k])) continue
        note = fm[id, k] == "" ? "" : "mode " shown(fm[id, k])
        if (fo[id, k] != "") note = note (note == "" ? "" : ", ") shown(fo[id, k])
        print "  " shown(fr[id, k]) ": " (fs[id, k] == "" ? "" : shown(fs[id, k]) " = ") \
          (fv[id, k] == "" ? "(not set)" : shown(fv[id, k])) (note == "" ? "" : "  [" note "]")
        if (fx[id, k] != "") print "    fix: " shown(fx[id, k])
      }
    }
  }
  print ""
  exit (nfailing > 0 ? 1 : 0)
}
' "$tmp/report" || rc=$?

case "$rc" in
  0|1)
    if $csv; then cat "$tmp/result" >&2; else cat "$tmp/result"; fi
    exit "$rc"
    ;;
  4) fail_check "unexpected answer from $report_url: $(cat "$tmp/result")" ;;
  5) fail_usage "$(cat "$tmp/result")" ;;
  *) fail_check "could not read the report (awk exit $rc)" ;;
esac
