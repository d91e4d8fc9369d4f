#!/usr/bin/env bash
# Installs Keyward into a Keycloak home directory: puts the Keyward JAR into
# providers/ (replacing any other Keyward version there) and runs `kc.sh build`.
#
# This is the one install routine. The demo, the integration-test harness, the
# Dockerfile and the README's install instructions all call it.
#
# Usage: install-keyward.sh KEYCLOAK_HOME [kc.sh build options...] [--jar PATH]
#   KEYCLOAK_HOME   the Keycloak directory holding bin/kc.sh and providers/: the first argument
#                   other than --jar and its value
#   build options   passed to `kc.sh build`, e.g. --db=postgres --health-enabled=true
#   --jar PATH      the Keyward JAR (also --jar=PATH, anywhere among the arguments);
#                   default: the keyward-*.jar next to this script
set -euo pipefail

usage="usage: install-keyward.sh KEYCLOAK_HOME [kc.sh build options...] [--jar PATH]"
fail() { echo "install-keyward: $*" >&2; exit 1; }

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar=""
jar_given=false
kc_home=""
build_options=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar|--jar=*)
      ! $jar_given || fail "--jar is given twice; $usage"
      if [[ "$1" == --jar ]]; then
        [[ $# -ge 2 && -n "$2" && "$2" != --* ]] || fail "--jar needs a path, e.g. --jar pack/target/keyward-VERSION.jar; $usage"
        jar="$2"
        shift 2
      else
        jar="${1#--jar=}"
        [[ -n "$jar" ]] || fail "--jar= needs a path, e.g. --jar=pack/target/keyward-VERSION.jar; $usage"
        shift
      fi
      jar_given=true
      ;;
    *)
      if [[ -z "$kc_home" ]]; then
        [[ "$1" != -* ]] || fail "the Keycloak home directory must come before the build options (got $1 first); $usage"
        kc_home="$1"
      else
        build_options+=("$1")
      fi
      shift
      ;;
  esac
done
[[ -n "$kc_home" ]] || fail "$usage"

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

echo "install-keyward: running kc.sh build ${build_options[*]}"
bash "$kc_home/bin/kc.sh" build "${build_options[@]}" || fail "kc.sh build failed (exit $?); see its output above"
echo "install-keyward: Keyward is installed; start Keycloak with: $kc_home/bin/kc.sh start --optimized"
