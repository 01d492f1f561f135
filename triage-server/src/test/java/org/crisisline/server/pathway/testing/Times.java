package org.crisisline.server.pathway.testing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Instants written as London wall-clock times, so a test reads like the rota it checks. */
public final class Times {
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Times() {
    }

    /** "2026-11-27T18:00" in Europe/London (BST or GMT as that day has it). */
    public static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }
}
