package org.crisisline.telephony.agi;

/** What happened when the AGI side did an {@link IvrStep}. */
sealed interface IvrInput permits IvrInput.Spoken, IvrInput.Keys, IvrInput.HungUp, IvrInput.Registered,
        IvrInput.Booked, IvrInput.QueueFailed {

    /** Everything was said. */
    record Spoken() implements IvrInput {
    }

    /** The keys pressed, without the ending {@code #}; empty when none came before the timeout. */
    record Keys(String digits) implements IvrInput {
    }

    /** The caller hung up. */
    record HungUp() implements IvrInput {
    }

    /** The queue registered the caller. */
    record Registered(CallerRegistered registration) implements IvrInput {
    }

    /** The queue booked the callback. */
    record Booked(CallbackBooked booked) implements IvrInput {
    }

    /** The queue did not answer in time, or refused. */
    record QueueFailed(String reason) implements IvrInput {
    }
}
