/** Callers' contact history in Redis, shared by every node: bounded per caller, expiring, changed in Lua. */
package org.crisisline.server.history.redis;
