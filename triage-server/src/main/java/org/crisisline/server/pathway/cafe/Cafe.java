package org.crisisline.server.pathway.cafe;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crisisline.queue.model.Language;
import org.crisisline.server.pathway.PathwayConfigException;
import org.crisisline.server.pathway.PostcodeDistrict;
import org.crisisline.server.pathway.hours.Session;
import org.crisisline.server.pathway.hours.WeeklyHours;

/**
 * A crisis café (DOMAIN.md, "Partners": voluntary, non-clinical, walk-in, evenings and weekends, easily
 * overburdened): the details read or texted to a caller, its opening hours with dated closures, the
 * postcode districts it serves, how many callers it can take an evening, the languages spoken besides
 * English and its access features. A capacity below one fails with the key that set it. Immutable.
 */
public record Cafe(CafeId id, String name, String address, String phone, WeeklyHours hours,
                   Set<PostcodeDistrict> areas, int capacityPerEvening, Set<Language> languages,
                   Set<AccessFeature> access) {
    public Cafe {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(hours, "hours");
        areas = Set.copyOf(areas);
        languages = Set.copyOf(languages);
        access = Set.copyOf(access);
        if (capacityPerEvening < 1) {
            throw new PathwayConfigException("pathway.cafes." + id + ".capacity-per-evening",
                    "must be at least 1, was " + capacityPerEvening);
        }
        if (areas.isEmpty()) {
            throw new PathwayConfigException("pathway.cafes." + id + ".areas", "must name at least one postcode district");
        }
    }

    /** The session a caller signposted at {@code at} would go to: the one open then, or else the next to open. */
    public Optional<Session> sessionToSignpost(Instant at) {
        return hours.sessionAt(at).or(() -> hours.nextOpeningAfter(at));
    }

    public boolean covers(PostcodeDistrict district) {
        return areas.contains(district);
    }

    /** English is spoken at every café; other languages only where listed. */
    public boolean speaks(Language language) {
        return language.isEnglish() || languages.contains(language);
    }

    public boolean offersAll(Set<AccessFeature> needs) {
        return access.containsAll(needs);
    }
}
