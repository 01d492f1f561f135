package org.crisisline.server.history;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.crisisline.queue.model.CallerRef;

/**
 * A contact history that also counts repeat callers: when a call's contact is recorded for the first time,
 * {@code counter} learns how recently the same caller was last in touch ({@link RepeatContact}). It reads the
 * caller's history just before recording, so an outcome sent again is not counted again.
 */
public final class RepeatCallerCount implements ContactHistoryStore {
    private final ContactHistoryStore store;
    private final Consumer<RepeatContact> counter;

    public RepeatCallerCount(ContactHistoryStore store, Consumer<RepeatContact> counter) {
        this.store = Objects.requireNonNull(store, "store");
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    @Override
    public CompletionStage<Void> record(CallerRef caller, Contact contact) {
        return store.contactsOf(caller).thenCompose(before -> store.record(caller, contact)
                .thenRun(() -> RepeatContact.of(before, contact.call(), contact.at()).ifPresent(counter)));
    }

    @Override
    public CompletionStage<List<Contact>> contactsOf(CallerRef caller) {
        return store.contactsOf(caller);
    }
}
