package org.crisisline.load.agibench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.captures.Capture.Direction;
import org.crisisline.telephony.captures.Capture.Line;

/**
 * A minimal Asterisk on the FastAGI side, for one call at a time: connects, sends the environment of
 * {@code agi-triage-session.txt} with this call's Uniqueid and channel, and answers each command with
 * the reply the real Asterisk gave to the same command in the captures, until the server closes the
 * socket. {@code GET DATA} is answered by a typical caller: language 1, not in danger (2 to the danger
 * question), and 1 to anything else (a callback offer: keep my place; a number read back: it is right;
 * consent: yes). Commands the captures lack get res_agi.c's replies: {@code SAY DIGITS}/{@code SAY
 * NUMBER} {@code 200 result=0}, anything unknown {@code 510}.
 *
 * <p>The simulated PBX has a FastAGI client too ({@code org.crisisline.telephony.sim.AgiClient}), but
 * it and its environment and command handler are package-private and bound to the simulation's calls;
 * this one is the few lines a driver needs. Blocking; one instance per driver thread.
 */
final class AgiCaller {
    static final String SESSION_CAPTURE = "agi-triage-session.txt";
    static final String ROUTE_VARIABLE = "TRIAGE_ROUTE";
    /** asterisk-java quotes both: {@code SET VARIABLE "TRIAGE_ROUTE" "hold"}. */
    private static final Pattern ROUTE_SET = Pattern.compile("SET VARIABLE \"?" + ROUTE_VARIABLE + "\"? \"?([^\"]*)\"?");
    private static final String RECORDED_UNIQUEID = "1795316523.1";
    private static final String RECORDED_CHANNEL = "Local/08001234567@crisis-line-00000000;2";

    /** How one session went. */
    record Session(int commands, String route) {
    }

    private final List<String> environment;
    private final Map<String, String> replies;
    private final int port;

    AgiCaller(Recorded recorded, int port) {
        this.environment = recorded.environment();
        this.replies = recorded.replies();
        this.port = port;
    }

    /** The captured environment and replies, read once and shared by every caller. */
    record Recorded(List<String> environment, Map<String, String> replies) {
        static Recorded load() {
            List<String> environment = new ArrayList<>();
            for (Line line : Capture.load(SESSION_CAPTURE).lines()) {
                if (line.direction() != Direction.FROM_ASTERISK || line.text().isEmpty()) {
                    break;
                }
                environment.add(line.text());
            }
            Map<String, String> replies = new HashMap<>();
            // The plain session first; a hang-up's "result=-1" is never a reply to reuse.
            List<String> files = new ArrayList<>(List.of(SESSION_CAPTURE));
            Capture.AGI_FILES.stream().filter(f -> !f.equals(SESSION_CAPTURE)).forEach(files::add);
            for (String file : files) {
                String command = null;
                for (Line line : Capture.load(file).lines()) {
                    if (line.direction() == Direction.FROM_CLIENT) {
                        command = line.text();
                    } else if (command != null && line.text().startsWith("200 ")
                            && !line.text().startsWith("200 result=-1")) {
                        replies.putIfAbsent(verb(command), line.text());
                        command = null;
                    }
                }
            }
            replies.putIfAbsent("SAY DIGITS", "200 result=0");
            replies.putIfAbsent("SAY NUMBER", "200 result=0");
            return new Recorded(List.copyOf(environment), Map.copyOf(replies));
        }
    }

    /** Runs one call to its end; {@code n} makes its Uniqueid and channel its own. */
    Session call(long n) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            out.write(environment(n).getBytes(StandardCharsets.UTF_8));
            out.flush();
            int commands = 0;
            String route = null;
            String command;
            while ((command = in.readLine()) != null) {
                if (command.isEmpty()) {
                    continue;
                }
                commands++;
                String verb = verb(command);
                if (verb.equals("SET VARIABLE")) {
                    Matcher set = ROUTE_SET.matcher(command);
                    if (set.matches()) {
                        route = set.group(1);
                    }
                }
                out.write((reply(verb, command) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return new Session(commands, route);
        }
    }

    private String environment(long n) {
        String uniqueid = "1800000000." + n;
        String channel = String.format(Locale.ROOT, "Local/08001234567@crisis-line-%08x;2", n & 0xffff_ffffL);
        StringBuilder block = new StringBuilder(1024);
        for (String line : environment) {
            block.append(line.replace(RECORDED_UNIQUEID, uniqueid).replace(RECORDED_CHANNEL, channel)).append('\n');
        }
        return block.append('\n').toString();
    }

    private String reply(String verb, String command) {
        if (verb.equals("GET DATA")) {
            String[] words = command.split(" ");
            String prompt = words.length > 2 ? words[2].replace("\"", "") : ""; // asterisk-java quotes it
            return "200 result=" + (prompt.endsWith("danger-question") ? "2" : "1");
        }
        return replies.getOrDefault(verb, "510 Invalid or unknown command");
    }

    /** The command's name: its first word, or first two for the two-word commands res_agi.c has. */
    static String verb(String command) {
        String[] words = command.split(" ", 3);
        String first = words[0].toUpperCase(Locale.ROOT);
        if (words.length > 1 && List.of("GET", "SET", "STREAM", "CHANNEL", "SAY", "DATABASE", "SPEECH")
                .contains(first)) {
            String second = words[1].toUpperCase(Locale.ROOT);
            if (first.equals("GET") && second.equals("FULL")) {
                return "GET FULL VARIABLE";
            }
            return first + " " + second;
        }
        return first;
    }
}
