package org.crisisline.telephony.ami;

/** One channel the PBX reports as live in a resync (a CoreShowChannel event, copied). */
record LiveChannel(String uniqueid, String channel, String linkedid, String context, String exten) {
}
