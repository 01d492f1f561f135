package org.crisisline.telephony.captures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crisisline.telephony.wire.AmiFrameReader;
import org.crisisline.telephony.wire.AmiMessage;

/**
 * One transcript recorded from a real Asterisk 22.10.1 (copied from {@code shared/fixtures/asterisk},
 * see the README beside the files): each line is {@code "< "} (from Asterisk) or {@code "> "} (from
 * the client) and one protocol line without its terminator.
 */
public final class Capture {
    /** Every capture file, so a test can prove it covers them all. */
    public static final List<String> AMI_FILES = List.of(
            "ami-agi-cmht.txt", "ami-agi-hangup.txt", "ami-login-failed.txt", "ami-login.txt",
            "ami-originate-callback.txt", "ami-originate-failed.txt", "ami-queue-abandon.txt",
            "ami-queue-answered.txt", "ami-queue-status.txt", "ami-redirect.txt");
    public static final List<String> AGI_FILES = List.of(
            "agi-triage-cmht.txt", "agi-triage-hangup.txt", "agi-triage-session.txt");

    /** Who wrote a line. */
    public enum Direction { FROM_ASTERISK, FROM_CLIENT }

    public record Line(Direction direction, String text) {
    }

    /** One AMI step: the banner, or a whole message, with who sent it. */
    public record AmiStep(Direction direction, String banner, AmiMessage message) {
        public boolean isBanner() {
            return banner != null;
        }
    }

    private final String name;
    private final List<Line> lines;

    private Capture(String name, List<Line> lines) {
        this.name = name;
        this.lines = List.copyOf(lines);
    }

    public static Capture load(String name) {
        String resource = "/org/crisisline/telephony/captures/" + name;
        try (InputStream in = Capture.class.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, () -> "no capture " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Line> lines = new ArrayList<>();
            for (String raw : text.split("\n", -1)) {
                if (raw.isEmpty()) {
                    continue; // the file's own final newline
                }
                lines.add(parse(name, raw));
            }
            return new Capture(name, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Line parse(String name, String raw) {
        Direction direction = switch (raw.charAt(0)) {
            case '<' -> Direction.FROM_ASTERISK;
            case '>' -> Direction.FROM_CLIENT;
            default -> throw new IllegalArgumentException(name + ": line without a direction: " + raw);
        };
        // "< text", or a bare "<" for an empty line whose trailing space an editor stripped.
        String text = raw.length() <= 2 ? "" : raw.substring(2);
        return new Line(direction, text);
    }

    public String name() {
        return name;
    }

    public List<Line> lines() {
        return lines;
    }

    /** The bytes one side wrote, with the terminator the protocol used ({@code "\r\n"} or {@code "\n"}). */
    public byte[] bytes(Direction direction, String terminator) {
        StringBuilder wire = new StringBuilder();
        for (Line line : lines) {
            if (line.direction() == direction) {
                wire.append(line.text()).append(terminator);
            }
        }
        return wire.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The AMI session as steps, in the order the client saw them. */
    public List<AmiStep> amiSteps() {
        List<AmiStep> steps = new ArrayList<>();
        AmiFrameReader fromAsterisk = new AmiFrameReader(collector(steps, Direction.FROM_ASTERISK), true);
        AmiFrameReader fromClient = new AmiFrameReader(collector(steps, Direction.FROM_CLIENT), false);
        for (Line line : lines) {
            byte[] bytes = (line.text() + "\r\n").getBytes(StandardCharsets.UTF_8);
            (line.direction() == Direction.FROM_ASTERISK ? fromAsterisk : fromClient).feed(bytes);
        }
        return steps;
    }

    /** The AMI messages one side sent, in order. */
    public List<AmiMessage> amiMessages(Direction direction) {
        return amiSteps().stream()
                .filter(step -> step.direction() == direction && !step.isBanner())
                .map(AmiStep::message)
                .toList();
    }

    /** The AMI events Asterisk sent, in order. */
    public List<AmiMessage> amiEvents() {
        return amiMessages(Direction.FROM_ASTERISK).stream().filter(AmiMessage::isEvent).toList();
    }

    private AmiFrameReader.Listener collector(List<AmiStep> steps, Direction direction) {
        return new AmiFrameReader.Listener() {
            @Override
            public void banner(String banner) {
                steps.add(new AmiStep(direction, banner, null));
            }

            @Override
            public void message(AmiMessage message) {
                steps.add(new AmiStep(direction, null, message));
            }

            @Override
            public void malformed(String problem) {
                throw new IllegalStateException(name + ": the capture does not parse: " + problem);
            }
        };
    }
}
