/** The café signpost counts in Redis, shared by every node; capacity checked and counted in one Lua script. */
package org.crisisline.server.signpost.redis;
