#!/usr/bin/env bash
# The one list of Debian 12 packages that GridLedger's build and tests need. Installs only what is
# missing (so a second run costs nothing) and needs root for that: run as root or through sudo.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # libraries (docs/style.md §9.1; nothing is vendored)
  libsqlitecpp-dev libsqlite3-dev libfmt-dev libcli11-dev nlohmann-json3-dev libsodium-dev
  # spreadsheets: .xlsx read (libzip + expat) and written (libxlsxwriter), .xls read (FreeXL)
  libzip-dev libexpat1-dev libxlsxwriter-dev libfreexl-dev
  # sync: the client's HTTPS (libcurl, OpenSSL), gzip bodies (zlib), the data center's server
  # (cpp-httplib, built by Debian with OpenSSL and zlib); openssl makes the tests' CA and certificates
  libcurl4-openssl-dev zlib1g-dev libcpp-httplib-dev libssl-dev openssl
  # the data center's password rules: libpwquality (PAM's checker) with cracklib's dictionary
  libpwquality-dev cracklib-runtime
  # rosters: PDF and printing (cairo + pango), door cards' QR codes (libqrencode)
  libcairo2-dev libpango1.0-dev libqrencode-dev
  # the desktop window (wxWidgets 3.2 GTK3, its own translations) and a Chinese font
  libwxgtk3.2-dev wx3.2-i18n fonts-wqy-microhei
  # tests: doctest; the GUI suite under Xvfb; screenshots (ImageMagick's import); clang's libFuzzer
  # for the spreadsheet readers; openpyxl (the import benchmark's baseline) and xlwt (.xls fixtures)
  doctest-dev xvfb xauth imagemagick clang python3-openpyxl python3-xlwt
  # the rosters' tests read their PDFs back (pdftotext, pdfinfo, pdftoppm)
  poppler-utils
  # translations: msgfmt, xgettext, wxrc (messages of the forms); the zh_CN locale
  gettext wx-common locales
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then SUDO=sudo; else
      echo "These packages are missing and installing them needs root: ${missing[*]}" >&2
      exit 1
    fi
  else
    SUDO=
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# zh_CN.UTF-8 lets the programs follow a Chinese system locale (gettext falls back to C.UTF-8 otherwise).
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  if [[ $(id -u) -eq 0 ]]; then
    sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen && locale-gen >/dev/null || true
  fi
fi
