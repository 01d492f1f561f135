package org.crisisline.server.routing;

import java.util.Objects;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.server.audit.CallerPseudonym;

/**
 * A caller's {@link CallerRef} for the queue: the keyed-hash pseudonym every log, metric and export
 * uses ({@link CallerPseudonym}, DOMAIN.md "Information sharing"), so a caller is the same person to
 * the queue as to the audit log. A withheld or unparseable number is known only by its call.
 *
 * <p>Immutable and thread-safe.
 */
public final class CallerPseudonyms {
    private final CallerPseudonym pseudonym;

    public CallerPseudonyms(CallerPseudonym pseudonym) {
        this.pseudonym = Objects.requireNonNull(pseudonym, "pseudonym");
    }

    /** The pseudonym of {@code rawNumber}; a withheld number is named by {@code callKey}, which is no secret. */
    public CallerRef of(String rawNumber, String callKey) {
        return pseudonym.of(rawNumber == null ? "" : rawNumber).map(CallerRef::new)
                .orElseGet(() -> new CallerRef("withheld-" + callKey));
    }
}
