package org.crisisline.telephony.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A pure AMI framing parser: fed bytes as they arrive, in chunks of any size, it hands out whole
 * messages. It never touches a socket, so a test feeds it bytes (after vertx-redis-client's
 * {@code RESPParser}).
 *
 * <p>Lines end in CRLF on a real Asterisk; a bare LF is accepted too. The banner
 * ({@code Asterisk Call Manager/11.0.0}) is the first line and is not followed by an empty line.
 * A message ends with an empty line.
 *
 * <p>Bad input never stops the stream: a header line without a colon, an over-long line or a
 * message with too many headers is reported to {@link Listener#malformed} and skipped, and the good
 * messages after it are still delivered. Bytes that are not UTF-8 become U+FFFD.
 *
 * <p>Not thread-safe: one reader per connection, fed from one thread.
 */
public final class AmiFrameReader {
    /** Where the reader delivers what it finds. */
    public interface Listener {
        void banner(String banner);

        void message(AmiMessage message);

        void malformed(String problem);
    }

    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_HEADERS = 2_000;
    private static final String BANNER_PREFIX = "Asterisk Call Manager/";

    private final Listener listener;
    private final int maxLineBytes;
    private final int maxHeaders;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final List<AmiMessage.Header> headers = new ArrayList<>();
    private boolean expectBanner;
    private boolean discardingLine;
    private boolean discardingMessage;

    public AmiFrameReader(Listener listener, boolean expectBanner) {
        this(listener, expectBanner, DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_HEADERS);
    }

    public AmiFrameReader(Listener listener, boolean expectBanner, int maxLineBytes, int maxHeaders) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.expectBanner = expectBanner;
        this.maxLineBytes = maxLineBytes;
        this.maxHeaders = maxHeaders;
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                endOfLine();
            } else if (discardingLine) {
                continue;
            } else if (line.size() >= maxLineBytes) {
                discardingLine = true;
                line.reset();
                listener.malformed("line longer than " + maxLineBytes + " bytes skipped");
            } else {
                line.write(b);
            }
        }
    }

    private void endOfLine() {
        if (discardingLine) {
            discardingLine = false;
            return;
        }
        String text = currentLine();
        if (expectBanner) {
            expectBanner = false;
            if (text.startsWith(BANNER_PREFIX)) {
                listener.banner(text);
                return;
            }
            listener.malformed("no AMI banner; got a line of " + text.length() + " characters");
        }
        if (text.isEmpty()) {
            endOfMessage();
        } else {
            header(text);
        }
    }

    private String currentLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void header(String text) {
        if (discardingMessage) {
            return;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || !isHeaderName(text, colon)) {
            listener.malformed("header line without a name and colon skipped");
            return;
        }
        if (headers.size() >= maxHeaders) {
            discardingMessage = true;
            headers.clear();
            listener.malformed("message with more than " + maxHeaders + " headers skipped");
            return;
        }
        String name = text.substring(0, colon);
        String value = text.substring(colon + 1);
        // Asterisk writes "Name: value"; keep a value's own leading spaces beyond the first.
        headers.add(new AmiMessage.Header(name, value.startsWith(" ") ? value.substring(1) : value));
    }

    /** Header names are printable ASCII without spaces; anything else is junk, not a header. */
    private static boolean isHeaderName(String text, int end) {
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private void endOfMessage() {
        if (discardingMessage) {
            discardingMessage = false;
            return;
        }
        if (headers.isEmpty()) {
            return;
        }
        AmiMessage message = AmiMessage.of(headers);
        headers.clear();
        listener.message(message);
    }
}
