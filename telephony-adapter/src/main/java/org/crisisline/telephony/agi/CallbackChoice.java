package org.crisisline.telephony.agi;

import java.util.Objects;

/** What kind of callback the caller chose at the keypad. */
public sealed interface CallbackChoice permits CallbackChoice.KeepPlace, CallbackChoice.Slot {

    /** Virtual hold: keep the place in the queue and be called back when it reaches the front. */
    record KeepPlace() implements CallbackChoice {
    }

    /** Be called back within one of the offered slots. */
    record Slot(CallbackSlot slot) implements CallbackChoice {
        public Slot {
            Objects.requireNonNull(slot, "slot");
        }
    }
}
