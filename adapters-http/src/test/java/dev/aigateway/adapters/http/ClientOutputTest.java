package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.error.ClientGoneException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** A relayed answer's failed write to the client is the client's leaving, not the upstream's failure. */
class ClientOutputTest {

    @Test
    void passesBytesOn() throws IOException {
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        try (ClientOutput out = new ClientOutput(client)) {
            out.write("data".getBytes(), 1, 2);
            out.write('!');
            out.flush();
        }
        assertThat(client.toString()).isEqualTo("at!");
    }

    @Test
    void aFailedWriteFlushOrCloseMeansTheClientLeft() {
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void flush() {
                throw new UncheckedIOException(new IOException("Connection reset"));
            }

            @Override
            public void close() throws IOException {
                throw new IOException("closed");
            }
        };
        ClientOutput out = new ClientOutput(gone);

        assertThatThrownBy(() -> out.write(new byte[4], 0, 4)).isInstanceOf(ClientGoneException.class);
        assertThatThrownBy(() -> out.write('x')).isInstanceOf(ClientGoneException.class);
        assertThatThrownBy(out::flush).isInstanceOf(ClientGoneException.class);
        assertThatThrownBy(out::close).isInstanceOf(ClientGoneException.class);
    }
}
