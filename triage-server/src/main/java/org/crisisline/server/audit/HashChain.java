package org.crisisline.server.audit;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The audit log's hash chain and its JSON-lines encoding. Each line is one JSON object with the record's
 * fields ({@code seq, time, actor, roles, action, targetType, targetId, reason?, outcome, prev}) and
 * {@code hash}, the hex SHA-256 of the same object without {@code hash}, encoded with the fields in that
 * order. As each record carries the previous record's hash, editing, deleting, inserting or reordering a
 * line breaks the chain at that line. Cutting off the tail cannot be seen from the file alone: compare
 * {@link ChainCheck.Intact#headHash()} with a copy kept elsewhere.
 *
 * <p>An instance holds the position where the next record goes; it is not thread-safe and belongs to one
 * log (its single writer). The static methods are pure.
 */
public final class HashChain {
    /** The "previous hash" of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private long lastSequence;
    private String head;

    private HashChain(long lastSequence, String head) {
        this.lastSequence = lastSequence;
        this.head = head;
    }

    public static HashChain empty() {
        return new HashChain(0, GENESIS);
    }

    /** A chain continuing after the last of {@code lines}; fails when they do not verify. */
    public static HashChain resume(List<String> lines) {
        ChainCheck check = verify(lines);
        if (check instanceof ChainCheck.Broken broken) {
            throw new AuditLogException("the audit log is broken at line " + broken.line() + ": " + broken.problem());
        }
        ChainCheck.Intact intact = (ChainCheck.Intact) check;
        return new HashChain(intact.records(), intact.headHash());
    }

    /** The record {@code entry} would become next; the chain does not move until {@link #advance}. */
    public AuditRecord next(AuditEntry entry) {
        long sequence = lastSequence + 1;
        return new AuditRecord(sequence, entry, head, sha256(canonical(sequence, entry, head)));
    }

    /** Moves past {@code record}, once it is safely written. */
    public void advance(AuditRecord record) {
        if (record.sequence() != lastSequence + 1 || !record.previousHash().equals(head)) {
            throw new IllegalStateException("audit record " + record.sequence() + " does not follow the chain");
        }
        lastSequence = record.sequence();
        head = record.hash();
    }

    public String head() {
        return head;
    }

    /** The JSON line for {@code record}, without the line break. */
    public static String toLine(AuditRecord record) {
        return canonicalJson(record.sequence(), record.entry(), record.previousHash()).put("hash", record.hash()).encode();
    }

    /** Reads one line; fails with {@link IllegalArgumentException} when it is not a well-formed record. */
    public static AuditRecord parse(String line) {
        try {
            JsonObject json = new JsonObject(line);
            JsonArray roles = json.getJsonArray("roles");
            AuditEntry entry = new AuditEntry(
                    Instant.parse(json.getString("time")),
                    json.getString("actor"),
                    roles == null ? null : roles.stream().map(String.class::cast).toList(),
                    json.getString("action"),
                    json.getString("targetType"),
                    json.getString("targetId"),
                    Optional.ofNullable(json.getString("reason")),
                    Outcome.valueOf(json.getString("outcome")));
            return new AuditRecord(json.getLong("seq"), entry, json.getString("prev"), json.getString("hash"));
        } catch (DecodeException | ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("not an audit record: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Checks every line: well formed, numbered 1, 2, 3..., each naming its predecessor's hash and hashing right. */
    public static ChainCheck verify(List<String> lines) {
        String previous = GENESIS;
        long expected = 1;
        for (String line : lines) {
            AuditRecord record;
            try {
                record = parse(line);
            } catch (IllegalArgumentException unreadable) {
                return new ChainCheck.Broken(expected, "unreadable line");
            }
            if (record.sequence() != expected) {
                return new ChainCheck.Broken(expected, "expected record " + expected + ", found " + record.sequence());
            }
            if (!record.previousHash().equals(previous)) {
                return new ChainCheck.Broken(expected, "does not follow the record before it");
            }
            if (!sha256(canonical(record.sequence(), record.entry(), previous)).equals(record.hash())) {
                return new ChainCheck.Broken(expected, "its content does not match its hash");
            }
            previous = record.hash();
            expected++;
        }
        return new ChainCheck.Intact(expected - 1, previous);
    }

    private static String canonical(long sequence, AuditEntry entry, String previousHash) {
        return canonicalJson(sequence, entry, previousHash).encode();
    }

    private static JsonObject canonicalJson(long sequence, AuditEntry entry, String previousHash) {
        JsonObject json = new JsonObject()
                .put("seq", sequence)
                .put("time", entry.time().toString())
                .put("actor", entry.actor())
                .put("roles", new JsonArray(List.copyOf(entry.actorRoles())))
                .put("action", entry.action())
                .put("targetType", entry.targetType())
                .put("targetId", entry.targetId());
        entry.reason().ifPresent(reason -> json.put("reason", reason));
        return json.put("outcome", entry.outcome().name()).put("prev", previousHash);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
