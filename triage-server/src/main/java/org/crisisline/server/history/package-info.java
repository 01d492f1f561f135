/**
 * Callers' history with the service (DOMAIN.md, "Information sharing"): one {@link org.crisisline.server.history.Contact}
 * per call that ended in an outcome, keyed by the caller's pseudonym, kept by a
 * {@link org.crisisline.server.history.ContactHistoryStore}. A contact always says when, on which line, in which
 * tier and down which pathways (what safety needs); a short note only when the caller consented. Plain Java:
 * no framework, no I/O in the domain; stores are in {@code history.memory} (one node) and {@code history.redis}
 * (shared by every node).
 */
package org.crisisline.server.history;
