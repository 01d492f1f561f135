package org.crisisline.queue.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of a test's own, on a free port with its data in a temporary directory, so the
 * test can kill and restart it without disturbing anyone else's Redis. Always {@link #kill} it.
 */
final class OwnRedis {
    private final Path dir;
    private final int port;
    private final boolean persistent;
    private Process process;

    private OwnRedis(Path dir, int port, boolean persistent) {
        this.dir = dir;
        this.port = port;
        this.persistent = persistent;
    }

    /** Started with every write fsynced to an append-only file: a restart keeps all data. */
    static OwnRedis persistent(Path dir) throws IOException {
        return new OwnRedis(dir, freePort(), true).start();
    }

    /** Started with no persistence at all: a restart comes back empty. */
    static OwnRedis volatileOnly(Path dir) throws IOException {
        return new OwnRedis(dir, freePort(), false).start();
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again) on the same port and directory and waits until it answers PING. */
    OwnRedis start() throws IOException {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dir.toString(), "--save", ""));
        command.addAll(persistent ? List.of("--appendonly", "yes", "--appendfsync", "always")
                : List.of("--appendonly", "no"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile())).start();
        Poll.until(Duration.ofSeconds(10), "redis-server on port " + port + " answers", this::answers);
        return this;
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Sends one command on a connection of its own and returns the raw first reply line. */
    String send(String... args) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
            for (String arg : args) {
                request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(arg).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            return line.toString().trim();
        }
    }

    private boolean answers() {
        try {
            return "+PONG".equals(send("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
