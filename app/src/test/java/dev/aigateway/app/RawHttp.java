package dev.aigateway.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Sends raw bytes to the gateway, for requests no well-behaved client would send. */
final class RawHttp {

    private RawHttp() { }

    /** Writes {@code request} and reads what comes back until the server closes or stays silent for 3 seconds. */
    static String exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(3000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    answer.write(buffer, 0, read);
                    if (complete(answer.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // Whatever arrived before the silence or the reset is the answer.
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static String exchange(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A response with a Content-Length whose body has fully arrived. */
    private static boolean complete(String answer) {
        int headersEnd = answer.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            return false;
        }
        String headers = answer.substring(0, headersEnd).toLowerCase(java.util.Locale.ROOT);
        int at = headers.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int end = headers.indexOf("\r\n", at);
        int length = Integer.parseInt(headers.substring(at + 15, end < 0 ? headers.length() : end).trim());
        return answer.getBytes(StandardCharsets.UTF_8).length - headersEnd - 4 >= length;
    }
}
