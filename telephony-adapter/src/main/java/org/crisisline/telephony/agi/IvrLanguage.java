package org.crisisline.telephony.agi;

import java.util.Objects;

/**
 * A language the IVR offers: its code (written to {@code CRISISLINE_LANGUAGE}, e.g. {@code en},
 * {@code cy}), the key that chooses it on the language menu, and its prompts.
 */
public record IvrLanguage(String code, char key, IvrPrompts prompts) {
    public IvrLanguage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(prompts, "prompts");
        if (!code.matches("[a-z]{2,3}(-[A-Za-z0-9]+)?")) {
            throw new IllegalArgumentException("languages: not a language code: '" + code + "'");
        }
        if (key < '0' || key > '9') {
            throw new IllegalArgumentException("languages: key of " + code + " must be a digit: '" + key + "'");
        }
    }

    /** A language with the default prompt names. */
    public static IvrLanguage of(String code, char key) {
        return new IvrLanguage(code, key, IvrPrompts.defaults(code));
    }
}
