package org.crisisline.load.sim.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisisline.queue.core.QueueCore;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Tier;

/**
 * Measures a simulated day from the core's own events, the way a lead's dashboard would: every
 * caller's wait and ending, callbacks' timeliness, and each operative's load, tier-1 runs and
 * interrupted recoveries. It reads the core (loads, operatives, calls) only while handling an event,
 * at that event's instant. Not thread-safe: one simulated day owns it.
 */
public final class OutcomeRecorder {
    private final QueueCore core;
    private final Map<CallId, CallTrack> calls = new LinkedHashMap<>();
    private final Map<OperativeId, OperativeTrack> operatives = new LinkedHashMap<>();
    private int resolved;

    public OutcomeRecorder(QueueCore core) {
        this.core = core;
    }

    /** Calls (live and check-in) that have reached an ending. */
    public int resolved() {
        return resolved;
    }

    public void record(List<QueueEvent> events) {
        for (QueueEvent event : events) {
            record(event);
        }
    }

    private void record(QueueEvent event) {
        if (event instanceof QueueEvent.CallerQueued e) {
            Call call = e.call();
            calls.put(call.id(), new CallTrack(call.tier(), call.language()));
        } else if (event instanceof QueueEvent.CheckInScheduled e) {
            Call call = core.call(e.call()).orElseThrow();
            CallTrack track = new CallTrack(Tier.CHECK_IN, call.language());
            track.dueBy = call.dueBy().orElseThrow();
            calls.put(e.call(), track);
        } else if (event instanceof QueueEvent.VirtualHoldAccepted e) {
            CallTrack track = calls.get(e.call());
            track.tookCallback = true;
            track.dueBy = e.onTimeBy();
        } else if (event instanceof QueueEvent.OperativeAssigned e) {
            assigned(e);
        } else if (event instanceof QueueEvent.CallConnected e) {
            connected(e);
        } else if (event instanceof QueueEvent.CallCompleted e) {
            resolve(e.call(), Resolution.ANSWERED);
            OperativeTrack staff = operative(e.operative());
            // Load is added as a call ends and only decays afterwards: this is the operative's peak so far.
            staff.peakLoad = Math.max(staff.peakLoad, core.loadOf(e.operative()));
        } else if (event instanceof QueueEvent.CallerAbandoned e) {
            calls.get(e.call()).waited = e.waited();
            resolve(e.call(), Resolution.ABANDONED);
        } else if (event instanceof QueueEvent.CallbackEscalated e) {
            resolve(e.call(), Resolution.UNREACHABLE);
        } else if (event instanceof QueueEvent.CallbackClosedUnreachable e) {
            resolve(e.call(), Resolution.UNREACHABLE);
        } else if (event instanceof QueueEvent.CallbackSuperseded e) {
            resolve(e.call(), Resolution.SUPERSEDED);
        } else if (event instanceof QueueEvent.RecoveryInterrupted e) {
            operative(e.operative()).interruptions++;
        } else if (event instanceof QueueEvent.OperativeStateChanged e) {
            operative(e.operative());
        }
    }

    private void assigned(QueueEvent.OperativeAssigned e) {
        CallTrack track = calls.get(e.call());
        track.offeredWithInterpreter = e.interpreter();
        if (e.kind().isAgentFirst() && track.firstAttempt == null) {
            track.firstAttempt = e.at();
        }
    }

    private void connected(QueueEvent.CallConnected e) {
        CallTrack track = calls.get(e.call());
        Operative op = core.operative(e.operative()).orElseThrow();
        track.waited = e.waited();
        track.byClinician = op.isClinical();
        track.interpreter = track.offeredWithInterpreter;
        if (e.tier() == Tier.IMMEDIATE_RISK) {
            OperativeTrack staff = operative(op.id());
            staff.longestTierOneRun = Math.max(staff.longestTierOneRun, op.consecutiveTierOne());
        }
    }

    private void resolve(CallId id, Resolution resolution) {
        CallTrack track = calls.get(id);
        if (track.resolution == Resolution.UNRESOLVED) {
            resolved++;
        }
        track.resolution = resolution;
    }

    private OperativeTrack operative(OperativeId id) {
        return operatives.computeIfAbsent(id,
                key -> new OperativeTrack(core.operative(key).orElseThrow().isClinical()));
    }

    /** The day's measurements; calls still open count as {@link Resolution#UNRESOLVED}. */
    public DayResult result(long seed) {
        List<CallerOutcome> callers = new ArrayList<>(calls.size());
        for (CallTrack track : calls.values()) {
            callers.add(track.outcome());
        }
        List<OperativeOutcome> staff = new ArrayList<>(operatives.size());
        operatives.forEach((id, track) -> staff.add(new OperativeOutcome(id, track.clinical, track.peakLoad,
                track.longestTierOneRun, track.interruptions)));
        return new DayResult(seed, callers, staff);
    }

    /** One call as measured so far. */
    private static final class CallTrack {
        final Tier tier;
        final Language language;
        Resolution resolution = Resolution.UNRESOLVED;
        Duration waited = Duration.ZERO;
        boolean tookCallback;
        Instant dueBy;
        Instant firstAttempt;
        boolean offeredWithInterpreter;
        boolean interpreter;
        boolean byClinician;

        CallTrack(Tier tier, Language language) {
            this.tier = tier;
            this.language = language;
        }

        CallerOutcome outcome() {
            return new CallerOutcome(tier, language, resolution, waited, tookCallback, firstAttempt(), byClinician,
                    interpreter);
        }

        private FirstAttempt firstAttempt() {
            if (dueBy == null) {
                return FirstAttempt.NOT_APPLICABLE;
            }
            if (firstAttempt == null) {
                return FirstAttempt.NEVER_TRIED;
            }
            return firstAttempt.isAfter(dueBy) ? FirstAttempt.LATE : FirstAttempt.ON_TIME;
        }
    }

    /** One operative's shift as measured so far. */
    private static final class OperativeTrack {
        final boolean clinical;
        double peakLoad;
        int longestTierOneRun;
        int interruptions;

        OperativeTrack(boolean clinical) {
            this.clinical = clinical;
        }
    }
}
