package org.crisisline.telephony.agi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What {@link IvrFlow} wants done next; the AGI side does it and answers with an {@link IvrInput}. */
sealed interface IvrStep permits IvrStep.Say, IvrStep.Ask, IvrStep.Register, IvrStep.Book, IvrStep.Finish {

    /** Say these; answer {@link IvrInput.Spoken} or {@link IvrInput.HungUp}. */
    record Say(List<Speech> speech) implements IvrStep {
        public Say {
            speech = List.copyOf(speech);
        }
    }

    /**
     * Say the preamble, then play {@code prompt} and read up to {@code maxDigits} keys ({@code GET DATA},
     * ended early by {@code #}); answer {@link IvrInput.Keys} or {@link IvrInput.HungUp}.
     */
    record Ask(List<Speech> preamble, String prompt, Duration timeout, int maxDigits) implements IvrStep {
        public Ask {
            preamble = List.copyOf(preamble);
        }
    }

    /** Ask the queue to register the caller; answer {@link IvrInput.Registered} or {@link IvrInput.QueueFailed}. */
    record Register(CallerArrived arrived) implements IvrStep {
    }

    /** Ask the queue to book the callback; answer {@link IvrInput.Booked} or {@link IvrInput.QueueFailed}. */
    record Book(BookCallback booking) implements IvrStep {
    }

    /**
     * The end: tell the queue the caller left (when {@code left} is present), set the channel variables
     * and return to the dialplan.
     */
    record Finish(TriageRoute route, Optional<String> callId, String language, Optional<CallerLeft> left)
            implements IvrStep {
    }
}
