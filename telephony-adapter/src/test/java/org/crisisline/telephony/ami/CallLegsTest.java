package org.crisisline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.CallEnded;
import org.crisisline.telephony.event.CallerIdentified;
import org.crisisline.telephony.event.ChannelDiscovered;
import org.crisisline.telephony.event.ChannelVanished;
import org.crisisline.telephony.event.OperativeAnswered;
import org.crisisline.telephony.event.OperativeRinging;
import org.crisisline.telephony.event.PhoneNumber;
import org.crisisline.telephony.event.TelephonyEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallLegsTest {
    private static final Instant AT = Instant.parse("2026-11-29T12:00:00Z");
    private static final String CALL = "1795316523.0";
    private static final String CALLER = "1795316523.1";
    private static final String OPERATIVE = "1795316526.2";
    private static final AmiOptions OPTIONS = LinkProbe.options("north", 5038, new JsonObject());

    private final CallLegs legs = new CallLegs(channel -> channel.startsWith("PJSIP/op"));

    private static CallArrived arrived(Optional<PhoneNumber> number) {
        return new CallArrived("north", AT, CALL, "PJSIP/trunk-1", CALLER, "crisis", "08001234567", number);
    }

    private static CallEnded hangup(String uniqueid, String channel) {
        return new CallEnded("north", AT, CALL, channel, uniqueid, CallEnded.Leg.OTHER, 16, "Normal Clearing");
    }

    private static CallerIdentified identified(String number) {
        return new CallerIdentified("north", AT, CALL, "PJSIP/trunk-1", CALLER, new PhoneNumber(number));
    }

    private static OperativeRinging ringing() {
        return new OperativeRinging("north", AT, CALL, "PJSIP/trunk-1", "PJSIP/op1-1", OPERATIVE, "op1");
    }

    @Test
    @DisplayName("a second Hangup of the same channel is dropped")
    void repeatedHangupIsReportedOnce() {
        legs.accept(arrived(Optional.empty()));

        List<TelephonyEvent> first = legs.accept(hangup(CALLER, "PJSIP/trunk-1"));
        List<TelephonyEvent> second = legs.accept(hangup(CALLER, "PJSIP/trunk-1"));

        assertThat(first).singleElement().isInstanceOfSatisfying(CallEnded.class,
                ended -> assertThat(ended.leg()).isEqualTo(CallEnded.Leg.CALLER));
        assertThat(second).isEmpty();
        assertThat(legs.liveCount()).isZero();
    }

    @Test
    @DisplayName("ringing and answering are reported once per operative channel, whichever events say it")
    void operativeRingingAndAnsweredOnce() {
        assertThat(legs.accept(ringing())).hasSize(1);
        assertThat(legs.accept(ringing())).isEmpty();
        OperativeAnswered answered = new OperativeAnswered("north", AT, CALL, "PJSIP/trunk-1", "PJSIP/op1-1",
                OPERATIVE, "op1");
        assertThat(legs.accept(answered)).hasSize(1);
        assertThat(legs.accept(answered)).isEmpty();
        assertThat(legs.accept(hangup(OPERATIVE, "PJSIP/op1-1"))).singleElement()
                .isInstanceOfSatisfying(CallEnded.class, e -> assertThat(e.leg()).isEqualTo(CallEnded.Leg.OPERATIVE));
    }

    @Test
    @DisplayName("a caller ID that comes before the call is put into the CallArrived")
    void earlyCallerIdIsKept() {
        assertThat(legs.accept(identified("07700900123"))).isEmpty();

        List<TelephonyEvent> published = legs.accept(arrived(Optional.empty()));

        assertThat(published).singleElement().isInstanceOfSatisfying(CallArrived.class,
                a -> assertThat(a.callerNumber()).contains(new PhoneNumber("07700900123")));
        assertThat(legs.accept(identified("07700900123"))).isEmpty();
    }

    @Test
    @DisplayName("a late caller ID is reported once for a caller, never for other legs")
    void lateCallerIdReportedOnce() {
        legs.accept(arrived(Optional.empty()));

        assertThat(legs.accept(identified("07700900123"))).hasSize(1);
        assertThat(legs.accept(identified("07700900123"))).isEmpty();
        assertThat(legs.accept(new CallerIdentified("north", AT, CALL, "Local/x;1", "9.9",
                new PhoneNumber("07700900123")))).isEmpty();
    }

    @Test
    @DisplayName("a call that arrives after its own Hangup (out of order) is not brought back to life")
    void arrivalAfterHangupIsDropped() {
        legs.accept(hangup(CALLER, "PJSIP/trunk-1"));

        assertThat(legs.accept(arrived(Optional.empty()))).isEmpty();
        assertThat(legs.liveCount()).isZero();
    }

    @Test
    @DisplayName("in any order and with any repeats, each channel ends once and each operative rings and answers once")
    void shuffledAndRepeatedEventsNeverDuplicate() {
        OperativeAnswered answered = new OperativeAnswered("north", AT, CALL, "PJSIP/trunk-1", "PJSIP/op1-1",
                OPERATIVE, "op1");
        List<TelephonyEvent> call = List.of(arrived(Optional.empty()), identified("07700900123"), ringing(), answered,
                hangup(OPERATIVE, "PJSIP/op1-1"), hangup(CALLER, "PJSIP/trunk-1"));
        Random random = new Random(17);
        for (int run = 0; run < 500; run++) {
            List<TelephonyEvent> delivered = new ArrayList<>(call);
            for (int repeat = random.nextInt(6); repeat > 0; repeat--) {
                delivered.add(call.get(random.nextInt(call.size())));
            }
            Collections.shuffle(delivered, random);
            CallLegs fresh = new CallLegs(channel -> channel.startsWith("PJSIP/op"));

            List<TelephonyEvent> published = delivered.stream().flatMap(e -> fresh.accept(e).stream()).toList();

            assertThat(published).filteredOn(CallEnded.class::isInstance).hasSize(2)
                    .extracting(e -> ((CallEnded) e).uniqueid()).containsExactlyInAnyOrder(CALLER, OPERATIVE);
            assertThat(published).filteredOn(OperativeRinging.class::isInstance).hasSize(1);
            assertThat(published).filteredOn(OperativeAnswered.class::isInstance).hasSize(1);
            assertThat(published).filteredOn(CallerIdentified.class::isInstance).hasSizeLessThanOrEqualTo(1);
            assertThat(published).filteredOn(CallArrived.class::isInstance).hasSizeLessThanOrEqualTo(1);
            assertThat(fresh.liveCount()).isZero();
        }
    }

    @Test
    @DisplayName("resync: a channel believed live that the PBX lost vanishes; an unknown caller is discovered")
    void reconcileReportsCorrections() {
        legs.accept(arrived(Optional.empty()));
        legs.accept(ringing());
        LiveChannel operative = new LiveChannel(OPERATIVE, "PJSIP/op1-1", CALL, "crisisline-connect", "op1");
        LiveChannel newcomer = new LiveChannel("1795316599.7", "PJSIP/trunk-9", "1795316599.7",
                "crisis-line", "08001234567");
        LiveChannel unrelated = new LiveChannel("1795316599.8", "Local/x@elsewhere-1;1", "1795316599.8",
                "elsewhere", "s");

        List<TelephonyEvent> corrections = legs.reconcile(List.of(operative, newcomer, unrelated),
                Set.of(CALLER, OPERATIVE), AT, OPTIONS);

        assertThat(corrections).hasSize(2);
        assertThat(corrections.get(0)).isInstanceOfSatisfying(ChannelVanished.class,
                v -> assertThat(v.uniqueid()).isEqualTo(CALLER));
        assertThat(corrections.get(1)).isInstanceOfSatisfying(ChannelDiscovered.class, d -> {
            assertThat(d.uniqueid()).isEqualTo("1795316599.7");
            assertThat(d.line()).contains("crisis");
        });
        assertThat(legs.accept(hangup(CALLER, "PJSIP/trunk-1"))).isEmpty();
        assertThat(legs.isLive("1795316599.7")).isTrue();
    }

    @Test
    @DisplayName("resync does not vanish a channel first seen after the resync was asked for")
    void reconcileSparesNewcomers() {
        legs.accept(arrived(Optional.empty()));

        assertThat(legs.reconcile(List.of(), Set.of(), AT, OPTIONS)).isEmpty();
        assertThat(legs.isLive(CALLER)).isTrue();
    }
}
