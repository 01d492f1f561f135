package org.crisisline.load.sim.day;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The day file reader")
class DayFileReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("reads the shipped reference day with every value")
    void readsTheReferenceDay() {
        DaySpec day = DayFileReader.readReference();

        assertThat(day.seed()).isEqualTo(20261122L);
        assertThat(day.arrivalsPerHour()).hasSize(24).startsWith(14.0, 10.0, 8.0).endsWith(27.0, 20.0);
        assertThat(day.tierMix()).containsEntry(Tier.IMMEDIATE_RISK, 0.10).containsEntry(Tier.CRISIS, 0.50)
                .containsEntry(Tier.SUPPORT, 0.40);
        assertThat(day.languages().keySet()).containsExactly(Language.of("en"), Language.of("cy"), Language.of("pl"),
                Language.of("ur"));
        assertThat(day.talkTime().get(Tier.IMMEDIATE_RISK)).isEqualTo(new Distribution.Lognormal(1800, 0.5));
        assertThat(day.patience().get(Tier.SUPPORT)).isEqualTo(new Distribution.Exponential(540));
        assertThat(day.callbackAcceptance()).isEqualTo(0.6);
        assertThat(day.callbackAnswerProbability()).isEqualTo(0.8);
        assertThat(day.checkIns().perDay()).isEqualTo(40);
        assertThat(day.checkIns().from()).isEqualTo(Duration.ofHours(10));
        assertThat(day.checkIns().to()).isEqualTo(Duration.ofHours(20));
        assertThat(day.checkIns().deteriorationRate()).isEqualTo(0.1);
        assertThat(day.rota().operativesPerHour()).hasSize(24).startsWith(6, 5, 5, 4);
        assertThat(day.rota().clinicalShare()).isEqualTo(0.3);
        assertThat(day.rota().languageSkills()).containsEntry(Language.of("cy"), 1).hasSize(3);
        assertThat(day.rota().breakEvery()).isEqualTo(Duration.ofHours(2));
        assertThat(day.rota().breakLength()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    @DisplayName("fills in the optional fields with documented defaults")
    void fillsInOptionalDefaults() {
        DaySpec day = DayFileReader.readReference();

        assertThat(day.rota().shiftLength()).isEqualTo(Duration.ofHours(8));
        assertThat(day.ringing()).isEqualTo(DaySpec.RingTimes.defaults());
    }

    @Test
    @DisplayName("reads the optional ringing and shift length when given")
    void readsOptionalFields() throws IOException {
        DaySpec day = read(edited(root -> {
            root.putObject("ringing").put("noAnswerAfter", 45).putArray("operative").add(1).add(2.5);
            ((ObjectNode) root.get("rota")).put("shiftLength", 43200);
        }));

        assertThat(day.ringing().operativeMin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(day.ringing().operativeMax()).isEqualTo(Duration.ofMillis(2500));
        assertThat(day.ringing().noAnswerAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(day.ringing().calleeMax()).isEqualTo(DaySpec.RingTimes.defaults().calleeMax());
        assertThat(day.rota().shiftLength()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    @DisplayName("reads a day file from disk")
    void readsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("day.json");
        Files.writeString(file, edited(root -> root.put("seed", 7)));

        assertThat(DayFileReader.read(file).seed()).isEqualTo(7);
    }

    @Test
    @DisplayName("says so when the file does not exist")
    void missingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> DayFileReader.read(dir.resolve("nowhere.json")))
                .isInstanceOf(InvalidDayFileException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    @DisplayName("says where malformed JSON breaks")
    void malformedJson() {
        assertThatThrownBy(() -> read("{\n  \"seed\": 1,\n  \"arrivalsPerHour\": [1, 2\n}"))
                .isInstanceOf(InvalidDayFileException.class)
                .hasMessageContaining("not valid JSON at line 4");
    }

    static Stream<Arguments> badDays() {
        return Stream.of(
                bad("a missing arrivalsPerHour", root -> root.remove("arrivalsPerHour"),
                        "arrivalsPerHour", "is missing"),
                bad("23 hours of arrivals", root -> ((ArrayNode) root.get("arrivalsPerHour")).remove(23),
                        "arrivalsPerHour", "expected 24 entries, got 23"),
                bad("a negative arrival rate", root -> ((ArrayNode) root.get("arrivalsPerHour")).set(5, -1),
                        "arrivalsPerHour[5]", "must not be negative"),
                bad("a text arrival rate", root -> ((ArrayNode) root.get("arrivalsPerHour")).set(2, "many"),
                        "arrivalsPerHour[2]", "must be a number"),
                bad("a tier mix adding up to 0.9", root -> ((ObjectNode) root.get("tierMix")).put("3", 0.3),
                        "tierMix", "add up to 1"),
                bad("a tier mix without tier 2", root -> ((ObjectNode) root.get("tierMix")).remove("2"),
                        "tierMix.2", "is missing"),
                bad("a tier 4 in the mix", root -> ((ObjectNode) root.get("tierMix")).put("4", 0.0),
                        "tierMix.4", "is not a day-file field"),
                bad("languages adding up to 1.05", root -> ((ObjectNode) root.get("languages")).put("cy", 0.07),
                        "languages", "add up to 1"),
                bad("an unknown distribution",
                        root -> ((ObjectNode) root.at("/talkTime/2")).put("distribution", "gamma"),
                        "talkTime.2.distribution", "\"lognormal\" or \"exponential\""),
                bad("a zero mean talk time", root -> ((ObjectNode) root.at("/talkTime/1")).put("mean", 0),
                        "talkTime.1.mean", "greater than 0"),
                bad("a negative patience", root -> ((ObjectNode) root.at("/patience/3")).put("mean", -540),
                        "patience.3.mean", "must not be negative"),
                bad("a callback acceptance above 1", root -> root.put("callbackAcceptance", 1.2),
                        "callbackAcceptance", "between 0 and 1"),
                bad("a non-Poisson arrival process", root -> root.put("arrivalProcess", "uniform"),
                        "arrivalProcess", "poisson"),
                bad("a seed that is not a number", root -> root.put("seed", "abc"),
                        "seed", "whole number"),
                bad("check-ins ending before they start",
                        root -> ((ArrayNode) root.at("/checkIns/between")).set(0, "21:00"),
                        "checkIns.between", "end must be after the start"),
                bad("a check-in time of 25:00", root -> ((ArrayNode) root.at("/checkIns/between")).set(1, "25:00"),
                        "checkIns.between[1]", "between 00:00 and 24:00"),
                bad("half an operative", root -> ((ArrayNode) root.at("/rota/operativesPerHour")).set(3, 4.5),
                        "rota.operativesPerHour[3]", "whole number"),
                bad("a rota of 25 hours", root -> ((ArrayNode) root.at("/rota/operativesPerHour")).add(3),
                        "rota.operativesPerHour", "expected 24 entries, got 25"),
                bad("a clinical share of 1.5", root -> ((ObjectNode) root.get("rota")).put("clinicalShare", 1.5),
                        "rota.clinicalShare", "between 0 and 1"),
                bad("a negative number of Welsh speakers",
                        root -> ((ObjectNode) root.at("/rota/languageSkills")).put("cy", -1),
                        "rota.languageSkills.cy", "must not be negative"),
                bad("a break as long as the time between breaks",
                        root -> ((ObjectNode) root.get("rota")).put("breakLength", 7200),
                        "rota.breakLength", "shorter than breakEvery"),
                bad("a shift of 90 minutes", root -> ((ObjectNode) root.get("rota")).put("shiftLength", 5400),
                        "rota.shiftLength", "whole number of hours"),
                bad("a misspelt field", root -> root.set("arrivalPerHour", root.get("arrivalsPerHour")),
                        "arrivalPerHour", "is not a day-file field"),
                bad("a ring range upside down", root -> root.putObject("ringing").putArray("callee").add(20).add(5),
                        "ringing.callee", "min <= max"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDays")
    @DisplayName("refuses a bad day file, naming the field")
    void refusesBadFiles(String what, Consumer<ObjectNode> edit, String field, String problem) {
        assertThatThrownBy(() -> read(edited(edit)))
                .isInstanceOfSatisfying(InvalidDayFileException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ")
                .hasMessageContaining(problem);
    }

    private static Arguments bad(String what, Consumer<ObjectNode> edit, String field, String problem) {
        return Arguments.of(what, edit, field, problem);
    }

    /** The reference day as JSON text, after an edit. */
    static String edited(Consumer<ObjectNode> edit) throws IOException {
        try (InputStream in = DayFileReader.class.getResourceAsStream(DayFileReader.REFERENCE_RESOURCE)) {
            ObjectNode root = (ObjectNode) JSON.readTree(in);
            edit.accept(root);
            return JSON.writeValueAsString(root);
        }
    }

    private static DaySpec read(String json) throws IOException {
        return DayFileReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
