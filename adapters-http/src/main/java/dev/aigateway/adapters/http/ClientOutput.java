package dev.aigateway.adapters.http;

import dev.aigateway.domain.error.ClientGoneException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The answer's way to the client, on which a failed write means the client left: the relay stops without the
 * upstream being blamed for it (no breaker, no failover), and the exchange ends as aborted.
 */
final class ClientOutput extends FilterOutputStream {
    ClientOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) {
        toClient(() -> out.write(b));
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        toClient(() -> out.write(bytes, offset, length));
    }

    @Override
    public void flush() {
        toClient(out::flush);
    }

    @Override
    public void close() {
        toClient(out::close);
    }

    private static void toClient(Writing writing) {
        try {
            writing.run();
        } catch (IOException | UncheckedIOException e) {
            throw new ClientGoneException(e);
        }
    }

    @FunctionalInterface
    private interface Writing {
        void run() throws IOException;
    }
}
