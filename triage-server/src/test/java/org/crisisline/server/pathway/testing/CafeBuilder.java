package org.crisisline.server.pathway.testing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.crisisline.queue.model.Language;
import org.crisisline.server.pathway.PostcodeDistrict;
import org.crisisline.server.pathway.cafe.AccessFeature;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.cafe.CafeId;
import org.crisisline.server.pathway.hours.OpeningSpan;
import org.crisisline.server.pathway.hours.WeeklyHours;

/**
 * Builds a crisis café: {@code aCafe("haven").open(FRIDAY, "18:00", "02:00").covering("LS6").capacity(3).build()}.
 * Unless told: covers LS6, 10 places an evening, English only, no access features, no hours at all.
 */
public final class CafeBuilder {
    private final String id;
    private String name;
    private final List<OpeningSpan> spans = new ArrayList<>();
    private final Set<LocalDate> closures = new HashSet<>();
    private Set<String> areas = Set.of("LS6");
    private int capacity = 10;
    private Set<Language> languages = Set.of();
    private Set<AccessFeature> access = EnumSet.noneOf(AccessFeature.class);

    private CafeBuilder(String id) {
        this.id = id;
        this.name = "Café " + id;
    }

    public static CafeBuilder aCafe(String id) {
        return new CafeBuilder(id);
    }

    public CafeBuilder named(String newName) {
        this.name = newName;
        return this;
    }

    public CafeBuilder open(DayOfWeek day, String opens, String closes) {
        spans.add(OpeningSpan.of(day, opens, closes));
        return this;
    }

    public CafeBuilder openEveryDay(String opens, String closes) {
        for (DayOfWeek day : DayOfWeek.values()) {
            open(day, opens, closes);
        }
        return this;
    }

    public CafeBuilder closedOn(String date) {
        closures.add(LocalDate.parse(date));
        return this;
    }

    public CafeBuilder covering(String... districts) {
        this.areas = Set.of(districts);
        return this;
    }

    public CafeBuilder capacity(int places) {
        this.capacity = places;
        return this;
    }

    public CafeBuilder speaking(String... codes) {
        this.languages = Set.of(codes).stream().map(Language::of).collect(Collectors.toSet());
        return this;
    }

    public CafeBuilder with(AccessFeature... features) {
        this.access = Set.of(features);
        return this;
    }

    public Cafe build() {
        return new Cafe(CafeId.of(id), name, "1 High Street", "01130000001",
                new WeeklyHours(Times.LONDON, spans, closures),
                areas.stream().map(a -> PostcodeDistrict.ofSetting("test", a)).collect(Collectors.toSet()),
                capacity, languages, access);
    }
}
