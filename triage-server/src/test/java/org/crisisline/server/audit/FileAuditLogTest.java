package org.crisisline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crisisline.server.audit.HashChainTest.entry;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class FileAuditLogTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("Records are appended as JSON lines, one per record, and the file verifies")
    void appendsLines(Vertx vertx) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        FileAuditLog log = await(FileAuditLog.open(vertx, file));

        await(log.record(entry("op1", "caller-record.view", "c_aaaaaaaaaaaaaaaa")));
        await(log.record(entry("op1", "pathway.decide", "c_aaaaaaaaaaaaaaaa")));

        assertThat(Files.readAllLines(file)).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"seq\":"));
        assertThat(await(log.verify()).isIntact()).isTrue();
        await(log.close());
    }

    @Test
    @DisplayName("Reopening the file continues its chain, and the whole file still verifies")
    void reopenContinues(Vertx vertx) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        FileAuditLog first = await(FileAuditLog.open(vertx, file));
        await(first.record(entry("op1", "auth.login", "op1")));
        AuditRecord second = await(first.record(entry("op1", "auth.logout", "op1")));
        await(first.close());

        FileAuditLog reopened = await(FileAuditLog.open(vertx, file));
        AuditRecord third = await(reopened.record(entry("lead", "auth.login", "lead")));

        assertThat(third.sequence()).isEqualTo(3);
        assertThat(third.previousHash()).isEqualTo(second.hash());
        assertThat(await(reopened.verify())).isEqualTo(new ChainCheck.Intact(3, third.hash()));
        assertThat(await(reopened.records())).extracting(r -> r.entry().actor()).containsExactly("op1", "op1", "lead");
        await(reopened.close());
    }

    @Test
    @DisplayName("A tampered file is refused at open, naming the broken line")
    void tamperedRefused(Vertx vertx) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        FileAuditLog log = await(FileAuditLog.open(vertx, file));
        await(log.record(entry("op1", "auth.login", "op1")));
        await(log.record(entry("op1", "caller-record.view", "c_aaaaaaaaaaaaaaaa")));
        await(log.close());
        String text = Files.readString(file).replace("caller-record.view", "caller-record.edit");
        Files.writeString(file, text, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> await(FileAuditLog.open(vertx, file)))
                .hasRootCauseInstanceOf(AuditLogException.class)
                .hasRootCauseMessage("the audit log is broken at line 2: its content does not match its hash");
    }

    @Test
    @DisplayName("Many records sent at once from the event loop land in order with an intact chain")
    void concurrentRecords(Vertx vertx) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        FileAuditLog log = await(FileAuditLog.open(vertx, file));

        List<AuditRecord> records = await(Future.<List<AuditRecord>>future(done -> vertx.runOnContext(v -> {
            List<Future<AuditRecord>> all = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                all.add(log.record(entry("op" + i, "caller-record.view", "c_aaaaaaaaaaaaaaaa")));
            }
            Future.all(all).map(f -> all.stream().map(Future::result).toList()).onComplete(done);
        })));

        assertThat(records).extracting(AuditRecord::sequence).isSorted().hasSize(100);
        assertThat(records.get(99).entry().actor()).isEqualTo("op99");
        assertThat(await(log.verify())).isEqualTo(new ChainCheck.Intact(100, records.get(99).hash()));
        await(log.close());
    }

    @Test
    @DisplayName("A record's future completes on the event loop that asked for it, never on the writer thread")
    void completesOnCallersContext(Vertx vertx) throws Exception {
        FileAuditLog log = await(FileAuditLog.open(vertx, dir.resolve("audit.jsonl")));

        boolean sameContext = await(Future.<Boolean>future(done -> vertx.runOnContext(v -> {
            Context caller = Vertx.currentContext();
            log.record(entry("op1", "auth.login", "op1"))
                    .map(r -> Vertx.currentContext() == caller && Context.isOnEventLoopThread())
                    .onComplete(done);
        })));

        assertThat(sameContext).isTrue();
        await(log.close());
    }

    @Test
    @DisplayName("Closing writes what is queued; a record after closing fails")
    void closeDrains(Vertx vertx) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        FileAuditLog log = await(FileAuditLog.open(vertx, file));
        Future<AuditRecord> queued = log.record(entry("op1", "auth.login", "op1"));

        await(log.close());

        assertThat(await(queued).sequence()).isEqualTo(1);
        assertThat(Files.readAllLines(file)).hasSize(1);
        assertThatThrownBy(() -> await(log.record(entry("op1", "auth.logout", "op1"))))
                .hasRootCauseMessage("the audit log is closed");
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
