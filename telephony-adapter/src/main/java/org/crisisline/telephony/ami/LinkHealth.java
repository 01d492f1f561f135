package org.crisisline.telephony.ami;

import java.time.Instant;
import org.crisisline.telephony.event.LinkState;

/**
 * A snapshot of one PBX link for a health check: its state and why, since when, how many channels
 * it believes live, and how many AMI events it translated or dropped (unread kinds and unreadable
 * ones) since it was created.
 */
public record LinkHealth(String pbx, LinkState state, String detail, Instant since, int liveChannels,
                         long translatedEvents, long ignoredEvents) {
}
