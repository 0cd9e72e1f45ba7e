package dev.aigateway.ports;

import java.util.List;

/**
 * The answer to a reservation: whether it fitted, and each window as it stands.
 *
 * @param admitted true when the amount was added to every window
 * @param readings one per counter, in the order asked
 */
public record Reservation(boolean admitted, List<WindowReading> readings) {
    public Reservation {
        readings = List.copyOf(readings);
    }
}
