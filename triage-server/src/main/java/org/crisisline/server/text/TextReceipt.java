package org.crisisline.server.text;

import java.util.Objects;

/** A gateway's word that it accepted a text: its reference for the message (e.g. {@code logged} for the logging gateway). */
public record TextReceipt(String reference) {
    public TextReceipt {
        Objects.requireNonNull(reference, "reference");
    }
}
