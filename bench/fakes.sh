# shellcheck shell=bash
# What bench/run and bench/egress share (sourced from the project's root): the load tools, the fake Mistral's nginx
# locations, and how a wrk run is read.

# wrk's --latency output on stdin -> "req/s p50 p99 errors", the latencies as wrk writes them (e.g. 1.2ms, 800us);
# errors counts socket errors and non-2xx answers, which make the other numbers meaningless.
wrk_summary() {
  awk '/Requests\/sec/ {r=$2} $1=="50%" {a=$2} $1=="99%" {b=$2}
       /Socket errors/ {gsub(",",""); e+=$4+$6+$8+$10} /Non-2xx/ {e+=$5} END {print r, a, b, e+0}'
}

# wrk, and nginx-light, which brings the echo module the paced fake needs.
install_load_tools() {
  if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null \
    || ! [ -f /usr/lib/nginx/modules/ngx_http_echo_module.so ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
  fi
}
# The fast fake: canned answers written into nginx's config (return works for POSTs and discards their bodies).
canned() { cat "bench/$1"; }
fast_locations() {
  echo "location = /v1/chat/completions { default_type application/json; return 200 '$(canned chat.json)'; }"
  echo "location = /stream { default_type text/event-stream; return 200 '$(canned stream.sse)'; }"
  echo "location = /v1/embeddings { default_type application/json; return 200 '$(canned embeddings.json)'; }"
}
# The paced fake: 64 deltas 20 ms apart (the first 20 ms after the request), the last with the finish reason and the
# usage, then [DONE] (nginx's echo module).
paced_events() {
  local chunk='{"id":"p","object":"chat.completion.chunk","created":1,"model":"mistral-small-latest","choices":[{"index":0,'
  echo "data: ${chunk}\"delta\":{\"role\":\"assistant\",\"content\":\"tok \"},\"finish_reason\":null}]}"
  for _ in $(seq 62); do echo "data: ${chunk}\"delta\":{\"content\":\"tok \"},\"finish_reason\":null}]}"; done
  echo "data: ${chunk}\"delta\":{\"content\":\"tok \"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":64,\"total_tokens\":76}}"
  echo "data: [DONE]"
}
PACED_EVENTS=64
paced() {
  echo "echo_read_request_body; default_type text/event-stream;"
  paced_events | sed "s/.*/echo_sleep 0.02; echo '&'; echo ''; echo_flush;/" | sed '$s/echo_sleep 0.02; //'
}
