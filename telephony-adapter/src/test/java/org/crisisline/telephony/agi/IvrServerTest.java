package org.crisisline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crisisline.telephony.captures.Capture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the IVR server, over a real socket, against a fake Asterisk replaying real replies")
class IvrServerTest {
    static final String SESSION = "agi-triage-session.txt";
    static final Instant NOW = Instant.parse("2026-11-29T21:00:00Z");
    static final CapturedReplies REPLIES = CapturedReplies.load(Capture.AGI_FILES);
    static final CallbackSlot SLOT_1 = new CallbackSlot("s1", Instant.parse("2026-11-29T22:00:00Z"),
            Instant.parse("2026-11-29T22:15:00Z"));
    static final CallbackSlot SLOT_2 = new CallbackSlot("s2", Instant.parse("2026-11-29T22:15:00Z"),
            Instant.parse("2026-11-29T22:30:00Z"));

    private final Vertx vertx = Vertx.vertx();
    private final LogCapture logs = new LogCapture();
    private IvrServer server;

    @AfterEach
    void close() throws Exception {
        logs.close();
        if (server != null) {
            server.stop().await(5, TimeUnit.SECONDS);
        }
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    static IvrServerOptions testOptions(IvrOptions ivr) {
        return IvrServerOptions.defaults().withPort(0).withSocketReadTimeout(Duration.ofSeconds(5))
                .withIvr(ivr.withQueueTimeout(Duration.ofMillis(400)));
    }

    private FakeAsterisk start(IvrOptions ivr, ScriptedIvrQueue queue) throws Exception {
        queue.listen(vertx);
        IvrServerOptions options = testOptions(ivr);
        server = IvrServer.create(vertx, options, IvrQueue.overEventBus(vertx, options.ivr().queueTimeout()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        int port = server.start().await(5, TimeUnit.SECONDS);
        assertThat(port).isPositive().isEqualTo(server.port());
        return new FakeAsterisk(REPLIES, port);
    }

    private FakeAsterisk start(ScriptedIvrQueue queue) throws Exception {
        return start(IvrOptions.defaults(), queue);
    }

    static List<String> env(String file) {
        return REPLIES.environment(file);
    }

    /** The capture's environment with one key's value replaced. */
    static List<String> env(String file, String key, String value) {
        List<String> lines = new ArrayList<>();
        for (String line : env(file)) {
            lines.add(line.startsWith(key + ":") ? key + ": " + value : line);
        }
        return lines;
    }

    static String envValue(String file, String key) {
        return env(file).stream().filter(line -> line.startsWith(key + ": ")).findFirst().orElseThrow()
                .substring(key.length() + 2);
    }

    private static ScriptedIvrQueue longWait() {
        return ScriptedIvrQueue.waiting(Duration.ofMinutes(10), List.of(SLOT_1, SLOT_2));
    }

    private void assertNoWarnings() {
        assertThat(logs.atLeast(Level.WARN)).isEmpty();
    }

    private static void awaitDepartures(ScriptedIvrQueue queue, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (queue.departures.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    @DisplayName("each real transcript's keypad, replayed: the route follows the key, the queue sees the capture's channel")
    void replaysEveryCapture() throws Exception {
        ScriptedIvrQueue queue = ScriptedIvrQueue.waiting(Duration.ofSeconds(30), List.of());
        // One language, so the capture's one question lands on our one question: the safety question.
        FakeAsterisk asterisk = start(IvrOptions.defaults().withLanguages(List.of(IvrLanguage.of("en", '1'))), queue);
        Map<String, TriageRoute> expected = Map.of(
                "agi-triage-session.txt", TriageRoute.HOLD,   // pressed 2: not in danger, tier 2
                "agi-triage-cmht.txt", TriageRoute.HOLD,      // pressed 9: not in danger, tier 2
                "agi-triage-hangup.txt", TriageRoute.HANGUP); // hung up at the question
        List<String> covered = new ArrayList<>();

        for (String file : REPLIES.files()) {
            FakeAsterisk.Call call = asterisk.call(env(file), Keypad.press(capturedKey(file)));

            assertThat(call.variables()).as(file).containsEntry(IvrScript.ROUTE_VARIABLE,
                    expected.get(file).variableValue());
            covered.add(file);
        }

        assertThat(covered).containsExactlyInAnyOrderElementsOf(Capture.AGI_FILES);
        assertThat(queue.arrivals).hasSize(2);
        for (CallerArrived arrived : queue.arrivals) {
            String file = arrived.uniqueId().equals(envValue(SESSION, "agi_uniqueid")) ? SESSION : "agi-triage-cmht.txt";
            assertThat(arrived.channel()).isEqualTo(envValue(file, "agi_channel"));
            assertThat(arrived.uniqueId()).isEqualTo(envValue(file, "agi_uniqueid"));
            assertThat(arrived.line()).isEqualTo("crisis");
            assertThat(arrived.callerNumber()).isEqualTo(envValue(file, "agi_arg_1"));
            assertThat(arrived.tier()).isEqualTo(IvrTier.CRISIS);
        }
        assertNoWarnings();
    }

    /** The key the capture's caller pressed at its one GET DATA, or a hang-up. */
    private static String capturedKey(String file) {
        List<Capture.Line> lines = Capture.load(file).lines();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).text().startsWith("GET DATA ")) {
                String reply = lines.get(i + 1).text();
                return reply.equals(REPLIES.hungUp()) ? Keypad.HANG_UP : reply.substring("200 result=".length());
            }
        }
        throw new IllegalStateException(file + " has no GET DATA");
    }

    @Test
    @DisplayName("tier 1: pressing 1 holds the caller live as tier 1 with no callback offered")
    void tierOne() throws Exception {
        ScriptedIvrQueue queue = longWait();
        FakeAsterisk asterisk = start(queue);

        FakeAsterisk.Call call = asterisk.call(env(SESSION), Keypad.press("1", "1"));

        assertThat(queue.arrivals).singleElement().satisfies(arrived -> {
            assertThat(arrived.tier()).isEqualTo(IvrTier.IMMEDIATE_RISK);
            assertThat(arrived.dangerNow()).isTrue();
        });
        assertThat(call.commandsLike("GET DATA")).hasSize(2);
        assertThat(call.variables()).containsEntry("TRIAGE_ROUTE", "hold").containsEntry("CRISISLINE_CALL_ID", "call-1")
                .containsEntry("CRISISLINE_LANGUAGE", "en");
        assertThat(queue.bookings).isEmpty();
        assertNoWarnings();
    }

    @Test
    @DisplayName("tier 2 with a short wait: held, no offer")
    void tierTwoShortWait() throws Exception {
        ScriptedIvrQueue queue = ScriptedIvrQueue.waiting(Duration.ofMinutes(2), List.of(SLOT_1));
        FakeAsterisk asterisk = start(queue);

        FakeAsterisk.Call call = asterisk.call(env(SESSION), Keypad.press("1", "2"));

        assertThat(queue.arrivals).singleElement().extracting(CallerArrived::tier).isEqualTo(IvrTier.CRISIS);
        assertThat(call.commandsLike("GET DATA")).hasSize(2);
        assertThat(call.variables()).containsEntry("TRIAGE_ROUTE", "hold");
    }

    @Test
    @DisplayName("tier 2, long wait: keep my place, number confirmed, consent: a callback is booked")
    void keepPlace() throws Exception {
        ScriptedIvrQueue queue = longWait();
        FakeAsterisk asterisk = start(queue);

        FakeAsterisk.Call call = asterisk.call(env(SESSION), Keypad.press("1", "2", "1", "1", "1"));

        String number = envValue(SESSION, "agi_arg_1");
        assertThat(queue.bookings).containsExactly(new BookCallback("call-1", new CallbackChoice.KeepPlace(), number,
                NOW));
        assertThat(call.commands()).contains("SAY NUMBER \"10\" \"\"", "SAY DIGITS \"" + number + "\" \"\"");
        assertThat(call.variables()).containsEntry("TRIAGE_ROUTE", "callback").containsEntry("CRISISLINE_CALL_ID",
                "call-1");
        assertNoWarnings();
    }

    @Test
    @DisplayName("choose a time: the slots are read out and the second one is booked")
    void slotChoice() throws Exception {
        ScriptedIvrQueue queue = longWait();
        FakeAsterisk asterisk = start(queue);

        FakeAsterisk.Call call = asterisk.call(env(SESSION), Keypad.press("1", "2", "2", "2", "1", "1"));

        assertThat(queue.bookings).singleElement().extracting(BookCallback::choice)
                .isEqualTo(new CallbackChoice.Slot(SLOT_2));
        assertThat(call.commands()).contains("SAY DIGITS \"1\" \"\"", "SAY DIGITS \"2\" \"\"", "SAY NUMBER \"22\" \"\"",
                "SAY NUMBER \"15\" \"\"");
        assertThat(call.variables()).containsEntry("TRIAGE_ROUTE", "callback");
    }

    @Test
    @DisplayName("a new number typed in (ended by #) is read back and booked")
    void newNumber() throws Exception {
        ScriptedIvrQueue queue = longWait();
        FakeAsterisk asterisk = start(queue);

        FakeAsterisk.Call call = asterisk.call(env(SESSION), Keypad.press("1", "2", "1", "2", "01632960001", "1", "1"));

        assertThat(queue.bookings).singleElement().extracting(BookCallback::callbackNumber).isEqualTo("01632960001");
        assertThat(call.commands()).contains("SAY DIGITS \"01632960001\" \"\"");
        assertThat(call.commandsLike("GET DATA")).anyMatch(command -> command.contains("enter-number\" 20000 13"));
    }

    @Test
    @DisplayName("a late caller id is read from the channel with GET FULL VARIABLE")
    void lateCallerId() throws Exception {
        ScriptedIvrQueue queue = ScriptedIvrQueue.waiting(Duration.ofSeconds(30), List.of());
        FakeAsterisk asterisk = start(queue);

        FakeAsterisk.Call call = asterisk.call(env(SESSION, "agi_arg_1", ""), Keypad.press("1", "2"));

        assertThat(call.commands()).contains("GET FULL VARIABLE \"${CALLERID(num)}\"");
        assertThat(queue.arrivals).singleElement().extracting(CallerArrived::callerNumber)
                .isEqualTo(envValue(SESSION, "agi_callerid"));
    }

    @Test
    @DisplayName("refused consent: nothing is booked and the caller keeps waiting")
    void consentRefused() throws Exception {
        ScriptedIvrQueue queue = longWait();
        FakeAsterisk asterisk = start(queue);

        FakeAsterisk.Call call = asterisk.call(env(SESSION), Keypad.press("1", "2", "1", "1", "2"));

        assertThat(queue.bookings).isEmpty();
        assertThat(call.variables()).containsEntry("TRIAGE_ROUTE", "hold");
    }

    @Test
    @DisplayName("a queue that does not answer: TRIAGE_ROUTE=queue within the timeout, and the registration is withdrawn")
    void queueTimeout() throws Exception {
        ScriptedIvrQueue queue = ScriptedIvrQueue.silent();
        FakeAsterisk asterisk = start(queue);

        long started = System.nanoTime();
        FakeAsterisk.Call call = asterisk.call(env(SESSION), Keypad.press("1", "2"));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        awaitDepartures(queue, 1);

        assertThat(call.variables()).containsEntry("TRIAGE_ROUTE", "queue").doesNotContainKey("CRISISLINE_CALL_ID");
        assertThat(tookMillis).isLessThan(3000);
        assertThat(queue.departures).singleElement().satisfies(left -> {
            assertThat(left.reason()).isEqualTo(CallerLeft.Reason.SENT_TO_FALLBACK_QUEUE);
            assertThat(left.uniqueId()).isEqualTo(envValue(SESSION, "agi_uniqueid"));
        });
    }

    @Test
    @DisplayName("a hang-up mid-IVR: no more questions, the queue is told, route hangup, no warnings or errors")
    void hangUpMidIvr() throws Exception {
        ScriptedIvrQueue queue = longWait();
        FakeAsterisk asterisk = start(queue);

        FakeAsterisk.Call call = asterisk.call(env(SESSION), Keypad.press("1", "2", Keypad.HANG_UP, "1"));
        awaitDepartures(queue, 1);

        assertThat(call.commandsLike("GET DATA")).hasSize(3);
        assertThat(call.sent()).contains(REPLIES.asyncHangup());
        assertThat(call.variables()).containsEntry("TRIAGE_ROUTE", "hangup");
        assertThat(queue.departures).singleElement().isEqualTo(new CallerLeft(envValue(SESSION, "agi_uniqueid"),
                "call-1", CallerLeft.Reason.HUNG_UP, NOW));
        assertThat(queue.bookings).isEmpty();
        assertNoWarnings();
    }

    @Test
    @DisplayName("a hang-up while the IVR waits on the queue: Asterisk's 511 ends the call, the queue is told")
    void hangUpWhileQueueAnswers() throws Exception {
        ScriptedIvrQueue queue = ScriptedIvrQueue.waiting(Duration.ofSeconds(30), List.of());
        FakeAsterisk asterisk = start(queue);

        FakeAsterisk.Call call = asterisk.call(env(SESSION), Keypad.press("1", Keypad.thenHangUp("2")));
        awaitDepartures(queue, 1);

        assertThat(call.sent()).contains(REPLIES.asyncHangup(), REPLIES.deadChannel());
        assertThat(call.variables()).containsEntry("TRIAGE_ROUTE", "hangup");
        assertThat(queue.arrivals).hasSize(1);
        assertThat(queue.departures).singleElement().extracting(CallerLeft::reason)
                .isEqualTo(CallerLeft.Reason.HUNG_UP);
        assertNoWarnings();
    }

    @Test
    @DisplayName("an unknown script gets a VERBOSE line and no route, so the dialplan falls back")
    void unknownScript() throws Exception {
        ScriptedIvrQueue queue = longWait();
        FakeAsterisk asterisk = start(queue);

        FakeAsterisk.Call call = asterisk.call(env(SESSION, "agi_network_script", "nosuch?line=crisis"),
                Keypad.press());

        assertThat(call.asked("VERBOSE")).isTrue();
        assertThat(call.variables()).doesNotContainKey("TRIAGE_ROUTE");
        assertThat(queue.arrivals).isEmpty();
        assertThat(logs.atLeast(Level.ERROR)).isEmpty();
    }

    @Test
    @DisplayName("stop closes the port; start again binds a new one")
    void stopAndStart() throws Exception {
        start(longWait());
        int first = server.port();

        server.stop().await(5, TimeUnit.SECONDS);
        int second = server.start().await(5, TimeUnit.SECONDS);

        assertThat(server.port()).isEqualTo(second).isPositive();
        assertThat(first).isPositive();
    }

    @Test
    @DisplayName("a stop right after a start never hangs (20 times)")
    void stopRightAfterStart() throws Exception {
        start(longWait());
        for (int i = 0; i < 20; i++) {
            server.stop().await(2, TimeUnit.SECONDS);
            server.start().await(2, TimeUnit.SECONDS);
        }
        assertThat(server.port()).isPositive();
    }
}
