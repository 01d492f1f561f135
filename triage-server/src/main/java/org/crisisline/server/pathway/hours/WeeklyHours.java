package org.crisisline.server.pathway.hours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Weekly opening hours in a time zone (Europe/London for every partner in England), with dated
 * closures (bank holidays, a café's volunteer shortage). Local times are read in the zone on the day,
 * so 18:00 stays 18:00 on the wall across a BST/GMT change; a time skipped by the spring change is moved
 * later by the length of the gap, as {@code java.time} does (01:30 opens at 02:30 BST). A closure on a date removes the sessions that open on that date.
 * Immutable and thread-safe.
 */
public record WeeklyHours(ZoneId zone, List<OpeningSpan> spans, Set<LocalDate> closedOn) {
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    public WeeklyHours {
        Objects.requireNonNull(zone, "zone");
        spans = List.copyOf(spans);
        closedOn = Set.copyOf(closedOn);
    }

    public static WeeklyHours inEngland(List<OpeningSpan> spans) {
        return new WeeklyHours(ENGLAND, spans, Set.of());
    }

    public WeeklyHours withClosure(LocalDate date) {
        Set<LocalDate> more = new TreeSet<>(closedOn);
        more.add(date);
        return new WeeklyHours(zone, spans, more);
    }

    /** The session open at {@code instant}, if any. */
    public Optional<Session> sessionAt(Instant instant) {
        return sessionsOverlapping(instant, instant).stream().filter(s -> s.contains(instant)).findFirst();
    }

    public boolean isOpenAt(Instant instant) {
        return sessionAt(instant).isPresent();
    }

    /** The next session to open strictly after {@code instant}, looking up to two weeks ahead. */
    public Optional<Session> nextOpeningAfter(Instant instant) {
        return sessionsOverlapping(instant, instant.plus(Duration.ofDays(14))).stream()
                .filter(s -> s.start().toInstant().isAfter(instant))
                .findFirst();
    }

    /** Sessions (not closed) that are still open at or after {@code from} and start no later than {@code to}, in order. */
    private List<Session> sessionsOverlapping(Instant from, Instant to) {
        // A session can start the local day before "from" (overnight), so look one day back.
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        List<Session> found = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (closedOn.contains(date)) {
                continue;
            }
            for (OpeningSpan span : spans) {
                if (span.day() == date.getDayOfWeek()) {
                    Session session = sessionOn(date, span);
                    if (session.end().toInstant().isAfter(from) && !session.start().toInstant().isAfter(to)) {
                        found.add(session);
                    }
                }
            }
        }
        found.sort(null);
        return found;
    }

    private Session sessionOn(LocalDate date, OpeningSpan span) {
        ZonedDateTime start = ZonedDateTime.of(date, span.opens(), zone);
        ZonedDateTime end = ZonedDateTime.of(span.isOvernight() ? date.plusDays(1) : date, span.closes(), zone);
        return new Session(start, end);
    }
}
