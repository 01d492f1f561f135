/**
 * The referral store in Redis: the book as one versioned JSON document, changed by compare-and-set in Lua.
 * Passes the same contract tests as the in-memory store.
 */
package org.crisisline.server.referral.redis;
