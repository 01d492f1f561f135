package org.crisisline.telephony.agi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What the caller does at each {@code GET DATA}, in order: keys, {@link #TIMEOUT} (no key) or
 * {@link #HANG_UP}. When the script runs out, every further question times out. Not thread-safe:
 * one fake call uses it.
 */
final class Keypad {
    static final String TIMEOUT = "<timeout>";
    static final String HANG_UP = "<hang up>";
    private static final String THEN_HANG_UP = "<then hang up>";

    private final Deque<String> presses;

    private Keypad(List<String> presses) {
        this.presses = new ArrayDeque<>(presses);
    }

    static Keypad press(String... presses) {
        return new Keypad(List.of(presses));
    }

    /** Press these keys, then hang up before the next command (e.g. while the IVR waits on the queue). */
    static String thenHangUp(String keys) {
        return keys + THEN_HANG_UP;
    }

    static boolean hangsUpAfter(String press) {
        return press.endsWith(THEN_HANG_UP);
    }

    static String keysOf(String press) {
        return hangsUpAfter(press) ? press.substring(0, press.length() - THEN_HANG_UP.length()) : press;
    }

    String next() {
        return presses.isEmpty() ? TIMEOUT : presses.poll();
    }
}
