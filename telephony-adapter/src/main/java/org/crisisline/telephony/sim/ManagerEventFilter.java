package org.crisisline.telephony.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.crisisline.telephony.wire.AmiMessage;

/**
 * Which events Asterisk writes to one AMI user, as {@code manager.conf} says: the user's {@code read}
 * classes (an event whose {@code Privilege} names none of them is not sent) and its
 * {@code eventfilter(action(include|exclude),name(...),header(...),method(exact|starts_with|regex)) = value}
 * lines (Asterisk 21+ advanced filters, main/manager.c). With include filters, only an event one of
 * them matches is sent; an event an exclude filter matches is never sent. The legacy regex form
 * ({@code eventfilter = !Event: X}) is not read: a file using it fails to load, naming the line.
 *
 * <p>Lets a test or a benchmark see a real capture as a PBX with the shipped manager.conf would send it.
 * Immutable and thread-safe.
 */
public final class ManagerEventFilter {
    /** Everything is sent: {@code read = all}, no filters (the captures' AMI user). */
    public static final ManagerEventFilter NONE = new ManagerEventFilter("none", Set.of("all"), List.of(), List.of());

    private static final Pattern ADVANCED = Pattern.compile(
            "eventfilter\\(action\\((include|exclude)\\)((?:,[a-z_]+\\([^)]*\\))*)\\)");
    private static final Pattern PART = Pattern.compile(",([a-z_]+)\\(([^)]*)\\)");

    private final String name;
    private final Set<String> readClasses;
    private final List<Predicate<AmiMessage>> includes;
    private final List<Predicate<AmiMessage>> excludes;

    private ManagerEventFilter(String name, Set<String> readClasses, List<Predicate<AmiMessage>> includes,
                        List<Predicate<AmiMessage>> excludes) {
        this.name = name;
        this.readClasses = Set.copyOf(readClasses);
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
    }

    /** The shipped {@code telephony-adapter/asterisk/manager.conf} (copied beside this class by the build), user {@code crisisline}. */
    public static ManagerEventFilter shipped() {
        try (InputStream in = ManagerEventFilter.class.getResourceAsStream("manager.conf")) {
            Objects.requireNonNull(in, "manager.conf is not on the classpath (see telephony-adapter/pom.xml)");
            return parse("manager.conf [crisisline]", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "crisisline");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one user's section of a {@code manager.conf} text. */
    public static ManagerEventFilter parse(String name, String conf, String user) {
        Set<String> read = Set.of();
        List<Predicate<AmiMessage>> includes = new ArrayList<>();
        List<Predicate<AmiMessage>> excludes = new ArrayList<>();
        String section = null;
        boolean found = false;
        for (String raw : conf.split("\n")) {
            String line = stripComment(raw).strip();
            if (line.startsWith("[")) {
                section = line.substring(1, line.indexOf(']'));
                found |= section.equals(user);
                continue;
            }
            if (!user.equals(section) || line.isEmpty()) {
                continue;
            }
            if (line.startsWith("eventfilter")) {
                Matcher m = ADVANCED.matcher(line);
                String rest = m.lookingAt() ? line.substring(m.end()).strip() : "";
                if (!rest.startsWith("=")) {
                    throw new IllegalArgumentException(name + ": not an advanced eventfilter: " + line);
                }
                (m.group(1).equals("include") ? includes : excludes)
                        .add(criterion(name, m.group(2), rest.substring(1).strip(), line));
                continue;
            }
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).strip().equals("read")) {
                read = Arrays.stream(line.substring(equals + 1).split(",")).map(String::strip)
                        .collect(Collectors.toSet());
            }
        }
        if (!found) {
            throw new IllegalArgumentException(name + ": no [" + user + "] section");
        }
        return new ManagerEventFilter(name, read, includes, excludes);
    }

    private static Predicate<AmiMessage> criterion(String file, String parts, String value, String line) {
        String event = null;
        String header = null;
        String method = "exact";
        Matcher p = PART.matcher(parts);
        while (p.find()) {
            switch (p.group(1)) {
                case "name" -> event = p.group(2);
                case "header" -> header = p.group(2);
                case "method" -> method = p.group(2);
                default -> throw new IllegalArgumentException(file + ": unknown eventfilter part: " + line);
            }
        }
        Predicate<String> matches = switch (method) {
            case "exact" -> value::equals;
            case "starts_with" -> v -> v.startsWith(value);
            case "regex" -> Pattern.compile(value).asPredicate();
            default -> throw new IllegalArgumentException(file + ": unknown eventfilter method: " + line);
        };
        String eventName = event;
        String headerName = header;
        return message -> (eventName == null || message.eventName().filter(eventName::equalsIgnoreCase).isPresent())
                && (headerName == null ? value.isEmpty() || matches.test(message.toWire())
                : message.get(headerName).filter(matches).isPresent());
    }

    private static String stripComment(String line) {
        int semicolon = line.indexOf(';');
        return semicolon < 0 ? line : line.substring(0, semicolon);
    }

    /** Whether Asterisk writes this event to the user. */
    public boolean passes(AmiMessage event) {
        if (!readClasses.contains("all") && !readable(event)) {
            return false;
        }
        if (!includes.isEmpty() && includes.stream().noneMatch(f -> f.test(event))) {
            return false;
        }
        return excludes.stream().noneMatch(f -> f.test(event));
    }

    /** An event without Privilege (a list item of an action's reply) goes to whoever asked. */
    private boolean readable(AmiMessage event) {
        return event.get("Privilege")
                .map(p -> Arrays.stream(p.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                        .anyMatch(c -> !c.equals("all") && readClasses.contains(c)))
                .orElse(true);
    }

    public List<AmiMessage> apply(List<AmiMessage> events) {
        return events.stream().filter(this::passes).toList();
    }

    public String name() {
        return name;
    }
}
