package org.crisisline.server.history;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;

/**
 * One previous contact of a caller, as later operatives see it: when the outcome was recorded, the line and
 * tier, the pathways as the audit log describes them (types and directory ids, no free text), the teams the
 * caller was referred to, and a short note only if the caller consented to notes being kept. Immutable.
 *
 * @param consented whether the caller agreed that notes about this contact may be kept and shown
 */
public record Contact(CallId call, Instant at, Line line, Tier tier, List<String> pathways, List<String> referredTo,
                      boolean consented, Optional<String> note) {
    /** The order operatives read contacts in: newest first, then by call id (any store gives the same order). */
    public static final Comparator<Contact> NEWEST_FIRST = Comparator.comparing(Contact::at).reversed()
            .thenComparing(contact -> contact.call().value());

    /** The longest note kept: a reminder for the next operative, not a clinical record. */
    public static final int MAX_NOTE = 280;

    public Contact {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(tier, "tier");
        pathways = List.copyOf(pathways);
        referredTo = List.copyOf(referredTo);
        Objects.requireNonNull(note, "note");
        if (note.isPresent() && !consented) {
            throw new IllegalArgumentException("no note is kept without the caller's consent");
        }
        if (note.isPresent() && note.get().length() > MAX_NOTE) {
            throw new IllegalArgumentException("a note has at most " + MAX_NOTE + " characters");
        }
    }

    /**
     * The contact an outcome leaves: the operative's notes, trimmed to {@link #MAX_NOTE} characters, are kept
     * only with the caller's consent; without it the contact is still counted, with no note.
     */
    public static Contact of(CallId call, Instant at, Line line, Tier tier, List<String> pathways,
            List<String> referredTo, boolean consented, Optional<String> notes) {
        Optional<String> note = consented ? notes.map(String::strip).filter(text -> !text.isEmpty()).map(Contact::shortened)
                : Optional.empty();
        return new Contact(call, at, line, tier, pathways, referredTo, consented, note);
    }

    private static String shortened(String notes) {
        return notes.length() <= MAX_NOTE ? notes : notes.substring(0, MAX_NOTE - 1).strip() + "…";
    }
}
