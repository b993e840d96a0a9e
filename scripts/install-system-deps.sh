#!/usr/bin/env bash
# Install the Debian packages the test suite needs: a PostgreSQL server and Chromium.
# Idempotent; skips what is already there. Tests that need a missing piece skip with a reason.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "install-system-deps: not root; cannot install ${need[*]} (tests needing them will skip)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || echo "install-system-deps: apt-get update failed" >&2
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
  || echo "install-system-deps: could not install ${need[*]} (tests needing them will skip)" >&2
exit 0
