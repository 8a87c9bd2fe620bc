#!/usr/bin/env bash
# Debian packages the pipeline needs; installs only what is missing (idempotent).
#   tesseract-ocr + tesseract-ocr-fra : OCR of scanned pages (French)
#   poppler-utils                     : pdftoppm, to look at generated PDFs as pictures
#   libreoffice-writer-nogui          : reads legacy .doc (converted in a private temp dir)
#   antiword                          : fallback reader for .doc
#   fonts-dejavu-core                 : fonts for scans and PDF output
#   time                              : /usr/bin/time -v, peak memory in bench/run.py
#   bubblewrap                        : LibreOffice converts in a sandbox that sees no other file
#   strace                            : tests check which files the converter and the flows open
#   postgresql                        : CI runs the register and inbox tests on a throw-away
#                                       cluster too (scripts/with-postgres.sh)
#   chromium-driver                   : drives chromium in the workstation's browser tests (tests/test_web.py)
set -euo pipefail
need=()
command -v tesseract >/dev/null || need+=(tesseract-ocr)
{ tesseract --list-langs 2>/dev/null | grep -qx fra; } || need+=(tesseract-ocr-fra)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v antiword >/dev/null || need+=(antiword)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -x /usr/bin/time ] || need+=(time)
command -v chromium >/dev/null || need+=(chromium)  # headless: HTML → PDF of the committee pack
command -v bwrap >/dev/null || need+=(bubblewrap)
command -v strace >/dev/null || need+=(strace)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromedriver >/dev/null || need+=(chromium-driver)
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installation des paquets Debian manquants : ${need[*]}" >&2
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
