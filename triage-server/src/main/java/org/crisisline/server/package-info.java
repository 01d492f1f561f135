/**
 * The triage server: the Vert.x application joining the queue core and the telephony adapter.
 * {@link org.crisisline.server.CrisislineServer} starts the embedded default (in-memory queue, IVR,
 * simulated PBX, AMI link, routing); {@code routing/} is the routing loop, {@code pathway/} the
 * pathway domain.
 */
package org.crisisline.server;
