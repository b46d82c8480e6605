#!/bin/sh
# Extracts every translatable message into i18n/gridledger.pot and merges it into the catalogs
# (after Poedit's scripts/refresh-pot.sh). Run from the top of the tree: i18n/update-pot.sh
set -eu
cd "$(dirname "$0")/.."
files=$(find src db sync -name '*.cpp' -o -name '*.h' 2>/dev/null | sort)
xrc=""
if ls forms/*.xrc >/dev/null 2>&1 && command -v wxrc >/dev/null; then
  xrc=$(mktemp --suffix=.cpp)
  wxrc -g forms/*.xrc -o "$xrc"
fi
xgettext -C --from-code=UTF-8 -k_ -kN_ -kwxTRANSLATE -kwxPLURAL:1,2 -ktrn:1,2 \
  --add-comments=TRANSLATORS --add-comments=xgettext \
  --package-name=gridledger --msgid-bugs-address=gridledger@localhost \
  --sort-by-file -o i18n/gridledger.pot $files $xrc
[ -n "$xrc" ] && rm -f "$xrc"
for lang in $(cat i18n/LINGUAS); do
  msgmerge --quiet --update --backup=none --no-fuzzy-matching i18n/$lang.po i18n/gridledger.pot
done
msgfmt --statistics --check-format -o /dev/null i18n/zh_CN.po
