/**
 * The IVR over FastAGI: Asterisk runs {@code AGI(agi://host:port/triage?line=<line>,<caller>,<language>)},
 * {@link org.crisisline.telephony.agi.IvrServer} answers it, asks the caller on the keypad (language,
 * "if you are in immediate danger, press 1", the callback offer when the queue makes one), registers
 * them with Crisisline's queue through {@link org.crisisline.telephony.agi.IvrQueue}, and sets
 * {@code TRIAGE_ROUTE}, {@code CRISISLINE_CALL_ID} and {@code CRISISLINE_LANGUAGE} for the dialplan
 * ({@code telephony-adapter/asterisk/README.md}).
 *
 * <p>Public: the server and its options, the queue port and its event-bus records. Package-private:
 * the decisions ({@code IvrFlow}, pure, with an injected clock) and the AGI side around them
 * ({@code IvrScript}, {@code ChannelVoice}, the sockets). No asterisk-java type is public here.
 */
package org.crisisline.telephony.agi;
