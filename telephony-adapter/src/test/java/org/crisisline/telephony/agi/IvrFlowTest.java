package org.crisisline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.crisisline.telephony.agi.IvrInput.Keys;
import org.crisisline.telephony.agi.IvrStep.Ask;
import org.crisisline.telephony.agi.IvrStep.Book;
import org.crisisline.telephony.agi.IvrStep.Finish;
import org.crisisline.telephony.agi.IvrStep.Register;
import org.crisisline.telephony.agi.IvrStep.Say;
import org.crisisline.telephony.agi.Speech.Digits;
import org.crisisline.telephony.agi.Speech.Number;
import org.crisisline.telephony.agi.Speech.Sound;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the IVR flow, without sockets")
class IvrFlowTest {
    private static final Instant NOW = Instant.parse("2026-11-29T21:00:00Z");
    private static final String CALLER = "07700900123";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final IvrOptions options = IvrOptions.defaults();
    private final IvrPrompts en = IvrPrompts.defaults("en");

    private IvrFlow flowFor(String line, String number, String languageHint) {
        return new IvrFlow(options, new IvrCall("1795316603.35", "Local/08001234567@crisis-line-00000011;2", line,
                number, languageHint), clock);
    }

    private IvrFlow crisisCall() {
        return flowFor("crisis", CALLER, "en");
    }

    /** Language menu, then the safety question with the given key; returns the Register step. */
    private static Register registerAfter(IvrFlow flow, String dangerKey) {
        assertThat(flow.start()).isInstanceOf(Ask.class);
        assertThat(flow.next(new Keys("1"))).isInstanceOf(Ask.class);
        return (Register) flow.next(new Keys(dangerKey));
    }

    private static CallerRegistered offer(CallbackSlot... slots) {
        return new CallerRegistered("call-7", true, Duration.ofMinutes(12), List.of(slots));
    }

    private static CallbackSlot slotAt(String start) {
        Instant begin = Instant.parse(start);
        return new CallbackSlot("slot-" + start, begin, begin.plus(Duration.ofMinutes(15)));
    }

    @Test
    @DisplayName("the language menu comes first, then the welcome and the safety question")
    void asksLanguageThenSafety() {
        IvrFlow flow = crisisCall();

        Ask language = (Ask) flow.start();
        Ask danger = (Ask) flow.next(new Keys("1"));

        assertThat(language.prompt()).isEqualTo("crisisline/language-menu");
        assertThat(language.maxDigits()).isEqualTo(1);
        assertThat(danger.preamble()).containsExactly(new Sound(en.welcome()));
        assertThat(danger.prompt()).isEqualTo(en.dangerQuestion());
        assertThat(danger.timeout()).isEqualTo(options.keyTimeout());
    }

    @Test
    @DisplayName("pressing 2 on the language menu speaks Welsh from then on")
    void welshKey() {
        IvrFlow flow = crisisCall();
        flow.start();

        Ask danger = (Ask) flow.next(new Keys("2"));
        Ask again = (Ask) flow.next(new Keys(""));
        Register register = (Register) flow.next(new Keys("9"));

        assertThat(danger.prompt()).isEqualTo("crisisline/cy/danger-question");
        assertThat(danger.preamble()).containsExactly(new Sound("crisisline/cy/welcome"));
        assertThat(again.prompt()).isEqualTo("crisisline/cy/danger-question");
        assertThat(register.arrived().language()).isEqualTo("cy");
    }

    @Test
    @DisplayName("no key on the language menu keeps the channel's language, if it is offered")
    void timeoutKeepsHint() {
        IvrFlow flow = flowFor("crisis", CALLER, "cy");
        flow.start();

        Ask danger = (Ask) flow.next(new Keys(""));

        assertThat(danger.prompt()).isEqualTo("crisisline/cy/danger-question");
    }

    @Test
    @DisplayName("pressing 1 (danger now) queues the caller as tier 1, live, and never offers a callback")
    void tierOne() {
        IvrFlow flow = crisisCall();
        Register register = registerAfter(flow, "1");

        assertThat(register.arrived().tier()).isEqualTo(IvrTier.IMMEDIATE_RISK);
        assertThat(register.arrived().dangerNow()).isTrue();
        assertThat(register.arrived().arrivedAt()).isEqualTo(NOW);
        // Even if the queue offers one by mistake.
        Say hold = (Say) flow.next(new IvrInput.Registered(offer(slotAt("2026-11-29T22:00:00Z"))));
        Finish finish = (Finish) flow.next(new IvrInput.Spoken());

        assertThat(hold.speech()).containsExactly(new Sound(en.pleaseHold()));
        assertThat(finish).isEqualTo(new Finish(TriageRoute.HOLD, Optional.of("call-7"), "en", Optional.empty()));
    }

    @Test
    @DisplayName("the professionals line is tier 1 without the safety question")
    void professionalsLine() {
        IvrFlow flow = flowFor("professionals", CALLER, "en");
        flow.start();

        Register register = (Register) flow.next(new Keys("1"));

        assertThat(register.arrived().tier()).isEqualTo(IvrTier.IMMEDIATE_RISK);
        assertThat(register.arrived().dangerNow()).isFalse();
        assertThat(register.arrived().line()).isEqualTo("professionals");
    }

    @Test
    @DisplayName("no key at the safety question asks it again, then registers the line's tier")
    void safetyAskedAgain() {
        IvrFlow flow = crisisCall();
        flow.start();
        flow.next(new Keys("1"));

        Ask again = (Ask) flow.next(new Keys(""));
        Register register = (Register) flow.next(new Keys(""));

        assertThat(again.prompt()).isEqualTo(en.dangerQuestion());
        assertThat(again.preamble()).isEmpty();
        assertThat(register.arrived().tier()).isEqualTo(IvrTier.CRISIS);
        assertThat(register.arrived().dangerNow()).isFalse();
    }

    @Test
    @DisplayName("a tier-2 caller with a short wait is held without an offer")
    void shortWait() {
        IvrFlow flow = crisisCall();
        Register register = registerAfter(flow, "2");

        flow.next(new IvrInput.Registered(CallerRegistered.noOffer("call-1", Duration.ofSeconds(40))));
        Finish finish = (Finish) flow.next(new IvrInput.Spoken());

        assertThat(register.arrived().tier()).isEqualTo(IvrTier.CRISIS);
        assertThat(finish.route()).isEqualTo(TriageRoute.HOLD);
        assertThat(finish.callId()).contains("call-1");
        assertThat(finish.left()).isEmpty();
    }

    @Test
    @DisplayName("keep my place: the wait is read out, the number confirmed, consent given, the callback booked")
    void keepPlace() {
        IvrFlow flow = crisisCall();
        registerAfter(flow, "2");

        Ask offer = (Ask) flow.next(new IvrInput.Registered(offer(slotAt("2026-11-29T22:00:00Z"))));
        Ask confirm = (Ask) flow.next(new Keys("1"));
        Ask consent = (Ask) flow.next(new Keys("1"));
        Book book = (Book) flow.next(new Keys("1"));
        Say thanks = (Say) flow.next(new IvrInput.Booked(new CallbackBooked("cb-1")));
        Finish finish = (Finish) flow.next(new IvrInput.Spoken());

        assertThat(offer.preamble()).containsExactly(new Sound(en.estimatedWaitIs()), new Number(12),
                new Sound(en.minutes()));
        assertThat(offer.prompt()).isEqualTo(en.callbackOffer());
        assertThat(confirm.preamble()).containsExactly(new Sound(en.numberReadback()), new Digits(CALLER));
        assertThat(confirm.prompt()).isEqualTo(en.numberConfirm());
        assertThat(consent.prompt()).isEqualTo(en.consent());
        assertThat(book.booking()).isEqualTo(new BookCallback("call-7", new CallbackChoice.KeepPlace(), CALLER, NOW));
        assertThat(thanks.speech()).containsExactly(new Sound(en.callbackBooked()));
        assertThat(finish).isEqualTo(new Finish(TriageRoute.CALLBACK, Optional.of("call-7"), "en", Optional.empty()));
    }

    @Test
    @DisplayName("choose a time: each slot is read out with its key, in London time")
    void slotChoice() {
        IvrFlow flow = crisisCall();
        flow.start();
        flow.next(new Keys("1"));
        flow.next(new Keys("")); // no key: the safety question is asked again
        flow.next(new Keys(""));
        CallbackSlot first = slotAt("2026-11-29T22:00:00Z");
        CallbackSlot second = slotAt("2026-11-29T22:15:00Z");
        flow.next(new IvrInput.Registered(offer(first, second)));

        Ask slots = (Ask) flow.next(new Keys("2"));
        flow.next(new Keys("2"));
        flow.next(new Keys("1"));
        Book book = (Book) flow.next(new Keys("1"));

        assertThat(slots.preamble()).containsExactly(
                new Sound(en.slotPress()), new Digits("1"), new Sound(en.slotAt()), new Number(22),
                new Sound(en.oClock()),
                new Sound(en.slotPress()), new Digits("2"), new Sound(en.slotAt()), new Number(22), new Number(15));
        assertThat(slots.prompt()).isEqualTo(en.slotChoose());
        assertThat(book.booking().choice()).isEqualTo(new CallbackChoice.Slot(second));
    }

    @Test
    @DisplayName("without slots the offer has no option 2, and 2 is not an option")
    void noSlots() {
        IvrFlow flow = crisisCall();
        registerAfter(flow, "3");

        Ask offer = (Ask) flow.next(new IvrInput.Registered(offer()));
        Ask again = (Ask) flow.next(new Keys("2"));

        assertThat(offer.prompt()).isEqualTo(en.callbackOfferNoSlots());
        assertThat(again.preamble()).containsExactly(new Sound(en.notAnOption()));
    }

    @Test
    @DisplayName("a new number typed in is read back, confirmed and booked")
    void newNumber() {
        IvrFlow flow = crisisCall();
        registerAfter(flow, "2");
        flow.next(new IvrInput.Registered(offer()));
        flow.next(new Keys("1"));

        Ask type = (Ask) flow.next(new Keys("2"));
        Ask tooShort = (Ask) flow.next(new Keys("123"));
        Ask confirm = (Ask) flow.next(new Keys("01632960001"));
        flow.next(new Keys("1"));
        Book book = (Book) flow.next(new Keys("1"));

        assertThat(type.prompt()).isEqualTo(en.enterNumber());
        assertThat(type.timeout()).isEqualTo(options.numberTimeout());
        assertThat(type.maxDigits()).isEqualTo(options.maxNumberDigits());
        assertThat(tooShort.preamble()).containsExactly(new Sound(en.notAnOption()));
        assertThat(confirm.preamble()).containsExactly(new Sound(en.numberReadback()), new Digits("01632960001"));
        assertThat(book.booking().callbackNumber()).isEqualTo("01632960001");
    }

    @Test
    @DisplayName("typing another number again and again ends in keeping the caller waiting")
    void numberLoopIsBounded() {
        IvrFlow flow = crisisCall();
        registerAfter(flow, "2");
        flow.next(new IvrInput.Registered(offer()));
        flow.next(new Keys("1"));

        IvrStep step = null;
        for (int typed = 0; typed < options.attempts(); typed++) {
            assertThat(flow.next(new Keys("2"))).isInstanceOf(Ask.class); // type another
            step = flow.next(new Keys("01632960001"));                   // read back
        }
        Say hold = (Say) flow.next(new Keys("2"));

        assertThat(step).isInstanceOf(Ask.class);
        assertThat(hold.speech()).containsExactly(new Sound(en.pleaseHold()));
    }

    @Test
    @DisplayName("a withheld number goes straight to typing one")
    void withheldNumber() {
        IvrFlow flow = flowFor("crisis", "", "en");
        registerAfter(flow, "2");
        flow.next(new IvrInput.Registered(offer()));

        Ask type = (Ask) flow.next(new Keys("1"));

        assertThat(type.prompt()).isEqualTo(en.enterNumber());
    }

    @Test
    @DisplayName("refused consent books nothing and keeps the caller waiting")
    void consentRefused() {
        IvrFlow flow = crisisCall();
        registerAfter(flow, "2");
        flow.next(new IvrInput.Registered(offer()));
        flow.next(new Keys("1"));
        flow.next(new Keys("1"));

        Say noConsent = (Say) flow.next(new Keys("2"));
        Finish finish = (Finish) flow.next(new IvrInput.Spoken());

        assertThat(noConsent.speech()).containsExactly(new Sound(en.noConsent()));
        assertThat(finish.route()).isEqualTo(TriageRoute.HOLD);
    }

    @Test
    @DisplayName("no answer to the consent question is no consent")
    void consentUnanswered() {
        IvrFlow flow = crisisCall();
        registerAfter(flow, "2");
        flow.next(new IvrInput.Registered(offer()));
        flow.next(new Keys("1"));
        flow.next(new Keys("1"));

        flow.next(new Keys(""));
        Say noConsent = (Say) flow.next(new Keys(""));

        assertThat(noConsent.speech()).containsExactly(new Sound(en.noConsent()));
    }

    @Test
    @DisplayName("when the queue does not answer, Asterisk's queue takes the caller and a late registration is withdrawn")
    void queueTimeout() {
        IvrFlow flow = crisisCall();
        registerAfter(flow, "2");

        Say hold = (Say) flow.next(new IvrInput.QueueFailed("no answer"));
        Finish finish = (Finish) flow.next(new IvrInput.Spoken());

        assertThat(hold.speech()).containsExactly(new Sound(en.pleaseHold()));
        assertThat(finish.route()).isEqualTo(TriageRoute.QUEUE);
        assertThat(finish.callId()).isEmpty();
        assertThat(finish.left()).contains(new CallerLeft("1795316603.35", null,
                CallerLeft.Reason.SENT_TO_FALLBACK_QUEUE, NOW));
    }

    @Test
    @DisplayName("a hang-up before registering ends the flow and tells nobody")
    void hangUpEarly() {
        IvrFlow flow = crisisCall();
        flow.start();

        Finish finish = (Finish) flow.next(new IvrInput.HungUp());

        assertThat(finish).isEqualTo(new Finish(TriageRoute.HANGUP, Optional.empty(), "en", Optional.empty()));
    }

    @Test
    @DisplayName("a hang-up after registering tells the queue the caller left")
    void hangUpAfterRegistering() {
        IvrFlow flow = crisisCall();
        registerAfter(flow, "2");
        flow.next(new IvrInput.Registered(offer()));

        Finish finish = (Finish) flow.next(new IvrInput.HungUp());

        assertThat(finish.route()).isEqualTo(TriageRoute.HANGUP);
        assertThat(finish.left()).contains(new CallerLeft("1795316603.35", "call-7", CallerLeft.Reason.HUNG_UP, NOW));
    }

    @Test
    @DisplayName("a failed booking keeps the caller waiting; a broken line after booking keeps the callback")
    void bookingOutcomes() {
        IvrFlow refused = crisisCall();
        registerAfter(refused, "2");
        refused.next(new IvrInput.Registered(offer()));
        refused.next(new Keys("1"));
        refused.next(new Keys("1"));
        refused.next(new Keys("1"));
        Say sorry = (Say) refused.next(new IvrInput.QueueFailed("slot taken"));

        IvrFlow booked = crisisCall();
        registerAfter(booked, "2");
        booked.next(new IvrInput.Registered(offer()));
        booked.next(new Keys("1"));
        booked.next(new Keys("1"));
        booked.next(new Keys("1"));
        booked.next(new IvrInput.Booked(new CallbackBooked("cb-2")));

        assertThat(sorry.speech()).containsExactly(new Sound(en.bookingFailed()));
        assertThat(booked.failed().route()).isEqualTo(TriageRoute.CALLBACK);
        assertThat(booked.failed().left()).isEmpty();
    }

    @Test
    @DisplayName("unanswered offers keep the caller waiting live")
    void offerUnanswered() {
        IvrFlow flow = crisisCall();
        registerAfter(flow, "2");
        flow.next(new IvrInput.Registered(offer()));

        Ask again = (Ask) flow.next(new Keys(""));
        Say hold = (Say) flow.next(new Keys(""));

        assertThat(again.preamble()).isEmpty();
        assertThat(hold.speech()).containsExactly(new Sound(en.pleaseHold()));
    }
}
