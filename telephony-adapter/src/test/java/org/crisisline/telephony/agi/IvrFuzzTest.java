package org.crisisline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.crisisline.telephony.captures.Capture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the IVR server against mangled FastAGI input")
class IvrFuzzTest {
    private static final CapturedReplies REPLIES = CapturedReplies.load(Capture.AGI_FILES);
    private static final List<String> ENV = REPLIES.environment(IvrServerTest.SESSION);

    private final Vertx vertx = Vertx.vertx();
    private final LogCapture logs = new LogCapture();
    private IvrServer server;
    private FakeAsterisk asterisk;

    @BeforeEach
    void start() throws Exception {
        ScriptedIvrQueue.waiting(Duration.ofSeconds(30), List.of()).listen(vertx);
        IvrServerOptions options = IvrServerTest.testOptions(IvrOptions.defaults())
                .withSocketReadTimeout(Duration.ofMillis(300));
        server = IvrServer.create(vertx, options, IvrQueue.overEventBus(vertx, options.ivr().queueTimeout()),
                Clock.systemUTC());
        asterisk = new FakeAsterisk(REPLIES, server.start().await(5, TimeUnit.SECONDS));
    }

    @AfterEach
    void stop() throws Exception {
        logs.close();
        server.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String envText(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.append('\n').toString();
    }

    /**
     * A peer that writes {@code opening}, then answers each line the server sends with
     * {@code responder} (null: close at once), until the server closes or 5 s pass.
     */
    private void peer(byte[] opening, Function<String, String> responder) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(opening);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b != '\n') {
                    line.append((char) b);
                    continue;
                }
                String reply = responder.apply(line.toString());
                line.setLength(0);
                if (reply == null) {
                    return;
                }
                out.write(utf8(reply));
                out.flush();
            }
        } catch (SocketException e) {
            // The server may close first, e.g. after a huge line: that is the point.
        }
    }

    /** Every session ends and frees its thread, and a good call right after is served. */
    private void assertServerRecovers(String afterCase) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.activeSessions() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.activeSessions()).as("sessions still running after " + afterCase).isZero();
        FakeAsterisk.Call good = asterisk.call(ENV, Keypad.press("1", "2"));
        assertThat(good.variables()).as("a good call after " + afterCase).containsEntry("TRIAGE_ROUTE", "hold");
    }

    @Test
    @DisplayName("broken environments: truncated, held open, no colons, a huge line, binary junk, an empty connection")
    void brokenEnvironments() throws Exception {
        String truncated = envText(ENV).substring(0, 120);
        peer(utf8(truncated), line -> null);
        assertServerRecovers("a truncated environment, then close");

        peer(utf8(truncated), line -> "200 result=0\n");
        assertServerRecovers("a truncated environment held open");

        peer(utf8("agi_network yes\nagi_network_script triage\nno colon at all\n\n"), line -> "200 result=0\n");
        assertServerRecovers("environment lines without a colon");

        char[] huge = new char[200_000];
        Arrays.fill(huge, 'a');
        peer(utf8("agi_network: yes\nagi_channel: " + new String(huge) + "\n\n"), line -> "200 result=0\n");
        assertServerRecovers("a 200 000 character line");

        byte[] junk = new byte[64 * 1024];
        new Random(4).nextBytes(junk);
        peer(junk, line -> "200 result=0\n");
        assertServerRecovers("64 KiB of binary junk");

        peer(new byte[0], line -> null);
        assertServerRecovers("a connection that sends nothing");

        assertThat(logs.atLeast(Level.ERROR)).isEmpty();
    }

    @Test
    @DisplayName("broken replies: garbage, 510 and 520 to everything, a close after ANSWER, a close mid-question")
    void brokenReplies() throws Exception {
        byte[] env = utf8(envText(ENV));
        peer(env, line -> "garbage \u0001\u00ff reply\n");
        assertServerRecovers("garbage replies");

        peer(env, line -> REPLIES.unknownCommand() + "\n");
        assertServerRecovers("510 to every command");

        peer(env, line -> String.join("\n", REPLIES.usage()) + "\n");
        assertServerRecovers("520 usage to every command");

        peer(env, line -> line.startsWith("ANSWER") ? REPLIES.success("ANSWER") + "\n" : null);
        assertServerRecovers("a close after ANSWER");

        int[] questions = {0};
        peer(env, line -> {
            if (line.startsWith("GET DATA") && ++questions[0] == 2) {
                return null;
            }
            return line.startsWith("GET DATA") ? REPLIES.keys("1") + "\n" : REPLIES.success("ANSWER") + "\n";
        });
        assertServerRecovers("a close during the safety question");

        peer(env, line -> "200 result=0 " + "x".repeat(100_000) + "\n");
        assertServerRecovers("a huge reply line");

        assertThat(logs.atLeast(Level.ERROR)).isEmpty();
    }

    @Test
    @DisplayName("randomly mangled sessions (seeded): the server keeps serving")
    void mangledSessions() throws Exception {
        Random random = new Random(20261129);
        byte[] env = utf8(envText(ENV));
        List<String> replies = List.of(REPLIES.success("ANSWER"), REPLIES.keys("1"), REPLIES.hungUp(),
                REPLIES.deadChannel(), REPLIES.unknownCommand(), REPLIES.asyncHangup(), "", "200", "200 result=",
                "200 result=12345678901234567890", "999 what", String.join("\n", REPLIES.usage()));
        for (int round = 0; round < 20; round++) {
            byte[] mangled = env.clone();
            for (int flips = random.nextInt(4); flips > 0; flips--) {
                mangled[random.nextInt(mangled.length)] = (byte) random.nextInt(256);
            }
            byte[] opening = random.nextBoolean() ? mangled : Arrays.copyOf(mangled, random.nextInt(mangled.length));
            int budget = random.nextInt(15);
            int[] used = {0};
            peer(opening, line -> ++used[0] > budget ? null
                    : replies.get(random.nextInt(replies.size())) + "\n");
        }
        assertServerRecovers("20 mangled sessions");
        assertThat(logs.atLeast(Level.ERROR)).isEmpty();
    }
}
