#!/usr/bin/env bash
# Debian's Tesseract and its Vietnamese model for the OCR route (scanned PDFs and images):
# installed with apt-get when missing. Exits non-zero when it cannot install them; the scan
# tests then skip and say so.
set -euo pipefail
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "tesseract-ocr-vie is missing and this is not root: install Debian's tesseract-ocr and tesseract-ocr-vie" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-vie >/dev/null
