#!/bin/sh
# Installs repetition-3422 in a private folder (.venv) the first time, then opens the app.
# Arguments are passed to the app: sh scripts/lancer.sh play opposition --plain
set -u
. "$(dirname -- "$0")/_venv.sh"
make_venv
install_project ""
if ! command -v espeak-ng >/dev/null 2>&1; then
    say "(Pour entendre le conseiller, installez la synthèse vocale : sudo apt install espeak-ng)"
fi
exec "$venv/bin/repetition-3422" "$@"
