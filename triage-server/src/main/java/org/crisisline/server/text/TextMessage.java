package org.crisisline.server.text;

import java.util.Objects;

/**
 * A text to send: the recipient, what it is about (e.g. {@code cafe:leeds-haven}, safe to log) and the text,
 * which may hold personal details and is never logged. Immutable; {@link #toString()} shows neither number
 * nor text.
 */
public record TextMessage(TextRecipient to, String subject, String text) {
    public TextMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a text message must say something");
        }
    }

    @Override
    public String toString() {
        return "TextMessage[to=" + to.pseudonym() + ", subject=" + subject + ", " + text.length() + " chars]";
    }
}
