/**
 * The Asterisk adapter: AMI events in, call control out, the IVR over FastAGI, and a simulated PBX.
 * {@link org.crisisline.telephony.PbxGateway} is what Crisisline tells a PBX; {@code event} holds what
 * a PBX tells Crisisline; {@code ami} connects the two to Asterisk.
 */
package org.crisisline.telephony;
