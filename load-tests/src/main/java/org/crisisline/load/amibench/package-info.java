/**
 * {@code ami-bench}: the AMI side of the telephony adapter, end to end over a loopback socket. A
 * blasting AMI server in the benchmark's own process answers asterisk-java's login as the real
 * Asterisk did ({@code ami-login.txt}), then streams the real call of {@code ami-queue-answered.txt}
 * over and over, each copy with its own Uniqueids, Linkedid, channel names and bridge, as fast as the
 * socket takes it or at a fixed offered rate. The real {@code AmiLinks} connects to it on a Vert.x
 * instance; an event-bus consumer counts the {@code TelephonyEvent}s it publishes and times each
 * call's {@code CallArrived} from the moment its bytes were written. Run once with the whole stream
 * and once with the shipped {@code manager.conf} event filter applied on the server side.
 */
package org.crisisline.load.amibench;
