/**
 * The append-only, hash-chained audit log ({@link org.crisisline.server.audit.AuditLog}: in memory or a
 * JSON-lines file written by a single worker thread) and callers' pseudonyms
 * ({@link org.crisisline.server.audit.CallerPseudonym}) for logs, metrics and exports.
 */
package org.crisisline.server.audit;
