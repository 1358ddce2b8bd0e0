#!/usr/bin/env bash
# Regenerates the golden test data with the reference script:
#   inputs/<case>.txt                  the edge-case inputs (from make-inputs.py)
#   expected/<case>/<rule>.tsv         the reference's output for each rule on each input
# Moby-Dick is read from the repository's corpus/ rather than copied here.
# Usage: make-golden.sh [path/to/text_utils.py]   (default: the repository's reference/text_utils.py)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../../../.." && pwd)"
reference="${1:-$repo/reference/text_utils.py}"
export PYTHONIOENCODING=utf-8 LC_ALL=C.UTF-8

python3 "$here/make-inputs.py"
rm -rf "$here/expected"

golden() { # case input rule [n]
  local dir="$here/expected/$1"
  mkdir -p "$dir"
  if [[ $3 == top ]]; then
    python3 "$reference" top "$4" "$2" >"$dir/top-$4.tsv"
  else
    python3 "$reference" "$3" "$2" >"$dir/$3.tsv"
  fi
}

for input in "$here"/inputs/*.txt; do
  case="$(basename "$input" .txt)"
  golden "$case" "$input" wc
  golden "$case" "$input" histogram
  golden "$case" "$input" top 10
done
golden ties "$here/inputs/ties.txt" top 0
golden ties "$here/inputs/ties.txt" top 3
golden ties "$here/inputs/ties.txt" top 1000
golden code-point-order "$here/inputs/code-point-order.txt" top 5

moby="$repo/corpus/moby-dick.txt"
for rule in wc histogram; do golden moby-dick "$moby" "$rule"; done
for n in 0 1 10 25; do golden moby-dick "$moby" top "$n"; done
