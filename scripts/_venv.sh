# Shared by lancer.sh and tester.sh: find Python >= 3.11, make .venv, install the project.
# Usage: . scripts/_venv.sh EXTRAS   (EXTRAS: "" for the app alone, "dev" for tests and checks)

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
venv="$root/.venv"

say() { printf '%s\n' "$*" >&2; }

find_python() {
    for candidate in ${PYTHON:-} python3 python3.13 python3.12 python3.11; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

apt_install() {
    # Installs Debian/Ubuntu packages when we may (root), else says which command to run.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "Installation des paquets système : $*"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null ||
            { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
    else
        say "Il manque des paquets système. Installez-les avec :"
        say "    sudo apt install $*"
        return 1
    fi
}

make_venv() {
    python=$(find_python) || {
        say "Python 3.11 ou plus récent est nécessaire. Sur Debian ou Ubuntu : sudo apt install python3"
        exit 2
    }
    if [ ! -x "$venv/bin/python" ]; then
        if ! "$python" -m venv "$venv" 2>/dev/null; then
            rm -rf "$venv"
            apt_install python3-venv || exit 2
            "$python" -m venv "$venv" || exit 2
        fi
    fi
}

install_project() {
    extras=$1
    spec="$root"
    [ -n "$extras" ] && spec="$root[$extras]"
    stamp="$venv/.installed-$extras"
    if [ ! -f "$stamp" ] || [ "$root/pyproject.toml" -nt "$stamp" ]; then
        say "Installation de repetition-3422 dans $venv (une seule fois)…"
        log="$venv/installation.log"
        "$venv/bin/python" -m pip install --disable-pip-version-check --upgrade pip >"$log" 2>&1
        if ! "$venv/bin/python" -m pip install --disable-pip-version-check -e "$spec" >>"$log" 2>&1; then
            tail -n 20 "$log" >&2
            say "L'installation a échoué (détails complets dans $log)."
            exit 2
        fi
        touch "$stamp"
    fi
}
