# shellcheck shell=bash
# ops/lib.sh: helpers shared by the ops/ scripts. Source it after setting $root:
#   root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
#   source "$root/ops/lib.sh"
# Messages go to stderr so that stdout stays clean for values (ports, DSNs).

prog="ops/$(basename "$0")"

# die MESSAGE: print one line and exit 1.
die() {
  printf '%s: error: %s\n' "$prog" "$*" >&2
  exit 1
}

# say MESSAGE: report something that was done.
say() {
  printf '%s: %s\n' "$prog" "$*" >&2
}

is_root() {
  [[ $(id -u) -eq 0 ]]
}

have() {
  command -v "$1" >/dev/null 2>&1
}

# generator_flags BUILD_DIR: the CMake options that choose how a new build
# directory builds: Ninja and ccache when installed. Prints nothing for a
# directory already configured (its generator cannot change).
generator_flags() {
  [[ -f $1/CMakeCache.txt ]] && return 0
  if have ninja; then echo "-G Ninja"; fi
  if have ccache; then
    # ccache caches compilations that use a precompiled header only when
    # told that the header's macros and __TIME__ may be trusted.
    local launcher="env;CCACHE_SLOPPINESS=pch_defines,time_macros;ccache"
    echo "-DCMAKE_CXX_COMPILER_LAUNCHER=$launcher -DCMAKE_C_COMPILER_LAUNCHER=$launcher"
  fi
}

# abspath PATH: absolute, normalized path (PATH need not exist).
abspath() {
  realpath -m -- "$1"
}

# private_dir DIR: DIR exists with mode 0700, for files that only their owner
# may read (keys, passwords, personal data). Missing parents get the usual
# mode, so that the postgres user can still pass through them as root; a DIR
# that was open to others is closed.
private_dir() {
  local d=$1
  if [[ ! -d $d ]]; then
    mkdir -p -- "$(dirname "$d")"
    (umask 077 && mkdir -p -- "$d")
  fi
  if (($(stat -c '0%a' "$d") & 077)); then
    chmod go-rwx "$d"
    say "closed $d to other users (mode 0700)"
  fi
}

# random_secret: 32 random hex digits.
random_secret() {
  od -An -tx1 -N16 /dev/urandom | tr -d ' \n'
}

# depot_home: DEPOT_HOME (default $root/var), absolute; exported for children.
depot_home() {
  DEPOT_HOME=$(abspath "${DEPOT_HOME:-$root/var}")
  export DEPOT_HOME
}

# tcp_open HOST PORT: true if something accepts TCP connections there.
tcp_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# tcp_listening PORT: true if anything listens on the TCP port (any address).
tcp_listening() {
  if have ss; then
    [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]
  else
    tcp_open 127.0.0.1 "$1"
  fi
}

# free_port: print a TCP port in 20000-60000 on which nothing listens.
free_port() {
  local i p
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 40001))
    if ! tcp_listening "$p" && ! tcp_open 127.0.0.1 "$p"; then
      printf '%s\n' "$p"
      return 0
    fi
  done
  die "found no free TCP port in 20000-60000"
}

# elapsed: whole seconds since the script started.
elapsed() {
  printf '%s' "$SECONDS"
}

# throwaway_cluster PREFIX: init and start a PostgreSQL cluster in a new
# /tmp/PREFIX.XXXXXX, destroyed when the script exits (also on failure, Ctrl-C
# or SIGTERM); exports DEPOT_TEST_PGCLUSTER and DEPOT_TEST_DSN.
throwaway_cluster() {
  _pgdir=$(mktemp -d "/tmp/$1.XXXXXX")
  trap _destroy_throwaway_cluster EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  "$root/ops/pgcluster" init "$_pgdir"
  "$root/ops/pgcluster" start "$_pgdir"
  DEPOT_TEST_PGCLUSTER=$_pgdir
  DEPOT_TEST_DSN=$("$root/ops/pgcluster" dsn "$_pgdir")
  export DEPOT_TEST_PGCLUSTER DEPOT_TEST_DSN
}

# shellcheck disable=SC2317 # invoked by the EXIT trap
_destroy_throwaway_cluster() {
  local rc=$?
  trap - EXIT INT TERM
  # Quietly, so that the runner's summary stays at the end of the output.
  "$root/ops/pgcluster" destroy "$_pgdir" >/dev/null 2>&1 || say "could not destroy $_pgdir"
  rmdir "$_pgdir" 2>/dev/null || true
  exit "$rc"
}
