package org.crisisline.telephony.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shipped Asterisk {@code .conf} file read as Asterisk reads it: {@code [sections]} (a name may
 * repeat, as pjsip.conf does for an endpoint, its auth and its aor), {@code key = value} or
 * {@code key => value} lines, {@code ;} comments. Enough to check the files against each other.
 */
public record AsteriskConf(String file, Map<String, List<Entry>> sections) {
    static final Path FOLDER = Path.of("asterisk");

    /** One line of a section. */
    public record Entry(String key, String value) {
    }

    public static AsteriskConf load(String file) {
        try {
            Map<String, List<Entry>> sections = new LinkedHashMap<>();
            List<Entry> current = null;
            for (String raw : Files.readAllLines(FOLDER.resolve(file))) {
                String line = stripComment(raw).strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("[")) {
                    String name = line.substring(1, line.indexOf(']'));
                    current = sections.computeIfAbsent(name, n -> new ArrayList<>());
                } else if (current != null) {
                    current.add(entry(file, line));
                }
            }
            return new AsteriskConf(file, sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry entry(String file, String line) {
        int arrow = line.indexOf("=>");
        int equals = line.indexOf('=');
        int split = arrow >= 0 && arrow <= equals ? arrow : equals;
        if (split < 0) {
            throw new IllegalArgumentException(file + ": a line that is not key = value: " + line);
        }
        int valueStart = split == arrow ? arrow + 2 : equals + 1;
        return new Entry(line.substring(0, split).strip(), line.substring(valueStart).strip());
    }

    /** A ';' starts a comment unless escaped as '\;'. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ';' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    public List<Entry> section(String name) {
        List<Entry> entries = sections.get(name);
        if (entries == null) {
            throw new AssertionError(file + " has no [" + name + "]");
        }
        return entries;
    }

    List<String> values(String section, String key) {
        return section(section).stream().filter(e -> e.key().equals(key)).map(Entry::value).toList();
    }
}
