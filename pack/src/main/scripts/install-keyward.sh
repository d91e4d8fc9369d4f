#!/usr/bin/env bash
# Installs Keyward into a Keycloak home directory: puts the Keyward JAR into
# providers/ (replacing any other Keyward version there) and runs `kc.sh build`.
#
# This is the one install routine. The demo, the integration-test harness, the
# Dockerfile and the README's install instructions all call it.
#
# Usage: install-keyward.sh [--jar PATH] KEYCLOAK_HOME [kc.sh build options...]
#   --jar PATH      the Keyward JAR; default: the keyward-*.jar next to this script
#   KEYCLOAK_HOME   the Keycloak directory holding bin/kc.sh and providers/
#   build options   passed to `kc.sh build`, e.g. --db=postgres --health-enabled=true
set -euo pipefail

fail() { echo "install-keyward: $*" >&2; exit 1; }

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar=""
if [[ "${1:-}" == "--jar" ]]; then
  [[ $# -ge 2 ]] || fail "--jar needs a path"
  jar="$2"
  shift 2
fi
[[ $# -ge 1 ]] || fail "usage: install-keyward.sh [--jar PATH] KEYCLOAK_HOME [kc.sh build options...]"
kc_home="$1"
shift

if [[ -z "$jar" ]]; then
  shopt -s nullglob
  candidates=("$script_dir"/keyward-*.jar)
  shopt -u nullglob
  [[ ${#candidates[@]} -eq 1 ]] \
    || fail "expected exactly one keyward-*.jar next to $0, found ${#candidates[@]}; pass --jar PATH"
  jar="${candidates[0]}"
fi
[[ -f "$jar" ]] || fail "no Keyward JAR at $jar (build it with: mvn -DskipTests package)"
[[ -f "$kc_home/bin/kc.sh" ]] || fail "$kc_home is not a Keycloak home directory (no bin/kc.sh)"
[[ -d "$kc_home/providers" ]] || fail "$kc_home has no providers/ directory"

# Only one Keyward may be installed: two versions would register the same providers twice.
find "$kc_home/providers" -maxdepth 1 -name 'keyward-*.jar' ! -name "$(basename "$jar")" -print -delete \
  | sed 's/^/install-keyward: removed older /'
cp "$jar" "$kc_home/providers/"
echo "install-keyward: copied $(basename "$jar") to $kc_home/providers/"

echo "install-keyward: running kc.sh build $*"
bash "$kc_home/bin/kc.sh" build "$@" || fail "kc.sh build failed (exit $?); see its output above"
echo "install-keyward: Keyward is installed; start Keycloak with: $kc_home/bin/kc.sh start --optimized"
