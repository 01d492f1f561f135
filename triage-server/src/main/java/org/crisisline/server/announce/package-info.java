/** Which node announces to which waiting caller: the port, and its in-memory and Redis stores. */
package org.crisisline.server.announce;
