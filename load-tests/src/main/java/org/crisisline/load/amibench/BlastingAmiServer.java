package org.crisisline.load.amibench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.crisisline.telephony.sim.ManagerEventFilter;
import org.crisisline.telephony.wire.AmiFrameReader;
import org.crisisline.telephony.wire.AmiMessage;

/**
 * An AMI server on loopback that logs a client in as the real Asterisk did (the recorded replies of
 * {@link RecordedAmi}, with the client's ActionIDs), answers its Pings, Setvars and CoreShowChannels
 * for as long as it stays, and, once told to {@link #blast}, writes copies of one call
 * ({@link CallTemplate}) as fast as the socket takes them or at a fixed rate. Replies to the client's
 * actions go out between two calls, so a Ping waits for at most one call's bytes.
 *
 * <p>Plain blocking sockets: an accepting thread and, per connection, a reading and a writing thread.
 * One client at a time is expected (the adapter's link); a blast goes to the latest one.
 */
final class BlastingAmiServer implements AutoCloseable {
    /** Told of each copy just before its bytes are written, with the time it is stamped with. */
    interface CallListener {
        void writing(long call, long stampNanos);
    }

    /** One blast: copies {@code first} onwards until {@code endNanos}, {@code callsPerSecond} (0: unpaced). */
    record Plan(long first, long endNanos, double callsPerSecond, CallListener listener) {
    }

    private final RecordedAmi recorded;
    private final ManagerEventFilter filter;
    private final CallTemplate template;
    private final ServerSocket server;
    private final AtomicLong eventsWritten = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile long longestWriteNanos;
    private final CompletableFuture<Void> resynced = new CompletableFuture<>();
    private volatile Connection current;

    private BlastingAmiServer(RecordedAmi recorded, ManagerEventFilter filter) throws IOException {
        this.recorded = recorded;
        this.filter = filter;
        this.template = CallTemplate.of(filter.apply(recorded.call()));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "ami-bench-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static BlastingAmiServer start(RecordedAmi recorded, ManagerEventFilter filter) {
        try {
            return new BlastingAmiServer(recorded, filter);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback: " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    CallTemplate template() {
        return template;
    }

    /** Completes once a client has logged in and had its first CoreShowChannels answered. */
    CompletableFuture<Void> resynced() {
        return resynced;
    }

    long eventsWritten() {
        return eventsWritten.get();
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    long connections() {
        return connections.get();
    }

    /**
     * The longest one call's bytes waited in {@code write} for the client to read, since the last
     * {@link #resetLongestWrite()}. Asterisk gives up on an AMI client whose writes block longer than
     * manager.conf's {@code writetimeout} (1,000 ms shipped) and closes the session.
     */
    long longestWriteNanos() {
        return longestWriteNanos;
    }

    void resetLongestWrite() {
        longestWriteNanos = 0;
    }

    /** Starts writing copies to the current client; completes with the next copy's number when done. */
    CompletableFuture<Long> blast(Plan plan) {
        Connection connection = current;
        if (connection == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no client is connected"));
        }
        return connection.blast(plan);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        Connection connection = current;
        if (connection != null) {
            connection.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.incrementAndGet();
                Connection connection = new Connection(socket);
                current = connection;
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One client: the reader answers actions through {@code replies}, the writer is the socket's only writer. */
    private final class Connection implements AmiFrameReader.Listener {
        private final Socket socket;
        private final BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();
        private final BlockingQueue<Blast> blasts = new LinkedBlockingQueue<>();
        private volatile boolean closed;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void start() {
            replies.add((recorded.banner() + "\r\n").getBytes(StandardCharsets.UTF_8));
            daemon(this::read, "ami-bench-read").start();
            daemon(this::write, "ami-bench-write").start();
        }

        CompletableFuture<Long> blast(Plan plan) {
            Blast blast = new Blast(plan, new CompletableFuture<>());
            blasts.add(blast);
            if (closed) {
                blast.done().completeExceptionally(new IllegalStateException("the client went away"));
            }
            return blast.done();
        }

        void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // the peer may have gone already
            }
        }

        private void read() {
            AmiFrameReader reader = new AmiFrameReader(this, false);
            byte[] buffer = new byte[8192];
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    reader.feed(buffer, 0, n);
                }
            } catch (IOException e) {
                // the client went away
            } finally {
                close();
            }
        }

        @Override
        public void banner(String banner) {
        }

        @Override
        public void malformed(String problem) {
            // asterisk-java writes clean actions; nothing to answer
        }

        @Override
        public void message(AmiMessage action) {
            for (AmiMessage reply : recorded.answer(action)) {
                replies.add(reply.toWire().getBytes(StandardCharsets.UTF_8));
            }
            String name = action.actionName().orElse("");
            if (name.equalsIgnoreCase("Login")) {
                for (AmiMessage event : filter.apply(recorded.afterLogin())) {
                    replies.add(event.toWire().getBytes(StandardCharsets.UTF_8));
                }
            } else if (name.equalsIgnoreCase("CoreShowChannels")) {
                replies.add(new byte[0]); // marks the resync done once its reply is written
            } else if (RecordedAmi.isLogoff(action)) {
                closed = true; // the writer sends Goodbye, then closes, as Asterisk does
            }
        }

        private void write() {
            CallTemplate.Sink sink = new CallTemplate.Sink();
            try (OutputStream out = socket.getOutputStream()) {
                while (!closed || !replies.isEmpty()) {
                    Blast blast = blasts.poll();
                    if (blast == null) {
                        writeReplies(out, replies.poll(50, TimeUnit.MILLISECONDS));
                        continue;
                    }
                    run(blast, out, sink);
                }
            } catch (IOException e) {
                // the client went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
                Blast left;
                while ((left = blasts.poll()) != null) {
                    left.done().completeExceptionally(new IllegalStateException("the client went away"));
                }
            }
        }

        private void run(Blast blast, OutputStream out, CallTemplate.Sink sink) throws IOException,
                InterruptedException {
            Plan plan = blast.plan();
            long call = plan.first();
            long start = System.nanoTime();
            double period = plan.callsPerSecond() > 0 ? 1e9 / plan.callsPerSecond() : 0;
            try {
                while (!closed) {
                    writeReplies(out, replies.poll());
                    long now = System.nanoTime();
                    if (now - plan.endNanos() >= 0) {
                        break;
                    }
                    long stamp = now;
                    if (period > 0) {
                        // Open loop: each copy has its due time, and its latency counts from then, so a
                        // slow consumer cannot hide its backlog (no coordinated omission).
                        stamp = start + (long) ((call - plan.first()) * period);
                        if (stamp - now > 0) {
                            LockSupport.parkNanos(Math.min(stamp - now, 1_000_000));
                            continue;
                        }
                    }
                    sink.reset();
                    template.render(call, sink);
                    plan.listener().writing(call, stamp);
                    long before = System.nanoTime();
                    out.write(sink.array(), 0, sink.size());
                    long blocked = System.nanoTime() - before;
                    if (blocked > longestWriteNanos) {
                        longestWriteNanos = blocked; // this thread is the only writer
                    }
                    eventsWritten.addAndGet(template.eventCount());
                    bytesWritten.addAndGet(sink.size());
                    call++;
                }
            } finally {
                if (closed) {
                    blast.done().completeExceptionally(new IllegalStateException("the client went away after "
                            + (call - plan.first()) + " calls"));
                } else {
                    blast.done().complete(call);
                }
            }
        }

        private void writeReplies(OutputStream out, byte[] first) throws IOException {
            byte[] reply = first;
            while (reply != null) {
                if (reply.length == 0) {
                    resynced.complete(null);
                } else {
                    out.write(reply);
                }
                reply = replies.poll();
            }
        }
    }

    private record Blast(Plan plan, CompletableFuture<Long> done) {
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
