package org.crisisline.server.history.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.history.Contact;
import org.crisisline.server.history.ContactHistoryStore;
import org.crisisline.server.history.ContactHistoryStoreContract;
import org.crisisline.server.redis.LocalRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Redis contact history against a real Redis at 127.0.0.1:6379, each test under its own key prefix. */
@DisplayName("the Redis contact history")
class RedisContactHistoryStoreTest extends ContactHistoryStoreContract {
    private static final CallerRef CALLER = new CallerRef("c_redis00000000001");
    private final LocalRedis redis = new LocalRedis("history");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T01:00:00Z"));

    @Override
    protected ContactHistoryStore newStore() {
        return node(RedisContactHistoryStore.DEFAULT_MAX_CONTACTS, RedisContactHistoryStore.DEFAULT_RETENTION);
    }

    /** A store on a client of its own, as another server node would have. */
    private RedisContactHistoryStore node(int maxContacts, Duration retention) {
        return RedisContactHistoryStore.create(redis.newClient(), redis.prefix(), clock, maxContacts, retention,
                Duration.ofSeconds(2));
    }

    @AfterEach
    void cleanUp() throws Exception {
        redis.close();
    }

    @Test
    @DisplayName("two nodes share one history: what one records, the other reads, and a repeat from either is one contact")
    void twoNodesShareOneHistory() throws Exception {
        ContactHistoryStore first = newStore();
        ContactHistoryStore second = newStore();
        List<CompletionStage<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Contact contact = contact("call-" + i, Instant.parse("2026-11-29T20:00:00Z").plusSeconds(i));
            writes.add((i % 2 == 0 ? first : second).record(CALLER, contact));
            writes.add((i % 2 == 0 ? second : first).record(CALLER, contact));
        }
        for (CompletionStage<Void> write : writes) {
            await(write);
        }

        List<Contact> read = await(second.contactsOf(CALLER));
        assertThat(read).hasSize(20);
        assertThat(read.get(0).call().value()).isEqualTo("call-19");
        assertThat(await(first.contactsOf(CALLER))).isEqualTo(read);
    }

    @Test
    @DisplayName("every field reads back as recorded, with and without consent and a note")
    void roundTripOfEveryField() throws Exception {
        Contact noted = Contact.of(CallId.of("call-a"), Instant.parse("2026-11-28T19:30:00.123456789Z"),
                Line.PROFESSIONALS, Tier.IMMEDIATE_RISK, List.of("cmht-referral:leeds-west", "cafe-signpost:haven"),
                List.of("leeds-west", "leeds-east"), true, Optional.of("Asked for the café's number again"));
        Contact silent = Contact.of(CallId.of("call-b"), Instant.parse("2026-11-27T10:00:00Z"), Line.CRISIS,
                Tier.SUPPORT, List.of(), List.of(), false, Optional.of("not kept without consent"));
        ContactHistoryStore store = newStore();
        await(store.record(CALLER, noted));
        await(store.record(CALLER, silent));

        assertThat(await(newStore().contactsOf(CALLER))).containsExactly(noted, silent);
        assertThat(ContactJson.decode(ContactJson.encode(noted))).isEqualTo(noted);
    }

    @Test
    @DisplayName("only the newest contacts are kept, up to the bound")
    void boundedPerCaller() throws Exception {
        RedisContactHistoryStore store = node(3, RedisContactHistoryStore.DEFAULT_RETENTION);
        for (int i = 1; i <= 5; i++) {
            await(store.record(CALLER, contact("call-" + i, Instant.parse("2026-11-2" + i + "T20:00:00Z"))));
        }

        assertThat(await(store.contactsOf(CALLER))).extracting(c -> c.call().value())
                .containsExactly("call-5", "call-4", "call-3");
        assertThat(redis.send(Request.cmd(Command.HLEN).arg(contactsKey())).toInteger()).isEqualTo(3);
    }

    @Test
    @DisplayName("contacts older than the retention period are not shown, dropped on the next recording, and the keys expire")
    void retention() throws Exception {
        RedisContactHistoryStore store = node(50, Duration.ofDays(30));
        await(store.record(CALLER, contact("call-old", Instant.parse("2026-11-01T20:00:00Z"))));
        await(store.record(CALLER, contact("call-new", Instant.parse("2026-11-29T20:00:00Z"))));
        assertThat(await(store.contactsOf(CALLER))).hasSize(2);

        clock.advance(Duration.ofDays(5));
        assertThat(await(store.contactsOf(CALLER))).extracting(c -> c.call().value()).containsExactly("call-new");
        await(store.record(CALLER, contact("call-newer", Instant.parse("2026-12-04T20:00:00Z"))));

        assertThat(redis.send(Request.cmd(Command.HKEYS).arg(contactsKey())).stream().map(Object::toString))
                .containsExactlyInAnyOrder("call-new", "call-newer");
        assertThat(redis.send(Request.cmd(Command.TTL).arg(contactsKey())).toLong())
                .isBetween(Duration.ofDays(30).toSeconds() - 60, Duration.ofDays(30).toSeconds());
    }

    private String contactsKey() {
        return redis.prefix() + ":history:{" + CALLER.pseudonym() + "}:contacts";
    }

    private static Contact contact(String call, Instant at) {
        return Contact.of(CallId.of(call), at, Line.CRISIS, Tier.CRISIS, List.of("advice-and-close"), List.of(),
                false, Optional.empty());
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
