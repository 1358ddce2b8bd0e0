# Helpers the benchmark scripts share, sourced after they set here (bench/) and out where they
# generate texts:  . "$here/lib.sh"
# It sets the EXIT trap (bench_exit): a script adds to bench_remove what is to be removed then.

# Generates (once) an English-like text of SIZE (gen-text.py) under $out; prints its path.
text() { # size -> path
  local file="$out/text-$1.txt"
  if [[ ! -f $file ]]; then
    echo "generating $file ..." >&2
    python3 "$here/gen-text.py" --size "$1" "$file.part"
    mv "$file.part" "$file"
  fi
  echo "$file"
}

# The median of the numbers in FILE (or standard input), one a line; of an even count, the mean
# of the two middle ones.
median() { # [file]
  sort -n "$@" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# Runs a command, its output discarded; prints its wall time in milliseconds.
wall_ms() { # command...
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

# Runs a command, its output discarded; prints its wall time in microseconds. Starts no process
# of its own, so that a caller's count of its children's CPU time holds only the command's.
wall_us() { # command...
  local start=$EPOCHREALTIME end
  "$@" >/dev/null
  end=$EPOCHREALTIME
  echo $((${end/[.,]/} - ${start/[.,]/}))
}

# The text-utils module jar this checkout built.
text_utils_jar() {
  ls "$repo"/text-utils-module/target/text-utils-module-*[0-9].jar | head -1
}

# Runs RUNS rounds of the caller's variant NAME function for each NAME in turn, interleaved so
# that a change in the machine's load hits every variant alike; appends each wall time in
# microseconds to $work/NAME.times (emptied first).
interleave() { # runs name...
  local runs=$1 name
  shift
  for name in "$@"; do : >"$work/$name.times"; done
  for _ in $(seq "$runs"); do
    for name in "$@"; do
      wall_us variant "$name" >>"$work/$name.times"
    done
  done
}

# What the figures were measured on.
machine() {
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Serves DIR on COUNT loopback ports (default 1) with bench/serve-dir.py: ETag, Last-Modified, 304
# on a conditional GET that matches. One line per request, "STATUS PATH", goes to LOG. Sets
# ports (an array) and port (the first); the servers are killed when the script exits. Not in a
# $(...) subshell: the variables must reach the caller.
serve_dir() { # dir log [count]
  local ports_file
  ports_file=$(mktemp)
  rm -f "$ports_file"
  python3 "$here/serve-dir.py" --root "$1" --log-file "$2" --count "${3:-1}" --port-file "$ports_file" &
  bench_servers+=($!)
  for _ in $(seq 100); do [[ -f $ports_file ]] && break; sleep 0.1; done
  [[ -f $ports_file ]] || { echo "the loopback server did not start" >&2; exit 2; }
  mapfile -t ports <"$ports_file"
  port=${ports[0]}
  rm -f "$ports_file"
}

# The answers in a serve_dir LOG, by status: "200:1 304:20".
answers() { # log
  awk '{ c[$1]++ } END { for (s in c) printf "%s:%d\n", s, c[s] }' "$1" | sort | paste -sd' '
}

# What the script leaves behind: the servers it started, and the directories in bench_remove.
bench_servers=()
bench_remove=()
bench_exit() {
  local p
  for p in "${bench_servers[@]}"; do kill "$p" 2>/dev/null || true; done
  if ((${#bench_remove[@]} > 0)); then rm -rf "${bench_remove[@]}"; fi
}
trap bench_exit EXIT

# Builds the launcher if needed, then serves the built text-utils jar as WWW/text-utils.jar (and
# FILEs beside it) with serve_dir, which sets port and ports.
serve_text_utils() { # www log [file...]
  "$repo/bin/freshjar" --version >/dev/null
  mkdir -p "$1"
  cp "$(text_utils_jar)" "$1/text-utils.jar"
  if (($# > 2)); then cp "${@:3}" "$1/"; fi
  serve_dir "$1" "$2"
}
