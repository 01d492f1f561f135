/**
 * The triage server: the Vert.x application joining the queue core and the telephony adapter.
 * Built in issue 5; this module holds only its place in the build until then.
 */
package org.crisisline.server;
