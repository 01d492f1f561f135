package org.crisisline.load.sim.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crisisline.load.sim.day.DaySpec;
import org.crisisline.load.sim.day.DaySpec.RotaSpec;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;

/**
 * Turns operatives-per-hour into shifts of named operatives with skills, the same way for every
 * strategy.
 *
 * <p>The rota is a set of <em>positions</em> (seats) in two pools, clinical and not. Each hour,
 * {@code round(clinicalShare * n)} clinical seats and the rest non-clinical seats are staffed, always
 * the lowest-numbered ones, so a count going up means people logging on and a count going down means
 * people logging off. A seat's languages are fixed: {@code languageSkills} speakers of each language
 * go to the seats staffed for the most hours (non-clinical first), so a speaker is on shift whenever
 * enough people are. A seat staffed for longer than {@code shiftLength} is handed over between people
 * in shifts of as equal length as whole hours allow. Breaks fall every {@code breakEvery} into a
 * shift, when the whole break fits before the shift ends.
 */
public final class ShiftPlanner {
    private final RotaSpec spec;
    private final int shiftHours;

    public ShiftPlanner(RotaSpec spec) {
        this.spec = spec;
        this.shiftHours = (int) spec.shiftLength().toHours();
    }

    /** Shifts for {@code hours} hours from {@code midnight} (more than a day lets the last callers drain). */
    public StaffPlan plan(HourlyRota rota, Instant midnight, int hours) {
        List<Seat> seats = seats(rota, hours);
        assignLanguages(seats);
        List<Shift> shifts = new ArrayList<>();
        for (Seat seat : seats) {
            shifts.addAll(shiftsOf(seat, midnight));
        }
        shifts.sort(Comparator.comparing(Shift::start).thenComparing(Shift::operative));
        return new StaffPlan(rota, shifts, rota.asCoreRota(midnight, hours), spec.breakLength());
    }

    /** A position in the rota: staffed in some hours, by whoever's shift it is. */
    private static final class Seat {
        final boolean clinical;
        final int number;
        final boolean[] staffed;
        final Set<Language> languages = new LinkedHashSet<>();

        Seat(boolean clinical, int number, int hours) {
            this.clinical = clinical;
            this.number = number;
            this.staffed = new boolean[hours];
        }

        int hoursInFirstDay() {
            int n = 0;
            for (int h = 0; h < Math.min(DaySpec.HOURS, staffed.length); h++) {
                n += staffed[h] ? 1 : 0;
            }
            return n;
        }
    }

    private List<Seat> seats(HourlyRota rota, int hours) {
        List<Seat> clinicalSeats = new ArrayList<>();
        List<Seat> otherSeats = new ArrayList<>();
        for (int hour = 0; hour < hours; hour++) {
            int total = rota.operativesAt(hour);
            int clinical = (int) Math.round(spec.clinicalShare() * total);
            staff(clinicalSeats, true, clinical, hour, hours);
            staff(otherSeats, false, total - clinical, hour, hours);
        }
        List<Seat> all = new ArrayList<>(otherSeats);
        all.addAll(clinicalSeats);
        return all;
    }

    private static void staff(List<Seat> pool, boolean clinical, int count, int hour, int hours) {
        while (pool.size() < count) {
            pool.add(new Seat(clinical, pool.size() + 1, hours));
        }
        for (int i = 0; i < count; i++) {
            pool.get(i).staffed[hour] = true;
        }
    }

    private void assignLanguages(List<Seat> seats) {
        if (seats.isEmpty()) {
            return;
        }
        List<Seat> mostStaffedFirst = new ArrayList<>(seats);
        // Stable sort: among equally staffed seats, non-clinical ones (listed first) come first.
        mostStaffedFirst.sort(Comparator.comparingInt(Seat::hoursInFirstDay).reversed());
        int next = 0;
        for (Map.Entry<Language, Integer> skill : spec.languageSkills().entrySet()) {
            for (int i = 0; i < skill.getValue(); i++) {
                mostStaffedFirst.get(next++ % mostStaffedFirst.size()).languages.add(skill.getKey());
            }
        }
    }

    private List<Shift> shiftsOf(Seat seat, Instant midnight) {
        List<Shift> shifts = new ArrayList<>();
        Skills skills = new Skills(seat.clinical, false, seat.languages);
        int hour = 0;
        while (hour < seat.staffed.length) {
            if (!seat.staffed[hour]) {
                hour++;
                continue;
            }
            int runEnd = hour;
            while (runEnd < seat.staffed.length && seat.staffed[runEnd]) {
                runEnd++;
            }
            int length = runEnd - hour;
            int pieces = (length + shiftHours - 1) / shiftHours;
            int start = hour;
            for (int piece = 0; piece < pieces; piece++) {
                int pieceHours = length / pieces + (piece < length % pieces ? 1 : 0);
                shifts.add(shift(seat, skills, midnight, start, start + pieceHours));
                start += pieceHours;
            }
            hour = runEnd;
        }
        return shifts;
    }

    private Shift shift(Seat seat, Skills skills, Instant midnight, int startHour, int endHour) {
        Instant start = midnight.plus(Duration.ofHours(startHour));
        Instant end = midnight.plus(Duration.ofHours(endHour));
        List<Instant> breaks = new ArrayList<>();
        for (Instant at = start.plus(spec.breakEvery()); !at.plus(spec.breakLength()).isAfter(end);
                at = at.plus(spec.breakEvery())) {
            breaks.add(at);
        }
        String id = String.format(Locale.ROOT, "%s%02d-h%02d", seat.clinical ? "clin" : "op", seat.number, startHour);
        return new Shift(new OperativeId(id), skills, start, end, breaks);
    }
}
