package org.crisisline.telephony.agi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The FastAGI environment block as the IVR reads it. Asterisk sends {@code agi_<key>: <value>} lines,
 * an empty value keeping the space after the colon (fixtures README); {@code agi_network_script} is
 * the URL path with its query ({@code triage?line=crisis}); the AGI() arguments after the URL arrive as
 * {@code agi_arg_1..N}. The dialplan contract passes the caller's number as {@code agi_arg_1} and the
 * channel language as {@code agi_arg_2} (asterisk/README.md).
 *
 * <p>Parsing never fails: a missing key reads as empty. Immutable.
 *
 * @param script     the script name before {@code ?}, e.g. {@code triage}
 * @param parameters the query parameters, e.g. {@code line=crisis}
 * @param channel    {@code agi_channel}
 * @param uniqueId   {@code agi_uniqueid}
 * @param callerArg  {@code agi_arg_1}: the caller's number as the dialplan saw it, often empty
 * @param language   {@code agi_arg_2}, else {@code agi_language}
 */
record AgiEnvironment(String script, Map<String, String> parameters, String channel, String uniqueId,
        String callerArg, String language) {

    AgiEnvironment {
        parameters = Map.copyOf(parameters);
    }

    /** The helpline, from the {@code line} parameter; empty when the dialplan gave none. */
    String line() {
        return parameters.getOrDefault("line", "");
    }

    /** From raw lines as they came on the socket ({@code agi_network: yes}, ...); lines without a colon are ignored. */
    static AgiEnvironment fromLines(List<String> lines) {
        Map<String, String> values = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (key.startsWith("agi_")) {
                key = key.substring(4);
            }
            String value = line.substring(colon + 1);
            values.putIfAbsent(key, value.startsWith(" ") ? value.substring(1) : value);
        }
        return of(values);
    }

    /** From the keys without their {@code agi_} prefix, as asterisk-java's {@code AgiRequest.getRequest()} holds them. */
    static AgiEnvironment of(Map<String, String> values) {
        String networkScript = value(values, "network_script");
        int question = networkScript.indexOf('?');
        String script = question < 0 ? networkScript : networkScript.substring(0, question);
        Map<String, String> parameters = question < 0 ? Map.of() : query(networkScript.substring(question + 1));
        String language = value(values, "arg_2");
        if (language.isBlank()) {
            language = value(values, "language");
        }
        return new AgiEnvironment(script.trim(), parameters, value(values, "channel"), value(values, "uniqueid"),
                phoneNumber(value(values, "arg_1")), language.trim());
    }

    /**
     * The caller's number, or empty when Asterisk does not know it: digits, with a leading {@code +}
     * kept; {@code unknown}, {@code anonymous} and anything else that is not a number read as empty.
     */
    static String phoneNumber(String raw) {
        String trimmed = raw == null ? "" : raw.trim();
        return trimmed.matches("\\+?[0-9]{3,20}") ? trimmed : "";
    }

    private static String value(Map<String, String> values, String key) {
        String value = values.get(key);
        return value == null ? "" : value;
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray '%': keep it as Asterisk sent it
        }
    }
}
