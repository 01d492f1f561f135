package org.crisisline.server.pathway;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK postcode district, the outward code of a postcode ("LS6" of "LS6 2AB"): the key CMHT
 * catchments and café areas are drawn by. {@link #parse} normalises what a caller or operative
 * types ("ls6 2ab", "LS62AB", " ls6 ") and returns empty for anything that is not a postcode.
 */
public record PostcodeDistrict(String code) implements Comparable<PostcodeDistrict> {
    private static final String OUTWARD = "[A-Z]{1,2}[0-9][A-Z0-9]?";
    private static final Pattern DISTRICT = Pattern.compile(OUTWARD);
    private static final Pattern FULL = Pattern.compile("(" + OUTWARD + ") ?([0-9][A-Z]{2})");

    public PostcodeDistrict {
        Objects.requireNonNull(code, "code");
        if (!DISTRICT.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not a normalised postcode district");
        }
    }

    /** The district of a full or outward-only postcode, in any case and spacing; empty if it is neither. */
    public static Optional<PostcodeDistrict> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher full = FULL.matcher(text);
        if (full.matches()) {
            return Optional.of(new PostcodeDistrict(full.group(1)));
        }
        return DISTRICT.matcher(text).matches() ? Optional.of(new PostcodeDistrict(text)) : Optional.empty();
    }

    /** For configuration: the district, or a {@link PathwayConfigException} naming the key. */
    public static PostcodeDistrict ofSetting(String key, String raw) {
        return parse(raw).orElseThrow(() -> new PathwayConfigException(key, "'" + raw + "' is not a postcode district"));
    }

    @Override
    public int compareTo(PostcodeDistrict other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
