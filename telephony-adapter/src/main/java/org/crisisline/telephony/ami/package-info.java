/**
 * The AMI side of the Asterisk adapter. {@link org.crisisline.telephony.ami.AmiLink} keeps one PBX's
 * AMI connection up (login retry, reconnect with backoff, Ping, heartbeat, resync), publishes
 * {@link org.crisisline.telephony.event.TelephonyEvent}s and carries out
 * {@link org.crisisline.telephony.PbxGateway} commands. asterisk-java is used here and nowhere else;
 * nothing of it appears in a public signature.
 */
package org.crisisline.telephony.ami;
