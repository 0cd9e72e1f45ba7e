# Reads async-profiler's collapsed stacks (one "frame;frame;... count" per line) and prints where the CPU time
# went, by the category of the innermost frame that says something: the kernel (by the system call that entered
# it), the JVM's own threads, and the Java code by library.
function category(stack,    n, f, i, g) {
  n = split(stack, f, ";")
  if (stack ~ /CompileBroker|C2Compiler|Compiler::compile/) return "JVM: JIT compiler threads"
  # Serial GC collects in the VM thread; the same heap's frames in a Java thread are allocation, not collection.
  if (stack ~ /VMThread|GCTaskThread|WorkerThread::run/ && stack ~ /Generation|SerialHeap|SerialFullGC|G1/) return "JVM: garbage collection"
  if (stack ~ /VMThread|SafepointSynchronize/) return "JVM: VM thread (safepoints, handshakes)"
  if (stack ~ /MemAllocator|SerialHeap::mem_allocate|OptoRuntime::new_array/) return "JVM: allocation slow path (new TLABs, zeroing large arrays)"
  if (stack ~ /_\[k\]/) {
    for (i = n; i > 0; i--) {
      g = f[i]
      if (g ~ /write0|writev0|SocketDispatcher.write|send/) return "kernel: socket writes"
      if (g ~ /read0|readv0|SocketDispatcher.read|recv/) return "kernel: socket reads"
      if (g ~ /EPoll|epoll/) return "kernel: epoll (registering and waiting for sockets)"
      if (g ~ /Unpark|Parker|futex|pthread_cond|park/) return "kernel: futex (parking and waking threads)"
      if (g ~ /accept/) return "kernel: accept"
    }
    return "kernel: other (interrupts, scheduling, page faults)"
  }
  for (i = n; i > 0; i--) {
    g = f[i]
    if (g ~ /^dev\/aigateway/) return "gateway code (translation, routing, metrics calls)"
    if (g ~ /^com\/fasterxml\/jackson/) return "Jackson (JSON parse and write)"
    if (g ~ /^io\/micrometer/) return "Micrometer (metrics)"
    # Inside a WebClient call every Helidon frame is the client's, shared socket and buffer code included.
    if (g ~ /^io\/helidon/) return stack ~ /io\/helidon\/webclient/ ? "Helidon WebClient (upstream HTTP)" : "Helidon WebServer (client-facing HTTP)"
    if (g ~ /ForkJoin|VirtualThread|Continuation|DelayScheduler|StackChunk|Freeze|Thaw|LockSupport|Poller/) return "JVM: virtual-thread scheduling"
  }
  return "other (JDK libraries, native, unknown)"
}
{ count = $NF; $NF = ""; sub(/ $/, ""); c = category($0); total += count; by[c] += count }
END {
  for (c in by) printf "  %5.1f%%  %s\n", 100 * by[c] / total, c | "sort -rn"
  close("sort -rn")
  printf "  (%d samples)\n", total
}
