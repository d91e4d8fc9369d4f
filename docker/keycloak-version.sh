#!/usr/bin/env bash
# Prints keycloak.version from the repository's pom.xml, the one place the Keycloak version lives,
# for the Docker build argument KEYCLOAK_VERSION (see docker/README.md):
#   docker build -f docker/Dockerfile --build-arg KEYCLOAK_VERSION="$(docker/keycloak-version.sh)" -t keyward-keycloak .
set -euo pipefail

pom="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/pom.xml"
version="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$pom" | head -1)"
[[ -n "$version" ]] || { echo "keycloak-version: no <keycloak.version> in $pom" >&2; exit 1; }
echo "$version"
