#!/usr/bin/env bash
# The gateway as an HTTP proxy beside the proxy caches a user already knows (docs/cache-gateway.md#http-benchmark).
#
# Starts, each on a free port of 127.0.0.1 and all serving one cached 1 KiB JSON object:
#   origin         nginx serving the file itself (the floor every proxy sits on)
#   nginx-cache    nginx proxy_cache in front of the origin (lock, use_stale updating, background_update)
#   varnish        Varnish, malloc storage, in front of the origin
#   gateway-*      the cache-gateway jar in front of the origin, once per limiter setting, on a Redis of its own
#   jetty-floor    the gateway's own Jetty server answering the object's bytes from memory, with none of the
#                  gateway's work (no cache, limiter, edge checks or Redis): the most a gateway on it could serve
# and runs wrk against each in interleaved rounds (the order alternates from one round to the next), then prints
# the median requests/s, p50 and p99 over the rounds and the ratio of requests/s to nginx-cache.
# What is not installed (nginx, varnishd, wrk, redis-server, java) is skipped, and the script says so.
#
# Usage: cache-gateway/bench/http-bench.sh [--rounds N] [--seconds S] [--connections C] [--threads T]
#                                          [--warmup S] [--jar PATH] [--limiter on,off] [--near on,off]
#                                          [--compare-jar PATH] [--compare-mode L/N] [--jit-warmup S]
# The gateway runs once per combination of --limiter and --near (its near cache, CACHE_LOCAL_MAX_BYTES).
# --compare-jar adds "gateway-before", another build of the gateway, to measure a change side by side; it runs with
# the limiter and near cache of --compare-mode (default on/on; off/off for limiter off, near cache off).
# --jit-warmup (default 20 s) loads each gateway once before the rounds, so that its JIT compiler is done with the
# hot path (it keeps a core busy for the first tens of seconds); a gateway in production runs warm.
set -euo pipefail

rounds=3 seconds=8 connections=64 threads=2 warmup=3 jit_warmup=20 limiter_modes="on,off" near_modes="on,off"
compare_mode="on/on"
jar="$(cd "$(dirname "$0")/.." && pwd)/target/redline-cache-gateway.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --limiter) limiter_modes="$2"; shift 2 ;;
    --near) near_modes="$2"; shift 2 ;;
    --compare-jar) compare_jar="$2"; shift 2 ;;
    --compare-mode) compare_mode="$2"; shift 2 ;;
    --jit-warmup) jit_warmup="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "http-bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$rounds" "$seconds" "$connections" "$threads" "$warmup" "$jit_warmup"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "http-bench: options take whole numbers, but got \"$n\"" >&2; exit 2; }
done

if ! command -v wrk >/dev/null 2>&1; then
  echo "http-bench: skipped: wrk is not installed (Debian: apt-get install wrk)"
  exit 0
fi

work=$(mktemp -d /tmp/redline-http-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# waits until url answers 200, then asks twice more so that every cache holds the object
warm_url() {
  local url="$1" name="$2"
  for _ in $(seq 1 200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = "200" ]; then
      curl -s -o /dev/null "$url"; curl -s -o /dev/null "$url"
      return 0
    fi
    sleep 0.1
  done
  echo "http-bench: $name did not answer 200 at $url within 20 s; its log:" >&2
  tail -20 "$work/$name.log" >&2 || true
  exit 1
}

targets=()   # name=url
skipped=()

# the object: 1 KiB of JSON
mkdir -p "$work/www"
python3 - "$work/www/object.json" <<'EOF'
import json, sys
items = [{"id": i, "name": "redline", "tags": ["cache", "proxy"]} for i in range(15)]
text = json.dumps({"items": items, "pad": ""})
open(sys.argv[1], "w").write(json.dumps({"items": items, "pad": "x" * (1024 - len(text))}))
EOF

if command -v nginx >/dev/null 2>&1; then
  origin_port=$(free_port)
  cache_port=$(free_port)
  mkdir -p "$work/nginx/logs" "$work/nginx/cache"
  user_line=""
  [ "$(id -u)" -eq 0 ] && user_line="user root;"
  cat > "$work/nginx/nginx.conf" <<EOF
$user_line
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  default_type application/json;
  # the origin: the file itself, cacheable for 60 s
  server {
    listen 127.0.0.1:$origin_port;
    root $work/www;
    location / { add_header Cache-Control "public, max-age=60"; }
  }
  # nginx as a proxy cache, with the settings closest to the gateway's single-flight and stale-while-revalidate
  proxy_cache_path $work/nginx/cache keys_zone=bench:10m max_size=64m;
  upstream origin { server 127.0.0.1:$origin_port; keepalive 64; }
  server {
    listen 127.0.0.1:$cache_port;
    location / {
      proxy_pass http://origin;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache bench;
      proxy_cache_valid 200 60s;
      proxy_cache_lock on;
      proxy_cache_use_stale updating error timeout;
      proxy_cache_background_update on;
      add_header X-Cache \$upstream_cache_status;
    }
  }
}
EOF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' > "$work/nginx.log" 2>&1 &
  pids+=($!)
  origin_url="http://127.0.0.1:$origin_port"
  warm_url "$origin_url/object.json" nginx
  warm_url "http://127.0.0.1:$cache_port/object.json" nginx
  targets+=("origin=$origin_url/object.json" "nginx-cache=http://127.0.0.1:$cache_port/object.json")
else
  skipped+=("origin and nginx-cache: nginx is not installed (Debian: apt-get install nginx-light)")
fi

if [ -z "${origin_url:-}" ]; then
  # without nginx the origin is Python's static server: slower, but the proxies in front of it cache anyway
  origin_port=$(free_port)
  (cd "$work/www" && exec python3 -m http.server "$origin_port" --bind 127.0.0.1) > "$work/origin.log" 2>&1 &
  pids+=($!)
  origin_url="http://127.0.0.1:$origin_port"
  warm_url "$origin_url/object.json" origin
  echo "http-bench: the origin is python3 -m http.server, which sends no Cache-Control: proxies use their defaults"
fi

if command -v varnishd >/dev/null 2>&1; then
  varnish_port=$(free_port)
  mkdir -p "$work/varnish"
  cat > "$work/varnish/default.vcl" <<EOF
vcl 4.1;
backend origin { .host = "127.0.0.1"; .port = "$origin_port"; }
EOF
  jail=()
  [ "$(id -u)" -eq 0 ] && jail=(-j none)
  varnishd -F "${jail[@]}" -n "$work/varnish/state" -a "127.0.0.1:$varnish_port" -f "$work/varnish/default.vcl" \
      -s malloc,64m > "$work/varnish.log" 2>&1 &
  pids+=($!)
  warm_url "http://127.0.0.1:$varnish_port/object.json" varnish
  targets+=("varnish=http://127.0.0.1:$varnish_port/object.json")
else
  skipped+=("varnish: varnishd is not installed (Debian: apt-get install varnish)")
fi

if ! command -v java >/dev/null 2>&1; then
  skipped+=("gateway: java is not installed")
elif ! command -v redis-server >/dev/null 2>&1; then
  skipped+=("gateway: redis-server is not installed (Debian: apt-get install redis-server)")
elif [ ! -f "$jar" ]; then
  skipped+=("gateway: $jar is missing (build it: ./mvnw -o -q -B -pl core,testkit,cache-gateway package -DskipTests)")
else
  redis_port=$(free_port)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" \
      > "$work/redis.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  IFS=',' read -r -a limiters <<< "$limiter_modes"
  IFS=',' read -r -a nears <<< "$near_modes"
  modes=()
  for l in "${limiters[@]}"; do for n in "${nears[@]}"; do modes+=("$l/$n"); done; done
  [ -n "${compare_jar:-}" ] && modes+=("before:$compare_mode")
  for mode in "${modes[@]}"; do
    gateway_jar="$jar" name="gateway-limiter-${mode%/*}-near-${mode#*/}" near_bytes=67108864
    if [[ "$mode" == before:* ]]; then
      mode="${mode#before:}" gateway_jar="$compare_jar" name="gateway-before-${mode%/*}-${mode#*/}"
    fi
    case "${mode%/*}" in
      on) rate_limit=1000000 ;;
      off) rate_limit=off ;;
      *) echo "http-bench: --limiter takes on and off, but got \"${mode%/*}\"" >&2; exit 2 ;;
    esac
    case "$mode" in
      */on) ;;
      */off) near_bytes=0 ;;
      *) echo "http-bench: --near takes on and off, but got \"${mode#*/}\"" >&2; exit 2 ;;
    esac
    port=$(free_port)
    # each gateway in a namespace of its own, so that the second does not start with the first one's cache
    # an older jar ignores CACHE_LOCAL_MAX_BYTES: it reads only the variables it knows
    env ORIGIN_URL="$origin_url" CACHE_LOCAL_MAX_BYTES="$near_bytes" REDIS_URL="redis://127.0.0.1:$redis_port" REDLINE_NAMESPACE="$name" \
        HTTP_PORT="$port" ADMIN_PORT=0 RATE_LIMIT="$rate_limit" RATE_WINDOW=1s CACHE_FRESH_TTL=60s \
        CACHE_STALE_TTL=300s java -jar "$gateway_jar" > "$work/$name.log" 2>&1 &
    pids+=($!)
    warm_url "http://127.0.0.1:$port/object.json" "$name"
    targets+=("$name=http://127.0.0.1:$port/object.json")
  done
  port=$(free_port)
  java -cp "$jar" io.redline.gateway.bench.JettyFloor "$port" "$work/www/object.json" > "$work/jetty-floor.log" 2>&1 &
  pids+=($!)
  warm_url "http://127.0.0.1:$port/object.json" jetty-floor
  targets+=("jetty-floor=http://127.0.0.1:$port/object.json")
fi

for s in "${skipped[@]}"; do echo "http-bench: skipped $s"; done
if [ ${#targets[@]} -eq 0 ]; then
  echo "http-bench: nothing to measure"
  exit 0
fi

# wrk's latency in microseconds: "512.00us", "1.23ms", "1.02s", "2.00m"
to_us() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    f = (u == "us") ? 1 : (u == "ms") ? 1000 : (u == "s") ? 1000000 : (u == "m") ? 60000000 : -1
    if (f < 0) { print "NaN"; exit } printf "%.0f", n * f }'
}

run_wrk() {   # name url duration -> "rps p50_us p99_us" on stdout
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"$3"s --latency "$2")
  local rps p50 p99
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<< "$out")
  p50=$(to_us "$(awk '$1 == "50%" { print $2 }' <<< "$out")")
  p99=$(to_us "$(awk '$1 == "99%" { print $2 }' <<< "$out")")
  if grep -q 'Non-2xx or 3xx responses' <<< "$out"; then
    echo "http-bench: $1: $(grep 'Non-2xx' <<< "$out" | xargs)" >&2
  fi
  echo "$rps $p50 $p99"
}

echo "http-bench: wrk -t$threads -c$connections -d${seconds}s --latency, $rounds interleaved rounds," \
     "${warmup}s of warm-up per target and round; $(nproc) cores"
results="$work/results"
: > "$results"
for t in "${targets[@]}"; do
  name="${t%%=*}" url="${t#*=}"
  if [[ "$name" == gateway* || "$name" == jetty-floor ]] && [ "$jit_warmup" -gt 0 ]; then
    echo "http-bench: ${jit_warmup}s of JIT warm-up for $name"
    run_wrk "$name" "$url" "$jit_warmup" > /dev/null
  fi
done
for round in $(seq 1 "$rounds"); do
  order=("${targets[@]}")
  if [ $((round % 2)) -eq 0 ]; then   # every other round in reverse, so that no target always goes first
    order=(); for ((i=${#targets[@]}-1; i>=0; i--)); do order+=("${targets[$i]}"); done
  fi
  for t in "${order[@]}"; do
    name="${t%%=*}" url="${t#*=}"
    [ "$warmup" -gt 0 ] && run_wrk "$name" "$url" "$warmup" > /dev/null
    read -r rps p50 p99 <<< "$(run_wrk "$name" "$url" "$seconds")"
    echo "$name $round $rps $p50 $p99" >> "$results"
    printf 'round %d  %-22s %8s req/s  p50 %6s us  p99 %7s us\n' "$round" "$name" "$rps" "$p50" "$p99"
  done
done

echo
python3 - "$results" "${targets[@]}" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
names = [t.split("=", 1)[0] for t in sys.argv[2:]]
med = {}
for n in names:
    mine = [r for r in rows if r[0] == n]
    med[n] = tuple(statistics.median(float(r[i]) for r in mine) for i in (2, 3, 4))
base = med.get("nginx-cache")
print("| target | requests/s | p50 ms | p99 ms | requests/s / nginx-cache |")
print("|---|---:|---:|---:|---:|")
for n in names:
    rps, p50, p99 = med[n]
    ratio = "%.2f" % (rps / base[0]) if base else "n/a"
    print("| %s | %s | %.2f | %.2f | %s |" % (n, format(round(rps), ",").replace(",", " "), p50 / 1000, p99 / 1000, ratio))
EOF
