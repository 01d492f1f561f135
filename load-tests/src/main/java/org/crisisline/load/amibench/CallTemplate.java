package org.crisisline.load.amibench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisline.telephony.wire.AmiMessage;

/**
 * One recorded call's AMI events, compiled once, that renders copy number {@code n} of the call as
 * wire bytes with every identity rewritten so that no two copies share one and each copy's relations
 * stay as recorded:
 *
 * <ul>
 *   <li>a Uniqueid or Linkedid ({@code <epoch>.<sequence>}, in any header ending in {@code Uniqueid}
 *       or {@code Linkedid}) keeps its epoch, and its sequence becomes {@code n * stride + sequence};
 *       a Linkedid was the Uniqueid of the call's first channel, so it still is;</li>
 *   <li>a Local channel's 8-hex counter ({@code Local/op1@operatives-00000001;1}) becomes
 *       {@code n * stride + counter}, wherever the name appears (Channel, DestChannel, BRIDGEPEER);</li>
 *   <li>a {@code BridgeUniqueid} keeps its first 24 characters, and {@code n} is added to its last 12
 *       hex digits.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; {@link #render} writes into the caller's buffer.
 */
final class CallTemplate {
    private static final Pattern UNIQUEID = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Pattern CHANNEL_COUNTER = Pattern.compile("-([0-9a-f]{8});");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A piece of the wire text: fixed bytes, or an identity rendered per copy. */
    private sealed interface Piece permits Literal, UniqueidSlot, ChannelSlot, BridgeSlot {
    }

    private record Literal(byte[] bytes) implements Piece {
    }

    private record UniqueidSlot(byte[] epochAndDot, long sequence) implements Piece {
    }

    private record ChannelSlot(long counter) implements Piece {
    }

    private record BridgeSlot(byte[] prefix, long recorded) implements Piece {
    }

    private final List<Piece> pieces;
    private final int eventCount;
    private final int bytesPerCall;
    private final long uniqueidStride;
    private final long channelStride;
    private final String arrivalUniqueid;

    private CallTemplate(List<Piece> pieces, int eventCount, int bytesPerCall, long uniqueidStride,
                         long channelStride, String arrivalUniqueid) {
        this.pieces = List.copyOf(pieces);
        this.eventCount = eventCount;
        this.bytesPerCall = bytesPerCall;
        this.uniqueidStride = uniqueidStride;
        this.channelStride = channelStride;
        this.arrivalUniqueid = arrivalUniqueid;
    }

    /**
     * Compiles the events of one call. The call's arrival is its first {@code Newchannel} that is
     * ringing in ({@code ChannelState: 4}): the channel the adapter reports as {@code CallArrived}.
     */
    static CallTemplate of(List<AmiMessage> events) {
        long maxSequence = 0;
        long maxCounter = 0;
        String arrival = null;
        for (AmiMessage event : events) {
            for (AmiMessage.Header header : event.headers()) {
                if (isIdentity(header.name())) {
                    Matcher m = UNIQUEID.matcher(header.value());
                    if (m.matches()) {
                        maxSequence = Math.max(maxSequence, Long.parseLong(m.group(2)));
                    }
                }
                Matcher c = CHANNEL_COUNTER.matcher(header.value());
                while (c.find()) {
                    maxCounter = Math.max(maxCounter, Long.parseLong(c.group(1), 16));
                }
            }
            if (arrival == null && event.eventName().filter("Newchannel"::equalsIgnoreCase).isPresent()
                    && event.get("ChannelState").filter("4"::equals).isPresent()) {
                arrival = event.get("Uniqueid").orElse(null);
            }
        }
        if (arrival == null) {
            throw new IllegalArgumentException("the call has no Newchannel ringing in (ChannelState 4)");
        }
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (AmiMessage event : events) {
            for (AmiMessage.Header header : event.headers()) {
                literal.append(header.name()).append(": ");
                compileValue(header, literal, pieces);
                literal.append("\r\n");
            }
            literal.append("\r\n");
        }
        flush(literal, pieces);
        CallTemplate template = new CallTemplate(pieces, events.size(), 0, maxSequence + 1, maxCounter + 1, arrival);
        int size = template.render(0, new Sink()).size();
        return new CallTemplate(pieces, events.size(), size, maxSequence + 1, maxCounter + 1, arrival);
    }

    private static void compileValue(AmiMessage.Header header, StringBuilder literal, List<Piece> pieces) {
        String value = header.value();
        if (isIdentity(header.name())) {
            Matcher m = UNIQUEID.matcher(value);
            if (m.matches()) {
                flush(literal, pieces);
                pieces.add(new UniqueidSlot((m.group(1) + ".").getBytes(StandardCharsets.US_ASCII),
                        Long.parseLong(m.group(2))));
                return;
            }
        }
        if (header.name().equalsIgnoreCase("BridgeUniqueid") && UUID.matcher(value).matches()) {
            flush(literal, pieces);
            pieces.add(new BridgeSlot(value.substring(0, 24).getBytes(StandardCharsets.US_ASCII),
                    Long.parseLong(value.substring(24), 16)));
            return;
        }
        Matcher c = CHANNEL_COUNTER.matcher(value);
        int from = 0;
        while (c.find()) {
            literal.append(value, from, c.start(1));
            flush(literal, pieces);
            pieces.add(new ChannelSlot(Long.parseLong(c.group(1), 16)));
            from = c.end(1);
        }
        literal.append(value, from, value.length());
    }

    private static boolean isIdentity(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return name.endsWith("uniqueid") && !name.equals("bridgeuniqueid") || name.endsWith("linkedid");
    }

    private static void flush(StringBuilder literal, List<Piece> pieces) {
        if (literal.length() > 0) {
            pieces.add(new Literal(literal.toString().getBytes(StandardCharsets.UTF_8)));
            literal.setLength(0);
        }
    }

    /** AMI events in one copy of the call. */
    int eventCount() {
        return eventCount;
    }

    /** Bytes of the first copy (later copies differ by a few digits). */
    int bytesPerCall() {
        return bytesPerCall;
    }

    /** The Uniqueid copy {@code n} gives to the recorded {@code uniqueid}. */
    String uniqueid(long n, String recorded) {
        Matcher m = UNIQUEID.matcher(recorded);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Uniqueid: " + recorded);
        }
        return m.group(1) + "." + (n * uniqueidStride + Long.parseLong(m.group(2)));
    }

    /** The Uniqueid of copy {@code n}'s arriving channel, which its {@code CallArrived} carries. */
    String arrivalUniqueid(long n) {
        return uniqueid(n, arrivalUniqueid);
    }

    /** Appends copy {@code n} of the call to {@code sink} and returns it. */
    Sink render(long n, Sink sink) {
        for (Piece piece : pieces) {
            if (piece instanceof Literal literal) {
                sink.write(literal.bytes());
            } else if (piece instanceof UniqueidSlot id) {
                sink.write(id.epochAndDot());
                sink.writeDecimal(n * uniqueidStride + id.sequence());
            } else if (piece instanceof ChannelSlot channel) {
                sink.writeHex((n * channelStride + channel.counter()) & 0xffff_ffffL, 8);
            } else if (piece instanceof BridgeSlot bridge) {
                sink.write(bridge.prefix());
                sink.writeHex((bridge.recorded() + n) & 0xffff_ffff_ffffL, 12);
            }
        }
        return sink;
    }

    /** A growable byte buffer, reused call after call. Not thread-safe. */
    static final class Sink extends ByteArrayOutputStream {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private final byte[] digits = new byte[20];

        Sink() {
            super(64 * 1024);
        }

        @Override
        public void write(byte[] bytes) {
            write(bytes, 0, bytes.length);
        }

        void writeDecimal(long value) {
            int i = digits.length;
            do {
                digits[--i] = (byte) ('0' + value % 10);
                value /= 10;
            } while (value > 0);
            write(digits, i, digits.length - i);
        }

        void writeHex(long value, int width) {
            for (int shift = (width - 1) * 4; shift >= 0; shift -= 4) {
                write(HEX[(int) (value >>> shift) & 0xf]);
            }
        }

        byte[] array() {
            return buf;
        }
    }
}
