#!/usr/bin/env bash
# Debian packages portalwatch's tests, demo and benchmarks use; installs only what is missing.
#   chromium        the review app's browser tests (driven by playwright; never `playwright install`)
#   fonts-noto-cjk  Chinese text in screenshots and PDF reports
#   poppler-utils   pdftotext/pdftoppm to read reports back
#   redis-server    the scale-out tests (scrapy-redis)
#   wget            the reference crawler in `make bench`
#   libpango…       WeasyPrint's text layout, for PDF reports
set -euo pipefail

declare -A probe=([chromium]=/usr/bin/chromium [poppler-utils]=/usr/bin/pdftotext
                  [redis-server]=/usr/bin/redis-server [wget]=/usr/bin/wget)
need=()
for pkg in chromium poppler-utils redis-server wget; do
    [ -x "${probe[$pkg]}" ] || need+=("$pkg")
done
for pkg in fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-system: not a Debian system; please install: ${need[*]}" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && SUDO="sudo" || { echo "setup-system: need root to install: ${need[*]}" >&2; exit 1; }
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "setup-system: installed ${need[*]}"
