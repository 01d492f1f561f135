/** Announcer leases in Redis, shared by every node. */
package org.crisisline.server.announce.redis;
