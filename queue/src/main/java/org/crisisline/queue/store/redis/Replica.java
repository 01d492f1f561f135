package org.crisisline.queue.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.core.CoreImage;
import org.crisisline.queue.core.QueueCore;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.store.codec.QueueJson;
import org.crisisline.queue.store.codec.QueueJsonException;

/**
 * This node's copy of a line group's queue: a {@link QueueCore} that applies the group's log in order.
 * Every node applies the same entries at the same logical times, and the core is deterministic, so all
 * copies agree on every decision (which caller goes to which operative) without talking to each other.
 *
 * <p>Threading: confined to the store's Vert.x context.
 */
final class Replica {
    private static final int OUTCOMES_REMEMBERED = 10_000;

    /**
     * What applying an entry did. {@code GAP}: entries are missing before it. {@code RESET}: it reuses
     * a number this replica applied, yet comes later in the stream, so the log was started anew (Redis
     * lost it and another node seeded it) and this replica's history is no longer the group's.
     */
    enum Applied { APPLIED, ALREADY_APPLIED, GAP, RESET }

    private final QueueConfig config;
    private final LogClock clock = new LogClock();
    private final QueueJson json = QueueJson.instance();
    private final Map<String, Promise<Outcome>> awaited = new HashMap<>();
    private final Map<String, Outcome> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Outcome> eldest) {
            return size() > OUTCOMES_REMEMBERED;
        }
    };
    private QueueCore core;
    private long sequence;
    private String position = "0-0";
    private Instant lastAt = Instant.EPOCH;

    Replica(QueueConfig config) {
        this.config = config;
    }

    /** Starts over from a saved image (after a restart, or to skip a gap). */
    void restore(CoreImage image, long imageSequence, String imagePosition, Instant at) {
        clock.set(at);
        core = QueueCore.restore(config, clock, image);
        sequence = imageSequence;
        position = imagePosition;
        lastAt = at;
    }

    /** Applies an entry if it is the next one; an entry already applied changes nothing. */
    Applied apply(LogEntry entry) {
        if (entry.sequence() <= sequence) {
            return isAfter(entry.id(), position) ? Applied.RESET : Applied.ALREADY_APPLIED;
        }
        if (entry.sequence() > sequence + 1) {
            return Applied.GAP;
        }
        clock.set(entry.at());
        if (core == null) {
            core = new QueueCore(config, clock);
        }
        Outcome outcome = decode(entry).map(command -> command.applyTo(core))
                .orElseGet(() -> Outcome.rejected(Outcome.Rejection.INVALID, "unreadable log entry " + entry.id(),
                        List.of()));
        sequence = entry.sequence();
        position = entry.id();
        lastAt = entry.at();
        recent.put(entry.id(), outcome);
        Promise<Outcome> waiting = awaited.remove(entry.id());
        if (waiting != null) {
            waiting.complete(outcome);
        }
        return Applied.APPLIED;
    }

    /** The outcome of an entry this node appended: now if applied, else when it is. */
    Future<Outcome> outcomeOf(String entryId) {
        Outcome known = recent.get(entryId);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return awaited.computeIfAbsent(entryId, id -> Promise.promise()).future();
    }

    /** Stops waiting for an entry (its caller timed out). */
    void forget(String entryId) {
        awaited.remove(entryId);
    }

    /** The core, its clock set to "now" for a read: never earlier than the last entry applied. */
    Optional<QueueCore> readAt(Instant nodeNow) {
        clock.set(nodeNow.isAfter(lastAt) ? nodeNow : lastAt);
        return Optional.ofNullable(core);
    }

    Optional<CoreImage> image() {
        if (core == null) {
            return Optional.empty();
        }
        clock.set(lastAt);
        return Optional.of(core.image());
    }

    long sequence() {
        return sequence;
    }

    String position() {
        return position;
    }

    Instant lastAt() {
        return lastAt;
    }

    /** Starts over with nothing applied (the group's log was started anew from no image). */
    void reset() {
        clock.set(Instant.EPOCH);
        core = null;
        sequence = 0;
        position = "0-0";
        lastAt = Instant.EPOCH;
    }

    /** Read from the start of the stream again (after Redis lost its log and it was seeded anew). */
    void rewindPosition() {
        position = "0-0";
    }

    /** Whether stream entry id {@code a} ("millis-counter") comes after {@code b}. */
    private static boolean isAfter(String a, String b) {
        int dashA = a.indexOf('-');
        int dashB = b.indexOf('-');
        int byTime = Long.compare(Long.parseLong(a.substring(0, dashA)), Long.parseLong(b.substring(0, dashB)));
        return byTime != 0 ? byTime > 0
                : Long.parseLong(a.substring(dashA + 1)) > Long.parseLong(b.substring(dashB + 1));
    }

    private Optional<QueueCommand> decode(LogEntry entry) {
        try {
            return Optional.of(json.readCommand(entry.command()));
        } catch (QueueJsonException e) {
            // Every node skips the same unreadable entry, so the copies still agree.
            return Optional.empty();
        }
    }
}
