package dev.aigateway.archfixtures.portsclass.ports;

/** Engine code left in the API package. */
public final class Engine implements UseCase {
    @Override
    public Answer answer(String question) {
        return new Answer(question.length());
    }
}
