#!/usr/bin/env bash
# Set up campaignkit in ./.venv. With --test also what the test suite needs:
# Debian's Chromium and poppler (PDF checks), and the Node tools under node_modules/.
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1

apt_packages=(python3-venv fonts-dejavu-core)
if [ "$want_tests" = 1 ]; then
  apt_packages+=(chromium poppler-utils default-jre-headless nodejs npm)
fi
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    # Node.js and a JRE may come from elsewhere than Debian: only install what is absent.
    filtered=()
    for package in "${missing[@]}"; do
      case "$package" in
        nodejs|npm) command -v node >/dev/null && command -v npm >/dev/null && continue ;;
        default-jre-headless) command -v java >/dev/null && continue ;;
        python3-venv) python3 -m venv --help >/dev/null 2>&1 && continue ;;
      esac
      filtered+=("$package")
    done
    if [ ${#filtered[@]} -gt 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${filtered[@]}" >/dev/null
    fi
  else
    echo "Missing Debian packages: ${missing[*]} (install them with sudo apt-get install)" >&2
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
# The locked packages (scripts/lock.py writes requirements/), every file checked against its
# sha256; then campaignkit itself, built by the locked setuptools. The same on every machine.
lock=requirements/base.txt
[ "$want_tests" = 1 ] && lock=requirements/test.txt
.venv/bin/python -m pip install --quiet --require-hashes -r "$lock"
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
# A lock behind pyproject.toml is only a warning here (the test suite fails on it): the command
# that renews it comes with this install.
.venv/bin/python scripts/lock.py --check || true
if [ "$want_tests" = 1 ]; then
  if [ -f package.json ]; then
    # No install scripts: vnu-jar's would fetch a Java runtime; the Debian one is used.
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  fi
fi
