package org.crisisline.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link ContactHistoryStore} must do; run against each implementation. */
public abstract class ContactHistoryStoreContract {
    private static final CallerRef ALEX = new CallerRef("c_alex000000000001");
    private static final CallerRef SAM = new CallerRef("c_sam0000000000002");

    private ContactHistoryStore store;

    /** A fresh, empty store. */
    protected abstract ContactHistoryStore newStore() throws Exception;

    @BeforeEach
    void fresh() throws Exception {
        store = newStore();
    }

    @Test
    @DisplayName("a caller never recorded has no contacts")
    void unknownCallerHasNone() throws Exception {
        assertThat(contactsOf(ALEX)).isEmpty();
    }

    @Test
    @DisplayName("contacts come back newest first, and only the caller's own")
    void newestFirstPerCaller() throws Exception {
        record(ALEX, contact("call-1", "2026-11-20T21:00:00Z", Tier.SUPPORT));
        record(ALEX, contact("call-3", "2026-11-27T22:00:00Z", Tier.IMMEDIATE_RISK));
        record(SAM, contact("call-2", "2026-11-25T20:00:00Z", Tier.CRISIS));

        assertThat(contactsOf(ALEX)).extracting(c -> c.call().value()).containsExactly("call-3", "call-1");
        assertThat(contactsOf(SAM)).extracting(c -> c.call().value()).containsExactly("call-2");
    }

    @Test
    @DisplayName("recording the same call again replaces its contact: an outcome sent twice is one contact")
    void recordingIsIdempotentPerCall() throws Exception {
        record(ALEX, contact("call-1", "2026-11-20T21:00:00Z", Tier.SUPPORT));
        record(ALEX, contact("call-1", "2026-11-20T21:05:00Z", Tier.CRISIS));

        assertThat(contactsOf(ALEX)).singleElement().satisfies(c -> {
            assertThat(c.tier()).isEqualTo(Tier.CRISIS);
            assertThat(c.at()).isEqualTo(Instant.parse("2026-11-20T21:05:00Z"));
        });
    }

    @Test
    @DisplayName("everything in a contact is kept as recorded")
    void keepsEveryField() throws Exception {
        Contact full = Contact.of(CallId.of("call-9"), Instant.parse("2026-11-27T19:30:00Z"), Line.PROFESSIONALS,
                Tier.IMMEDIATE_RISK, List.of("cmht-referral:leeds-west", "emergency-escalation"), List.of("leeds-west"),
                true, Optional.of("police on scene"));
        record(ALEX, full);

        assertThat(contactsOf(ALEX)).containsExactly(full);
    }

    private static Contact contact(String call, String at, Tier tier) {
        return Contact.of(CallId.of(call), Instant.parse(at), Line.CRISIS, tier, List.of("callback"), List.of(),
                false, Optional.empty());
    }

    private void record(CallerRef caller, Contact contact) throws Exception {
        store.record(caller, contact).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private List<Contact> contactsOf(CallerRef caller) throws Exception {
        return store.contactsOf(caller).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
