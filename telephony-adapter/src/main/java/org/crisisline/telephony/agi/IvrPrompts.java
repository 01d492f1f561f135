package org.crisisline.telephony.agi;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * The sound files of one language, as Asterisk names them (no extension, relative to its sounds
 * directory). {@link #defaults(String)} names them {@code crisisline/<language>/<prompt>}; a telephony
 * admin records them or points the names at other files. The texts below are what each should say.
 *
 * @param welcome              "Welcome to the crisis line."
 * @param dangerQuestion       "If you are in immediate danger, press 1. Otherwise, please hold."
 * @param pleaseHold           "Please hold: the next person free will answer."
 * @param estimatedWaitIs      "The wait is about ..." (followed by a number)
 * @param minutes              "... minutes."
 * @param callbackOffer        "To keep your place and be called back, press 1. To choose a time for
 *                             us to call you, press 2. To keep waiting, press 3."
 * @param callbackOfferNoSlots the same without option 2
 * @param slotPress            "Press ..." (followed by a digit)
 * @param slotAt               "... for a call between ..." (followed by the hour, then the minutes)
 * @param oClock               "o'clock" (when the slot starts on the hour)
 * @param slotChoose           "Press the number of the time you want."
 * @param numberReadback       "We will call you back on ..." (followed by the digits)
 * @param numberConfirm        "If this is right, press 1. To give another number, press 2."
 * @param enterNumber          "Type the number to call you back on, then press hash."
 * @param consent              "May we keep this number to call you back? It is deleted afterwards.
 *                             Press 1 for yes, 2 for no."
 * @param noConsent            "We will not keep your number. Please hold."
 * @param callbackBooked       "Thank you. We will call you back. You can hang up now."
 * @param bookingFailed        "Sorry, we could not book the call back. Please hold."
 * @param notAnOption          "Sorry, that is not one of the options."
 */
public record IvrPrompts(String welcome, String dangerQuestion, String pleaseHold, String estimatedWaitIs,
        String minutes, String callbackOffer, String callbackOfferNoSlots, String slotPress, String slotAt,
        String oClock, String slotChoose, String numberReadback, String numberConfirm, String enterNumber,
        String consent, String noConsent, String callbackBooked, String bookingFailed, String notAnOption) {

    public IvrPrompts {
        Stream.of(welcome, dangerQuestion, pleaseHold, estimatedWaitIs, minutes, callbackOffer,
                callbackOfferNoSlots, slotPress, slotAt, oClock, slotChoose, numberReadback, numberConfirm,
                enterNumber, consent, noConsent, callbackBooked, bookingFailed, notAnOption)
                .forEach(name -> {
                    Objects.requireNonNull(name, "prompt");
                    if (name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c == '"')) {
                        throw new IllegalArgumentException("prompts: not a sound file name: '" + name + "'");
                    }
                });
    }

    /** The default names for a language code: {@code crisisline/<code>/<prompt>}. */
    public static IvrPrompts defaults(String language) {
        String dir = "crisisline/" + language + "/";
        return new IvrPrompts(dir + "welcome", dir + "danger-question", dir + "please-hold",
                dir + "estimated-wait-is", dir + "minutes", dir + "callback-offer", dir + "callback-offer-no-slots",
                dir + "slot-press", dir + "slot-at", dir + "o-clock", dir + "slot-choose", dir + "number-readback",
                dir + "number-confirm", dir + "enter-number", dir + "consent", dir + "no-consent",
                dir + "callback-booked", dir + "booking-failed", dir + "not-an-option");
    }
}
