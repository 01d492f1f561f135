package org.crisisline.server.pathway.cmht;

import java.util.Objects;

/** The answer to "which CMHT covers this caller?": a team, and by which key; or a clear "no team covers". */
public sealed interface TeamLookup permits TeamLookup.Found, TeamLookup.NoTeamCovers {

    /** Which catchment key matched. */
    enum MatchedBy { POSTCODE_DISTRICT, GP_PRACTICE }

    record Found(CmhtTeam team, MatchedBy matchedBy) implements TeamLookup {
        public Found {
            Objects.requireNonNull(team, "team");
            Objects.requireNonNull(matchedBy, "matchedBy");
        }
    }

    record NoTeamCovers(String reason) implements TeamLookup {
        public NoTeamCovers {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
