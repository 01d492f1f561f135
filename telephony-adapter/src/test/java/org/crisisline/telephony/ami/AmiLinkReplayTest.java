package org.crisisline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.telephony.ami.LinkProbe.join;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisisline.telephony.OriginateRequest;
import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.captures.Capture.Direction;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.CallBridged;
import org.crisisline.telephony.event.CallEnded;
import org.crisisline.telephony.event.CallerIdentified;
import org.crisisline.telephony.event.DialFailed;
import org.crisisline.telephony.event.DigitPressed;
import org.crisisline.telephony.event.LinkState;
import org.crisisline.telephony.event.OperativeAnswered;
import org.crisisline.telephony.event.OperativeRinging;
import org.crisisline.telephony.event.OriginateFailed;
import org.crisisline.telephony.event.OriginateResult;
import org.crisisline.telephony.event.OriginateSucceeded;
import org.crisisline.telephony.event.PbxLinkChanged;
import org.crisisline.telephony.event.RedirectDone;
import org.crisisline.telephony.event.TelephonyEvent;
import org.crisisline.telephony.wire.AmiMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An {@link AmiLink} against a fake Asterisk replaying each real capture. */
class AmiLinkReplayTest {
    private static final String LOGIN = "ami-login.txt";
    private static final String LOGIN_FAILED = "ami-login-failed.txt";
    private static final String QUEUE_ANSWERED = "ami-queue-answered.txt";
    private static final String QUEUE_ABANDON = "ami-queue-abandon.txt";
    private static final String QUEUE_STATUS = "ami-queue-status.txt";
    private static final String ORIGINATE_CALLBACK = "ami-originate-callback.txt";
    private static final String ORIGINATE_FAILED = "ami-originate-failed.txt";
    private static final String REDIRECT = "ami-redirect.txt";
    private static final String AGI_CMHT = "ami-agi-cmht.txt";
    private static final String AGI_HANGUP = "ami-agi-hangup.txt";
    private static final List<String> COVERED = List.of(AGI_CMHT, AGI_HANGUP, LOGIN_FAILED, LOGIN,
            ORIGINATE_CALLBACK, ORIGINATE_FAILED, QUEUE_ABANDON, QUEUE_ANSWERED, QUEUE_STATUS, REDIRECT);

    private Vertx vertx;
    private FakeAmiServer server;
    private LinkProbe probe;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopAll() {
        if (probe != null) {
            probe.close();
        }
        if (server != null) {
            server.close();
        }
        join(vertx.close());
    }

    private LinkProbe replay(FakeAmiServer.Session session) {
        return replay(session, new JsonObject());
    }

    private LinkProbe replay(FakeAmiServer.Session session, JsonObject overrides) {
        server = FakeAmiServer.start(session);
        probe = new LinkProbe(vertx, LinkProbe.options("north", server.port(), overrides));
        return probe;
    }

    /** The Linkedid of a capture's inbound call: the Uniqueid of its first channel. */
    private static String callKeyOf(String capture) {
        return Capture.load(capture).amiEvents().stream()
                .filter(e -> e.eventName().orElse("").equals("Newchannel"))
                .findFirst().flatMap(e -> e.get("Linkedid")).orElseThrow();
    }

    private static List<AmiMessage> clientActions(String capture, String action) {
        return Capture.load(capture).amiMessages(Direction.FROM_CLIENT).stream()
                .filter(m -> m.actionName().orElse("").equals(action)).toList();
    }

    private static OriginateRequest requestLike(AmiMessage recorded) {
        Map<String, String> variables = new LinkedHashMap<>();
        recorded.getAll("Variable").forEach(v -> variables.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1)));
        return new OriginateRequest(recorded.get("Channel").orElseThrow(), recorded.get("Context").orElseThrow(),
                recorded.get("Exten").orElseThrow(), variables, recorded.get("CallerID"));
    }

    @Test
    @DisplayName("every AMI capture is replayed by a test here")
    void everyCaptureIsCovered() {
        assertThat(COVERED).containsExactlyInAnyOrderElementsOf(Capture.AMI_FILES);
    }

    @Test
    @DisplayName("asterisk-java logs in as ami-login.txt did: Challenge, then the same MD5 key")
    void logsInWithTheRecordedChallengeHandshake() {
        replay(FakeAmiServer.Session.idle());
        probe.nextState(LinkState.UP);

        AmiMessage recordedLogin = clientActions(LOGIN, "Login").get(0);
        AmiMessage sentLogin = server.received().stream()
                .filter(m -> m.actionName().orElse("").equals("Login")).findFirst().orElseThrow();
        assertThat(server.received().get(0).actionName()).contains("Challenge");
        assertThat(sentLogin.get("AuthType")).isEqualTo(recordedLogin.get("AuthType"));
        assertThat(sentLogin.get("Key")).isEqualTo(recordedLogin.get("Key"));
        assertThat(probe.link.health().state()).isEqualTo(LinkState.UP);
    }

    @Test
    @DisplayName("a rejected login reports DOWN with Asterisk's reason and is retried")
    void rejectedLoginIsReportedAndRetried() {
        replay(FakeAmiServer.Session.loginFailed());

        PbxLinkChanged down = probe.next(PbxLinkChanged.class, c -> c.detail().contains("Authentication failed"));

        assertThat(down.state()).isEqualTo(LinkState.DOWN);
        assertThat(down.pbx()).isEqualTo("north");
        PbxLinkChanged third = probe.next(PbxLinkChanged.class, c -> c.detail().contains("attempt 3 failed"));
        assertThat(third.state()).isEqualTo(LinkState.DOWN);
        assertThat(probe.all(PbxLinkChanged.class)).extracting(PbxLinkChanged::detail).startsWith(
                "login rejected: Authentication failed; attempt 1 failed, retrying in 50 ms",
                "login rejected: Authentication failed; attempt 2 failed, retrying in 100 ms",
                "login rejected: Authentication failed; attempt 3 failed, retrying in 200 ms");
        assertThat(server.connections()).isGreaterThanOrEqualTo(3);
        assertThat(probe.link.health().state()).isEqualTo(LinkState.DOWN);
    }

    @Test
    @DisplayName("an answered queue call gives arrival, caller ID, digit, ringing, answer, bridge and ends")
    void answeredQueueCall() {
        replay(FakeAmiServer.Session.replay(QUEUE_ANSWERED));
        String callKey = callKeyOf(QUEUE_ANSWERED);

        CallArrived arrived = probe.next(CallArrived.class);
        CallEnded callerGone = probe.next(CallEnded.class, e -> e.leg() == CallEnded.Leg.CALLER);

        assertThat(callerGone.uniqueid()).isEqualTo(arrived.uniqueid());
        assertThat(arrived.line()).isEqualTo("crisis");
        assertThat(arrived.dialledNumber()).isEqualTo("08001234567");
        assertThat(arrived.channel()).endsWith(";2");
        assertThat(arrived.callKey()).isEqualTo(callKey);
        assertThat(probe.all(CallerIdentified.class)).singleElement()
                .satisfies(c -> assertThat(c.callerNumber().digits()).isEqualTo("07700900123"));
        List<Class<?>> sequence = probe.seen.stream()
                .filter(e -> callKey.equals(callKeyOf(e)))
                .filter(e -> !(e instanceof CallEnded ended) || ended.leg() != CallEnded.Leg.OTHER)
                .<Class<?>>map(Object::getClass).toList();
        assertThat(sequence).containsSubsequence(CallArrived.class, CallerIdentified.class, DigitPressed.class,
                OperativeRinging.class, OperativeAnswered.class, CallBridged.class, CallBridged.class,
                CallEnded.class, CallEnded.class);
        assertThat(probe.all(OperativeRinging.class)).singleElement()
                .satisfies(r -> assertThat(r.endpoint()).isEqualTo("op1"));
        assertThat(probe.all(OperativeAnswered.class)).hasSize(1);
        assertThat(probe.all(DigitPressed.class)).extracting(DigitPressed::digit).containsExactly("2");
        assertThat(probe.all(CallEnded.class)).filteredOn(e -> e.leg() == CallEnded.Leg.OPERATIVE)
                .extracting(CallEnded::channel).allMatch(channel -> channel.contains("op1@operatives"));
        assertThat(callerGone.causeCode()).isEqualTo(16);
    }

    private static String callKeyOf(TelephonyEvent event) {
        if (event instanceof CallArrived e) {
            return e.callKey();
        } else if (event instanceof CallerIdentified e) {
            return e.callKey();
        } else if (event instanceof DigitPressed e) {
            return e.callKey();
        } else if (event instanceof OperativeRinging e) {
            return e.callKey();
        } else if (event instanceof OperativeAnswered e) {
            return e.callKey();
        } else if (event instanceof CallBridged e) {
            return e.callKey();
        } else if (event instanceof CallEnded e) {
            return e.callKey();
        }
        return null;
    }

    @Test
    @DisplayName("a caller who gives up in the queue arrives and ends as the caller leg")
    void abandonedQueueCall() {
        replay(FakeAmiServer.Session.replay(QUEUE_ABANDON));

        CallArrived arrived = probe.next(CallArrived.class);
        CallEnded ended = probe.next(CallEnded.class, e -> e.uniqueid().equals(arrived.uniqueid()));

        assertThat(ended.leg()).isEqualTo(CallEnded.Leg.CALLER);
        assertThat(probe.all(OperativeRinging.class)).isEmpty();
    }

    @Test
    @DisplayName("a caller routed to the CMHT line by the IVR pressed 9")
    void ivrToCmht() {
        replay(FakeAmiServer.Session.replay(AGI_CMHT));

        CallArrived arrived = probe.next(CallArrived.class);
        DigitPressed digit = probe.next(DigitPressed.class);
        probe.next(CallEnded.class, e -> e.uniqueid().equals(arrived.uniqueid()));

        assertThat(digit.digit()).isEqualTo("9");
        assertThat(digit.uniqueid()).isEqualTo(arrived.uniqueid());
    }

    @Test
    @DisplayName("a caller who hangs up during the IVR ends once, as the caller leg")
    void hangupDuringIvr() {
        replay(FakeAmiServer.Session.replay(AGI_HANGUP));

        CallArrived arrived = probe.next(CallArrived.class);
        CallEnded ended = probe.next(CallEnded.class, e -> e.uniqueid().equals(arrived.uniqueid()));

        assertThat(ended.leg()).isEqualTo(CallEnded.Leg.CALLER);
        assertThat(probe.all(DigitPressed.class)).isEmpty();
    }

    @Test
    @DisplayName("a redirect of a waiting caller completes with RedirectDone, and the call ends later")
    void redirectOfAWaitingCaller() {
        replay(FakeAmiServer.Session.replay(REDIRECT, "Redirect"));
        AmiMessage recorded = clientActions(REDIRECT, "Redirect").get(0);
        probe.nextState(LinkState.UP);

        CallArrived arrived = probe.next(CallArrived.class);
        RedirectDone done = join(probe.link.gateway().redirect(arrived.channel(),
                recorded.get("Context").orElseThrow(), recorded.get("Exten").orElseThrow()));

        assertThat(done.channel()).isEqualTo(recorded.get("Channel").orElseThrow());
        assertThat(probe.next(RedirectDone.class)).isEqualTo(done);
        probe.next(CallEnded.class, e -> e.uniqueid().equals(arrived.uniqueid()));
        AmiMessage sent = server.received().stream()
                .filter(m -> m.actionName().orElse("").equals("Redirect")).findFirst().orElseThrow();
        assertThat(sent.get("Priority")).isEqualTo(recorded.get("Priority"));
    }

    @Test
    @DisplayName("an answered callback originate completes with OriginateSucceeded for the real channel")
    void callbackOriginateSucceeds() {
        replay(FakeAmiServer.Session.replay(ORIGINATE_CALLBACK, "Originate"));
        AmiMessage recordedResult = Capture.load(ORIGINATE_CALLBACK).amiEvents().stream()
                .filter(e -> e.eventName().orElse("").equals("OriginateResponse")).findFirst().orElseThrow();
        probe.nextState(LinkState.UP);

        OriginateResult result = join(probe.link.gateway()
                .originate(requestLike(clientActions(ORIGINATE_CALLBACK, "Originate").get(0))));

        assertThat(result).isInstanceOfSatisfying(OriginateSucceeded.class, ok -> {
            assertThat(ok.channel()).isEqualTo(recordedResult.get("Channel").orElseThrow());
            assertThat(ok.uniqueid()).isEqualTo(recordedResult.get("Uniqueid").orElseThrow());
        });
        assertThat(probe.next(OriginateSucceeded.class)).isEqualTo(result);
        AmiMessage sent = server.received().stream()
                .filter(m -> m.actionName().orElse("").equals("Originate")).findFirst().orElseThrow();
        assertThat(sent.get("Async")).contains("true");
        assertThat(sent.getAll("Variable")).hasSize(2);
        probe.next(CallEnded.class, e -> e.uniqueid().equals(ok(result).uniqueid()));
    }

    private static OriginateSucceeded ok(OriginateResult result) {
        return (OriginateSucceeded) result;
    }

    @Test
    @DisplayName("failed callbacks: busy operative (5), no such extension (0), and a called-back number that is busy")
    void failedCallbackOriginates() {
        replay(FakeAmiServer.Session.replay(ORIGINATE_FAILED, "Originate"));
        List<AmiMessage> recorded = clientActions(ORIGINATE_FAILED, "Originate");
        probe.nextState(LinkState.UP);

        OriginateResult busy = join(probe.link.gateway().originate(requestLike(recorded.get(0))));
        OriginateResult nowhere = join(probe.link.gateway().originate(requestLike(recorded.get(1))));
        OriginateResult calleeBusy = join(probe.link.gateway().originate(requestLike(recorded.get(2))));

        assertThat(busy).isInstanceOfSatisfying(OriginateFailed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(OriginateFailed.Reason.BUSY);
            assertThat(failed.reasonCode()).isEqualTo(5);
            assertThat(failed.channel()).isEqualTo(recorded.get(0).get("Channel").orElseThrow());
        });
        assertThat(nowhere).isInstanceOfSatisfying(OriginateFailed.class, failed ->
                assertThat(failed.reason()).isEqualTo(OriginateFailed.Reason.FAILED));
        assertThat(calleeBusy).isInstanceOf(OriginateSucceeded.class);
        DialFailed callee = probe.next(DialFailed.class, d -> d.dialStatus().equals("BUSY"));
        assertThat(callee.uniqueid()).isEqualTo(ok(calleeBusy).uniqueid());
        assertThat(callee.callKey()).isEqualTo(ok(calleeBusy).uniqueid());
    }

    @Test
    @DisplayName("queue status traffic parses without errors: its caller arrives and is hung up, nothing else breaks")
    void queueStatusTrafficIsHarmless() {
        replay(FakeAmiServer.Session.replay(QUEUE_STATUS));

        CallArrived arrived = probe.next(CallArrived.class);
        CallEnded ended = probe.next(CallEnded.class, e -> e.uniqueid().equals(arrived.uniqueid()));

        assertThat(ended.causeCode()).isEqualTo(16);
        probe.nextState(LinkState.UP);
        assertThat(probe.all(PbxLinkChanged.class)).extracting(PbxLinkChanged::state).containsOnly(LinkState.UP);
        assertThat(probe.link.health().ignoredEvents()).isPositive();
    }

    @Test
    @DisplayName("records never print a caller's number whole")
    void callerNumbersAreMaskedInToString() {
        replay(FakeAmiServer.Session.replay(QUEUE_ANSWERED));

        CallerIdentified identified = probe.next(CallerIdentified.class);

        assertThat(identified.toString()).doesNotContain("07700900123").contains("23");
    }
}
