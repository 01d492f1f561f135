package org.crisisline.load.sim.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one RFC 4180 CSV file: a header, then rows. Numbers are written with a dot, infinity
 * (never answered) as {@code inf} and NaN (nothing to measure) as an empty cell, so a spreadsheet
 * reads them as numbers.
 */
final class CsvWriter {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    CsvWriter(String... header) {
        this.header = List.of(header);
    }

    CsvWriter row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "a row of " + cells.length + " cells under " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell(cell));
        }
        rows.add(row);
        return this;
    }

    void writeTo(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(out, header);
            for (List<String> row : rows) {
                line(out, row);
            }
        }
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        List<String> quoted = new ArrayList<>(cells.size());
        for (String cell : cells) {
            quoted.add(quote(cell));
        }
        out.write(String.join(",", quoted));
        out.write("\r\n");
    }

    private static String cell(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            return String.format(Locale.ROOT, "%.3f", d);
        }
        return String.valueOf(value);
    }

    private static String quote(String cell) {
        boolean needsQuotes = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        return needsQuotes ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
