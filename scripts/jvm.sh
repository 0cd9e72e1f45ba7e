# shellcheck shell=bash
# The gateway's production JVM settings, sourced by bin/gateway and by the benchmarks' bare Java proxies, which run
# on the same ones: sets GATEWAY_JVM (an array) and MALLOC_ARENA_MAX. GATEWAY_HEAP sizes the heap (default 160m).
#
# The serial collector: one core's worth of GC work, no concurrent threads, the smallest footprint; freed native
# memory handed back (a C2 compilation can take 100+ MiB of malloc arena for a moment) and two malloc arenas at most.
# A trim holds a core for about 5 ms (a scheduler trace of the one-connection load): every 10 s, not every second.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
GATEWAY_JVM=(-XX:+UseSerialGC "-Xmx${GATEWAY_HEAP:-160m}" -XX:TrimNativeHeapInterval=10000)
