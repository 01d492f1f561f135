package org.crisisline.telephony.sim;

import java.util.Random;
import java.util.UUID;

/**
 * Identifiers as Asterisk allocates them (fixtures README): a Uniqueid is
 * {@code <epoch seconds>.<sequence>} with one sequence for the whole PBX, prefixed with
 * {@code <systemname>-} when asterisk.conf sets one (what makes Uniqueids unique across PBXs); a Local channel pair is
 * {@code Local/<exten>@<context>-<8 hex>;1|;2} with its own counter; other technologies are
 * {@code <Tech>/<endpoint>-<8 hex>}; a bridge has a random UUID.
 *
 * <p>Not thread-safe: used on the model's thread only.
 */
final class ChannelIds {
    private final SimScheduler clock;
    private final Random random;
    private final String uniquePrefix;
    private long uniqueSequence;
    private long localSequence;
    private long techSequence;

    ChannelIds(SimScheduler clock, Random random, String systemName) {
        this.clock = clock;
        this.random = random;
        this.uniquePrefix = systemName.isBlank() ? "" : systemName + "-";
    }

    String nextUniqueid() {
        return uniquePrefix + (clock.now() / 1000) + "." + uniqueSequence++;
    }

    /** The name without {@code ;1}/{@code ;2}. */
    String nextLocalName(String exten, String context) {
        return "Local/" + exten + "@" + context + "-" + hex(localSequence++);
    }

    String nextTechName(String tech, String endpoint) {
        return tech + "/" + endpoint + "-" + hex(techSequence++);
    }

    String nextBridgeId() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** A positive number like Asterisk's AGI {@code CommandId}. */
    String nextCommandId() {
        return Integer.toString(random.nextInt(Integer.MAX_VALUE));
    }

    private static String hex(long value) {
        return String.format("%08x", value);
    }
}
