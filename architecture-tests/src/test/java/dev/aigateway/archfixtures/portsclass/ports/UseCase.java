package dev.aigateway.archfixtures.portsclass.ports;

/** An API interface: allowed. */
public interface UseCase {
    Answer answer(String question);
}
