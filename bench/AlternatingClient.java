import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Two routes of one server timed request by request on one kept-alive connection, taking turns in blocks of
 * {@value #BLOCK} requests: what a route's extra plugins add at p50 / p99, with everything else in the run (the JIT,
 * the collector, the neighbours on the core) falling on both alike. Two separate runs of a load generator, one per
 * route, differ at p99 by more than the plugins cost: the one-connection tail of this stack moves by a millisecond
 * from run to run (bench/README). Blocks, not single turns, and the first request of a block not counted: work a
 * request leaves behind after its answer (the guarded route's settlement with Redis) lands on the next request,
 * which should be one of the same route, as in a run of that route alone.
 *
 * <p>Usage: {@code java bench/AlternatingClient.java PLAIN_URL EXTRA_URL EXTRA_AUTHORIZATION BODY SECONDS} -> one
 * line: {@code plain_p50 plain_p99 extra_p50 extra_p99 added_p50 added_p99 timed_per_route errors}, in
 * milliseconds; an error is a request not answered 200 (the run goes on; a run with errors means nothing). Both URLs name the same
 * server; an empty EXTRA_AUTHORIZATION sends none. The first second only opens the way and is not counted.
 */
public final class AlternatingClient {
    private static final int BLOCK = 50;

    public static void main(String[] args) throws Exception {
        URI plain = URI.create(args[0]);
        URI extra = URI.create(args[1]);
        byte[] body = args[3].getBytes(StandardCharsets.UTF_8);
        byte[] plainRequest = Timing.post(plain, body, "");
        byte[] extraRequest = Timing.post(extra, body, args[2].isEmpty() ? "" : "Authorization: " + args[2] + "\r\n");
        long seconds = Long.parseLong(args[4]);
        long[] plainNanos = new long[1 << 20];
        long[] extraNanos = new long[1 << 20];
        int timed = 0;
        int errors = 0;
        try (Socket socket = new Socket(plain.getHost(), plain.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            long started = System.nanoTime();
            long counted = started + 1_000_000_000L;
            long end = counted + seconds * 1_000_000_000L;
            while (System.nanoTime() < end && timed + BLOCK < plainNanos.length) {
                boolean counting = System.nanoTime() > counted;
                errors += block(out, in, plainRequest, counting ? plainNanos : null, timed)
                        + block(out, in, extraRequest, counting ? extraNanos : null, timed);
                if (counting) {
                    timed += BLOCK - 1;
                }
            }
        }
        double[] p = millis(plainNanos, timed);
        double[] e = millis(extraNanos, timed);
        double p50 = Timing.percentile(p, 50);
        double p99 = Timing.percentile(p, 99);
        double e50 = Timing.percentile(e, 50);
        double e99 = Timing.percentile(e, 99);
        System.out.printf("%.3f %.3f %.3f %.3f %+.3f %+.3f %d %d%n", p50, p99, e50, e99, e50 - p50, e99 - p99, timed,
                errors);
    }

    private static double[] millis(long[] nanos, int count) {
        return Arrays.stream(nanos, 0, count).mapToDouble(n -> n / 1e6).toArray();
    }

    /**
     * Sends {@value #BLOCK} requests one after the other and notes the time of all but the first from {@code at} on
     * (none when {@code nanos} is null; a request not answered 200 is noted as 0 and counted as an error).
     *
     * @return the requests not answered 200
     */
    private static int block(OutputStream out, InputStream in, byte[] request, long[] nanos, int at)
            throws IOException {
        int errors = 0;
        for (int i = 0; i < BLOCK; i++) {
            long took = exchange(out, in, request);
            if (took < 0) {
                errors++;
            }
            if (nanos != null && i > 0) {
                nanos[at + i - 1] = Math.max(0, took);
            }
        }
        return errors;
    }

    /** Sends one request and reads its whole answer: the nanoseconds it took, or -1 when it was not a 200. */
    private static long exchange(OutputStream out, InputStream in, byte[] request) throws IOException {
        long sent = System.nanoTime();
        out.write(request);
        out.flush();
        String status = line(in);
        long length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).equalsIgnoreCase("content-length")) {
                length = Long.parseLong(header.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new IOException("answer without a Content-Length: " + status);
        }
        in.skipNBytes(length);
        long took = System.nanoTime() - sent;
        return status.startsWith("HTTP/1.1 200 ") ? took : -1;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
