package org.crisisline.server.pathway.cmht;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.crisisline.server.pathway.hours.WeeklyHours;

/**
 * A CMHT's duty telephone line (a service number, never a caller's) and its office hours: a warm
 * transfer is offered only while the line is staffed (DOMAIN.md, "Pathways").
 */
public record DutyLine(String number, WeeklyHours officeHours) {
    private static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9]{3,15}");

    public DutyLine {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(officeHours, "officeHours");
        if (!DIALLABLE.matcher(number).matches()) {
            throw new IllegalArgumentException("'" + number + "' is not a diallable number (digits, optional +)");
        }
    }

    /** Whether a warm transfer can be made at {@code now}, and if not, when the line next opens. */
    public WarmTransfer warmTransferAt(Instant now) {
        if (officeHours.isOpenAt(now)) {
            return new WarmTransfer.Available(number);
        }
        return new WarmTransfer.Unavailable("the duty line is outside office hours",
                officeHours.nextOpeningAfter(now).map(session -> session.start().toInstant()));
    }
}
