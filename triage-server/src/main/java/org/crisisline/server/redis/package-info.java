/** What the Redis stores share: calls with a timeout and atomic Lua scripts. */
package org.crisisline.server.redis;
