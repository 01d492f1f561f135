package org.crisisline.telephony.ami;

import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.crisisline.telephony.event.LinkState;
import org.crisisline.telephony.event.PbxLinkChanged;
import org.crisisline.telephony.event.TelephonyEvent;

/**
 * A started {@link AmiLink} pointed at a fake server, and every event it published, for a test to
 * wait on. Waiting blocks the test thread on a monitor until an event comes or the timeout passes; nothing
 * sleeps or polls.
 */
final class LinkProbe implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final AmiLink link;
    final List<TelephonyEvent> seen = new CopyOnWriteArrayList<>();
    private final Set<Integer> taken = new HashSet<>();
    private final MessageConsumer<TelephonyEvent> consumer;

    LinkProbe(Vertx vertx, AmiOptions options) {
        link = AmiLink.create(vertx, options, Clock.systemUTC());
        consumer = vertx.eventBus().consumer(TelephonyEvent.ADDRESS, message -> {
            if (message.body().pbx().equals(options.pbx())) {
                synchronized (this) {
                    seen.add(message.body());
                    notifyAll();
                }
            }
        });
        join(consumer.completion());
        join(link.start());
    }

    /** Options for the captures' PBX: line contexts {@code crisis-line} and {@code crisis-hold}, operatives {@code Local/opN@operatives}. */
    static AmiOptions options(String pbx, int port, JsonObject overrides) {
        JsonObject json = new JsonObject()
                .put("pbx", pbx).put("host", "127.0.0.1").put("port", port)
                .put("username", "triage").put("secret", "triage-local-secret")
                .put("lines", new JsonObject().put("crisis-line", "crisis").put("crisis-hold", "crisis"))
                .put("operative-channel-pattern", "^Local/(op\\d+)@operatives-.*")
                .put("reconnect-initial-ms", 50).put("reconnect-max-ms", 400)
                .put("ping-interval-ms", 1_000).put("action-timeout-ms", 2_000);
        return AmiOptions.fromJson(json.mergeIn(overrides));
    }

    /**
     * Waits for the first event of a type that matches and was not returned before, looking at every
     * event since the link started (events that do not match stay for a later call).
     */
    <T extends TelephonyEvent> T next(Class<T> type, Predicate<T> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (this) {
            try {
                while (true) {
                    for (int i = 0; i < seen.size(); i++) {
                        TelephonyEvent event = seen.get(i);
                        if (!taken.contains(i) && type.isInstance(event) && matching.test(type.cast(event))) {
                            taken.add(i);
                            return type.cast(event);
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return fail("no matching %s within %s; seen: %s", type.getSimpleName(), WAIT, seen);
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    <T extends TelephonyEvent> T next(Class<T> type) {
        return next(type, event -> true);
    }

    PbxLinkChanged nextState(LinkState state) {
        return next(PbxLinkChanged.class, change -> change.state() == state);
    }

    /** Every event seen so far of one type, in order. */
    <T extends TelephonyEvent> List<T> all(Class<T> type) {
        List<T> matching = new ArrayList<>();
        seen.stream().filter(type::isInstance).map(type::cast).forEach(matching::add);
        return matching;
    }

    static <T> T join(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
        }
    }

    @Override
    public void close() {
        join(link.stop());
        join(consumer.unregister());
    }
}
