package org.crisisline.telephony.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers FastAGI commands for one simulated call the way the captured Asterisk 22 did
 * (agi-triage-*.txt): {@code 200 result=...} lines, {@code 510} for an unknown command, the
 * multi-line {@code 520} usage for GET DATA without arguments, {@code 511} for CHANNEL STATUS on a
 * dead channel. GET DATA and WAIT FOR DIGIT take the caller's next keypad answer (with DTMF events);
 * an answer of {@code hangup} makes the caller hang up right after the {@code result=-1} reply.
 * Every command is reported as AGIExecStart/AGIExecEnd on AMI.
 *
 * <p>Pure apart from the model it updates; not thread-safe: the model's thread only.
 */
final class AgiCommandHandler {
    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";
    private static final String UNKNOWN = "510 Invalid or unknown command";
    private static final String GET_DATA_USAGE = """
            520-Invalid command syntax.  Proper usage follows:
            Stream the given <replaceable>file</replaceable>, and receive DTMF data.
            Returns the digits received from the channel at the other end.
            520 End of proper usage.""";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

    private final InboundCall call;
    private final PbxModel model;
    private boolean hangUpAfterReply;

    AgiCommandHandler(InboundCall call, PbxModel model) {
        this.call = call;
        this.model = model;
    }

    InboundCall call() {
        return call;
    }

    /** The reply to one command line, without the final line end (lines inside are {@code \n}-separated). */
    String handle(String commandLine) {
        SimChannel channel = call.inbound();
        String commandId = model.ids().nextCommandId();
        model.emit(AmiEvents.agiExecStart(channel, commandId, commandLine));
        String reply = reply(commandLine, tokens(commandLine));
        int code = Integer.parseInt(reply.substring(0, 3));
        String result = switch (code) {
            case 200 -> "Success";
            case 510 -> "Invalid or unknown command";
            case 511 -> DEAD.substring(4);
            default -> "Usage";
        };
        model.emit(AmiEvents.agiExecEnd(channel, commandId, commandLine, code, result));
        return reply;
    }

    /** Runs what the caller does once the reply is on the wire (hanging up at a prompt). */
    void afterReply() {
        if (hangUpAfterReply) {
            hangUpAfterReply = false;
            model.hangupLeg(call.phone(), 16);
        }
    }

    private boolean dead() {
        return call.inbound().isHungUp();
    }

    private String reply(String line, List<String> t) {
        String verb = t.isEmpty() ? "" : t.get(0).toUpperCase(Locale.ROOT);
        String two = t.size() > 1 ? verb + " " + t.get(1).toUpperCase(Locale.ROOT) : verb;
        String three = t.size() > 2 ? two + " " + t.get(2).toUpperCase(Locale.ROOT) : two;
        if (three.equals("GET FULL VARIABLE")) {
            return variableReply(t.size() > 3 ? substitute(t.get(3)) : "");
        }
        if (three.equals("WAIT FOR DIGIT")) {
            return waitForDigit();
        }
        switch (two) {
            case "GET VARIABLE" -> {
                return variableReply(t.size() > 2 ? lookup(t.get(2)) : "");
            }
            case "SET VARIABLE" -> {
                if (t.size() > 3) {
                    model.setVariable(call.inbound(), t.get(2), t.get(3));
                }
                return "200 result=1";
            }
            case "STREAM FILE" -> {
                return dead() ? "200 result=-1 endpos=0" : "200 result=0 endpos=3404";
            }
            case "GET DATA" -> {
                return t.size() < 3 ? GET_DATA_USAGE : getData(t);
            }
            case "CHANNEL STATUS" -> {
                return dead() ? DEAD : "200 result=" + call.inbound().state().code();
            }
            case "SAY DIGITS", "SAY NUMBER", "SAY ALPHA", "SET CONTEXT", "SET EXTENSION", "SET PRIORITY",
                 "SET MUSIC" -> {
                return "200 result=0";
            }
            default -> { }
        }
        return switch (verb) {
            case "ANSWER", "EXEC", "NOOP" -> "200 result=0";
            case "VERBOSE" -> "200 result=1";
            case "HANGUP" -> {
                hangUpAfterReply = !dead();
                yield "200 result=1";
            }
            default -> UNKNOWN;
        };
    }

    private static String variableReply(String value) {
        return value.isEmpty() ? "200 result=0" : "200 result=1 (" + value + ")";
    }

    /** {@code GET DATA <file> [timeout] [maxdigits]}: digits, {@code (timeout)} if fewer than max, -1 on hangup. */
    private String getData(List<String> t) {
        if (dead()) {
            return "200 result=-1";
        }
        int max = t.size() > 4 ? parseInt(t.get(4), 1024) : 1024;
        String answer = call.nextAnswer();
        if (answer.equals(KeypadScript.HANG_UP)) {
            hangUpAfterReply = true;
            return "200 result=-1";
        }
        boolean terminated = answer.endsWith("#");
        String digits = terminated ? answer.substring(0, answer.length() - 1) : answer;
        if (digits.length() > max) {
            digits = digits.substring(0, max);
        }
        press(terminated ? digits + "#" : digits);
        boolean timedOut = !terminated && digits.length() < max;
        return "200 result=" + digits + (timedOut ? " (timeout)" : "");
    }

    /** {@code WAIT FOR DIGIT <timeout>}: the ASCII code of the digit, 0 on timeout. */
    private String waitForDigit() {
        if (dead()) {
            return "200 result=-1";
        }
        String answer = call.nextAnswer();
        if (answer.equals(KeypadScript.HANG_UP)) {
            hangUpAfterReply = true;
            return "200 result=-1";
        }
        if (answer.isEmpty()) {
            return "200 result=0";
        }
        press(answer.substring(0, 1));
        return "200 result=" + (int) answer.charAt(0);
    }

    private void press(String digits) {
        for (char digit : digits.toCharArray()) {
            model.dtmf(call.inbound(), digit);
        }
    }

    private String substitute(String text) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(lookup(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A channel variable, a global, or one of the dialplan functions an IVR asks for. */
    private String lookup(String name) {
        SimChannel c = call.inbound();
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "CALLERID(NUM)" -> c.callerIdNum().equals(SimChannel.UNKNOWN) ? "" : c.callerIdNum();
            case "CALLERID(NAME)" -> c.callerIdName().equals(SimChannel.UNKNOWN) ? "" : c.callerIdName();
            case "CHANNEL(LANGUAGE)", "LANGUAGE()" -> "en";
            case "CHANNEL(NAME)", "CHANNEL" -> c.name();
            case "UNIQUEID" -> c.uniqueid();
            case "CHANNEL(LINKEDID)" -> c.linkedid();
            default -> c.variable(name).or(() -> model.global(name)).orElse("");
        };
    }

    private static int parseInt(String text, int otherwise) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Splits a command line on spaces, keeping double-quoted arguments whole (without the quotes). */
    static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inToken = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
                inToken = true;
            } else if (ch == ' ' && !quoted) {
                if (inToken) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(ch);
                inToken = true;
            }
        }
        if (inToken) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
