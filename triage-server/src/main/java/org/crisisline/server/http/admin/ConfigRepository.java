package org.crisisline.server.http.admin;

import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.crisisline.server.auth.web.ApiError;

/**
 * The current value of one {@link ConfigSection}, in memory: the JSON an admin last saved, its validated
 * value, a version that goes up by one per replacement, and who saved it when. Readers get a consistent
 * {@link Versioned}; {@link #replace} swaps the whole value at once, only if the version the writer read is
 * still current (409 {@code version-conflict} otherwise). Thread-safe, lock-free.
 *
 * @param <T> the validated value
 */
public final class ConfigRepository<T> {
    /** One saved state of the section. */
    public record Versioned<T>(JsonArray items, T value, long version, Instant savedAt, String savedBy) {
        public Versioned {
            items = items.copy();
        }
    }

    private final ConfigSection<T> section;
    private final AtomicReference<Versioned<T>> current;

    /** Starts from {@code initial}, which must be valid (an invalid one fails start-up, naming the section). */
    public ConfigRepository(ConfigSection<T> section, JsonArray initial, Instant at) {
        this.section = Objects.requireNonNull(section, "section");
        T value;
        try {
            value = section.parse(initial);
        } catch (ApiError e) {
            throw new IllegalArgumentException("initial " + section.name() + " configuration: " + e.getMessage(), e);
        }
        this.current = new AtomicReference<>(new Versioned<>(initial, value, 1, at, "start-up"));
    }

    public ConfigSection<T> section() {
        return section;
    }

    public Versioned<T> current() {
        return current.get();
    }

    public T value() {
        return current.get().value();
    }

    /** Keeps {@code next} if the section is still at {@code expectedVersion}; returns what was kept. */
    public Versioned<T> replace(long expectedVersion, JsonArray items, T value, Instant at, String by) {
        Versioned<T> seen = current.get();
        Versioned<T> next = new Versioned<>(items, value, seen.version() + 1, at, by);
        if (seen.version() != expectedVersion || !current.compareAndSet(seen, next)) {
            throw new ApiError(409, "version-conflict", "The " + section.name()
                    + " configuration changed since version " + expectedVersion + "; reload and try again.");
        }
        return next;
    }
}
