# What every drill starts with: the deploy libraries it names, and a fail that says which drill
# failed. Usage, from the repository's root: . deploy/tests/drill.sh "NAME" PART...
# shellcheck shell=bash
DRILL=$1
shift
# shellcheck source=../lib/common.sh
. deploy/lib/common.sh
for part in "$@"; do
  # shellcheck disable=SC1090
  . "deploy/lib/$part.sh"
done

fail() { printf 'FAIL %s: %s\n' "$DRILL" "$*" >&2; exit 1; }
