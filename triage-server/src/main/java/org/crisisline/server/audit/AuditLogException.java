package org.crisisline.server.audit;

/** The audit log could not be written or read, or its chain is broken: nothing may proceed unaudited. */
public final class AuditLogException extends RuntimeException {
    public AuditLogException(String message) {
        super(message);
    }

    public AuditLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
