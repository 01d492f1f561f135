package org.crisisline.load.sim.day;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisline.load.sim.Seconds;
import org.crisisline.load.sim.day.DaySpec.CheckIns;
import org.crisisline.load.sim.day.DaySpec.RingTimes;
import org.crisisline.load.sim.day.DaySpec.RotaSpec;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Tier;

/**
 * Reads and validates a day file (the shape of {@code reference-day.json}). Every problem is an
 * {@link InvalidDayFileException} naming the field; nothing the file contains can cause any other
 * exception. Unknown fields are refused, so a misspelt optional field never goes unnoticed.
 *
 * <p>Optional fields and their defaults: {@code description} (""), {@code arrivalProcess}
 * ("poisson", the only one supported), {@code rota.shiftLength} (28800 s) and {@code ringing}
 * (see {@link RingTimes#defaults()}).
 */
public final class DayFileReader {
    /** The reference day shipped with this module. */
    public static final String REFERENCE_RESOURCE = "/reference-day.json";

    /** Shares given in the file may be rounded; this much off 1 is accepted. */
    private static final double SHARE_TOLERANCE = 0.01;
    private static final Duration DEFAULT_SHIFT = Duration.ofHours(8);
    private static final Pattern CLOCK_TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Set<String> DAY_FIELDS = Set.of("description", "seed", "arrivalsPerHour", "arrivalProcess",
            "tierMix", "languages", "talkTime", "patience", "callbackAcceptance", "callbackAnswerProbability",
            "checkIns", "rota", "ringing");
    private static final Set<String> TIER_KEYS = Set.of("1", "2", "3");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DayFileReader() {
    }

    /** Reads a day file from disk. */
    public static DaySpec read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (NoSuchFileException e) {
            throw new InvalidDayFileException("", "no such file: " + file);
        } catch (IOException e) {
            throw new InvalidDayFileException("", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Reads the reference day shipped in this module's resources. */
    public static DaySpec readReference() {
        try (InputStream in = DayFileReader.class.getResourceAsStream(REFERENCE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REFERENCE_RESOURCE + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + REFERENCE_RESOURCE, e);
        }
    }

    /** Reads a day file from a stream (the caller closes it). */
    public static DaySpec read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new InvalidDayFileException("", "not valid JSON" + where(e.getLocation()) + ": "
                    + e.getOriginalMessage());
        }
        return parse(JsonFields.root(root));
    }

    private static DaySpec parse(JsonFields day) {
        day.allowOnly(DAY_FIELDS);
        String description = day.has("description") ? day.text("description") : "";
        if (day.has("arrivalProcess") && !day.text("arrivalProcess").equals("poisson")) {
            throw new InvalidDayFileException("arrivalProcess", "only \"poisson\" is supported");
        }
        List<Double> arrivals = day.nonNegativeNumbers("arrivalsPerHour", DaySpec.HOURS);
        Map<Tier, Double> tierMix = tierMix(day.object("tierMix"));
        Map<Language, Double> languages = languages(day.object("languages"));
        Map<Tier, Distribution> talkTime = perTier(day.object("talkTime"));
        Map<Tier, Distribution> patience = perTier(day.object("patience"));
        return new DaySpec(description, day.wholeNumber("seed"), arrivals, tierMix, languages, talkTime, patience,
                day.fraction("callbackAcceptance"), day.fraction("callbackAnswerProbability"),
                checkIns(day.object("checkIns")), rota(day.object("rota")),
                day.has("ringing") ? ringing(day.object("ringing")) : RingTimes.defaults());
    }

    private static Map<Tier, Double> tierMix(JsonFields mix) {
        mix.allowOnly(TIER_KEYS);
        Map<Tier, Double> shares = new EnumMap<>(Tier.class);
        for (String key : List.of("1", "2", "3")) {
            shares.put(Tier.ofNumber(Integer.parseInt(key)), mix.fraction(key));
        }
        requireSumOfOne("tierMix", shares.values());
        return shares;
    }

    private static Map<Language, Double> languages(JsonFields languages) {
        Map<Language, Double> shares = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : languages.entries()) {
            Language language = language(languages, entry.getKey());
            shares.put(language, JsonFields.fractionAt(entry.getValue(), languages.pathOf(entry.getKey())));
        }
        if (shares.isEmpty()) {
            throw new InvalidDayFileException("languages", "must list at least one language");
        }
        requireSumOfOne("languages", shares.values());
        return shares;
    }

    private static Map<Tier, Distribution> perTier(JsonFields byTier) {
        byTier.allowOnly(TIER_KEYS);
        Map<Tier, Distribution> distributions = new EnumMap<>(Tier.class);
        for (String key : List.of("1", "2", "3")) {
            distributions.put(Tier.ofNumber(Integer.parseInt(key)), distribution(byTier.object(key)));
        }
        return distributions;
    }

    private static Distribution distribution(JsonFields spec) {
        String kind = spec.text("distribution");
        switch (kind) {
            case "lognormal":
                spec.allowOnly(Set.of("distribution", "mean", "sigma"));
                return new Distribution.Lognormal(spec.positive("mean"), spec.nonNegative("sigma"));
            case "exponential":
                spec.allowOnly(Set.of("distribution", "mean"));
                return new Distribution.Exponential(spec.positive("mean"));
            default:
                throw new InvalidDayFileException(spec.pathOf("distribution"),
                        "must be \"lognormal\" or \"exponential\" (got \"" + kind + "\")");
        }
    }

    private static CheckIns checkIns(JsonFields checkIns) {
        checkIns.allowOnly(Set.of("perDay", "between", "talkTime", "deteriorationRate"));
        List<JsonNode> between = checkIns.array("between", 2);
        Duration from = clockTime(between.get(0), checkIns.pathOf("between") + "[0]");
        Duration to = clockTime(between.get(1), checkIns.pathOf("between") + "[1]");
        if (to.compareTo(from) <= 0) {
            throw new InvalidDayFileException(checkIns.pathOf("between"), "the end must be after the start");
        }
        return new CheckIns(checkIns.count("perDay"), from, to, distribution(checkIns.object("talkTime")),
                checkIns.fraction("deteriorationRate"));
    }

    private static RotaSpec rota(JsonFields rota) {
        rota.allowOnly(Set.of("operativesPerHour", "clinicalShare", "languageSkills", "breakEvery", "breakLength",
                "shiftLength"));
        List<Integer> perHour = rota.counts("operativesPerHour", DaySpec.HOURS);
        if (perHour.stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new InvalidDayFileException(rota.pathOf("operativesPerHour"), "no operative is on shift in any hour");
        }
        JsonFields skills = rota.object("languageSkills");
        Map<Language, Integer> speakers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : skills.entries()) {
            speakers.put(language(skills, entry.getKey()),
                    JsonFields.countAt(entry.getValue(), skills.pathOf(entry.getKey())));
        }
        Duration breakEvery = seconds(rota, "breakEvery", true);
        Duration breakLength = seconds(rota, "breakLength", false);
        if (breakLength.compareTo(breakEvery) >= 0) {
            throw new InvalidDayFileException(rota.pathOf("breakLength"), "must be shorter than breakEvery");
        }
        Duration shift = rota.has("shiftLength") ? seconds(rota, "shiftLength", true) : DEFAULT_SHIFT;
        if (shift.toSeconds() % 3600 != 0 || shift.toMillis() % 1000 != 0) {
            throw new InvalidDayFileException(rota.pathOf("shiftLength"),
                    "must be a whole number of hours in seconds (3600, 7200, ...)");
        }
        return new RotaSpec(perHour, rota.fraction("clinicalShare"), speakers, breakEvery, breakLength, shift);
    }

    private static RingTimes ringing(JsonFields ringing) {
        ringing.allowOnly(Set.of("operative", "callee", "noAnswerAfter"));
        RingTimes defaults = RingTimes.defaults();
        Duration[] operative = ringing.has("operative") ? range(ringing, "operative")
                : new Duration[] {defaults.operativeMin(), defaults.operativeMax()};
        Duration[] callee = ringing.has("callee") ? range(ringing, "callee")
                : new Duration[] {defaults.calleeMin(), defaults.calleeMax()};
        Duration noAnswer = ringing.has("noAnswerAfter") ? seconds(ringing, "noAnswerAfter", true)
                : defaults.noAnswerAfter();
        return new RingTimes(operative[0], operative[1], callee[0], callee[1], noAnswer);
    }

    private static Duration[] range(JsonFields parent, String name) {
        List<JsonNode> bounds = parent.array(name, 2);
        double min = JsonFields.nonNegativeAt(bounds.get(0), parent.pathOf(name) + "[0]");
        double max = JsonFields.nonNegativeAt(bounds.get(1), parent.pathOf(name) + "[1]");
        if (max < min) {
            throw new InvalidDayFileException(parent.pathOf(name), "is [min, max] with min <= max");
        }
        return new Duration[] {Seconds.toDuration(min), Seconds.toDuration(max)};
    }

    private static Duration seconds(JsonFields parent, String name, boolean positive) {
        return Seconds.toDuration(positive ? parent.positive(name) : parent.nonNegative(name));
    }

    private static Duration clockTime(JsonNode value, String at) {
        Matcher m = CLOCK_TIME.matcher(value.isTextual() ? value.asText().trim() : "");
        if (!m.matches()) {
            throw new InvalidDayFileException(at, "must be a time of day like \"10:00\" (got " + value + ")");
        }
        int hours = Integer.parseInt(m.group(1));
        int minutes = Integer.parseInt(m.group(2));
        if (minutes > 59 || hours > 24 || (hours == 24 && minutes > 0)) {
            throw new InvalidDayFileException(at, "is not a time between 00:00 and 24:00 (got " + value + ")");
        }
        return Duration.ofMinutes(hours * 60L + minutes);
    }

    private static Language language(JsonFields parent, String code) {
        if (code.isBlank()) {
            throw new InvalidDayFileException(parent.pathOf("\"\""), "a language code must not be blank");
        }
        return Language.of(code);
    }

    private static void requireSumOfOne(String field, Iterable<Double> shares) {
        double sum = 0;
        for (double share : shares) {
            sum += share;
        }
        if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
            throw new InvalidDayFileException(field, String.format(Locale.ROOT,
                    "shares must add up to 1 (within %.2f); they add up to %.3f", SHARE_TOLERANCE, sum));
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
