package org.crisisline.queue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.callback.CallbackBooking;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link QueueStore} must have, run against each implementation: the in-memory
 * store here, the Redis store in its own module. A subclass only says how to open a store.
 */
public abstract class QueueStoreContract {
    protected final MutableClock clock = MutableClock.at("2026-11-22T18:00:00Z");
    protected QueueStore store;

    /** Opens an empty store with this configuration and clock. */
    protected abstract QueueStore openStore(QueueConfig config, Clock clock);

    @BeforeEach
    void open() {
        store = openStore(QueueConfig.defaults(), clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    @DisplayName("a queued caller is in the snapshot, tier-1 callers ahead of earlier lower tiers")
    void queuedCallersAreInTheSnapshotInServingOrder() {
        run(new QueueCommand.Enqueue(caller("support", Tier.SUPPORT)));
        clock.advanceSeconds(5);
        run(new QueueCommand.Enqueue(caller("crisis", Tier.CRISIS)));
        clock.advanceSeconds(5);
        run(new QueueCommand.Enqueue(caller("danger", Tier.IMMEDIATE_RISK)));

        QueueSnapshot snapshot = await(store.snapshot(100));

        assertThat(snapshot.waiting()).extracting(c -> c.id().value()).containsExactly("danger", "crisis", "support");
        assertThat(snapshot.waitingByTier()).containsEntry(Tier.IMMEDIATE_RISK, 1).containsEntry(Tier.CRISIS, 1);
    }

    @Test
    @DisplayName("enqueueing the same call twice changes nothing the second time")
    void enqueueIsIdempotent() {
        Call call = caller("c1", Tier.CRISIS);

        Outcome first = run(new QueueCommand.Enqueue(call));
        Outcome again = run(new QueueCommand.Enqueue(call));

        assertThat(first.events()).hasAtLeastOneElementOfType(QueueEvent.CallerQueued.class);
        assertThat(again.isApplied()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThat(await(store.snapshot(10)).waiting()).hasSize(1);
    }

    @Test
    @DisplayName("an operative who logs on is given the caller at the head, once")
    void operativeLoggingOnIsAssignedTheHeadOfTheLine() {
        run(new QueueCommand.Enqueue(caller("first", Tier.CRISIS)));
        clock.advanceSeconds(1);
        run(new QueueCommand.Enqueue(caller("second", Tier.CRISIS)));
        // Past the tier-2 target, so the tier-1 reserve no longer holds the only operative back.
        clock.advanceSeconds(60);

        Outcome outcome = run(new QueueCommand.LogOn(OperativeId.of("op1"), Skills.trained()));
        Outcome repeated = run(new QueueCommand.LogOn(OperativeId.of("op1"), Skills.trained()));

        assertThat(outcome.events()).filteredOn(QueueEvent.OperativeAssigned.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(((QueueEvent.OperativeAssigned) e).call()).isEqualTo(CallId.of("first")));
        assertThat(repeated.events()).isEmpty();
        QueueSnapshot snapshot = await(store.snapshot(10));
        assertThat(snapshot.waiting()).extracting(c -> c.id().value()).containsExactly("second");
        assertThat(snapshot.operatives()).singleElement()
                .satisfies(o -> assertThat(o.operative().state()).isEqualTo(OperativeState.RESERVED));
    }

    @Test
    @DisplayName("a call connects, completes once, and its operative goes into recovery")
    void callLifecycleEndsOnce() {
        run(new QueueCommand.LogOn(OperativeId.of("op1"), Skills.trained()));
        run(new QueueCommand.Enqueue(caller("c1", Tier.IMMEDIATE_RISK)));
        run(new QueueCommand.MarkConnected(CallId.of("c1")));
        clock.advance(Duration.ofMinutes(20));

        Outcome ended = run(new QueueCommand.EndCall(CallId.of("c1")));
        Outcome endedAgain = run(new QueueCommand.EndCall(CallId.of("c1")));

        assertThat(ended.events()).hasAtLeastOneElementOfType(QueueEvent.CallCompleted.class);
        assertThat(endedAgain.isApplied()).isTrue();
        assertThat(endedAgain.events()).isEmpty();
        assertThat(await(store.snapshot(10)).operatives()).singleElement()
                .satisfies(o -> assertThat(o.operative().state()).isEqualTo(OperativeState.RECOVERY));
    }

    @Test
    @DisplayName("a command on an unknown call is rejected with a reason, not an exception")
    void unknownCallIsRejected() {
        Outcome outcome = run(new QueueCommand.MarkConnected(CallId.of("nobody")));

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected) outcome).reason()).isEqualTo(Outcome.Rejection.UNKNOWN_CALL);
    }

    @Test
    @DisplayName("slots are booked against rota capacity, and a full slot is refused")
    void slotBookingRespectsCapacity() {
        Instant now = clock.instant();
        run(new QueueCommand.SetRota(new Rota(List.of(new Rota.Block(now, now.plus(Duration.ofDays(1)), 8)))));
        for (int i = 0; i < 3; i++) {
            run(new QueueCommand.Enqueue(caller("wait" + i, Tier.SUPPORT)));
        }

        List<CallbackSlot> slots = await(store.offerSlots());
        assertThat(slots).hasSize(3);
        CallbackSlot slot = slots.get(0);
        // 8 on the rota, 15-minute slots, 20-minute callbacks, 70 % kept for live calls: floor(8 * 0.75 * 0.3) = 1.
        assertThat(slot.capacity()).isEqualTo(1);
        Outcome booked = run(new QueueCommand.BookSlot(CallId.of("wait0"), slot.start()));
        Outcome full = run(new QueueCommand.BookSlot(CallId.of("wait1"), slot.start()));

        assertThat(booked.events()).hasAtLeastOneElementOfType(QueueEvent.CallbackBooked.class);
        assertThat(full).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected) full).reason()).isEqualTo(Outcome.Rejection.SLOT_FULL);
        assertThat(await(store.offerSlots())).extracting(CallbackSlot::start).doesNotContain(slot.start());
    }

    @Test
    @DisplayName("an operative's booking after a call shares the slot's capacity with the IVR's, and repeats change nothing")
    void bookingAfterACallRespectsCapacityAndIsIdempotent() {
        Instant now = clock.instant();
        run(new QueueCommand.SetRota(new Rota(List.of(new Rota.Block(now, now.plus(Duration.ofDays(1)), 8)))));
        run(new QueueCommand.Enqueue(caller("wait0", Tier.SUPPORT)));
        CallbackSlot slot = await(store.offerSlots()).get(0);
        QueueCommand booking = new QueueCommand.BookCallbackAfterCall(new CallbackBooking(CallId.of("talked/callback"),
                new CallerRef("ref-talked"), Tier.CRISIS, Language.ENGLISH, false, slot.start()));

        Outcome booked = run(booking);
        Outcome again = run(booking);
        Outcome full = run(new QueueCommand.BookSlot(CallId.of("wait0"), slot.start()));

        assertThat(booked.events()).hasAtLeastOneElementOfType(QueueEvent.CallbackBookedAfterCall.class);
        assertThat(again.isApplied()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThat(full).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.SLOT_FULL));
        assertThat(await(store.snapshot(10)).otherOpen()).singleElement()
                .satisfies(call -> assertThat(call.id().value()).isEqualTo("talked/callback"));
    }

    @Test
    @DisplayName("concurrent commands never assign a call twice or give an operative two calls")
    void concurrentCommandsKeepTheInvariants() throws Exception {
        int threads = 4;
        int callsPerThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<QueueEvent>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<QueueEvent> events = new ArrayList<>();
                    OperativeId op = OperativeId.of("op-" + thread);
                    events.addAll(await(store.execute(new QueueCommand.LogOn(op, Skills.trained()))).events());
                    for (int i = 0; i < callsPerThread; i++) {
                        CallId id = CallId.of("t" + thread + "-c" + i);
                        events.addAll(await(store.execute(new QueueCommand.Enqueue(caller(id.value(),
                                i % 10 == 0 ? Tier.IMMEDIATE_RISK : Tier.SUPPORT)))).events());
                        if (i % 3 == 0) {
                            events.addAll(await(store.execute(new QueueCommand.EndCall(id))).events());
                        }
                    }
                    return events;
                }));
            }
            Map<CallId, Integer> assignments = new HashMap<>();
            for (Future<List<QueueEvent>> result : results) {
                for (QueueEvent event : result.get(30, TimeUnit.SECONDS)) {
                    if (event instanceof QueueEvent.OperativeAssigned assigned) {
                        assignments.merge(assigned.call(), 1, Integer::sum);
                    }
                }
            }
            assertThat(assignments.values()).allMatch(n -> n == 1);
            QueueSnapshot snapshot = await(store.snapshot(10_000));
            assertThat(snapshot.operatives()).allSatisfy(o ->
                    assertThat(o.operative().state()).isIn(OperativeState.AVAILABLE, OperativeState.RESERVED));
            long offered = snapshot.otherOpen().stream().filter(c -> c.state() == CallState.OFFERED).count();
            long reserved = snapshot.operatives().stream()
                    .filter(o -> o.operative().state() == OperativeState.RESERVED).count();
            assertThat(offered).isEqualTo(reserved);
            assertThat(snapshot.otherOpen().stream().filter(c -> c.state() == CallState.OFFERED)
                    .map(c -> c.operative().orElseThrow()).distinct().count()).isEqualTo(offered);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a closed store fails every command with a store exception")
    void closedStoreFails() {
        store.close();

        assertThatThrownBy(() -> await(store.execute(new QueueCommand.Tick())))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(QueueStoreException.class);
    }

    protected Outcome run(QueueCommand command) {
        return await(store.execute(command));
    }

    protected static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    protected Call caller(String id, Tier tier) {
        Instant now = clock.instant();
        return Call.live(CallId.of(id), new CallerRef("ref-" + id), tier == Tier.SUPPORT ? Line.SUPPORT : Line.CRISIS,
                CallSource.SELF, tier, Language.ENGLISH, false, now);
    }
}
