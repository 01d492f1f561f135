package org.crisisline.telephony.sim;

import java.util.List;
import java.util.Objects;

/**
 * What a kind of simulated caller presses in the IVR, one answer per {@code GET DATA} or
 * {@code WAIT FOR DIGIT}: digits (e.g. {@code "2"} or a typed number {@code "07700900456"}),
 * {@link #TIMEOUT} (presses nothing) or {@link #HANG_UP} (hangs up at that prompt). When the answers
 * run out the caller presses nothing. {@code weight} is its share of the mix on a line.
 *
 * <p>Immutable.
 */
public record KeypadScript(String name, double weight, List<String> answers) {
    public static final String TIMEOUT = "";
    public static final String HANG_UP = "hangup";

    public KeypadScript {
        Objects.requireNonNull(name, "name");
        answers = List.copyOf(answers);
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("keypad script " + name + ": weight must be >= 0");
        }
        for (String answer : answers) {
            if (!answer.equals(HANG_UP) && !answer.chars().allMatch(c -> "0123456789*#".indexOf(c) >= 0)) {
                throw new IllegalArgumentException("keypad script " + name + ": not digits: '" + answer + "'");
            }
        }
    }

    public static KeypadScript of(String name, double weight, String... answers) {
        return new KeypadScript(name, weight, List.of(answers));
    }
}
