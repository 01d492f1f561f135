package org.crisisline.queue.store.redis;

import java.time.Instant;

/**
 * One command in a line group's log.
 *
 * @param id       the stream entry id (where to read on from)
 * @param sequence 1, 2, 3, ... with no gaps: a gap means entries were trimmed or lost
 * @param at       the logical time the command happens at; never goes backwards along the log
 * @param command  the command as JSON
 */
record LogEntry(String id, long sequence, Instant at, String command) {
}
