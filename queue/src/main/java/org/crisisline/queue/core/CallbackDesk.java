package org.crisisline.queue.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisline.queue.callback.CallbackBooking;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.callback.CallbackSlots;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.config.CallbackRules;
import org.crisisline.queue.event.Outcome.Rejection;
import org.crisisline.queue.event.QueueEvent.AlertReason;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.policy.CallbackOfferRule;

/**
 * Callbacks: virtual hold (the caller keeps the place), slot bookings against rota capacity,
 * agent-first attempts, retries with spacing, and what happens to the unreachable: escalation to a
 * clinical lead for tier 1-2, flagged callers and check-ins; a recorded closure for tier 3.
 */
final class CallbackDesk {
    private final QueueState state;
    private final StaffDesk staff;
    private final CheckInDesk checkIns;
    private final CallbackSlots slots;
    private final CallbackOfferRule offerRule;
    private final CallbackRules rules;
    private Rota rota = Rota.empty();

    CallbackDesk(QueueState state, StaffDesk staff, CheckInDesk checkIns) {
        this.state = state;
        this.staff = staff;
        this.checkIns = checkIns;
        this.rules = state.config.callbacks();
        this.slots = new CallbackSlots(rules);
        this.offerRule = new CallbackOfferRule(state.config);
    }

    void setRota(Rota newRota) {
        this.rota = newRota;
    }

    Rota rota() {
        return rota;
    }

    List<CoreImage.SlotBooking> slotImage() {
        List<CoreImage.SlotBooking> image = new ArrayList<>();
        slots.bookings().forEach((start, booked) -> image.add(new CoreImage.SlotBooking(start, booked)));
        image.sort(Comparator.comparing(CoreImage.SlotBooking::slotStart));
        return image;
    }

    void restore(Rota imageRota, List<CoreImage.SlotBooking> bookings) {
        this.rota = imageRota;
        Map<Instant, Integer> booked = new HashMap<>();
        bookings.forEach(b -> booked.put(b.slotStart(), b.booked()));
        slots.restoreBookings(booked);
    }

    CallbackOfferRule.Decision offerFor(Call call, boolean riskQuestionPassed, Instant now) {
        if (call.kind() != CallKind.LIVE || !call.isWaiting()) {
            return new CallbackOfferRule.NoOffer("only a live caller who is waiting can be offered a callback");
        }
        return offerRule.decide(call.tier(), riskQuestionPassed, state.estimatedWait(call));
    }

    Refusal acceptVirtualHold(CallId id, Instant now) {
        Optional<Call> found = state.find(id);
        if (found.isEmpty()) {
            return Refusal.of(Rejection.UNKNOWN_CALL, "no open call " + id);
        }
        Call call = found.get();
        if (call.kind() == CallKind.VIRTUAL_HOLD) {
            return null;
        }
        Refusal refusal = mayTakeCallback(call);
        if (refusal != null) {
            return refusal;
        }
        Instant onTimeBy = now.plus(state.estimatedWait(call)).plus(rules.virtualHoldGrace());
        Call holding = call.onVirtualHold(onTimeBy);
        state.put(holding);
        state.timers.set(onTimeBy, Timers.Kind.CALLBACK_OVERDUE, id.value());
        state.emit(new QueueEvent.VirtualHoldAccepted(now, id, onTimeBy));
        return null;
    }

    List<CallbackSlot> offerSlots(Instant now) {
        return slots.offer(now, rota, state.roster.staffed());
    }

    Refusal bookSlot(CallId id, Instant slotStart, Instant now) {
        Optional<Call> found = state.find(id);
        if (found.isEmpty()) {
            return Refusal.of(Rejection.UNKNOWN_CALL, "no open call " + id);
        }
        Call call = found.get();
        if (call.kind() == CallKind.SLOT_CALLBACK && call.joinedAt().equals(slotStart)) {
            return null;
        }
        Refusal refusal = mayTakeCallback(call);
        if (refusal != null) {
            return refusal;
        }
        if (!slots.isBookable(slotStart, now, rota, state.roster.staffed())) {
            return Refusal.of(Rejection.SLOT_FULL, "the slot at " + slotStart + " is not offered or has no room");
        }
        CallbackSlot slot = takeSlot(slotStart);
        schedule(call.bookedInto(slot.start(), slot.end()), slot);
        state.emit(new QueueEvent.CallbackBooked(now, id, slot.start(), slot.end()));
        return null;
    }

    /**
     * A callback the operative booked at the end of a call: a new call in the slot, so the caller's own
     * call (connected or ended) is untouched. Refused, changing nothing, when callbacks are off, for tier 1
     * (who stays live: DOMAIN.md's tier table) and the check-in tier, and when the slot is not offered or is full.
     */
    Refusal bookAfterCall(CallbackBooking booking, Instant now) {
        CallId id = booking.callback();
        Optional<Call> known = state.find(id);
        if (known.isPresent()) {
            return known.get().kind() == CallKind.SLOT_CALLBACK && known.get().joinedAt().equals(booking.slotStart())
                    ? null : Refusal.of(Rejection.INVALID, "booking " + id + " exists with another slot");
        }
        if (state.hasEnded(id)) {
            return null;
        }
        if (!state.config.callbacksOffered()) {
            return Refusal.of(Rejection.CALLBACKS_NOT_OFFERED, "callbacks are switched off");
        }
        if (booking.tier() == Tier.IMMEDIATE_RISK || booking.tier() == Tier.CHECK_IN) {
            return Refusal.of(Rejection.NOT_ALLOWED_FOR_TIER,
                    "a callback is booked for a tier-2 or tier-3 caller (re-tier a tier-1 caller first)");
        }
        if (!slots.isBookable(booking.slotStart(), now, rota, state.roster.staffed())) {
            return Refusal.of(Rejection.SLOT_FULL, "the slot at " + booking.slotStart() + " is not offered or has no room");
        }
        CallbackSlot slot = takeSlot(booking.slotStart());
        Call scheduled = new Call(id, booking.caller(), Line.OUTBOUND, CallSource.CALLBACK, booking.tier(),
                booking.language(), booking.flaggedHighRisk(), CallKind.SLOT_CALLBACK, slot.start(), CallState.SCHEDULED,
                Optional.empty(), 0, Optional.of(slot.end()), Optional.empty(), Optional.empty(), false);
        schedule(scheduled, slot);
        state.emit(new QueueEvent.CallbackBookedAfterCall(now, scheduled));
        return null;
    }

    /** Books a place in the slot starting at {@code slotStart}, which has room. */
    private CallbackSlot takeSlot(Instant slotStart) {
        CallbackSlot slot = slots.slotAt(slotStart, rota, state.roster.staffed());
        slots.book(slotStart);
        return slot;
    }

    /** Keeps a slot callback until its slot opens, and watches that it is tried within the slot. */
    private void schedule(Call booked, CallbackSlot slot) {
        state.put(booked);
        state.timers.set(slot.start(), Timers.Kind.CALL_DUE, booked.id().value());
        state.timers.set(slot.end(), Timers.Kind.CALLBACK_OVERDUE, booked.id().value());
    }

    private Refusal mayTakeCallback(Call call) {
        if (!state.config.callbacksOffered()) {
            return Refusal.of(Rejection.CALLBACKS_NOT_OFFERED, "callbacks are switched off");
        }
        if (call.tier() == Tier.IMMEDIATE_RISK) {
            return Refusal.of(Rejection.NOT_ALLOWED_FOR_TIER, "a tier-1 caller stays live until answered");
        }
        if (call.kind() != CallKind.LIVE || !call.isWaiting()) {
            return Refusal.of(Rejection.WRONG_STATE, call.id() + " is not a live caller waiting");
        }
        return null;
    }

    /** A CALL_DUE timer fired: a booked slot opened or a retry came round. */
    void due(CallId id, Instant at) {
        state.find(id).filter(c -> c.state() == CallState.SCHEDULED).ifPresent(call -> {
            Call waiting = call.withState(CallState.WAITING);
            state.put(waiting);
            state.emit(new QueueEvent.CallbackDue(at, id, call.kind(), call.attempts() + 1));
            // Its answer target (the reserve) and language wait count from now on: dispatch must look again then.
            CallDesk.watchThresholds(state, waiting, at);
        });
    }

    /** A CALLBACK_OVERDUE timer fired: alert if the first attempt has still not been made. */
    void overdue(CallId id, Instant at) {
        state.find(id)
                .filter(c -> c.kind().isAgentFirst() && c.attempts() == 0 && c.state() != CallState.CONNECTED)
                .filter(c -> c.dueBy().map(due -> !due.isAfter(at)).orElse(false))
                .ifPresent(c -> state.emit(new QueueEvent.ClinicalLeadAlerted(at, AlertReason.CALLBACK_OVERDUE,
                        Optional.of(id), Optional.empty(), c.kind() + " not yet tried, due by " + c.dueBy().get())));
    }

    /**
     * A clinical lead cancels a booked callback (virtual hold or slot) that is waiting or scheduled: it ends
     * with {@code CallbackCancelled} and the override is recorded. One being dialled now is refused (the lead
     * waits for that attempt to end); a check-in is refused (a series is shortened, with notice); a callback
     * already ended changes nothing, so a repeat is harmless.
     */
    Refusal cancel(CallId id, Actor by, String reason, Instant now) {
        if (by.role() != Actor.Role.CLINICAL_LEAD) {
            return Refusal.of(Rejection.INVALID, "only a clinical lead cancels a callback");
        }
        Optional<Call> found = state.find(id);
        if (found.isEmpty()) {
            return state.hasEnded(id) ? null : Refusal.of(Rejection.UNKNOWN_CALL, "no call " + id);
        }
        Call call = found.get();
        if (call.kind() != CallKind.VIRTUAL_HOLD && call.kind() != CallKind.SLOT_CALLBACK) {
            return Refusal.of(Rejection.INVALID, id + " is a " + call.kind() + " call, not a booked callback");
        }
        if (!call.isPendingCallback()) {
            return Refusal.of(Rejection.WRONG_STATE, id + " is being made now (" + call.state() + ")");
        }
        state.end(call);
        state.emit(new QueueEvent.CallbackCancelled(now, id, call.caller(), by, reason));
        state.emit(new QueueEvent.OverrideRecorded(now, by, "cancel-callback", id.value(), reason));
        return null;
    }

    /**
     * The operative's leg was up but the caller did not answer: the operative is free again; the
     * caller is tried again later, or, after the last attempt, escalated or closed with a record.
     */
    Refusal callerUnreachable(CallId id, String reason, Instant now) {
        Optional<Call> found = state.find(id);
        if (found.isEmpty()) {
            return state.hasEnded(id) ? null : Refusal.of(Rejection.UNKNOWN_CALL, "no call " + id);
        }
        Call call = found.get();
        if (!call.kind().isAgentFirst() || call.state() != CallState.OFFERED) {
            return call.state() == CallState.SCHEDULED ? null
                    : Refusal.of(Rejection.WRONG_STATE, id + " is not an agent-first call being made");
        }
        staff.release(call.operative().orElseThrow(), OperativeState.AVAILABLE, now);
        state.emit(new QueueEvent.CallbackAttemptFailed(now, id, call.attempts(), reason));
        if (call.attempts() < rules.maxAttempts()) {
            Instant retryAt = now.plus(rules.retrySpacing());
            state.put(call.backInQueue(CallState.SCHEDULED));
            state.timers.set(retryAt, Timers.Kind.CALL_DUE, id.value());
            state.emit(new QueueEvent.CallbackRetryScheduled(now, id, retryAt, call.attempts() + 1));
            return null;
        }
        state.end(call);
        if (mustEscalate(call)) {
            state.emit(new QueueEvent.CallbackEscalated(now, id, call.caller(), call.tier(), call.attempts()));
            state.emit(new QueueEvent.ClinicalLeadAlerted(now, AlertReason.CALLBACK_UNREACHABLE, Optional.of(id),
                    Optional.empty(), "unreachable after " + call.attempts() + " attempts"));
        } else {
            state.emit(new QueueEvent.CallbackClosedUnreachable(now, id, call.caller(), call.tier(),
                    call.attempts()));
        }
        if (call.kind() == CallKind.CHECK_IN) {
            checkIns.callMade(call, now);
        }
        return null;
    }

    /** Tier 1-2, flagged callers and people on waiting lists are never closed without a lead's decision. */
    private static boolean mustEscalate(Call call) {
        return call.tier() != Tier.SUPPORT || call.flaggedHighRisk();
    }
}
