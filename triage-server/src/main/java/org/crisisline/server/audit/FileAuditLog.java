package org.crisisline.server.audit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link AuditLog} in a file of JSON lines ({@link HashChain}), appended and forced to disk before any
 * record's future completes. Opening an existing file verifies its chain and continues it; a broken file
 * is refused (a person must look at it), so the server does not start on top of a tampered log.
 *
 * <p>Threading: all file work runs on one dedicated worker thread (a Vert.x {@link WorkerExecutor} of size
 * 1), the single writer. {@link #record} only queues the entry; the writer takes everything queued (up to
 * {@value #MAX_BATCH} records), appends it in queue order and forces the file once for the whole batch
 * (group commit), then completes each future on the context that called {@code record}. Any thread may
 * call. After a failed write the log refuses every further record, as the file may end in a torn line.
 * Open one instance per file.
 */
public final class FileAuditLog implements AuditLog {
    static final int MAX_BATCH = 1000;

    private final Vertx vertx;
    private final WorkerExecutor writer;
    private final Path file;
    private final FileChannel channel;
    private final HashChain chain;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean closing;
    /** Read and written only on the writer thread. */
    private String stopped;

    private FileAuditLog(Vertx vertx, WorkerExecutor writer, Path file, FileChannel channel, HashChain chain) {
        this.vertx = vertx;
        this.writer = writer;
        this.file = file;
        this.channel = channel;
        this.chain = chain;
    }

    /** Opens (or creates) the log at {@code file}, verifying and continuing what it holds. */
    public static Future<FileAuditLog> open(Vertx vertx, Path file) {
        Objects.requireNonNull(file, "file");
        WorkerExecutor writer = vertx.createSharedWorkerExecutor("crisisline-audit-" + file.toAbsolutePath(), 1);
        return writer.executeBlocking(() -> {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            HashChain chain = HashChain.resume(readLines(file));
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new FileAuditLog(vertx, writer, file, channel, chain);
        }, true).onFailure(failure -> writer.close());
    }

    @Override
    public Future<AuditRecord> record(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (closing) {
            return Future.failedFuture(new AuditLogException("the audit log is closed"));
        }
        Promise<AuditRecord> promise = Promise.promise();
        queue.add(new Pending(entry, promise, vertx.getOrCreateContext()));
        scheduleDrain();
        return promise.future();
    }

    @Override
    public Future<List<AuditRecord>> records() {
        return writer.executeBlocking(() -> readLines(file).stream().map(HashChain::parse).toList(), false);
    }

    @Override
    public Future<ChainCheck> verify() {
        return writer.executeBlocking(() -> HashChain.verify(readLines(file)), false);
    }

    /** Writes what is queued, then closes the file and the writer thread; records after this fail. */
    public Future<Void> close() {
        closing = true;
        return writer.<Void>executeBlocking(() -> {
            drain();
            stopped = "the audit log is closed";
            channel.close();
            return null;
        }, false).eventually(writer::close);
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            writer.executeBlocking(() -> {
                drainScheduled.set(false);
                drain();
                return null;
            }, false);
        }
    }

    /** On the writer thread: appends everything queued, batch by batch. */
    private void drain() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            Pending next;
            while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            appendBatch(batch);
            batch.clear();
        }
    }

    private void appendBatch(List<Pending> batch) {
        if (stopped != null) {
            batch.forEach(p -> p.fail(new AuditLogException(stopped)));
            return;
        }
        List<AuditRecord> records = new ArrayList<>(batch.size());
        StringBuilder lines = new StringBuilder();
        for (Pending pending : batch) {
            AuditRecord record = chain.next(pending.entry);
            chain.advance(record);
            records.add(record);
            lines.append(HashChain.toLine(record)).append('\n');
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            stopped = "the audit log stopped after a failed write to " + file + "; see the first error";
            AuditLogException failure = new AuditLogException("could not append to the audit log " + file, e);
            batch.forEach(p -> p.fail(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(records.get(i));
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new AuditLogException("could not read the audit log " + file, e);
        }
    }

    /** An entry waiting for the writer, with where to answer. */
    private record Pending(AuditEntry entry, Promise<AuditRecord> promise, Context context) {
        void complete(AuditRecord record) {
            context.runOnContext(v -> promise.complete(record));
        }

        void fail(Throwable failure) {
            context.runOnContext(v -> promise.fail(failure));
        }
    }
}
