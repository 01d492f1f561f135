package org.crisisline.telephony.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake Asterisk on the FastAGI client side: connects to the IVR server over a real socket, sends a
 * recorded environment ({@code \n} line ends, as captured), then answers each command with the reply
 * a real Asterisk gave ({@link CapturedReplies}) and the caller's {@link Keypad}. After a hang-up it
 * behaves like the capture: the asynchronous {@code HANGUP} line before the next reply, 200 for the
 * commands Asterisk allows on a dead channel, 511 for the others. Runs on the calling thread.
 */
final class FakeAsterisk {
    /** What happened on one call: every command the server sent, and the variables it set. */
    record Call(List<String> commands, List<String> sent, Map<String, String> variables) {
        boolean asked(String verb) {
            return commands.stream().anyMatch(command -> CapturedReplies.verb(command).equals(verb));
        }

        List<String> commandsLike(String verb) {
            return commands.stream().filter(command -> CapturedReplies.verb(command).equals(verb)).toList();
        }
    }

    private final CapturedReplies replies;
    private final int port;

    FakeAsterisk(CapturedReplies replies, int port) {
        this.replies = replies;
        this.port = port;
    }

    /** One call: sends {@code environment}, answers until the server closes the socket. */
    Call call(List<String> environment, Keypad keypad) throws IOException {
        List<String> commands = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        Map<String, String> variables = new LinkedHashMap<>();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder env = new StringBuilder();
            environment.forEach(line -> env.append(line).append('\n'));
            env.append('\n');
            write(out, env.toString());
            boolean dead = false;
            boolean hangupLinePending = false;
            for (String command = in.readLine(); command != null; command = in.readLine()) {
                commands.add(command);
                String verb = CapturedReplies.verb(command);
                List<String> reply;
                boolean hangsUpNow = false;
                if (dead && !CapturedReplies.ALLOWED_ON_DEAD_CHANNEL.contains(verb)) {
                    reply = List.of(replies.deadChannel());
                } else {
                    String press = verb.equals("GET DATA") ? keypad.next() : "";
                    hangsUpNow = Keypad.hangsUpAfter(press);
                    reply = answer(command, verb, Keypad.keysOf(press), variables);
                }
                if (!dead && (hangsUpNow || reply.equals(List.of(replies.hungUp())))) {
                    dead = true;
                    hangupLinePending = true;
                } else if (hangupLinePending) {
                    reply = prepend(replies.asyncHangup(), reply);
                    hangupLinePending = false;
                }
                StringBuilder wire = new StringBuilder();
                reply.forEach(line -> wire.append(line).append('\n'));
                sent.addAll(reply);
                write(out, wire.toString());
            }
        }
        return new Call(commands, sent, variables);
    }

    private List<String> answer(String command, String verb, String press, Map<String, String> variables) {
        return switch (verb) {
            case "GET DATA" -> {
                if (command.trim().equalsIgnoreCase("GET DATA")) {
                    yield replies.usage();
                }
                if (press.equals(Keypad.HANG_UP)) {
                    yield List.of(replies.hungUp());
                }
                yield List.of(press.equals(Keypad.TIMEOUT) ? replies.timeout("") : replies.keys(press));
            }
            case "SET VARIABLE" -> {
                List<String> args = arguments(command);
                variables.put(args.get(2), args.size() > 3 ? args.get(3) : "");
                yield List.of(replies.success(verb));
            }
            case "ANSWER", "VERBOSE", "GET FULL VARIABLE", "STREAM FILE", "EXEC", "CHANNEL STATUS", "SAY DIGITS",
                    "SAY NUMBER" -> List.of(replies.success(verb));
            case "GET VARIABLE" -> List.of(replies.unset());
            default -> List.of(replies.unknownCommand());
        };
    }

    private static List<String> prepend(String line, List<String> reply) {
        List<String> all = new ArrayList<>();
        all.add(line);
        all.addAll(reply);
        return all;
    }

    /** The words of a command, quotes removed: asterisk-java quotes every argument. */
    static List<String> arguments(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any || word.length() > 0) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
            }
        }
        if (any || word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
