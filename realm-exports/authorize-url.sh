#!/usr/bin/env bash
# Prints a fresh authorization URL (new state and PKCE S256 challenge; the baseline refuses a challenge
# seen before) for a client of the demo realm acme, and the code_verifier to redeem its code with.
#   realm-exports/authorize-url.sh CLIENT [SCOPE ...]    e.g.  partner openid phone address
# KEYCLOAK_URL (default http://localhost:8080) points it at another server.
set -euo pipefail

usage() { echo "usage: $0 spa|web|native|partner [scope ...]   (default scope: openid)" >&2; exit 2; }
(( $# >= 1 )) || usage
client=$1; shift
case "$client" in
  spa) redirect="http://127.0.0.1:5173/callback" ;;
  web) redirect="https://web.acme.example/callback" ;;
  native) redirect="http://127.0.0.1:49152/callback" ;;
  partner) redirect="http://127.0.0.1:5174/callback" ;;
  *) usage ;;
esac
command -v openssl >/dev/null || { echo "$0: needs openssl" >&2; exit 1; }

base64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
urlencode() { local s=$1 out="" c i; for (( i = 0; i < ${#s}; i++ )); do c=${s:i:1}
  case "$c" in [A-Za-z0-9._~-]) out+=$c ;; *) out+=$(printf '%%%02X' "'$c") ;; esac; done; printf '%s' "$out"; }

scope=${*:-openid}
verifier=$(openssl rand 48 | base64url)
challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64url)
state=$(openssl rand 16 | base64url)

echo "${KEYCLOAK_URL:-http://localhost:8080}/realms/acme/protocol/openid-connect/auth?client_id=$client&response_type=code&scope=$(urlencode "$scope")&redirect_uri=$(urlencode "$redirect")&state=$state&code_challenge=$challenge&code_challenge_method=S256"
echo "code_verifier=$verifier" >&2
