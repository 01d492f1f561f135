package org.crisisline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crisisline.load.sim.report.CsvReport;
import org.crisisline.load.sim.report.SimulationChart;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The command line")
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    @DisplayName("simulates a day, prints the tables and writes the reports where told")
    void simulates(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("reports");

        int status = run("simulate", "--seeds", "2", "--no-protections", "--out", reports.toString());

        assertThat(status).isZero();
        assertThat(printed()).contains("2 days pooled", "Goal:", "Wrote", "Ran in");
        assertThat(reports.resolve(CsvReport.CALLERS)).exists();
        assertThat(reports.resolve(SimulationChart.FILE)).exists();
    }

    @Test
    @DisplayName("names the bad field of a day file, without a stack trace")
    void badDayFile(@TempDir Path dir) throws Exception {
        Path day = dir.resolve("day.json");
        Files.writeString(day, "{\"seed\": 1, \"arrivalsPerHour\": [1, 2, 3]}");

        int status = run("simulate", "--day", day.toString(), "--out", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(errors()).startsWith("error: day file " + day)
                .contains("arrivalsPerHour: expected 24 entries, got 3")
                .doesNotContain("Exception", "\tat ");
        assertThat(printed()).isEmpty();
    }

    @Test
    @DisplayName("runs Crisisline with a queue setting changed, and says so")
    void simulatesWithASettingChanged(@TempDir Path dir) throws Exception {
        int status = run("simulate", "--seeds", "1", "--no-protections", "--out", dir.toString(),
                "--set", "dispatch.reserve-release-margin=0s", "--set", "dispatch.reserve-hold-limit.support=90s");

        assertThat(status).isZero();
        assertThat(printed()).contains(
                "Crisisline with: dispatch.reserve-release-margin=0s, dispatch.reserve-hold-limit.support=90s", "Goal:");
    }

    @Test
    @DisplayName("names a bad queue setting given with --set, without a stack trace")
    void badSetting(@TempDir Path dir) throws Exception {
        assertThat(run("simulate", "--out", dir.toString(), "--set", "dispatch.reserve-release-margin=soon"))
                .isEqualTo(2);
        assertThat(run("simulate", "--out", dir.toString(), "--set", "dispatch.reserve-release-margin")).isEqualTo(2);

        assertThat(errors()).contains("'dispatch.reserve-release-margin' is not a duration", "--set takes KEY=VALUE")
                .doesNotContain("Exception", "\tat ");
        assertThat(printed()).isEmpty();
    }

    @Test
    @DisplayName("says which option is wrong and shows the usage")
    void badOption() throws Exception {
        assertThat(run("--seeds", "none")).isEqualTo(2);
        assertThat(errors()).contains("--seeds takes a whole number", "usage:");
    }

    @Test
    @DisplayName("refuses an unknown command")
    void unknownCommand() throws Exception {
        assertThat(run("simulat")).isEqualTo(2);
        assertThat(errors()).contains("unknown command 'simulat'");
    }

    @Test
    @DisplayName("shows the usage when asked, before or after the command")
    void help() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(run("simulate", "--help")).isZero();
        assertThat(printed()).contains("simulate", "bench", "--protections", "--no-protections");
        assertThat(errors()).isEmpty();
    }

    @Test
    @DisplayName("says so when the reports cannot be written")
    void unwritableOutput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a directory");

        int status = run("--seeds", "1", "--no-protections", "--out", file.toString());

        assertThat(status).isEqualTo(1);
        assertThat(errors()).contains("cannot write the reports to " + file);
    }

    private int run(String... args) throws Exception {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() throws IOException {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("refuses a bad ami-bench or agi-bench option with the command's usage")
    void telephonyBenchUsage() throws Exception {
        assertThat(run("ami-bench", "--filter", "some")).isEqualTo(2);
        assertThat(run("agi-bench", "--sessions", "0")).isEqualTo(2);
        assertThat(errors()).contains("usage: ami-bench", "usage: agi-bench").doesNotContain("\tat ");
    }
}
