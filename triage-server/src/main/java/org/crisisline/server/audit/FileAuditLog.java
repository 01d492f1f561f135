package org.crisisline.server.audit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * An {@link AuditLog} in a file of JSON lines ({@link HashChain}), appended and forced to disk record by
 * record. Opening an existing file verifies its chain and continues it; a broken file is refused (a person
 * must look at it), so the server does not start on top of a tampered log.
 *
 * <p>Threading: all file work runs on one dedicated worker thread (a Vert.x {@link WorkerExecutor} of size
 * 1): the single writer, so records are appended in call order and never interleave. Any thread may call.
 * After a failed write the log refuses every further record, as the file may end in a torn line. Open one
 * instance per file.
 */
public final class FileAuditLog implements AuditLog {
    private final WorkerExecutor writer;
    private final Path file;
    private final FileChannel channel;
    private final HashChain chain;
    private boolean failed;

    private FileAuditLog(WorkerExecutor writer, Path file, FileChannel channel, HashChain chain) {
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
            HashChain chain = HashChain.resume(readLines(file));
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new FileAuditLog(writer, file, channel, chain);
        }, true).onFailure(failure -> writer.close());
    }

    @Override
    public Future<AuditRecord> record(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return writer.executeBlocking(() -> append(entry), true);
    }

    @Override
    public Future<List<AuditRecord>> records() {
        return writer.executeBlocking(() -> readLines(file).stream().map(HashChain::parse).toList(), true);
    }

    @Override
    public Future<ChainCheck> verify() {
        return writer.executeBlocking(() -> HashChain.verify(readLines(file)), true);
    }

    /** Closes the file and the writer thread; records after this fail. */
    public Future<Void> close() {
        return writer.<Void>executeBlocking(() -> {
            channel.close();
            return null;
        }, true).eventually(writer::close);
    }

    private AuditRecord append(AuditEntry entry) {
        if (failed) {
            throw new AuditLogException("the audit log stopped after a failed write; see the earlier error");
        }
        AuditRecord record = chain.next(entry);
        ByteBuffer bytes = ByteBuffer.wrap((HashChain.toLine(record) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            failed = true;
            throw new AuditLogException("could not append to the audit log " + file, e);
        }
        chain.advance(record);
        return record;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new AuditLogException("could not read the audit log " + file, e);
        }
    }
}
