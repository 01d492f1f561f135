/** Announcer leases in this process: the embedded default. */
package org.crisisline.server.announce.memory;
