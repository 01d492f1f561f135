package org.crisisline.server.pathway;

import java.time.Instant;

/**
 * Something that happened on a pathway (past tense: {@code ReferralQueued}, {@code CafeSignposted}).
 * Each sub-package seals its own family; the verticle around the domain persists and publishes them.
 */
public interface PathwayEvent {
    /** When it happened, from the injected clock. */
    Instant at();
}
