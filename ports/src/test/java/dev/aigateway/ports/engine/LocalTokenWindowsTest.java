package dev.aigateway.ports.engine;

import dev.aigateway.ports.TokenWindows;
import dev.aigateway.ports.TokenWindowsContract;
import java.util.function.LongSupplier;

/** The in-memory windows keep the contract every store keeps. */
class LocalTokenWindowsTest extends TokenWindowsContract {

    @Override
    protected TokenWindows windows(LongSupplier clock) {
        return new LocalTokenWindows(clock);
    }
}
