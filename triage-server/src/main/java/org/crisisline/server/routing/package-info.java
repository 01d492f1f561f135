/**
 * The routing loop: what joins the IVR, the PBX and the queue.
 *
 * <p>{@link org.crisisline.server.routing.CallRouter} is the pure core (no Vert.x, no I/O, an injected
 * clock): it keeps which PBX channel belongs to which queue call and which operative is being rung
 * for it, turns IVR requests and {@link org.crisisline.telephony.event.TelephonyEvent}s into
 * {@link org.crisisline.queue.command.QueueCommand}s, and the queue's events into
 * {@link org.crisisline.server.routing.PbxAction}s. Callers appear only as keyed-hash pseudonyms
 * ({@link org.crisisline.server.routing.CallerPseudonyms}); a raw number is kept only for a booked
 * callback, until that call is over.
 *
 * <p>{@link org.crisisline.server.routing.RoutingVerticle} is the thin shell around it: decode,
 * decide, execute on the {@link org.crisisline.queue.store.QueueStore}, act through the
 * {@link org.crisisline.telephony.PbxGateway}, tick at the store's deadlines, announce, summarise.
 */
package org.crisisline.server.routing;
