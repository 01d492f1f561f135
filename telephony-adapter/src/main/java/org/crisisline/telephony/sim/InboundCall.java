package org.crisisline.telephony.sim;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One simulated inbound call: the caller's phone ({@code ;1}) and the inbound channel that runs the
 * helpline dialplan ({@code ;2}, the channel Crisisline redirects), the caller's keypad answers,
 * where in the dialplan the call is, and its pending timers.
 *
 * <p>Mutable; the model's thread only.
 */
final class InboundCall {
    /** Where the inbound channel is in the simulated dialplan. */
    enum Stage { IVR, HOLD, ANNOUNCE, CONNECTING, TALKING, FALLBACK_QUEUE, FAR_END, LEAVING, ENDED }

    private final HelplineLine line;
    private final KeypadScript script;
    private final SimChannel phone;
    private final SimChannel inbound;
    private final Deque<String> answers;
    private Stage stage = Stage.IVR;
    private SimScheduler.Timer stageTimer;
    private SimScheduler.Timer patienceTimer;
    private EndpointDialer.Attempt dial;
    private Runnable callerGoneListener = () -> { };

    InboundCall(HelplineLine line, KeypadScript script, SimChannel phone, SimChannel inbound) {
        this.line = line;
        this.script = script;
        this.phone = phone;
        this.inbound = inbound;
        this.answers = new ArrayDeque<>(script.answers());
    }

    HelplineLine line() {
        return line;
    }

    KeypadScript script() {
        return script;
    }

    SimChannel phone() {
        return phone;
    }

    SimChannel inbound() {
        return inbound;
    }

    /** The caller's next keypad answer, or {@link KeypadScript#TIMEOUT} once they run out. */
    String nextAnswer() {
        return answers.isEmpty() ? KeypadScript.TIMEOUT : answers.poll();
    }

    Stage stage() {
        return stage;
    }

    boolean isOver() {
        return stage == Stage.ENDED || inbound.isHungUp();
    }

    /** Moves to a stage, cancelling the old stage's timer and abandoning its dial. */
    void stage(Stage next) {
        if (stageTimer != null) {
            stageTimer.cancel();
            stageTimer = null;
        }
        if (dial != null) {
            EndpointDialer.Attempt attempt = dial;
            dial = null;
            attempt.cancel();
        }
        this.stage = next;
    }

    void stageTimer(SimScheduler.Timer timer) {
        this.stageTimer = timer;
    }

    void dial(EndpointDialer.Attempt attempt) {
        this.dial = attempt;
    }

    /** The dial finished by itself: nothing to cancel any more. */
    void dialFinished() {
        this.dial = null;
    }

    boolean hasPatienceTimer() {
        return patienceTimer != null;
    }

    void patienceTimer(SimScheduler.Timer timer) {
        this.patienceTimer = timer;
    }

    void stopPatience() {
        if (patienceTimer != null) {
            patienceTimer.cancel();
        }
    }

    /** The AGI session listens, to send its asynchronous {@code HANGUP} line. */
    void onCallerGone(Runnable listener) {
        this.callerGoneListener = listener;
    }

    void callerGone() {
        callerGoneListener.run();
    }
}
