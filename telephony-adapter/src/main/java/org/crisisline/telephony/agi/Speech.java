package org.crisisline.telephony.agi;

/** One piece of what the IVR says: a sound file, digits one by one, or a number as a number. */
sealed interface Speech permits Speech.Sound, Speech.Digits, Speech.Number {

    /** {@code STREAM FILE}. */
    record Sound(String file) implements Speech {
    }

    /** {@code SAY DIGITS}: "0 7 7 0 0 ...". */
    record Digits(String digits) implements Speech {
    }

    /** {@code SAY NUMBER}: "twenty one". */
    record Number(long value) implements Speech {
    }
}
