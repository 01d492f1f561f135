package org.crisisline.telephony.sim;

/**
 * What a dialled simulated person's phone does: answers after a while, is busy, rings until the
 * dialler gives up, or does not exist.
 */
sealed interface Pickup permits Pickup.Answers, Pickup.Busy, Pickup.NeverAnswers, Pickup.NoSuchEndpoint {
    record Answers(long afterMillis) implements Pickup {
    }

    record Busy() implements Pickup {
    }

    record NeverAnswers() implements Pickup {
    }

    record NoSuchEndpoint() implements Pickup {
    }
}
