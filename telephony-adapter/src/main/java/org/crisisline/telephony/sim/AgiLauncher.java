package org.crisisline.telephony.sim;

import java.util.function.Consumer;

/**
 * Runs the {@code AGI(agi://...)} step of the simulated dialplan for one call: the Vert.x
 * {@link AgiClient} connects to the real FastAGI server; a test may answer in-process. It reports
 * once whether the AGI ran ({@code AGISTATUS} SUCCESS) or failed (could not connect, timed out).
 *
 * <p>Called on the model's thread; {@code finished} must be run on it too.
 */
interface AgiLauncher {
    void launch(InboundCall call, AgiCommandHandler commands, Consumer<Boolean> finished);
}
