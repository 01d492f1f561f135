/** The in-memory contact history, for the embedded server and tests. */
package org.crisisline.server.history.memory;
