/**
 * Crisisline's own telephony events: immutable records, published on
 * {@link org.crisisline.telephony.event.TelephonyEvent#ADDRESS}. No asterisk-java type appears here.
 */
package org.crisisline.telephony.event;
