package org.crisisline.server.text;

/**
 * A text was not accepted for delivery: the gateway refused it, did not answer in time or could not be
 * reached. The message says why, without the number or the text.
 */
public final class TextDeliveryException extends RuntimeException {
    public TextDeliveryException(String message) {
        super(message);
    }

    public TextDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
