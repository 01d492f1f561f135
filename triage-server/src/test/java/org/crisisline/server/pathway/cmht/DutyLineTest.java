package org.crisisline.server.pathway.cmht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crisisline.server.pathway.testing.TeamBuilder.aTeam;
import static org.crisisline.server.pathway.testing.Times.london;

import java.time.LocalDate;
import org.crisisline.server.pathway.cmht.WarmTransfer.Available;
import org.crisisline.server.pathway.cmht.WarmTransfer.Unavailable;
import org.crisisline.server.pathway.hours.WeeklyHours;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A warm transfer to a CMHT duty line, only in office hours")
class DutyLineTest {
    private final CmhtTeam team = aTeam("leeds-west").covering("LS6").build();

    @Test
    @DisplayName("in office hours the transfer goes to the duty line")
    void inOfficeHours() {
        assertThat(team.dutyLine().warmTransferAt(london("2026-11-27T16:59")))
                .isEqualTo(new Available("01130000000"));
    }

    @Test
    @DisplayName("out of hours there is no transfer, and the operative is told when the line opens")
    void outOfHours() {
        assertThat(team.dutyLine().warmTransferAt(london("2026-11-27T17:00")))
                .isInstanceOfSatisfying(Unavailable.class, no -> {
                    assertThat(no.reason()).contains("outside office hours");
                    assertThat(no.nextOpens()).contains(london("2026-11-30T09:00"));
                });
    }

    @Test
    @DisplayName("a bank holiday closes the line for the day")
    void bankHoliday() {
        WeeklyHours hours = team.dutyLine().officeHours().withClosure(LocalDate.parse("2026-12-28"));
        DutyLine line = new DutyLine("01130000000", hours);

        assertThat(line.warmTransferAt(london("2026-12-28T11:00"))).isInstanceOf(Unavailable.class);
        assertThat(line.warmTransferAt(london("2026-12-29T11:00"))).isInstanceOf(Available.class);
    }

    @Test
    @DisplayName("a duty line number must be diallable")
    void diallableNumber() {
        assertThatThrownBy(() -> new DutyLine("call Sue", team.dutyLine().officeHours()))
                .hasMessageContaining("not a diallable number");
    }
}
