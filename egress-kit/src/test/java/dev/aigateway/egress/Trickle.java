package dev.aigateway.egress;

import java.io.InputStream;

/** Hands out at most {@code step} bytes a read and never says more are ready, as a network does. */
final class Trickle extends InputStream {
    private final byte[] bytes;
    private final int step;
    private int position;

    Trickle(byte[] bytes, int step) {
        this.bytes = bytes;
        this.step = step;
    }

    @Override
    public int read() {
        return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (position >= bytes.length) {
            return -1;
        }
        int count = Math.min(Math.min(step, length), bytes.length - position);
        System.arraycopy(bytes, position, target, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return 0;
    }
}
