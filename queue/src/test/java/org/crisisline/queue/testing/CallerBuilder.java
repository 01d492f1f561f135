package org.crisisline.queue.testing;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;

/**
 * Builds a live caller for a test: {@code aCaller("c1").inTier(CRISIS).speaking("pl").joinedAt(t)}.
 * Anything a test does not say gets a plain default: tier 2, English, not flagged, the line that
 * matches the tier, and (through {@link QueueHarness}) a join time of now.
 */
public final class CallerBuilder {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private String id;
    private Tier tier = Tier.CRISIS;
    private Language language = Language.ENGLISH;
    private boolean flagged;
    private Line line;
    private CallSource source = CallSource.SELF;
    private Instant joinedAt;
    private String person;

    private CallerBuilder(String id) {
        this.id = id;
        this.person = id;
    }

    /** The same person as {@code earlier} (same pseudonym), calling again on a call of its own. */
    public CallerBuilder samePersonAs(CallerBuilder earlier) {
        this.person = earlier.person;
        return this;
    }

    public static CallerBuilder aCaller() {
        return new CallerBuilder("caller-" + NEXT.incrementAndGet());
    }

    public static CallerBuilder aCaller(String id) {
        return new CallerBuilder(id);
    }

    public CallerBuilder withId(String newId) {
        this.id = Objects.requireNonNull(newId);
        return this;
    }

    public CallerBuilder inTier(Tier newTier) {
        this.tier = newTier;
        return this;
    }

    public CallerBuilder speaking(String languageCode) {
        this.language = Language.of(languageCode);
        return this;
    }

    public CallerBuilder flaggedHighRisk() {
        this.flagged = true;
        return this;
    }

    public CallerBuilder onLine(Line newLine) {
        this.line = newLine;
        return this;
    }

    public CallerBuilder from(CallSource newSource) {
        this.source = newSource;
        return this;
    }

    public CallerBuilder joinedAt(Instant at) {
        this.joinedAt = at;
        return this;
    }

    public boolean hasJoinTime() {
        return joinedAt != null;
    }

    public String id() {
        return id;
    }

    public Call build() {
        if (joinedAt == null) {
            throw new IllegalStateException("say when caller " + id + " joined (or enqueue through QueueHarness)");
        }
        Line onLine = line != null ? line : tier == Tier.SUPPORT ? Line.SUPPORT : Line.CRISIS;
        return Call.live(CallId.of(id), new CallerRef("pseudo-" + person), onLine, source, tier, language, flagged,
                joinedAt);
    }
}
