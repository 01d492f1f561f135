package org.crisisline.server.http.operative;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.crisisline.queue.callback.CallbackBooking;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.callback.CallbackNumbers;
import org.crisisline.server.http.QueueAccess;

/**
 * Books what an outcome's {@code callback} and {@code check-in} pathways ask for ({@link FollowUpRequests}):
 * the number is kept through {@link CallbackNumbers} (encrypted in Redis when the server runs on Redis) under
 * each call that will dial it, then the queue is told ({@code BookCallbackAfterCall}, {@code ScheduleCheckIns});
 * the routing loop makes the calls agent-first when they are due, and forgets each number when its call is over.
 *
 * <p>Ids come from the call the outcome is about ({@code <call>/callback}, {@code <call>/check-ins}), so the same
 * outcome again books nothing twice. A refusal forgets the numbers just kept, unless the refusal is that another
 * booking already holds the id (409 {@code already-booked}: that booking stays, with the number just confirmed). A full or unoffered slot is 422
 * {@code slot-full} with the queue's reason. Numbers are never logged. Event loop only.
 */
final class FollowUpBookings {
    private final QueueAccess queue;
    private final CallbackNumbers numbers;

    FollowUpBookings(QueueAccess queue, CallbackNumbers numbers) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
    }

    /** Books each request in turn; the answer describes each booking (never its number). */
    Future<JsonArray> book(Context context, Call call, List<FollowUpRequests.Request> requests) {
        Future<JsonArray> booked = Future.succeededFuture(new JsonArray());
        for (FollowUpRequests.Request request : requests) {
            booked = booked.compose(done -> bookOne(context, call, request).map(done::add));
        }
        return booked;
    }

    private Future<JsonObject> bookOne(Context context, Call call, FollowUpRequests.Request request) {
        if (request instanceof FollowUpRequests.Callback callback) {
            CallId id = CallId.of(call.id().value() + "/callback");
            QueueCommand command = new QueueCommand.BookCallbackAfterCall(new CallbackBooking(id, call.caller(),
                    call.tier(), call.language(), call.flaggedHighRisk(), callback.slotStart()));
            return keepThenRun(context, Map.of(id, callback.slotStart()), request, command)
                    .map(new JsonObject().put("type", "callback").put("id", id.value())
                            .put("slotStart", callback.slotStart().toString()));
        }
        FollowUpRequests.CheckIns checkIns = (FollowUpRequests.CheckIns) request;
        CheckInPlan plan = new CheckInPlan(call.id().value() + "/check-ins", call.caller(), call.language(),
                call.flaggedHighRisk(), checkIns.firstCall(), checkIns.every(), checkIns.calls());
        Map<CallId, Instant> dialled = new LinkedHashMap<>();
        IntStream.rangeClosed(1, plan.calls()).forEach(n -> dialled.put(plan.callId(n), plan.dueOf(n)));
        return keepThenRun(context, dialled, request, new QueueCommand.ScheduleCheckIns(plan))
                .map(new JsonObject().put("type", "check-in").put("series", plan.seriesId())
                        .put("firstCall", plan.firstDue().toString()).put("everyDays", plan.interval().toDays())
                        .put("calls", plan.calls()));
    }

    /**
     * The numbers are kept first, as for the IVR's bookings: once the queue has the booking, its call may come
     * due on any node, which must find the number.
     */
    private Future<Void> keepThenRun(Context context, Map<CallId, Instant> dialled, FollowUpRequests.Request request,
            QueueCommand command) {
        return Future.all(dialled.entrySet().stream()
                        .map(due -> Future.fromCompletionStage(request.number().keepIn(numbers, due.getKey(),
                                due.getValue()), context))
                        .toList())
                .recover(notKept -> Future.failedFuture(new ApiError(503, "numbers-unavailable",
                        "The callback number could not be kept; nothing was booked. Try again.")))
                .compose(kept -> queue.execute(command))
                .compose(outcome -> outcome instanceof Outcome.Rejected rejected
                        ? forgetUnlessHeld(context, List.copyOf(dialled.keySet()), rejected).compose(v -> Future.failedFuture(refusal(rejected)))
                        : Future.succeededFuture());
    }

    private Future<Void> forgetUnlessHeld(Context context, List<CallId> dialled, Outcome.Rejected rejected) {
        if (heldByAnotherBooking(rejected)) {
            return Future.succeededFuture();
        }
        return Future.all(dialled.stream().map(id -> Future.fromCompletionStage(numbers.forget(id), context)).toList())
                .mapEmpty();
    }

    /** The booking's id is taken by an earlier booking of this call: that booking and its number stay. */
    private static boolean heldByAnotherBooking(Outcome.Rejected rejected) {
        return rejected.reason() == Outcome.Rejection.INVALID || rejected.reason() == Outcome.Rejection.DUPLICATE_SERIES;
    }

    private static ApiError refusal(Outcome.Rejected rejected) {
        if (rejected.reason() == Outcome.Rejection.SLOT_FULL) {
            return new ApiError(422, "slot-full", rejected.detail());
        }
        if (heldByAnotherBooking(rejected)) {
            return new ApiError(409, "already-booked", "This call's outcome already booked another "
                    + "follow-up: " + rejected.detail());
        }
        return QueueAccess.refusal(rejected);
    }
}
