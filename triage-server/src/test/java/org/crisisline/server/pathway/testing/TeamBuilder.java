package org.crisisline.server.pathway.testing;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crisisline.server.pathway.PostcodeDistrict;
import org.crisisline.server.pathway.cmht.CmhtTeam;
import org.crisisline.server.pathway.cmht.DutyLine;
import org.crisisline.server.pathway.cmht.GpPracticeCode;
import org.crisisline.server.pathway.cmht.TeamId;
import org.crisisline.server.pathway.hours.OpeningSpan;
import org.crisisline.server.pathway.hours.WeeklyHours;

/** Builds a CMHT: {@code aTeam("leeds-west").covering("LS6").withPractices("B86001").build()}; office hours Mon–Fri 09:00–17:00 unless told. */
public final class TeamBuilder {
    private final String id;
    private Set<String> districts = Set.of();
    private Set<String> practices = Set.of();
    private WeeklyHours officeHours = WeeklyHours.inEngland(Stream.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)
            .map(day -> OpeningSpan.of(day, "09:00", "17:00")).toList());

    private TeamBuilder(String id) {
        this.id = id;
    }

    public static TeamBuilder aTeam(String id) {
        return new TeamBuilder(id);
    }

    public TeamBuilder covering(String... districtCodes) {
        this.districts = Set.of(districtCodes);
        return this;
    }

    public TeamBuilder withPractices(String... codes) {
        this.practices = Set.of(codes);
        return this;
    }

    public TeamBuilder staffed(DayOfWeek day, String opens, String closes) {
        this.officeHours = WeeklyHours.inEngland(List.of(OpeningSpan.of(day, opens, closes)));
        return this;
    }

    public TeamBuilder withOfficeHours(WeeklyHours hours) {
        this.officeHours = hours;
        return this;
    }

    public CmhtTeam build() {
        return new CmhtTeam(TeamId.of(id), "CMHT " + id,
                districts.stream().map(d -> PostcodeDistrict.ofSetting("test", d)).collect(Collectors.toSet()),
                practices.stream().map(GpPracticeCode::new).collect(Collectors.toSet()),
                "endpoint-" + id, new DutyLine("01130000000", officeHours));
    }
}
