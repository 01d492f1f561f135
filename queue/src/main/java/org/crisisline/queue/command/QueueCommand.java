package org.crisisline.queue.command;

import java.time.Instant;
import java.util.Objects;
import org.crisisline.queue.callback.CallbackBooking;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.core.QueueCore;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent.ScreenResult;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;

/**
 * A change to the queue, as data: what adapters send to a store, what a store applies to the core.
 * Names are imperative. Every command is idempotent by the call, operative or series it names:
 * applied twice, it changes nothing the second time.
 */
public sealed interface QueueCommand {
    /** Applies this command to a core and returns what happened. */
    Outcome applyTo(QueueCore core);

    record Enqueue(Call call) implements QueueCommand {
        public Enqueue {
            Objects.requireNonNull(call, "call");
        }

        public Outcome applyTo(QueueCore core) {
            return core.enqueue(call);
        }
    }

    record Retier(CallId call, Tier tier, Actor by, String reason) implements QueueCommand {
        public Retier {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(reason, "reason");
        }

        public Outcome applyTo(QueueCore core) {
            return core.retier(call, tier, by, reason);
        }
    }

    record MarkConnected(CallId call) implements QueueCommand {
        public MarkConnected {
            Objects.requireNonNull(call, "call");
        }

        public Outcome applyTo(QueueCore core) {
            return core.connected(call);
        }
    }

    /** The operative named did not answer the call offered to them. */
    record MarkOfferNotAnswered(CallId call, OperativeId operative) implements QueueCommand {
        public MarkOfferNotAnswered {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(operative, "operative");
        }

        public Outcome applyTo(QueueCore core) {
            return core.offerNotAnswered(call, operative);
        }
    }

    record EndCall(CallId call) implements QueueCommand {
        public EndCall {
            Objects.requireNonNull(call, "call");
        }

        public Outcome applyTo(QueueCore core) {
            return core.callEnded(call);
        }
    }

    record AcceptVirtualHold(CallId call) implements QueueCommand {
        public AcceptVirtualHold {
            Objects.requireNonNull(call, "call");
        }

        public Outcome applyTo(QueueCore core) {
            return core.acceptVirtualHold(call);
        }
    }

    record BookSlot(CallId call, Instant slotStart) implements QueueCommand {
        public BookSlot {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(slotStart, "slotStart");
        }

        public Outcome applyTo(QueueCore core) {
            return core.bookSlot(call, slotStart);
        }
    }

    /**
     * An operative booked a callback slot for a caller whose call is connected or has just ended (so not
     * waiting, unlike {@link BookSlot}): a new agent-first call made within that slot, checked against the
     * slot's capacity as an IVR booking is. Idempotent by the booking's id: the same booking again changes
     * nothing; another slot under that id is refused.
     */
    record BookCallbackAfterCall(CallbackBooking booking) implements QueueCommand {
        public BookCallbackAfterCall {
            Objects.requireNonNull(booking, "booking");
        }

        public Outcome applyTo(QueueCore core) {
            return core.bookCallbackAfterCall(booking);
        }
    }

    record MarkCallerUnreachable(CallId call, String reason) implements QueueCommand {
        public MarkCallerUnreachable {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(reason, "reason");
        }

        public Outcome applyTo(QueueCore core) {
            return core.callerUnreachable(call, reason);
        }
    }

    record ScheduleCheckIns(CheckInPlan plan) implements QueueCommand {
        public ScheduleCheckIns {
            Objects.requireNonNull(plan, "plan");
        }

        public Outcome applyTo(QueueCore core) {
            return core.scheduleCheckIns(plan);
        }
    }

    record ScreenCheckIn(CallId call, ScreenResult result) implements QueueCommand {
        public ScreenCheckIn {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(result, "result");
        }

        public Outcome applyTo(QueueCore core) {
            return core.screenCheckIn(call, result);
        }
    }

    record ShortenCheckIns(String seriesId, Actor by, String reason) implements QueueCommand {
        public ShortenCheckIns {
            Objects.requireNonNull(seriesId, "seriesId");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(reason, "reason");
        }

        public Outcome applyTo(QueueCore core) {
            return core.shortenCheckIns(seriesId, by, reason);
        }
    }

    record LogOn(OperativeId operative, Skills skills) implements QueueCommand {
        public LogOn {
            Objects.requireNonNull(operative, "operative");
            Objects.requireNonNull(skills, "skills");
        }

        public Outcome applyTo(QueueCore core) {
            return core.logOn(operative, skills);
        }
    }

    record LogOff(OperativeId operative) implements QueueCommand {
        public LogOff {
            Objects.requireNonNull(operative, "operative");
        }

        public Outcome applyTo(QueueCore core) {
            return core.logOff(operative);
        }
    }

    record MarkReady(OperativeId operative) implements QueueCommand {
        public MarkReady {
            Objects.requireNonNull(operative, "operative");
        }

        public Outcome applyTo(QueueCore core) {
            return core.ready(operative);
        }
    }

    record Pause(OperativeId operative, OperativeState block, Actor by, String reason) implements QueueCommand {
        public Pause {
            Objects.requireNonNull(operative, "operative");
            Objects.requireNonNull(block, "block");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(reason, "reason");
        }

        public Outcome applyTo(QueueCore core) {
            return core.pause(operative, block, by, reason);
        }
    }

    record TakeCall(CallId call, OperativeId operative, Actor by, String reason) implements QueueCommand {
        public TakeCall {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(operative, "operative");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(reason, "reason");
        }

        public Outcome applyTo(QueueCore core) {
            return core.takeCall(call, operative, by, reason);
        }
    }

    /**
     * A clinical lead cancels a callback that is booked but not being made (virtual hold or slot), with a reason:
     * the person will not be rung. Check-ins are not cancelled this way (a series is shortened, with notice).
     */
    record CancelCallback(CallId call, Actor by, String reason) implements QueueCommand {
        public CancelCallback {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(reason, "reason");
        }

        public Outcome applyTo(QueueCore core) {
            return core.cancelCallback(call, by, reason);
        }
    }

    /** The staff rota that callback slot capacity comes from. */
    record SetRota(Rota rota) implements QueueCommand {
        public SetRota {
            Objects.requireNonNull(rota, "rota");
        }

        public Outcome applyTo(QueueCore core) {
            return core.setRota(rota);
        }
    }

    /** Lets time pass: due deadlines fire and the dispatcher runs. */
    record Tick() implements QueueCommand {
        public Outcome applyTo(QueueCore core) {
            return core.tick();
        }
    }
}
