# shellcheck shell=bash
# What bench/run and bench/egress share (sourced from the project's root, with $WORK set): the load tools, the
# fake Mistral's nginx config, the requests, and how a wrk run is read.

# The requests every scenario sends; wrk's script ($WORK/post.lua) posts $BODY, with $AUTH as the Authorization
# header when it is set.
CHAT='{"model":"mistral-small-latest","messages":[{"role":"user","content":"Hello"}],"max_tokens":64}'
STREAMING='{"model":"mistral-small-latest","stream":true,"messages":[{"role":"user","content":"Hello"}]}'
EMBED='{"model":"mistral-embed","input":["Hello world"]}'
write_post_lua() {
  cat > "$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BODY")
if os.getenv("AUTH") ~= nil and os.getenv("AUTH") ~= "" then wrk.headers["Authorization"] = os.getenv("AUTH") end
LUA
}

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
# An nginx config run from $WORK (its pid in $WORK/NAME.pid), one worker with the echo module the paced fake needs,
# no access log; SERVERS is the http block's servers.
nginx_conf() { # name servers
  cat <<NGINX
load_module /usr/lib/nginx/modules/ngx_http_echo_module.so;
worker_processes 1;
pid $WORK/$1.pid;
error_log $WORK/$1-error.log;
events { worker_connections 16384; }
http {
  access_log off;
  client_body_temp_path $WORK/body; proxy_temp_path $WORK/proxy;
  fastcgi_temp_path $WORK/fcgi; uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
  keepalive_requests 1000000;
$2
}
NGINX
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
