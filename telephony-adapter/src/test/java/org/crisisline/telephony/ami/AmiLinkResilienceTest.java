package org.crisisline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crisisline.telephony.ami.LinkProbe.join;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.crisisline.telephony.OriginateRequest;
import org.crisisline.telephony.TelephonyException;
import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.CallBridged;
import org.crisisline.telephony.event.CallEnded;
import org.crisisline.telephony.event.ChannelDiscovered;
import org.crisisline.telephony.event.ChannelVanished;
import org.crisisline.telephony.event.LinkState;
import org.crisisline.telephony.event.OperativeAnswered;
import org.crisisline.telephony.event.PbxLinkChanged;
import org.crisisline.telephony.event.TelephonyEvent;
import org.crisisline.telephony.wire.AmiMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An {@link AmiLink} when the connection breaks, hangs, carries junk, or refuses commands. */
class AmiLinkResilienceTest {
    private static final String QUEUE_ANSWERED = "ami-queue-answered.txt";

    private Vertx vertx;
    private final List<FakeAmiServer> servers = new ArrayList<>();
    private final List<LinkProbe> probes = new ArrayList<>();

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopAll() {
        probes.forEach(LinkProbe::close);
        servers.forEach(FakeAmiServer::close);
        join(vertx.close());
    }

    private FakeAmiServer serve(FakeAmiServer.Session... sessions) {
        FakeAmiServer server = FakeAmiServer.start(sessions);
        servers.add(server);
        return server;
    }

    private LinkProbe link(String pbx, FakeAmiServer server, JsonObject overrides) {
        LinkProbe probe = new LinkProbe(vertx, LinkProbe.options(pbx, server.port(), overrides));
        probes.add(probe);
        return probe;
    }

    /** The Newchannel a capture recorded for a channel whose name contains {@code part}. */
    private static AmiMessage newchannel(String capture, String part) {
        return Capture.load(capture).amiEvents().stream()
                .filter(e -> e.eventName().orElse("").equals("Newchannel"))
                .filter(e -> e.get("Channel").orElse("").contains(part))
                .findFirst().orElseThrow();
    }

    /** The scenario up to (not including) its first Hangup: a call still in progress. */
    private static List<FakeAmiServer.Step> untilFirstHangup(List<FakeAmiServer.Step> steps) {
        List<FakeAmiServer.Step> kept = new ArrayList<>();
        for (FakeAmiServer.Step step : steps) {
            if (step instanceof FakeAmiServer.Send send && send.message() != null
                    && send.message().eventName().orElse("").equals("Hangup")) {
                break;
            }
            kept.add(step);
        }
        return kept;
    }

    @Test
    @DisplayName("a connection killed mid-call: DOWN, reconnect with backoff, resync, the caller who left has vanished")
    void reconnectsAndResynchronises() {
        AmiMessage operativeLeg = newchannel(QUEUE_ANSWERED, "op1@operatives-00000001;1");
        FakeAmiServer server = serve(
                FakeAmiServer.Session.replay(QUEUE_ANSWERED).mapScenario(AmiLinkResilienceTest::untilFirstHangup),
                FakeAmiServer.Session.idle().withLiveChannels(List.of(FakeAmiServer.coreShowChannel(operativeLeg))));
        LinkProbe probe = link("north", server, new JsonObject());
        CallArrived arrived = probe.next(CallArrived.class);
        probe.next(CallBridged.class, b -> b.uniqueid().equals(arrived.uniqueid()));
        probe.nextState(LinkState.UP);

        server.dropConnections();

        PbxLinkChanged down = probe.nextState(LinkState.DOWN);
        assertThat(down.detail()).contains("connection lost").contains("retrying in 50 ms");
        probe.nextState(LinkState.UP);
        ChannelVanished vanished = probe.next(ChannelVanished.class);
        assertThat(vanished.uniqueid()).isEqualTo(arrived.uniqueid());
        assertThat(vanished.callKey()).isEqualTo(arrived.callKey());
        assertThat(probe.all(ChannelVanished.class)).hasSize(1);
        assertThat(probe.all(ChannelDiscovered.class)).extracting(ChannelDiscovered::uniqueid)
                .doesNotContain(arrived.uniqueid(), operativeLeg.get("Uniqueid").orElseThrow());
        assertThat(probe.link.health().liveChannels()).isEqualTo(1);
    }

    @Test
    @DisplayName("after a reconnect, a caller who arrived while the link was down is discovered")
    void discoversCallersWhoArrivedWhileDown() {
        AmiMessage caller = newchannel("ami-queue-abandon.txt", ";2");
        FakeAmiServer server = serve(FakeAmiServer.Session.idle().withLiveChannels(
                List.of(FakeAmiServer.coreShowChannel(caller))));
        LinkProbe probe = link("north", server, new JsonObject());

        ChannelDiscovered discovered = probe.next(ChannelDiscovered.class);

        assertThat(discovered.uniqueid()).isEqualTo(caller.get("Uniqueid").orElseThrow());
        assertThat(discovered.line()).contains("crisis");
    }

    @Test
    @DisplayName("a PBX that stops answering is declared DOWN within the ping interval plus the ping timeout")
    void detectsADeadLink() {
        FakeAmiServer server = serve(FakeAmiServer.Session.idle().mutedAfterResync(), FakeAmiServer.Session.idle());
        LinkProbe probe = link("north", server, new JsonObject()
                .put("ping-interval-ms", 200).put("ping-timeout-ms", 300).put("action-timeout-ms", 5_000)
                .put("login-timeout-ms", 500));
        PbxLinkChanged up = probe.nextState(LinkState.UP);

        PbxLinkChanged down = probe.nextState(LinkState.DOWN);

        assertThat(down.detail()).contains("no reply to Ping within 300 ms");
        assertThat(Duration.between(up.at(), down.at())).isLessThan(Duration.ofMillis(1_500));
        assertThat(probe.nextState(LinkState.UP).at()).isAfter(down.at());
    }

    @Test
    @DisplayName("a PBX that accepts the connection but never speaks fails the login within the login timeout")
    void detectsASilentPbxAtLogin() {
        FakeAmiServer server = serve(FakeAmiServer.Session.silent());
        LinkProbe probe = link("north", server, new JsonObject().put("login-timeout-ms", 400));
        long start = System.nanoTime();

        PbxLinkChanged down = probe.nextState(LinkState.DOWN);

        assertThat(down.detail()).startsWith("login failed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_000));
    }

    @Test
    @DisplayName("mangled AMI between real events: nothing crashes and every good event still arrives")
    void survivesMangledAmi() {
        FakeAmiServer clean = serve(FakeAmiServer.Session.replay(QUEUE_ANSWERED));
        LinkProbe reference = link("clean", clean, new JsonObject());
        reference.next(CallEnded.class, e -> e.leg() == CallEnded.Leg.CALLER);
        FakeAmiServer server = serve(FakeAmiServer.Session.replay(QUEUE_ANSWERED).mapScenario(AmiLinkResilienceTest::withJunk));

        // Each 1 MB line holds asterisk-java's reader for about 0.4 s here (measured), so replies queued
        // behind a few of them can pass the default timeouts: this test is about junk, not about time.
        LinkProbe probe = link("fuzzed", server, new JsonObject()
                .put("action-timeout-ms", 15_000).put("ping-timeout-ms", 15_000));
        probe.next(CallEnded.class, e -> e.leg() == CallEnded.Leg.CALLER);

        assertThat(callEvents(probe)).isEqualTo(callEvents(reference));
        assertThat(probe.all(PbxLinkChanged.class)).extracting(c -> c.state() + ": " + c.detail())
                .allMatch(change -> change.startsWith("UP"));
        assertThat(server.connections()).isEqualTo(1);
    }

    /** The call's events without the link's name and arrival time, to compare two runs. */
    private static List<String> callEvents(LinkProbe probe) {
        return probe.seen.stream().filter(e -> !(e instanceof PbxLinkChanged))
                .map(e -> e.getClass().getSimpleName() + e.toString().replaceAll("pbx=[^,]*, at=[^,]*, ", ""))
                .toList();
    }

    /**
     * What asterisk-java does with junk (3.42.2, checked here): it skips lines without a colon and
     * messages it cannot map, reads a 1 MB line and binary bytes as text, and keeps the connection;
     * a parseable event with missing or bad fields reaches the listener, where the mapper drops it.
     * Had it closed the connection on any of this, the link would reconnect and resync (see
     * {@link #reconnectsAndResynchronises}); here it never has to ({@code connections() == 1}).
     *
     * <p>Junk before every tenth message: a cut-off block, a header without a colon, a 1 MB line, an
     * unknown event, binary bytes. Each ends with an empty line, as a message does: junk that never
     * ends would swallow the next real message, and no reader can tell them apart.
     */
    private static List<FakeAmiServer.Step> withJunk(List<FakeAmiServer.Step> steps) {
        Random random = new Random(4);
        List<byte[]> junk = List.of(
                bytes("Event: Newchannel\r\nPrivilege: call,all\r\nChannel: Local/080012\r\n\r\n"),
                bytes("Event: Newexten\r\nthis header has no colon at all\r\nUniqueid: 1.1\r\n\r\n"),
                bytes("Event: VarSet\r\nValue: " + "x".repeat(1024 * 1024) + "\r\n\r\n"),
                bytes("Event: CrisislineNoSuchEvent\r\nFoo: bar\r\n\r\n"),
                binary(random, 4096),
                bytes(": no name\r\n\r\n"),
                bytes("Event: Hangup\r\nCause: not-a-number\r\nUniqueid: 9.9\r\n\r\n"));
        List<FakeAmiServer.Step> mangled = new ArrayList<>();
        int sent = 0;
        for (FakeAmiServer.Step step : steps) {
            if (step instanceof FakeAmiServer.Send && sent++ % 10 == 5) {
                mangled.add(FakeAmiServer.Send.junk(junk.get((sent / 10) % junk.size())));
            }
            mangled.add(step);
        }
        return mangled;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Random bytes with no line break inside, then the empty line that ends a message. */
    private static byte[] binary(Random random, int length) {
        byte[] junk = new byte[length + 4];
        for (int i = 0; i < length; i++) {
            byte b = (byte) random.nextInt(256);
            junk[i] = b == '\n' || b == '\r' ? 0 : b;
        }
        System.arraycopy(bytes("\r\n\r\n"), 0, junk, length, 4);
        return junk;
    }

    @Test
    @DisplayName("a command Asterisk refuses fails REJECTED with Asterisk's message")
    void refusedCommandFailsRejected() {
        FakeAmiServer server = serve(FakeAmiServer.Session.idle().denying("Redirect"));
        LinkProbe probe = link("north", server, new JsonObject());
        probe.nextState(LinkState.UP);

        TelephonyException failure = failureOf(probe.link.gateway().redirect("PJSIP/x-1", "crisisline-connect", "op1"));

        assertThat(failure.code()).isEqualTo(TelephonyException.Code.REJECTED);
        assertThat(failure.getMessage()).contains("Permission denied");
    }

    @Test
    @DisplayName("a command with no reply fails TIMEOUT after the action timeout")
    void unansweredCommandTimesOut() {
        FakeAmiServer server = serve(FakeAmiServer.Session.idle().mutedAfterResync());
        LinkProbe probe = link("north", server, new JsonObject()
                .put("action-timeout-ms", 300).put("ping-interval-ms", 60_000).put("login-timeout-ms", 500));
        probe.nextState(LinkState.UP);

        TelephonyException failure = failureOf(probe.link.gateway().hangup("PJSIP/x-1", 16));

        assertThat(failure.code()).isEqualTo(TelephonyException.Code.TIMEOUT);
    }

    @Test
    @DisplayName("an originate whose OriginateResponse never comes fails TIMEOUT after the originate timeout")
    void originateWithoutResponseTimesOut() {
        FakeAmiServer server = serve(FakeAmiServer.Session.idle());
        LinkProbe probe = link("north", server, new JsonObject().put("ring-timeout-ms", 200).put("originate-timeout-ms", 300));
        probe.nextState(LinkState.UP);

        TelephonyException failure = failureOf(probe.link.gateway().originate(
                OriginateRequest.agentFirstCallback("PJSIP/op1", "07700900123", "08001234567", "call-1", "cb-1")));

        assertThat(failure.code()).isEqualTo(TelephonyException.Code.TIMEOUT);
        AmiMessage sent = server.received().stream()
                .filter(m -> m.actionName().orElse("").equals("Originate")).findFirst().orElseThrow();
        assertThat(sent.get("Context")).contains("crisisline-callback");
        assertThat(sent.get("CallerID")).contains("08001234567");
        assertThat(sent.getAll("Variable")).anyMatch(v -> v.contains("CRISISLINE_CALLBACK_ID=cb-1"));
    }

    @Test
    @DisplayName("commands while the link is down fail LINK_DOWN at once")
    void commandsFailWhileDown() {
        FakeAmiServer server = serve(FakeAmiServer.Session.loginFailed());
        LinkProbe probe = link("north", server, new JsonObject());
        probe.nextState(LinkState.DOWN);

        TelephonyException failure = failureOf(probe.link.gateway().setGlobalVariable("X", "1"));

        assertThat(failure.code()).isEqualTo(TelephonyException.Code.LINK_DOWN);
    }

    @Test
    @DisplayName("while up, the link refreshes the global CRISISLINE_HEARTBEAT with epoch seconds")
    void refreshesTheHeartbeat() throws InterruptedException {
        FakeAmiServer server = serve(FakeAmiServer.Session.idle());
        LinkProbe probe = link("north", server, new JsonObject().put("heartbeat-interval-ms", 100));
        probe.nextState(LinkState.UP);
        long before = System.currentTimeMillis() / 1000;

        List<AmiMessage> heartbeats = awaitActions(server, "SetVar", 3);

        assertThat(heartbeats).allSatisfy(setvar -> {
            assertThat(setvar.get("Variable")).contains("CRISISLINE_HEARTBEAT");
            assertThat(setvar.get("Channel")).isEmpty();
            assertThat(Long.parseLong(setvar.get("Value").orElseThrow())).isBetween(before - 5, before + 5);
        });
    }

    @Test
    @DisplayName("the position announcement sets both variables, then redirects to crisisline-announce,s,1")
    void announcesPositionAndWait() throws InterruptedException {
        FakeAmiServer server = serve(FakeAmiServer.Session.idle());
        LinkProbe probe = link("north", server, new JsonObject());
        probe.nextState(LinkState.UP);

        join(probe.link.gateway().announce("PJSIP/trunk-0001", 3, 12));

        List<AmiMessage> sent = server.received().stream()
                .filter(m -> m.get("Channel").orElse("").equals("PJSIP/trunk-0001")).toList();
        assertThat(sent).extracting(m -> m.actionName().orElseThrow()).containsExactly("SetVar", "SetVar", "Redirect");
        assertThat(sent.get(0).get("Value")).contains("3");
        assertThat(sent.get(1).get("Value")).contains("12");
        assertThat(sent.get(2).get("Context")).contains("crisisline-announce");
        assertThat(sent.get(2).get("Exten")).contains("s");
    }

    @Test
    @DisplayName("transfer and emergency follow the dialplan contract")
    void transferAndEmergencyRoutes() {
        FakeAmiServer server = serve(FakeAmiServer.Session.idle());
        LinkProbe probe = link("north", server, new JsonObject());
        probe.nextState(LinkState.UP);

        join(probe.link.gateway().transfer("PJSIP/trunk-0002", "01632960000"));
        join(probe.link.gateway().toEmergency("PJSIP/trunk-0003"));

        List<AmiMessage> transfer = server.received().stream()
                .filter(m -> m.get("Channel").orElse("").equals("PJSIP/trunk-0002")).toList();
        assertThat(transfer).extracting(m -> m.actionName().orElseThrow()).containsExactly("SetVar", "Redirect");
        assertThat(transfer.get(0).get("Variable")).contains("CRISISLINE_TRANSFER_TO");
        assertThat(transfer.get(1).get("Context")).contains("crisisline-transfer");
        AmiMessage emergency = server.received().stream()
                .filter(m -> m.get("Channel").orElse("").equals("PJSIP/trunk-0003")).findFirst().orElseThrow();
        assertThat(emergency.get("Context")).contains("crisisline-emergency");
    }

    @Test
    @DisplayName("two PBXs, two links: each event names the PBX it came from")
    void servesSeveralPbxs() {
        LinkProbe north = link("north", serve(FakeAmiServer.Session.replay("ami-queue-abandon.txt")), new JsonObject());
        LinkProbe south = link("south", serve(FakeAmiServer.Session.replay(QUEUE_ANSWERED)), new JsonObject());

        CallArrived northCall = north.next(CallArrived.class);
        OperativeAnswered southAnswer = south.next(OperativeAnswered.class);

        assertThat(northCall.pbx()).isEqualTo("north");
        assertThat(southAnswer.pbx()).isEqualTo("south");
        assertThat(north.all(OperativeAnswered.class)).isEmpty();
        assertThat(north.link.health().pbx()).isEqualTo("north");
    }

    @Test
    @DisplayName("AmiLinks runs one link per configured PBX and finds each PBX's commands by name")
    void linksByPbxName() throws InterruptedException {
        FakeAmiServer north = serve(FakeAmiServer.Session.idle());
        FakeAmiServer south = serve(FakeAmiServer.Session.idle());
        CountDownLatch bothUp = new CountDownLatch(2);
        join(vertx.eventBus().<TelephonyEvent>consumer(TelephonyEvent.ADDRESS, message -> {
            if (message.body() instanceof PbxLinkChanged change && change.state() == LinkState.UP) {
                bothUp.countDown();
            }
        }).completion());
        AmiLinks links = AmiLinks.create(vertx, List.of(
                LinkProbe.options("north", north.port(), new JsonObject()),
                LinkProbe.options("south", south.port(), new JsonObject())), Clock.systemUTC());

        join(links.start());

        assertThat(bothUp.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(links.health()).containsOnlyKeys("north", "south")
                .allSatisfy((pbx, health) -> assertThat(health.state()).isEqualTo(LinkState.UP));
        join(links.gateway("south").orElseThrow().hangup("PJSIP/trunk-7", 16));
        assertThat(south.received()).anyMatch(m -> m.get("Channel").orElse("").equals("PJSIP/trunk-7"));
        assertThat(north.received()).noneMatch(m -> m.get("Channel").orElse("").equals("PJSIP/trunk-7"));
        assertThat(links.gateway("east")).isEmpty();
        join(links.stop());
    }

    @Test
    @DisplayName("starting or stopping a link twice is harmless")
    void startAndStopAreIdempotent() {
        FakeAmiServer server = serve(FakeAmiServer.Session.idle());
        LinkProbe probe = link("north", server, new JsonObject());
        probe.nextState(LinkState.UP);

        join(probe.link.start());
        join(probe.link.stop());
        join(probe.link.stop());

        assertThat(server.connections()).isEqualTo(1);
        assertThat(probe.link.health().state()).isEqualTo(LinkState.DOWN);
        assertThat(probe.link.health().detail()).isEqualTo("stopped");
    }

    @Test
    @DisplayName("two PBXs with one name are refused at start-up")
    void duplicatePbxNamesAreRefused() {
        AmiOptions north = LinkProbe.options("north", 5038, new JsonObject());

        assertThatThrownBy(() -> AmiLinks.create(vertx, List.of(north, north), Clock.systemUTC()))
                .hasMessageStartingWith("pbx:");
    }

    /** Waits until the server has received {@code count} actions of a name; a bounded wait on the server's list. */
    private static List<AmiMessage> awaitActions(FakeAmiServer server, String action, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<AmiMessage> found = List.of();
        while (System.nanoTime() < deadline) {
            found = server.received().stream().filter(m -> m.actionName().orElse("").equals(action)).toList();
            if (found.size() >= count) {
                return found;
            }
            server.awaitReceived(Duration.ofMillis(200));
        }
        return found;
    }

    private static TelephonyException failureOf(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause();
            assertThat(cause).isInstanceOf(TelephonyException.class);
            return (TelephonyException) cause;
        }
        throw new AssertionError("the command succeeded");
    }
}
