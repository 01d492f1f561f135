/**
 * The outbox as a pure value: at-least-once delivery with capped exponential backoff, flagged to leads after
 * repeated failures and never dropped. The delivery verticle (later) owns and persists it.
 */
package org.crisisline.server.pathway.outbox;
