package org.crisisline.server.pathway.cmht;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GP practice's NHS ODS code (a letter and five digits, e.g. "B86001"): the second catchment key,
 * for callers who know their surgery better than their postcode. {@link #parse} normalises case and
 * spaces and returns empty for anything else.
 */
public record GpPracticeCode(String code) {
    private static final Pattern ODS_PRACTICE = Pattern.compile("[A-Z][0-9]{5}");

    public GpPracticeCode {
        Objects.requireNonNull(code, "code");
        if (!ODS_PRACTICE.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not a GP practice code");
        }
    }

    public static Optional<GpPracticeCode> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return ODS_PRACTICE.matcher(text).matches() ? Optional.of(new GpPracticeCode(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
