package org.crisisline.load.sim;

/** The command line cannot be understood: the message says what was wrong, for the person typing it. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
