package org.crisisline.server.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A caller's number in E.164 form ({@code +447700900123}). {@link #parse} accepts UK national numbers
 * ({@code 07700 900123}), international ones with {@code +} or {@code 00}, and UK numbers written with the
 * bare country code ({@code 447700900123}); spaces, dashes, dots and brackets are ignored.
 *
 * <p>{@link #toString()} never shows the number: it is personal data, to be logged only as a
 * {@link CallerPseudonym}.
 */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number");
        }
    }

    /** The number in E.164, or empty when {@code raw} is not a phone number. */
    public static Optional<PhoneNumber> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        String e164;
        if (compact.startsWith("+")) {
            e164 = compact.replaceFirst("^\\+44\\(?0\\)?", "+44");
        } else if (compact.startsWith("00")) {
            e164 = "+" + compact.substring(2);
        } else if (compact.startsWith("0")) {
            e164 = "+44" + compact.substring(1);
        } else if (compact.startsWith("44") && compact.length() == 12) {
            e164 = "+" + compact;
        } else {
            return Optional.empty();
        }
        if (e164.startsWith("+440")) {
            e164 = "+44" + e164.substring(4);
        }
        return E164.matcher(e164).matches() ? Optional.of(new PhoneNumber(e164)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "PhoneNumber[redacted]";
    }
}
