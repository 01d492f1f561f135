package org.crisisline.telephony.sim;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.crisisline.telephony.wire.AmiFrameReader;
import org.crisisline.telephony.wire.AmiMessage;

/** A raw AMI client for protocol tests: writes messages, reads the banner and messages with AmiFrameReader. */
final class AmiTestClient implements AutoCloseable {
    private static final AmiMessage CLOSED = AmiMessage.event("<closed>").build();
    private final Socket socket;
    private final BlockingQueue<AmiMessage> received = new LinkedBlockingQueue<>();
    private volatile String banner;

    AmiTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        AmiFrameReader reader = new AmiFrameReader(new AmiFrameReader.Listener() {
            @Override
            public void banner(String text) {
                banner = text;
            }

            @Override
            public void message(AmiMessage message) {
                received.add(message);
            }

            @Override
            public void malformed(String problem) {
                throw new AssertionError("the simulated PBX sent bad AMI: " + problem);
            }
        }, true);
        Thread thread = new Thread(() -> {
            try (InputStream in = socket.getInputStream()) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    reader.feed(buffer, 0, n);
                }
            } catch (IOException ignored) {
                // closed
            }
            received.add(CLOSED);
        }, "ami-test-client");
        thread.setDaemon(true);
        thread.start();
    }

    String banner() {
        return banner;
    }

    void send(AmiMessage message) throws IOException {
        socket.getOutputStream().write(message.toWire().getBytes(StandardCharsets.UTF_8));
    }

    /** The next message, or null once the server has closed the connection. */
    AmiMessage next() throws InterruptedException {
        AmiMessage message = received.poll(5, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("nothing from the simulated PBX within 5 s");
        }
        return message == CLOSED ? null : message;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
