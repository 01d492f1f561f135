/**
 * {@code agi-bench}: the telephony adapter's FastAGI IVR, end to end over loopback. The real
 * {@code IvrServer} runs with an in-process event-bus responder standing in for Crisisline's queue
 * (it registers every caller at once, with or without a callback offer); a closed-loop driver keeps K
 * FastAGI sessions going, each a minimal Asterisk that sends the captured environment and answers
 * every command as the captured Asterisk did, pressing keys like a typical caller. It reports sessions
 * per second, AGI commands per second and session latency at each K.
 */
package org.crisisline.load.agibench;
