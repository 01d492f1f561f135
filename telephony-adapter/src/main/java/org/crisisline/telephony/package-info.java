/**
 * The Asterisk adapter: AMI events in, call control out, the IVR over FastAGI, and a simulated PBX.
 * Built in issue 4; this module holds only its place in the build until then.
 */
package org.crisisline.telephony;
