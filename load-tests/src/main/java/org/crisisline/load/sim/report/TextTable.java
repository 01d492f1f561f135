package org.crisisline.load.sim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for the terminal: a header row, then rows, columns padded to their widest cell.
 * The first column is left-aligned, the others right-aligned (they hold numbers).
 */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + columns);
        }
        rows.add(cells);
        return this;
    }

    /** The table as lines, each indented by {@code indent} spaces. */
    List<String> lines(int indent) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        List<String> lines = new ArrayList<>();
        String margin = " ".repeat(indent);
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder(margin);
            String[] row = rows.get(r);
            for (int c = 0; c < columns; c++) {
                String pad = " ".repeat(widths[c] - row[c].length());
                line.append(c == 0 ? row[c] + pad : pad + row[c]).append(c + 1 < columns ? "  " : "");
            }
            lines.add(line.toString().stripTrailing());
            if (r == 0) {
                int total = Arrays.stream(widths).sum() + 2 * (columns - 1);
                lines.add(margin + "-".repeat(total));
            }
        }
        return lines;
    }
}
