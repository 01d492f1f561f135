package org.crisisline.server.pathway.referral;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.crisisline.queue.model.CallId;
import org.crisisline.server.pathway.cmht.TeamId;

/**
 * Identifies one referral; sent to the team as the idempotency key and in the partner API's paths.
 * {@link #forCall} derives it from the call and the team, so recording the same outcome twice names the same
 * referral and makes nothing twice.
 */
public record ReferralId(String value) implements Comparable<ReferralId> {
    private static final String PREFIX = "ref-";

    public ReferralId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a referral id must not be blank");
        }
    }

    public static ReferralId of(String value) {
        return new ReferralId(value);
    }

    /**
     * The referral of {@code call} to {@code team}: {@code ref-} and 24 hex digits of a SHA-256 of both. URL-safe,
     * and it shows neither the call id nor anything about the caller.
     */
    public static ReferralId forCall(CallId call, TeamId team) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // Each code point as four bytes: deterministic on every platform, without a charset (no I/O types here).
            (call.value() + "\n" + team.value()).codePoints().forEach(cp -> sha.update(new byte[] {
                    (byte) (cp >>> 24), (byte) (cp >>> 16), (byte) (cp >>> 8), (byte) cp}));
            return new ReferralId(PREFIX + HexFormat.of().formatHex(sha.digest(), 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public int compareTo(ReferralId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
