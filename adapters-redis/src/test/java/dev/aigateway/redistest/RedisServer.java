package dev.aigateway.redistest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} on a free loopback port, started and stopped by a test, with nothing persisted. It can
 * be stopped and started again on the same port, as an outage would.
 */
public final class RedisServer implements AutoCloseable {
    private static final List<String> CANDIDATES = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server",
            "/usr/sbin/redis-server");

    private final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    /** Starts a server on a free port. */
    public static RedisServer start() {
        RedisServer server = new RedisServer(freePort());
        server.startAgain();
        return server;
    }

    public int port() {
        return port;
    }

    /** Stops the server, as a crash would, and waits until the port is closed. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the server (again) on its port, empty, and waits until it answers. */
    public void startAgain() {
        try {
            process = new ProcessBuilder(binary(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "yes")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new IllegalStateException("redis-server did not answer on port " + port);
    }

    /**
     * Makes the server hold every client's commands, new connections' handshakes included, for a while, as a busy or
     * stalled Redis would; returns once the pause is in force.
     */
    public void pause(Duration duration) {
        String command = "CLIENT PAUSE " + duration.toMillis() + " ALL\r\n";
        String reply = send(command, 5);
        if (!"+OK\r\n".equals(reply)) {
            throw new IllegalStateException(command.strip() + " was not done: " + (reply == null
                    ? "redis-server did not answer on port " + port : "it answered " + reply.strip()));
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answersPing() {
        return "+PONG\r\n".equals(send("PING\r\n", 7));
    }

    /** Sends one inline command and reads the first bytes of its reply; null when the server cannot be reached. */
    private String send(String command, int replyLength) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(command.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(replyLength), StandardCharsets.US_ASCII);
        } catch (IOException notYet) {
            return null;
        }
    }

    private static String binary() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "redis-server"));
        return Stream.concat(onPath, CANDIDATES.stream().map(Path::of)).filter(Files::isExecutable).findFirst()
                .map(Path::toString).orElseThrow(() -> new IllegalStateException("redis-server is not installed;"
                        + " install Debian's redis-server package (.ci/run does)"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
