package org.crisisline.load.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.crisisline.load.sim.day.DayFileReader;
import org.crisisline.load.sim.search.ProtectionSwitch;
import org.crisisline.load.sim.search.StaffingStudy;
import org.crisisline.load.sim.search.StudyResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

@DisplayName("The reports")
class ReportsTest {
    private static StudyResult study;

    @BeforeAll
    static void runASmallStudy() {
        study = new StaffingStudy("reference-day.json", DayFileReader.readReference(), 3).run(true);
    }

    @Test
    @DisplayName("write the tables as CSV files a spreadsheet reads")
    void writeCsv(@TempDir Path dir) throws IOException {
        List<Path> files = CsvReport.write(study, dir);

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly(CsvReport.CALLERS, CsvReport.OPERATIVES, CsvReport.STAFFING);
        List<String> callers = Files.readAllLines(dir.resolve(CsvReport.CALLERS));
        assertThat(callers).hasSize(1 + 2 * 5);
        assertThat(callers.get(0)).startsWith("strategy,row,days,staff_hours,callers,");
        assertThat(callers.get(1)).startsWith("Crisisline,tier 1,3,205,");
        assertThat(Files.readAllLines(dir.resolve(CsvReport.OPERATIVES))).hasSize(3);
        List<String> staffing = Files.readAllLines(dir.resolve(CsvReport.STAFFING));
        assertThat(staffing).hasSize(1 + 4 + ProtectionSwitch.values().length);
        assertThat(staffing).anyMatch(line -> line.startsWith("Crisisline without: recovery time after calls,"));
        assertThat(callers).allMatch(line -> line.split(",", -1).length == callers.get(0).split(",").length);
    }

    @Test
    @DisplayName("draw a chart that is well-formed SVG with the strategies and the staffing bars")
    void drawChart(@TempDir Path dir) throws Exception {
        Path file = SimulationChart.write(study, dir);

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
        String text = Files.readString(file);
        assertThat(text).contains("Tier 1: 90% answered within", "Callers who hung up", "Staff-hours a day needed",
                "Longest idle (baseline)", "without: recovery time after calls", "day's rota: 205");
    }

    @Test
    @DisplayName("print the tables and the verdict on the goal")
    void printReport() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new ConsoleReport(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(study);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Callers, on the day's own rota (205 staff-hours)", "strict p90",
                "Operatives, on the day's own rota", "Smallest rota meeting", "What each protection costs",
                "Goal:", "=> goal");
    }
}
