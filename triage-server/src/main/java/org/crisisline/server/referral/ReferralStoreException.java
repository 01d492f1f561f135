package org.crisisline.server.referral;

/** A referral store could not do what it was asked (unreachable, too slow, or too much contention): nothing was saved. */
public final class ReferralStoreException extends RuntimeException {
    public ReferralStoreException(String message) {
        super(message);
    }

    public ReferralStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
