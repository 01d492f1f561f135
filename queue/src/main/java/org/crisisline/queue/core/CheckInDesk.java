package org.crisisline.queue.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.event.Outcome.Rejection;
import org.crisisline.queue.event.QueueEvent.AlertReason;
import org.crisisline.queue.event.QueueEvent.ScreenResult;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.CheckInRef;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;

/**
 * Check-in series for people on waiting lists: one call at a time is scheduled, each joining the queue
 * a window before it is due; the last two calls give notice of the end; a series is shortened only by
 * making the next call the last one, with notice.
 */
final class CheckInDesk {
    private final QueueState state;
    private final Map<String, Series> series = new HashMap<>();
    /** The last screen result of each check-in in progress, so a repeated screen changes nothing. */
    private final Map<CallId, ScreenResult> screened = new HashMap<>();

    /** A series' progress: how many calls it now plans and how many have been made. */
    private record Series(CheckInPlan plan, int plannedCalls, int made) {
    }

    CheckInDesk(QueueState state) {
        this.state = state;
    }

    Refusal schedule(CheckInPlan plan, Instant now) {
        Series known = series.get(plan.seriesId());
        if (known != null) {
            return known.plan().equals(plan) ? null
                    : Refusal.of(Rejection.DUPLICATE_SERIES, "series " + plan.seriesId() + " exists with another plan");
        }
        series.put(plan.seriesId(), new Series(plan, plan.calls(), 0));
        state.emit(new QueueEvent.CheckInSeriesScheduled(now, plan.seriesId(), plan.person(), plan.firstDue(),
                plan.interval(), plan.calls()));
        scheduleCall(series.get(plan.seriesId()), 1, now);
        return null;
    }

    Refusal screen(CallId id, ScreenResult result, Instant now) {
        Optional<Call> found = state.find(id);
        if (found.isEmpty() || found.get().kind() != CallKind.CHECK_IN) {
            return Refusal.of(Rejection.UNKNOWN_CALL, "no open check-in " + id);
        }
        Call call = found.get();
        if (call.state() != CallState.CONNECTED) {
            return Refusal.of(Rejection.WRONG_STATE, "screen a check-in during the call");
        }
        if (screened.get(id) == result) {
            return null;
        }
        screened.put(id, result);
        String seriesId = call.checkIn().orElseThrow().seriesId();
        state.emit(new QueueEvent.CheckInScreened(now, id, seriesId, result));
        switch (result) {
            case DETERIORATED -> state.putRetiered(call.withTier(Tier.CRISIS));
            case URGENT -> {
                state.putRetiered(call.withTier(Tier.IMMEDIATE_RISK));
                state.emit(new QueueEvent.ClinicalLeadAlerted(now, AlertReason.CHECK_IN_DETERIORATION,
                        Optional.of(id), call.operative(), "check-in screen: at risk now, join the call"));
            }
            default -> { }
        }
        return null;
    }

    /** Ends a series early, never abruptly: the next call becomes the last and gives notice. */
    Refusal shorten(String seriesId, Actor by, String reason, Instant now) {
        Series s = series.get(seriesId);
        if (s == null) {
            return Refusal.of(Rejection.INVALID, "no check-in series " + seriesId);
        }
        int last = Math.min(s.plannedCalls(), s.made() + 1);
        if (last == s.plannedCalls()) {
            return null;
        }
        series.put(seriesId, new Series(s.plan(), last, s.made()));
        CallId nextCall = s.plan().callId(s.made() + 1);
        state.find(nextCall).ifPresent(call -> state.put(
                call.withCheckIn(new CheckInRef(seriesId, last, last, true))));
        state.emit(new QueueEvent.CheckInSeriesShortened(now, seriesId, last, by, reason));
        state.emit(new QueueEvent.OverrideRecorded(now, by, "shorten-check-ins", seriesId, reason));
        return null;
    }

    /** A check-in call ended (talked, or unreachable after every attempt): schedule the next, or end. */
    void callMade(Call call, Instant now) {
        screened.remove(call.id());
        CheckInRef ref = call.checkIn().orElseThrow();
        Series s = series.get(ref.seriesId());
        if (s == null) {
            return;
        }
        Series progressed = new Series(s.plan(), s.plannedCalls(), s.made() + 1);
        series.put(ref.seriesId(), progressed);
        if (progressed.made() >= progressed.plannedCalls()) {
            state.emit(new QueueEvent.CheckInSeriesEnded(now, ref.seriesId(), progressed.made()));
        } else {
            scheduleCall(progressed, progressed.made() + 1, now);
        }
    }

    private void scheduleCall(Series s, int number, Instant now) {
        CheckInPlan plan = s.plan();
        Instant due = plan.dueOf(number);
        Instant opens = due.minus(state.config.checkInWindow());
        boolean notice = number >= s.plannedCalls() - 1;
        CheckInRef ref = new CheckInRef(plan.seriesId(), number, s.plannedCalls(), notice);
        Call call = new Call(plan.callId(number), plan.person(), Line.OUTBOUND, CallSource.CHECK_IN,
                Tier.CHECK_IN, plan.language(), plan.flaggedHighRisk(), CallKind.CHECK_IN, opens,
                CallState.SCHEDULED, Optional.empty(), 0, Optional.of(due.plus(state.config.checkInWindow())),
                Optional.of(ref), Optional.empty(), false);
        state.put(call);
        state.timers.set(opens.isBefore(now) ? now : opens, Timers.Kind.CALL_DUE, call.id().value());
        state.timers.set(call.dueBy().orElseThrow(), Timers.Kind.CALLBACK_OVERDUE, call.id().value());
        state.emit(new QueueEvent.CheckInScheduled(now, call.id(), ref, due));
    }

    List<CoreImage.CheckInSeries> image() {
        List<CoreImage.CheckInSeries> image = new ArrayList<>();
        series.values().forEach(s -> image.add(new CoreImage.CheckInSeries(s.plan(), s.plannedCalls(), s.made())));
        image.sort(Comparator.comparing(s -> s.plan().seriesId()));
        return image;
    }

    List<CoreImage.Screened> screenedImage() {
        List<CoreImage.Screened> image = new ArrayList<>();
        screened.forEach((call, result) -> image.add(new CoreImage.Screened(call, result)));
        image.sort(Comparator.comparing(CoreImage.Screened::call));
        return image;
    }

    void restore(List<CoreImage.CheckInSeries> seriesImage, List<CoreImage.Screened> screenedImage) {
        seriesImage.forEach(s -> series.put(s.plan().seriesId(), new Series(s.plan(), s.plannedCalls(), s.made())));
        screenedImage.forEach(s -> screened.put(s.call(), s.result()));
    }
}
