# shellcheck shell=bash
# tests/docs/doc_line_check.sh: sourced by the script that run_doc_blocks
# writes. Checks each documented line's exit code and, on the first line that
# does not exit as its comment says, reports it in full and stops.

# __doc_init FILE OUT_DIR DEPOTD_LOG: names for the reports; the ERR trap
# keeps the exit code of a line's first failing command.
__doc_init() {
  __doc_file=$1
  __doc_out=$2
  __doc_log=$3
  __doc_first_failure=
  trap '__doc_first_failure=${__doc_first_failure:-$?}' ERR
}

# __doc_show TITLE FILE: the end of FILE under a title.
__doc_show() {
  local lines
  [[ -f $2 ]] || return 0
  lines=$(wc -l <"$2")
  if ((lines > 100)); then
    printf -- '--- %s (last 100 of %d lines):\n' "$1" "$lines"
  else
    printf -- '--- %s:\n' "$1"
  fi
  tail -n 100 "$2"
}

# __doc_check LINE EXPECTED TEXT: after the line at LINE of the file ran
# with the lines after it on fd 9 as its stdin (none of them may be read).
__doc_check() {
  local got=${__doc_first_failure:-0}
  local read_input
  read_input=$(sed -n 's/^pos:[[:space:]]*//p' "/proc/$$/fdinfo/9")
  exec 9<&-
  if [[ $got == "$2" && $read_input == 0 ]]; then
    printf '%s:%d: exit code %d as expected\n' "$__doc_file" "$1" "$got"
    return 0
  fi
  {
    if [[ $got != "$2" ]]; then
      printf '%s:%d: exit code %d, expected %d, from the line:\n  %s\n' \
        "$__doc_file" "$1" "$got" "$2" "$3"
    else
      printf '%s:%d: read its stdin: pasted with the lines after it, it would swallow them (give it </dev/null or a file), the line:\n  %s\n' \
        "$__doc_file" "$1" "$3"
    fi
    __doc_show stdout "$__doc_out/$1.out"
    __doc_show stderr "$__doc_out/$1.err"
    if [[ -f $__doc_log ]]; then
      printf -- '--- last lines of depotd.log:\n'
      tail -n 20 "$__doc_log"
    fi
    printf -- '--- %s:%d needs fixing: the documentation or the command.\n' \
      "$__doc_file" "$1"
  } >&2
  exit 1
}

