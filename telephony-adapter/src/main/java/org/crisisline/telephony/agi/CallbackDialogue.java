package org.crisisline.telephony.agi;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.crisisline.telephony.agi.IvrStep.Ask;
import org.crisisline.telephony.agi.Speech.Digits;
import org.crisisline.telephony.agi.Speech.Number;
import org.crisisline.telephony.agi.Speech.Sound;

/**
 * The callback offer to one registered caller, as keypad turns, free of I/O: the offer (1 keep your
 * place, 2 choose a time, 3 keep waiting) → a slot (its number) → the number to call back (1 right,
 * 2 type another, ended by #) → consent to keep it (1 yes, 2 no). Ends {@link Agreed} or
 * {@link Declined}; a question left unanswered after {@code attempts} tries, a refusal or no answer to
 * the consent question all decline (the caller keeps waiting live).
 *
 * <p>Not thread-safe: one instance per call, owned by its {@link IvrFlow}.
 */
final class CallbackDialogue {
    /** What the dialogue says after a key. */
    sealed interface Turn permits Question, Agreed, Declined {
    }

    /** Ask this and pass the keys to {@link #next}. */
    record Question(Ask ask) implements Turn {
    }

    /** The caller chose a callback, confirmed the number and consented to keeping it. */
    record Agreed(CallbackChoice choice, String number) implements Turn {
    }

    /** No callback: say {@code prompt} and keep the caller waiting. */
    record Declined(String prompt) implements Turn {
    }

    private enum State { OFFER, SLOT, CONFIRM_NUMBER, ENTER_NUMBER, CONSENT, ENDED }

    private interface Asking {
        Ask ask(List<Speech> preamble);
    }

    private final IvrOptions options;
    private final IvrPrompts prompts;
    private final CallerRegistered registration;
    private final List<CallbackSlot> slots;
    private State state;
    private int tries;
    private int numbersTyped;
    private CallbackChoice choice;
    private String number;

    CallbackDialogue(IvrOptions options, IvrPrompts prompts, CallerRegistered registration, String knownNumber) {
        this.options = options;
        this.prompts = prompts;
        this.registration = registration;
        this.slots = registration.slots().stream().limit(options.maxSlots()).toList();
        this.number = knownNumber;
    }

    /** The offer, after the estimated wait. */
    Turn start() {
        long minutes = Math.max(1, (registration.estimatedWait().toSeconds() + 59) / 60);
        return enter(State.OFFER, askOffer(List.of(new Sound(prompts.estimatedWaitIs()), new Number(minutes),
                new Sound(prompts.minutes()))));
    }

    /** The keys pressed at the last question (empty: none before the timeout). */
    Turn next(String keys) {
        return switch (state) {
            case OFFER -> onOffer(keys);
            case SLOT -> onSlot(keys);
            case CONFIRM_NUMBER -> onConfirmNumber(keys);
            case ENTER_NUMBER -> onEnterNumber(keys);
            case CONSENT -> onConsent(keys);
            case ENDED -> throw new IllegalStateException("the callback dialogue has ended");
        };
    }

    private Ask askOffer(List<Speech> preamble) {
        String prompt = slots.isEmpty() ? prompts.callbackOfferNoSlots() : prompts.callbackOffer();
        return new Ask(preamble, prompt, options.keyTimeout(), 1);
    }

    private Turn onOffer(String keys) {
        if (keys.equals("1")) {
            choice = new CallbackChoice.KeepPlace();
            return confirmNumber();
        }
        if (keys.equals("2") && !slots.isEmpty()) {
            return enter(State.SLOT, askSlot(List.of()));
        }
        if (keys.equals("3")) {
            return decline(prompts.pleaseHold());
        }
        return retryOrDecline(keys, this::askOffer, prompts.pleaseHold());
    }

    /** "Press 1 for a call between 22 o'clock ...", for each slot, in the configured zone. */
    private Ask askSlot(List<Speech> before) {
        List<Speech> preamble = new ArrayList<>(before);
        ZoneId zone = options.zone();
        for (int i = 0; i < slots.size(); i++) {
            ZonedDateTime start = slots.get(i).start().atZone(zone);
            preamble.add(new Sound(prompts.slotPress()));
            preamble.add(new Digits(Integer.toString(i + 1)));
            preamble.add(new Sound(prompts.slotAt()));
            preamble.add(new Number(start.getHour()));
            preamble.add(start.getMinute() == 0 ? new Sound(prompts.oClock()) : new Number(start.getMinute()));
        }
        return new Ask(preamble, prompts.slotChoose(), options.keyTimeout(), 1);
    }

    private Turn onSlot(String keys) {
        int index = keys.length() == 1 ? keys.charAt(0) - '1' : -1;
        if (index >= 0 && index < slots.size()) {
            choice = new CallbackChoice.Slot(slots.get(index));
            return confirmNumber();
        }
        return retryOrDecline(keys, this::askSlot, prompts.pleaseHold());
    }

    private Turn confirmNumber() {
        return number.isEmpty() ? typeNumber() : enter(State.CONFIRM_NUMBER, askConfirm(List.of()));
    }

    private Ask askConfirm(List<Speech> before) {
        List<Speech> preamble = new ArrayList<>(before);
        preamble.add(new Sound(prompts.numberReadback()));
        preamble.add(new Digits(number));
        return new Ask(preamble, prompts.numberConfirm(), options.keyTimeout(), 1);
    }

    private Turn onConfirmNumber(String keys) {
        if (keys.equals("1")) {
            return enter(State.CONSENT, askConsent(List.of()));
        }
        if (keys.equals("2")) {
            return typeNumber();
        }
        return retryOrDecline(keys, this::askConfirm, prompts.pleaseHold());
    }

    /** Typing a number, at most {@code attempts} times in all, so "2, type, 2, type..." cannot go on for ever. */
    private Turn typeNumber() {
        if (++numbersTyped > options.attempts()) {
            return decline(prompts.pleaseHold());
        }
        return enter(State.ENTER_NUMBER, askNumber(List.of()));
    }

    private Ask askNumber(List<Speech> preamble) {
        return new Ask(preamble, prompts.enterNumber(), options.numberTimeout(), options.maxNumberDigits());
    }

    private Turn onEnterNumber(String keys) {
        if (keys.matches("[0-9]+") && keys.length() >= options.minNumberDigits()
                && keys.length() <= options.maxNumberDigits()) {
            number = keys;
            return enter(State.CONFIRM_NUMBER, askConfirm(List.of()));
        }
        return retryOrDecline(keys.isEmpty() ? "" : "invalid", this::askNumber, prompts.pleaseHold());
    }

    private Ask askConsent(List<Speech> preamble) {
        return new Ask(preamble, prompts.consent(), options.keyTimeout(), 1);
    }

    private Turn onConsent(String keys) {
        if (keys.equals("1")) {
            state = State.ENDED;
            return new Agreed(choice, number);
        }
        if (keys.equals("2")) {
            return decline(prompts.noConsent());
        }
        // No answer is no consent.
        return retryOrDecline(keys, this::askConsent, prompts.noConsent());
    }

    /** The same question again (after "not an option" when a wrong key came), or the end of the offer. */
    private Turn retryOrDecline(String keys, Asking question, String declinePrompt) {
        if (tries >= options.attempts()) {
            return decline(declinePrompt);
        }
        tries++;
        return new Question(question.ask(keys.isEmpty() ? List.of() : List.of(new Sound(prompts.notAnOption()))));
    }

    private Turn enter(State next, Ask ask) {
        state = next;
        tries = 1;
        return new Question(ask);
    }

    private Turn decline(String prompt) {
        state = State.ENDED;
        return new Declined(prompt);
    }
}
