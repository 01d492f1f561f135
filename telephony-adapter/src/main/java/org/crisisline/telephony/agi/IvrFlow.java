package org.crisisline.telephony.agi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crisisline.telephony.agi.IvrInput.Booked;
import org.crisisline.telephony.agi.IvrInput.HungUp;
import org.crisisline.telephony.agi.IvrInput.Keys;
import org.crisisline.telephony.agi.IvrInput.QueueFailed;
import org.crisisline.telephony.agi.IvrInput.Registered;
import org.crisisline.telephony.agi.IvrInput.Spoken;
import org.crisisline.telephony.agi.IvrStep.Ask;
import org.crisisline.telephony.agi.IvrStep.Finish;
import org.crisisline.telephony.agi.IvrStep.Say;
import org.crisisline.telephony.agi.Speech.Sound;

/**
 * The IVR's decisions for one call, free of I/O: {@link #start()} gives the first {@link IvrStep}, and
 * {@link #next(IvrInput)} the step after each outcome, until a {@link Finish}.
 *
 * <p>The flow: language menu (when more than one language; no key keeps the default) → the safety
 * question "If you are in immediate danger, press 1" (skipped on a line that is tier 1 already) →
 * register with the queue → when the queue offers it and the tier allows, the {@link CallbackDialogue}
 * (offer, slot, number, consent) → book → {@code callback}.
 *
 * <p>The safety question is the "risk question" DOMAIN.md asks before a tier-2 callback offer: a caller
 * who did not press 1 may be offered one, if the queue says the wait is long enough.
 *
 * <p>Pressing 1 at the safety question makes the caller tier 1 in Crisisline's own queue
 * ({@code TRIAGE_ROUTE=hold}), not a transfer to emergency services: DOMAIN.md answers tier 1 first,
 * within 20 s, by a trained operative who escalates when needed, and never offers it a callback.
 *
 * <p>Safe defaults: a question unanswered after {@code attempts} tries keeps the caller waiting live
 * ({@code hold}); without consent there is no callback; when the queue does not answer the caller goes
 * to Asterisk's own queue ({@code queue}); a caller who hangs up ends the flow at once ({@code hangup}),
 * and the queue is told when it may hold them.
 *
 * <p>Not thread-safe: one instance per call, used by that call's FastAGI thread. Time comes from the
 * injected clock.
 */
final class IvrFlow {
    private enum State { LANGUAGE, DANGER, REGISTER, OFFER, BOOK, CLOSING, DONE }

    private final IvrOptions options;
    private final IvrCall call;
    private final Clock clock;

    private State state;
    private int tries;
    private Instant startedAt;
    private IvrLanguage language;
    private IvrTier tier;
    private boolean dangerNow;
    private boolean registerAsked;
    private CallerRegistered registration;
    private CallbackDialogue callbackDialogue;
    private boolean booked;
    private TriageRoute closingRoute;
    private CallerLeft closingNotice;

    IvrFlow(IvrOptions options, IvrCall call, Clock clock) {
        this.options = options;
        this.call = call;
        this.clock = clock;
        this.language = defaultLanguage();
        this.tier = options.tierOf(call.line());
    }

    IvrStep start() {
        startedAt = clock.instant();
        if (options.languages().size() > 1) {
            return enter(State.LANGUAGE, askLanguage());
        }
        return afterLanguage();
    }

    IvrStep next(IvrInput input) {
        if (state == State.DONE) {
            throw new IllegalStateException("the flow has finished");
        }
        if (input instanceof HungUp) {
            return hungUp();
        }
        return switch (state) {
            case LANGUAGE -> onLanguage(keys(input));
            case DANGER -> onDanger(keys(input));
            case REGISTER -> onRegistered(input);
            case OFFER -> onOffer(keys(input));
            case BOOK -> onBooked(input);
            case CLOSING -> onClosed(input);
            case DONE -> throw new IllegalStateException("the flow has finished");
        };
    }

    /**
     * The AGI conversation broke (not a hang-up): the caller goes to Asterisk's own queue, unless a
     * callback is booked already.
     */
    Finish failed() {
        if (booked) {
            return finish(TriageRoute.CALLBACK, null);
        }
        return finish(TriageRoute.QUEUE, leftNotice(CallerLeft.Reason.SENT_TO_FALLBACK_QUEUE));
    }

    // --- language

    private Ask askLanguage() {
        return new Ask(List.of(), options.languageMenu(), options.keyTimeout(), 1);
    }

    private IvrStep onLanguage(String keys) {
        for (IvrLanguage offered : options.languages()) {
            if (keys.length() == 1 && keys.charAt(0) == offered.key()) {
                language = offered;
            }
        }
        return afterLanguage();
    }

    private IvrLanguage defaultLanguage() {
        return options.languages().stream()
                .filter(offered -> offered.code().equals(call.languageHint()))
                .findFirst()
                .orElse(options.languages().get(0));
    }

    // --- the safety question

    private IvrStep afterLanguage() {
        if (tier == IvrTier.IMMEDIATE_RISK) {
            return register();
        }
        return enter(State.DANGER, new Ask(List.of(sound(prompts().welcome())), prompts().dangerQuestion(),
                options.keyTimeout(), 1));
    }

    private IvrStep onDanger(String keys) {
        if (keys.equals("1")) {
            tier = IvrTier.IMMEDIATE_RISK;
            dangerNow = true;
            return register();
        }
        if (keys.isEmpty() && tries < options.attempts()) {
            return again(new Ask(List.of(), prompts().dangerQuestion(), options.keyTimeout(), 1));
        }
        return register();
    }

    // --- the queue

    private IvrStep register() {
        registerAsked = true;
        return enter(State.REGISTER, new IvrStep.Register(new CallerArrived(call.uniqueId(), call.channel(),
                call.line(), call.callerNumber(), language.code(), tier, dangerNow, startedAt)));
    }

    private IvrStep onRegistered(IvrInput input) {
        if (input instanceof Registered registered) {
            registration = registered.registration();
            if (registration.offerCallback() && tier.mayBeOfferedCallback()) {
                callbackDialogue = new CallbackDialogue(options, prompts(), registration, call.callerNumber());
                state = State.OFFER;
                return take(callbackDialogue.start());
            }
            return closing(TriageRoute.HOLD, null, prompts().pleaseHold());
        }
        if (input instanceof QueueFailed) {
            return closing(TriageRoute.QUEUE, leftNotice(CallerLeft.Reason.SENT_TO_FALLBACK_QUEUE),
                    prompts().pleaseHold());
        }
        throw unexpected(input);
    }

    // --- the callback offer

    private IvrStep onOffer(String keys) {
        return take(callbackDialogue.next(keys));
    }

    private IvrStep take(CallbackDialogue.Turn turn) {
        if (turn instanceof CallbackDialogue.Question question) {
            return question.ask();
        }
        if (turn instanceof CallbackDialogue.Agreed agreed) {
            return enter(State.BOOK, new IvrStep.Book(new BookCallback(registration.callId(), agreed.choice(),
                    agreed.number(), clock.instant())));
        }
        return closing(TriageRoute.HOLD, null, ((CallbackDialogue.Declined) turn).prompt());
    }

    private IvrStep onBooked(IvrInput input) {
        if (input instanceof Booked) {
            booked = true;
            return closing(TriageRoute.CALLBACK, null, prompts().callbackBooked());
        }
        if (input instanceof QueueFailed) {
            return closing(TriageRoute.HOLD, null, prompts().bookingFailed());
        }
        throw unexpected(input);
    }

    // --- the end

    private IvrStep closing(TriageRoute route, CallerLeft notice, String prompt) {
        closingRoute = route;
        closingNotice = notice;
        return enter(State.CLOSING, new Say(List.of(sound(prompt))));
    }

    private IvrStep onClosed(IvrInput input) {
        if (input instanceof Spoken) {
            return finish(closingRoute, closingNotice);
        }
        throw unexpected(input);
    }

    private Finish hungUp() {
        return finish(TriageRoute.HANGUP, booked ? null : leftNotice(CallerLeft.Reason.HUNG_UP));
    }

    /** The queue may hold the caller once it was asked to register them; none once a callback is booked. */
    private CallerLeft leftNotice(CallerLeft.Reason reason) {
        if (!registerAsked || booked) {
            return null;
        }
        String callId = registration == null ? null : registration.callId();
        return new CallerLeft(call.uniqueId(), callId, reason, clock.instant());
    }

    private Finish finish(TriageRoute route, CallerLeft notice) {
        state = State.DONE;
        return new Finish(route, Optional.ofNullable(registration).map(CallerRegistered::callId), language.code(),
                Optional.ofNullable(notice));
    }

    // --- helpers

    private IvrStep enter(State next, IvrStep step) {
        state = next;
        tries = 1;
        return step;
    }

    private IvrStep again(IvrStep step) {
        tries++;
        return step;
    }

    private IvrPrompts prompts() {
        return language.prompts();
    }

    private static Sound sound(String file) {
        return new Sound(file);
    }

    private String keys(IvrInput input) {
        if (input instanceof Keys keys) {
            return keys.digits();
        }
        throw unexpected(input);
    }

    private IllegalStateException unexpected(IvrInput input) {
        return new IllegalStateException("in " + state + ", did not expect " + input);
    }
}
