package org.crisisline.telephony.event;

import java.util.Objects;
import java.util.Optional;

/**
 * A caller's telephone number. Sensitive: {@link #toString()} shows only its last two digits, so a
 * record that holds one can be logged; read {@link #digits()} only where the number is needed.
 */
public record PhoneNumber(String digits) {
    private static final int SHOWN = 2;

    public PhoneNumber {
        Objects.requireNonNull(digits, "digits");
        if (digits.isBlank()) {
            throw new IllegalArgumentException("a phone number cannot be blank");
        }
    }

    /** A number as Asterisk reports it; empty when withheld or unknown ({@code <unknown>}, blank). */
    public static Optional<PhoneNumber> fromAsterisk(String raw) {
        if (raw == null || raw.isBlank() || raw.equals("<unknown>")) {
            return Optional.empty();
        }
        return Optional.of(new PhoneNumber(raw.trim()));
    }

    @Override
    public String toString() {
        int hidden = Math.max(0, digits.length() - SHOWN);
        return "*".repeat(hidden) + digits.substring(hidden);
    }
}
