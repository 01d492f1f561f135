package org.crisisline.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.history.memory.InMemoryContactHistoryStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("repeat callers")
class RepeatCallerCountTest {
    private static final CallerRef ALEX = new CallerRef("c_alex000000000001");
    private static final CallerRef SAM = new CallerRef("c_sam0000000000002");

    private final List<RepeatContact> counted = new ArrayList<>();
    private final RepeatCallerCount history = new RepeatCallerCount(new InMemoryContactHistoryStore(), counted::add);

    @Test
    @DisplayName("each call's first contact is counted by how recently its caller was last in touch: first, within 7 days, within 30 days, earlier")
    void countsByRecency() throws Exception {
        record(ALEX, "a1", "2026-10-01T19:00:00Z");
        record(ALEX, "a2", "2026-11-20T19:00:00Z");
        record(ALEX, "a3", "2026-11-27T19:00:00Z");
        record(ALEX, "a4", "2026-12-20T19:00:00Z");
        record(SAM, "s1", "2026-11-27T20:00:00Z");

        assertThat(counted).containsExactly(RepeatContact.FIRST, RepeatContact.EARLIER, RepeatContact.WITHIN_7_DAYS,
                RepeatContact.WITHIN_30_DAYS, RepeatContact.FIRST);
    }

    @Test
    @DisplayName("an outcome sent again for the same call is recorded once more but not counted again")
    void repeatOfTheSameCallIsNotCounted() throws Exception {
        record(ALEX, "a1", "2026-11-27T19:00:00Z");
        record(ALEX, "a1", "2026-11-27T19:01:00Z");

        assertThat(counted).containsExactly(RepeatContact.FIRST);
        assertThat(history.contactsOf(ALEX).toCompletableFuture().get(5, TimeUnit.SECONDS)).hasSize(1);
    }

    private void record(CallerRef caller, String call, String at) throws Exception {
        history.record(caller, Contact.of(CallId.of(call), Instant.parse(at), Line.CRISIS, Tier.CRISIS,
                List.of("advice-and-close"), List.of(), false, Optional.empty())).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
    }
}
