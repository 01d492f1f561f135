package org.crisisline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HashChainTest {
    private final InMemoryAuditLog log = new InMemoryAuditLog();
    private List<String> lines;

    @BeforeEach
    void fourRecords() {
        log.record(entry("op1", "caller-record.view", "c_aaaaaaaaaaaaaaaa"));
        log.record(entry("op1", "pathway.decide", "c_aaaaaaaaaaaaaaaa").withReason("caller asked for a café"));
        log.record(entry("lead", "pathway.override", "c_aaaaaaaaaaaaaaaa").withReason("risk is higher"));
        log.record(entry("admin", "account.disable", "op3"));
        lines = new ArrayList<>(log.lines());
    }

    @Test
    @DisplayName("An untouched log verifies, and its head is the last record's hash")
    void intact() {
        ChainCheck check = log.verify().result();

        assertThat(check).isEqualTo(new ChainCheck.Intact(4, HashChain.parse(lines.get(3)).hash()));
        assertThat(HashChain.parse(lines.get(0)).previousHash()).isEqualTo(HashChain.GENESIS);
    }

    @Test
    @DisplayName("Records read back exactly as written, reasons included")
    void readsBack() {
        List<AuditRecord> records = log.records().result();

        assertThat(records).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(records.get(2).entry()).isEqualTo(entry("lead", "pathway.override", "c_aaaaaaaaaaaaaaaa")
                .withReason("risk is higher"));
    }

    @Test
    @DisplayName("Editing a line breaks the chain at that line")
    void editedLine() {
        lines.set(2, lines.get(2).replace("\"actor\":\"lead\"", "\"actor\":\"op2\""));

        assertThat(HashChain.verify(lines)).isEqualTo(new ChainCheck.Broken(3, "its content does not match its hash"));
    }

    @Test
    @DisplayName("Editing a line and recomputing its hash still breaks the chain at the next line")
    void editedAndRehashed() {
        AuditRecord original = HashChain.parse(lines.get(1));
        HashChain forger = HashChain.resume(lines.subList(0, 1));
        AuditRecord forged = forger.next(original.entry().withReason("nothing to see"));
        lines.set(1, HashChain.toLine(forged));

        assertThat(HashChain.verify(lines)).isEqualTo(new ChainCheck.Broken(3, "does not follow the record before it"));
    }

    @Test
    @DisplayName("Deleting a line breaks the chain where it was")
    void deletedLine() {
        lines.remove(1);

        ChainCheck check = HashChain.verify(lines);

        assertThat(check).isInstanceOf(ChainCheck.Broken.class);
        assertThat(((ChainCheck.Broken) check).line()).isEqualTo(2);
    }

    @Test
    @DisplayName("Swapping two lines breaks the chain at the first of them")
    void reorderedLines() {
        Collections.swap(lines, 1, 2);

        ChainCheck check = HashChain.verify(lines);

        assertThat(check).isInstanceOf(ChainCheck.Broken.class);
        assertThat(((ChainCheck.Broken) check).line()).isEqualTo(2);
    }

    @Test
    @DisplayName("A line that is not a record breaks the chain")
    void garbage() {
        lines.add(2, "{\"seq\":3,\"actor\":");

        assertThat(HashChain.verify(lines)).isEqualTo(new ChainCheck.Broken(3, "unreadable line"));
    }

    static AuditEntry entry(String actor, String action, String target) {
        return AuditEntry.of(Instant.parse("2026-11-29T21:00:00Z"), actor, List.of("OPERATIVE"), action, "caller",
                target, Outcome.SUCCEEDED);
    }
}
