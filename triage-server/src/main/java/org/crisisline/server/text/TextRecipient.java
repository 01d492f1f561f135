package org.crisisline.server.text;

import java.util.Objects;
import org.crisisline.server.audit.PhoneNumber;

/**
 * Who a text goes to: the number (only a gateway reads it, to send) and its pseudonym (what logs and the
 * audit log name). Immutable; {@link #toString()} shows only the pseudonym.
 */
public record TextRecipient(PhoneNumber number, String pseudonym) {
    public TextRecipient {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(pseudonym, "pseudonym");
    }

    @Override
    public String toString() {
        return pseudonym;
    }
}
