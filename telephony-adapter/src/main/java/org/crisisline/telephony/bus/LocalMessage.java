package org.crisisline.telephony.bus;

/**
 * A message the adapter passes over this node's event bus as it is, without encoding: an immutable
 * record. {@link LocalMessageCodec#install} makes the bus pick the pass-through codec for every
 * {@code LocalMessage}, so senders need no {@code DeliveryOptions}.
 */
public interface LocalMessage {
}
