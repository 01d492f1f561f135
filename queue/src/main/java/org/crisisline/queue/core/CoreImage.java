package org.crisisline.queue.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.event.QueueEvent.ScreenResult;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Operative;

/**
 * Everything a {@link QueueCore} knows, as plain values: what a durable store saves so that a core
 * can be rebuilt after a restart ({@link QueueCore#restore}) exactly as it was. Every list is in a
 * deterministic order, so two cores that applied the same commands have equal images.
 *
 * @param loadEpoch         the emotional load model's epoch (operatives' load scores are relative to it)
 * @param meanHandleSeconds the wait estimator's running mean handle time
 * @param openCalls         every open call, by id (the waiting line is rebuilt from their place keys)
 * @param recentlyEnded     calls that ended recently, oldest first (so repeats still change nothing)
 * @param operatives        every operative, by id
 * @param deadlines         pending deadlines in firing order, and the sequence number of the next one
 */
public record CoreImage(
        Instant loadEpoch,
        double meanHandleSeconds,
        List<Call> openCalls,
        List<CallId> recentlyEnded,
        List<Operative> operatives,
        List<Deadline> deadlines,
        long nextDeadlineSequence,
        Rota rota,
        List<SlotBooking> slotBookings,
        List<CheckInSeries> checkInSeries,
        List<Screened> screened) {

    public CoreImage {
        Objects.requireNonNull(loadEpoch, "loadEpoch");
        Objects.requireNonNull(rota, "rota");
        openCalls = List.copyOf(openCalls);
        recentlyEnded = List.copyOf(recentlyEnded);
        operatives = List.copyOf(operatives);
        deadlines = List.copyOf(deadlines);
        slotBookings = List.copyOf(slotBookings);
        checkInSeries = List.copyOf(checkInSeries);
        screened = List.copyOf(screened);
    }

    /** A deadline: when, its place among deadlines set at the same moment, what for and about whom. */
    public record Deadline(Instant at, long sequence, String kind, String ref) {
    }

    public record SlotBooking(Instant slotStart, int booked) {
    }

    public record CheckInSeries(CheckInPlan plan, int plannedCalls, int made) {
    }

    /** The last screen result of a check-in in progress. */
    public record Screened(CallId call, ScreenResult result) {
    }
}
