import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What the bench's timing clients (PacedClient, AlternatingClient) share: the request they send and the percentile. */
final class Timing {
    private Timing() { }

    /** A POST of a JSON body, head and body in one array so that it goes out in one write; header lines end in CRLF. */
    static byte[] post(URI uri, byte[] body, String extraHeaderLines) {
        byte[] head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n" + extraHeaderLines
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] whole = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }

    /** The nearest-rank percentile {@code p} of the values; NaN when there are none. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1))];
    }
}
