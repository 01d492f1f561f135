package org.crisisline.telephony.agi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.captures.Capture.Direction;

/**
 * What a real Asterisk 22.10.1 answered to FastAGI commands, indexed by command from the three
 * {@code agi-*.txt} captures, so the fake Asterisk answers with real reply lines rather than ones
 * typed here. Two formats are not in the captures and come from {@code res/res_agi.c} instead:
 * {@code GET DATA} ending on its timeout ({@code 200 result=<keys> (timeout)}) and the plain
 * {@code 200 result=0} of SAY DIGITS / SAY NUMBER, which is the ANSWER reply's format.
 */
final class CapturedReplies {
    /** The commands a real Asterisk still answers with 200 after a hang-up (agi-triage-hangup.txt, res_agi.c "dead"). */
    static final List<String> ALLOWED_ON_DEAD_CHANNEL = List.of("SET VARIABLE", "GET VARIABLE", "GET FULL VARIABLE",
            "VERBOSE", "EXEC");
    private static final List<String> VERBS = List.of("ANSWER", "VERBOSE", "GET VARIABLE", "GET FULL VARIABLE",
            "STREAM FILE", "GET DATA", "SET VARIABLE", "EXEC", "CHANNEL STATUS", "SAY DIGITS", "SAY NUMBER");

    /** One command the capture's client sent and the lines Asterisk answered, asynchronous ones included. */
    record Exchange(String command, List<String> reply) {
    }

    private final List<String> files = new ArrayList<>();
    private final Map<String, List<String>> environments = new LinkedHashMap<>();
    private final List<Exchange> exchanges = new ArrayList<>();

    private CapturedReplies() {
    }

    static CapturedReplies load(List<String> files) {
        CapturedReplies replies = new CapturedReplies();
        files.forEach(replies::add);
        return replies;
    }

    private void add(String file) {
        files.add(file);
        List<String> env = new ArrayList<>();
        Exchange current = null;
        boolean inEnv = true;
        for (Capture.Line line : Capture.load(file).lines()) {
            if (inEnv) {
                if (line.direction() != Direction.FROM_ASTERISK) {
                    throw new IllegalStateException(file + ": the client spoke before the environment ended");
                }
                if (line.text().isEmpty()) {
                    inEnv = false;
                } else {
                    env.add(line.text());
                }
            } else if (line.direction() == Direction.FROM_CLIENT) {
                current = new Exchange(line.text(), new ArrayList<>());
                exchanges.add(current);
            } else if (current != null) {
                current.reply().add(line.text());
            }
        }
        environments.put(file, List.copyOf(env));
    }

    List<String> files() {
        return List.copyOf(files);
    }

    /** The environment block of a capture, without its ending empty line. */
    List<String> environment(String file) {
        return environments.get(file);
    }

    /** The verb of a command line: {@code GET DATA hello 5000 1} → {@code GET DATA}; unknown → the first word. */
    static String verb(String command) {
        String upper = command.trim().toUpperCase();
        return VERBS.stream().filter(verb -> upper.equals(verb) || upper.startsWith(verb + " ")).findFirst()
                .orElse(upper.isEmpty() ? "" : upper.split(" ")[0]);
    }

    /** The first reply line a real Asterisk gave this verb with status 200 on a live channel. */
    String success(String verb) {
        String replyVerb = verb.startsWith("SAY ") ? "ANSWER" : verb;
        for (Exchange exchange : exchanges) {
            if (verb(exchange.command()).equals(replyVerb) && exchange.reply().size() == 1
                    && exchange.reply().get(0).startsWith("200 ") && !exchange.reply().get(0).contains("=-1")) {
                return exchange.reply().get(0);
            }
        }
        throw new IllegalStateException("no captured success reply for " + verb);
    }

    /** {@code 200 result=<keys>}: the captured GET DATA digit reply with other keys. */
    String keys(String keys) {
        return line("GET DATA", "200 result=[0-9]+").replaceFirst("=[0-9]+", "=" + keys);
    }

    /** {@code 200 result=<keys> (timeout)} (res_agi.c: not captured). */
    String timeout(String keysSoFar) {
        return keys(keysSoFar) + " (timeout)";
    }

    /** {@code 200 result=-1}: GET DATA when the caller hung up. */
    String hungUp() {
        return line("GET DATA", "200 result=-1");
    }

    /** The asynchronous {@code HANGUP} line that arrived on the socket after a hang-up. */
    String asyncHangup() {
        for (Exchange exchange : exchanges) {
            // A reply that starts with something other than a status: the line came before the reply.
            if (exchange.reply().size() > 1 && !exchange.reply().get(0).matches("^[0-9]{3}[ -].*")) {
                return exchange.reply().get(0);
            }
        }
        throw new IllegalStateException("no asynchronous line captured");
    }

    /** {@code 511 ...}: a command not allowed on a dead channel. */
    String deadChannel() {
        return line("CHANNEL STATUS", "511 .*");
    }

    /** {@code 200 result=0}: GET VARIABLE of an unset variable. */
    String unset() {
        return line("GET VARIABLE", "200 result=0");
    }

    /** {@code 510 ...}: an unknown command. */
    String unknownCommand() {
        for (Exchange exchange : exchanges) {
            if (exchange.reply().size() == 1 && exchange.reply().get(0).startsWith("510 ")) {
                return exchange.reply().get(0);
            }
        }
        throw new IllegalStateException("no 510 captured");
    }

    /** The multi-line {@code 520-} ... {@code 520 End of proper usage.} reply. */
    List<String> usage() {
        for (Exchange exchange : exchanges) {
            if (!exchange.reply().isEmpty() && exchange.reply().get(0).startsWith("520-")) {
                return List.copyOf(exchange.reply());
            }
        }
        throw new IllegalStateException("no 520 captured");
    }

    private String line(String verb, String pattern) {
        for (Exchange exchange : exchanges) {
            if (verb(exchange.command()).equals(verb)) {
                for (String line : exchange.reply()) {
                    if (line.matches(pattern)) {
                        return line;
                    }
                }
            }
        }
        throw new IllegalStateException("no captured " + verb + " reply like " + pattern);
    }
}
