package org.crisisline.telephony.asterisk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisline.telephony.wire.AmiMessage;

/**
 * The include filters of the shipped manager.conf, applied as Asterisk applies advanced event filters
 * (docs.asterisk.org, "AMI Event Filtering"): with include filters only, an event is sent when one
 * filter matches its name and, if the filter names a header, that header's value by the filter's method.
 * Lets a test replay a real capture as a PBX with this manager.conf would send it.
 */
public final class ManagerEventFilter {
    private static final Pattern CRITERIA = Pattern.compile("eventfilter\\((.*)\\)");
    private static final Pattern CRITERION = Pattern.compile("(\\w+)\\(([^)]*)\\)");

    private record Include(String name, Optional<String> header, String method, String expression) {
        boolean matches(AmiMessage event) {
            if (!event.eventName().map(name::equals).orElse(false)) {
                return false;
            }
            if (header.isEmpty()) {
                return true;
            }
            Optional<String> value = event.get(header.get());
            return value.isPresent() && switch (method) {
                case "regex" -> Pattern.compile(expression).matcher(value.get()).find();
                case "starts_with" -> value.get().startsWith(expression);
                case "exact" -> value.get().equals(expression);
                default -> throw new IllegalArgumentException("method " + method + " is not used in manager.conf");
            };
        }
    }

    private final List<Include> includes;

    private ManagerEventFilter(List<Include> includes) {
        this.includes = List.copyOf(includes);
    }

    /** The filters of the {@code [crisisline]} user in the shipped manager.conf. */
    public static ManagerEventFilter shipped() {
        List<Include> includes = new ArrayList<>();
        for (AsteriskConf.Entry entry : AsteriskConf.load("manager.conf").section("crisisline")) {
            Matcher criteria = CRITERIA.matcher(entry.key());
            if (criteria.matches()) {
                includes.add(include(criteria.group(1), entry.value()));
            }
        }
        return new ManagerEventFilter(includes);
    }

    private static Include include(String criteria, String expression) {
        String name = null;
        String header = null;
        String method = "none";
        Matcher criterion = CRITERION.matcher(criteria);
        while (criterion.find()) {
            switch (criterion.group(1)) {
                case "action" -> {
                    if (!criterion.group(2).equals("include")) {
                        throw new IllegalArgumentException("only include filters are shipped: " + criteria);
                    }
                }
                case "name" -> name = criterion.group(2);
                case "header" -> header = criterion.group(2);
                case "method" -> method = criterion.group(2);
                default -> throw new IllegalArgumentException("unknown criterion in " + criteria);
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("every shipped filter names its event: " + criteria);
        }
        return new Include(name, Optional.ofNullable(header), method, expression);
    }

    /** Whether Asterisk would send this event to Crisisline's AMI user. Responses always pass. */
    public boolean passes(AmiMessage message) {
        return !message.isEvent() || includes.stream().anyMatch(include -> include.matches(message));
    }

    /** The event names the filters let through. */
    public List<String> eventNames() {
        return includes.stream().map(Include::name).distinct().toList();
    }
}
