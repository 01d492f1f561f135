package org.crisisline.server.pathway.cmht;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisline.server.pathway.PathwayConfigException;
import org.crisisline.server.pathway.PostcodeDistrict;

/**
 * The directory of CMHTs a telephony admin configures (DOMAIN.md, "Pathways": catchment by postcode
 * district or GP practice). Built once and validated: a district or a practice claimed by two teams, or
 * two teams with one id, fail start-up with a message naming the key. Lookups never throw for an
 * expected outcome. Immutable and thread-safe.
 */
public final class CmhtDirectory {
    private final Map<TeamId, CmhtTeam> teams = new HashMap<>();
    private final Map<PostcodeDistrict, CmhtTeam> byDistrict = new HashMap<>();
    private final Map<GpPracticeCode, CmhtTeam> byPractice = new HashMap<>();

    public CmhtDirectory(List<CmhtTeam> configured) {
        for (CmhtTeam team : configured) {
            String key = "pathway.cmht.teams." + team.id();
            if (teams.putIfAbsent(team.id(), team) != null) {
                throw new PathwayConfigException(key, "is configured twice");
            }
            team.districts().forEach(d -> claim(byDistrict, d, team, key + ".districts"));
            team.practices().forEach(p -> claim(byPractice, p, team, key + ".gp-practices"));
        }
    }

    private static <K> void claim(Map<K, CmhtTeam> index, K catchment, CmhtTeam team, String key) {
        CmhtTeam other = index.putIfAbsent(catchment, team);
        if (other != null) {
            throw new PathwayConfigException(key, "claims " + catchment + ", already covered by team " + other.id());
        }
    }

    public Optional<CmhtTeam> team(TeamId id) {
        return Optional.ofNullable(teams.get(id));
    }

    /** The team covering the caller: by postcode district first, then by GP practice. */
    public TeamLookup find(CallerLocation location) {
        Optional<CmhtTeam> byArea = location.district().map(byDistrict::get);
        if (byArea.isPresent()) {
            return new TeamLookup.Found(byArea.get(), TeamLookup.MatchedBy.POSTCODE_DISTRICT);
        }
        Optional<CmhtTeam> byGp = location.practice().map(byPractice::get);
        if (byGp.isPresent()) {
            return new TeamLookup.Found(byGp.get(), TeamLookup.MatchedBy.GP_PRACTICE);
        }
        if (location.district().isEmpty() && location.practice().isEmpty()) {
            return new TeamLookup.NoTeamCovers("no valid postcode or GP practice code was given");
        }
        return new TeamLookup.NoTeamCovers("no team covers " + location.describe());
    }
}
