package org.crisisline.server.history;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.crisisline.queue.model.CallerRef;

/**
 * Keeps each caller's contacts, keyed by their pseudonym (never a number). Recording is idempotent per call:
 * recording a contact for a call already recorded replaces it, so an outcome sent twice is one contact.
 * Stages complete off the caller's thread or at once; they never block.
 */
public interface ContactHistoryStore {

    /** Adds (or, for a call already recorded, replaces) a contact of {@code caller}. */
    CompletionStage<Void> record(CallerRef caller, Contact contact);

    /** The caller's contacts, newest first; empty for a caller never recorded. */
    CompletionStage<List<Contact>> contactsOf(CallerRef caller);
}
