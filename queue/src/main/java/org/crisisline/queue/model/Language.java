package org.crisisline.queue.model;

import java.util.Locale;
import java.util.Objects;

/** A spoken language (ISO 639 code, such as "en", "cy", "pl"), or "bsl" for BSL relay. */
public record Language(String code) {
    public static final Language ENGLISH = new Language("en");

    public Language {
        Objects.requireNonNull(code, "code");
        code = code.trim().toLowerCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new IllegalArgumentException("a language code must not be blank");
        }
    }

    public static Language of(String code) {
        return new Language(code);
    }

    public boolean isEnglish() {
        return equals(ENGLISH);
    }

    @Override
    public String toString() {
        return code;
    }
}
