package org.crisisline.telephony.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A tiny FastAGI server for tests: accepts one connection, reads the environment, sends a fixed
 * list of command lines one at a time, records every line it reads ({@code "< "}) and writes
 * ({@code "> "}) like the captures, then closes the socket.
 */
final class FakeFastAgiServer implements AutoCloseable {
    private final ServerSocket server;
    private final CompletableFuture<List<String>> transcript = new CompletableFuture<>();

    FakeFastAgiServer(List<String> commands) throws IOException {
        server = new ServerSocket(0);
        Thread thread = new Thread(() -> serve(commands), "fake-fastagi");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> transcript() throws Exception {
        return transcript.get(10, TimeUnit.SECONDS);
    }

    private void serve(List<String> commands) {
        List<String> lines = new ArrayList<>();
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            String line;
            do {
                line = readLine(in);
                lines.add("< " + line);
            } while (!line.isEmpty());
            for (String command : commands) {
                lines.add("> " + command);
                out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                readReply(in, lines);
            }
        } catch (IOException e) {
            transcript.completeExceptionally(e);
            return;
        }
        transcript.complete(lines);
    }

    /** Reads up to the end of one reply: a HANGUP line may come first; 520- opens a multi-line usage. */
    private static void readReply(BufferedReader in, List<String> lines) throws IOException {
        while (true) {
            String line = readLine(in);
            lines.add("< " + line);
            if (line.matches("\\d{3} .*")) {
                return;
            }
        }
    }

    private static String readLine(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the simulated PBX closed the AGI socket");
        }
        return line;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
