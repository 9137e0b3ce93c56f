package dev.ordo.api.messaging;

/** The broker could not durably take a command; nothing was accepted. Answered with 503. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
