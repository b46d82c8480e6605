#!/bin/sh
# Extracts every translatable message into i18n/gridledger.pot and merges it into the catalogs
# (after Poedit's scripts/refresh-pot.sh). Run from anywhere: i18n/update-pot.sh
# With --check it changes nothing and fails (listing them) when a message of the sources has no
# translation in a catalog: the test suite runs it, so zh_CN stays complete at every commit.
set -eu
cd "$(dirname "$0")/.."
check=no
[ "${1:-}" = "--check" ] && check=yes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=$(find src db sync -name '*.cpp' -o -name '*.h' 2>/dev/null | sort)
xrc=""
if ls forms/*.xrc >/dev/null 2>&1; then
  command -v wxrc >/dev/null || { echo "wxrc is missing (package wx3.2-headers)" >&2; exit 1; }
  xrc="$work/forms.cpp"
  wxrc -g forms/*.xrc -o "$xrc"
fi
pot=i18n/gridledger.pot
[ $check = yes ] && pot="$work/gridledger.pot"
xgettext -C --from-code=UTF-8 -k_ -kN_ -kwxTRANSLATE -kwxPLURAL:1,2 -ktrn:1,2 \
  --add-comments=TRANSLATORS --add-comments=xgettext \
  --package-name=gridledger --msgid-bugs-address=gridledger@localhost \
  --sort-by-file -o "$pot" $files $xrc
status=0
for lang in $(cat i18n/LINGUAS); do
  if [ $check = yes ]; then
    msgmerge --quiet --no-fuzzy-matching -o "$work/$lang.po" i18n/$lang.po "$pot"
    missing=$(msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
    fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
    # msgattrib prints the header entry too when it prints anything.
    if [ "$missing" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
      echo "i18n/$lang.po lacks translations (run i18n/update-pot.sh and translate):" >&2
      msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep '^msgid ' | grep -v '^msgid ""$' >&2 || true
      msgattrib --only-fuzzy --no-obsolete "$work/$lang.po" | grep '^msgid ' | grep -v '^msgid ""$' >&2 || true
      status=1
    fi
    msgfmt --check-format -o /dev/null "$work/$lang.po" || status=1
  else
    msgmerge --quiet --update --backup=none --no-fuzzy-matching i18n/$lang.po "$pot"
    msgattrib --no-obsolete -o i18n/$lang.po i18n/$lang.po
    msgfmt --statistics --check-format -o /dev/null i18n/$lang.po
  fi
done
exit $status
