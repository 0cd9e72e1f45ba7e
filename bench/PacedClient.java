import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Paced streams at one connection, timed event by event: streams go alternately straight to the fake and through
 * the gateway, each on a fresh connection, and every {@code data: {} event's arrival is noted. Prints what the
 * gateway adds to the time to the first event (p50 / p99 over the streams, the gateway's percentile minus the
 * fake's) and to the time between events (p50 / p99 of every gap between consecutive events, the gateway's minus
 * the fake's: a relay that holds an event back lengthens one gap and shortens the next). Gaps, not arrival times,
 * because nginx's timers drift differently on a fresh connection (the client's) and a kept-alive one (the
 * gateway's), which moves whole streams but not their gaps. A stream ends at its {@code data: [DONE]}, whether or
 * not the server closes the connection then.
 *
 * <p>Usage: {@code java bench/PacedClient.java DIRECT_URL GATEWAY_URL BODY STREAMS} -> one line:
 * {@code direct_ttft_p50 direct_ttft_p99 gateway_ttft_p50 gateway_ttft_p99 added_ttft_p50 added_ttft_p99
 * added_gap_p50 added_gap_p99 events_per_stream errors}, in milliseconds.
 */
public final class PacedClient {
    private static final byte[] EVENT = "data: {".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        URI direct = URI.create(args[0]);
        URI gateway = URI.create(args[1]);
        byte[] body = args[2].getBytes(StandardCharsets.UTF_8);
        int streams = Integer.parseInt(args[3]);
        List<long[]> fromFake = new ArrayList<>();
        List<long[]> throughGateway = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < streams + 2; i++) {
            long[] a = stream(direct, body);
            long[] b = stream(gateway, body);
            if (a.length == 0 || b.length == 0) {
                errors++;
            } else if (i >= 2) { // the first two pairs only open the way (connections, caches)
                fromFake.add(a);
                throughGateway.add(b);
            }
        }
        int events = fromFake.stream().mapToInt(e -> e.length).min().orElse(0);
        double[] directTtft = fromFake.stream().mapToDouble(e -> e[0] / 1e6).toArray();
        double[] gatewayTtft = throughGateway.stream().mapToDouble(e -> e[0] / 1e6).toArray();
        double[] directGaps = gaps(fromFake);
        double[] gatewayGaps = gaps(throughGateway);
        System.out.printf("%.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %d %d%n",
                Timing.percentile(directTtft, 50), Timing.percentile(directTtft, 99), Timing.percentile(gatewayTtft, 50),
                Timing.percentile(gatewayTtft, 99), Timing.percentile(gatewayTtft, 50) - Timing.percentile(directTtft, 50),
                Timing.percentile(gatewayTtft, 99) - Timing.percentile(directTtft, 99),
                Timing.percentile(gatewayGaps, 50) - Timing.percentile(directGaps, 50),
                Timing.percentile(gatewayGaps, 99) - Timing.percentile(directGaps, 99), events, errors);
    }

    /** Every gap between consecutive events of the streams, in milliseconds. */
    private static double[] gaps(List<long[]> streams) {
        return streams.stream().flatMapToDouble(arrivals -> java.util.stream.IntStream.range(1, arrivals.length)
                .mapToDouble(k -> (arrivals[k] - arrivals[k - 1]) / 1e6)).toArray();
    }

    /** Each event's arrival in nanoseconds from the request's start; empty when the answer was not a 200 or stalled. */
    private static long[] stream(URI uri, byte[] body) throws Exception {
        try {
            return timed(uri, body);
        } catch (java.net.SocketTimeoutException stalled) {
            return new long[0];
        }
    }

    private static long[] timed(URI uri, byte[] body) throws Exception {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000); // a stream that stalls this long counts as failed
            OutputStream out = socket.getOutputStream();
            byte[] request = Timing.post(uri, body, "Connection: close\r\n");
            long started = System.nanoTime();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            List<Long> arrivals = new ArrayList<>();
            byte[] buffer = new byte[16 * 1024];
            int matched = 0;
            int matchedDone = 0;
            boolean statusChecked = false;
            int read;
            while (matchedDone < DONE.length && (read = in.read(buffer)) != -1) {
                long now = System.nanoTime();
                if (!statusChecked) {
                    if (!new String(buffer, 0, Math.min(read, 12), StandardCharsets.US_ASCII).endsWith("200")) {
                        return new long[0];
                    }
                    statusChecked = true;
                }
                for (int i = 0; i < read; i++) {
                    matched = buffer[i] == EVENT[matched] ? matched + 1 : buffer[i] == EVENT[0] ? 1 : 0;
                    if (matched == EVENT.length) {
                        arrivals.add(now - started);
                        matched = 0;
                    }
                    if (matchedDone < DONE.length) {
                        matchedDone = buffer[i] == DONE[matchedDone] ? matchedDone + 1 : buffer[i] == DONE[0] ? 1 : 0;
                    }
                }
            }
            return arrivals.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
