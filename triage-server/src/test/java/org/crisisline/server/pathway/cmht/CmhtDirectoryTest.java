package org.crisisline.server.pathway.cmht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crisisline.server.pathway.testing.TeamBuilder.aTeam;

import java.util.List;
import org.crisisline.server.pathway.PathwayConfigException;
import org.crisisline.server.pathway.cmht.TeamLookup.Found;
import org.crisisline.server.pathway.cmht.TeamLookup.MatchedBy;
import org.crisisline.server.pathway.cmht.TeamLookup.NoTeamCovers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The CMHT directory finds the team covering a caller")
class CmhtDirectoryTest {
    private final CmhtDirectory directory = new CmhtDirectory(List.of(
            aTeam("leeds-west").covering("LS6", "LS4").withPractices("B86001").build(),
            aTeam("leeds-east").covering("LS9").withPractices("B86002").build()));

    @Test
    @DisplayName("a full postcode typed in lower case finds the team for its district")
    void findsByTypedPostcode() {
        TeamLookup found = directory.find(CallerLocation.ofPostcode("ls6 2ab"));

        assertThat(found).isInstanceOfSatisfying(Found.class, f -> {
            assertThat(f.team().id()).isEqualTo(TeamId.of("leeds-west"));
            assertThat(f.matchedBy()).isEqualTo(MatchedBy.POSTCODE_DISTRICT);
        });
    }

    @Test
    @DisplayName("the GP practice finds the team when the postcode is unknown or outside every catchment")
    void fallsBackToTheGpPractice() {
        assertThat(directory.find(CallerLocation.fromInput(null, "b86002")))
                .isInstanceOfSatisfying(Found.class, f -> {
                    assertThat(f.team().id()).isEqualTo(TeamId.of("leeds-east"));
                    assertThat(f.matchedBy()).isEqualTo(MatchedBy.GP_PRACTICE);
                });
        assertThat(directory.find(CallerLocation.fromInput("BD1 1AA", "B86001")))
                .isInstanceOfSatisfying(Found.class, f -> assertThat(f.team().id()).isEqualTo(TeamId.of("leeds-west")));
    }

    @Test
    @DisplayName("the postcode district wins over the GP practice when both match")
    void districtFirst() {
        assertThat(directory.find(CallerLocation.fromInput("LS9 7TF", "B86001")))
                .isInstanceOfSatisfying(Found.class, f -> assertThat(f.team().id()).isEqualTo(TeamId.of("leeds-east")));
    }

    @Test
    @DisplayName("no team covering the caller is a clear answer, not an exception")
    void noTeamCovers() {
        assertThat(directory.find(CallerLocation.ofPostcode("BD1 1AA")))
                .isInstanceOfSatisfying(NoTeamCovers.class, no -> assertThat(no.reason())
                        .isEqualTo("no team covers postcode district BD1").doesNotContain("1AA"));
        assertThat(directory.find(CallerLocation.fromInput("BD1 1AA", "Y01234")))
                .isInstanceOfSatisfying(NoTeamCovers.class, no -> assertThat(no.reason())
                        .isEqualTo("no team covers postcode district BD1 or GP practice Y01234"));
        assertThat(directory.find(CallerLocation.fromInput("somewhere", "")))
                .isInstanceOfSatisfying(NoTeamCovers.class,
                        no -> assertThat(no.reason()).contains("no valid postcode or GP practice"));
    }

    @Test
    @DisplayName("a district claimed by two teams fails start-up naming the key")
    void overlappingCatchmentIsAConfigurationError() {
        assertThatThrownBy(() -> new CmhtDirectory(List.of(
                aTeam("a").covering("LS6").build(), aTeam("b").covering("LS6").build())))
                .isInstanceOf(PathwayConfigException.class)
                .hasMessageContaining("pathway.cmht.teams.b.districts")
                .hasMessageContaining("already covered by team a");
    }

    @Test
    @DisplayName("a practice claimed by two teams, or one team id twice, fails start-up naming the key")
    void duplicatePracticeOrTeam() {
        assertThatThrownBy(() -> new CmhtDirectory(List.of(
                aTeam("a").withPractices("B86001").build(), aTeam("b").withPractices("B86001").build())))
                .hasMessageContaining("pathway.cmht.teams.b.gp-practices");
        assertThatThrownBy(() -> new CmhtDirectory(List.of(aTeam("a").build(), aTeam("a").build())))
                .hasMessageContaining("pathway.cmht.teams.a").hasMessageContaining("twice");
    }

    @Test
    @DisplayName("a team can be looked up by id")
    void teamById() {
        assertThat(directory.team(TeamId.of("leeds-east"))).isPresent();
        assertThat(directory.team(TeamId.of("york"))).isEmpty();
    }
}
