/** The café signpost counts in memory, for one node (the embedded server and tests). */
package org.crisisline.server.signpost.memory;
