#!/bin/sh
# Installs what the tests need, then runs the checks and the whole test suite.
set -u
. "$(dirname -- "$0")/_venv.sh"
for tool in espeak-ng pdftotext tmux; do
    command -v "$tool" >/dev/null 2>&1 || missing="${missing:-} $tool"
done
if [ -n "${missing:-}" ]; then
    apt_install espeak-ng poppler-utils tmux ||
        say "(Les tests qui en ont besoin seront sautés.)"
fi
make_venv
install_project "dev"
cd "$root" || exit 2
bin="$venv/bin"
"$bin/ruff" check --quiet src tests scripts || exit 1
"$bin/ruff" format --check --quiet src tests scripts || exit 1
"$bin/mypy" --no-error-summary || exit 1
"$bin/lint-imports" --no-cache >/dev/null || { "$bin/lint-imports" --no-cache; exit 1; }
exec "$bin/pytest" -q "$@"
