package org.crisisline.server.history.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.server.history.Contact;
import org.crisisline.server.history.ContactHistoryStore;

/**
 * A {@link ContactHistoryStore} in memory, lost on restart. Thread-safe: each caller's list is replaced
 * atomically; stages are already complete.
 */
public final class InMemoryContactHistoryStore implements ContactHistoryStore {
    private final Map<CallerRef, List<Contact>> contacts = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> record(CallerRef caller, Contact contact) {
        contacts.compute(caller, (who, before) -> {
            List<Contact> after = new ArrayList<>(before == null ? List.of() : before);
            after.removeIf(kept -> kept.call().equals(contact.call()));
            after.add(contact);
            after.sort(Contact.NEWEST_FIRST);
            return List.copyOf(after);
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<Contact>> contactsOf(CallerRef caller) {
        return CompletableFuture.completedFuture(contacts.getOrDefault(caller, List.of()));
    }
}
