/**
 * A simulated PBX for the demo and the load tests: an AMI server and a FastAGI client that behave
 * like the captured Asterisk 22.10.1 running the dialplan of {@code telephony-adapter/asterisk/README.md}.
 *
 * <p>Layers, inside out:
 * <ul>
 *   <li>{@code PbxModel}: channels, bridges, globals and the AMI events
 *       of each primitive (field sets taken from the captures, built by {@code AmiEvents});</li>
 *   <li>the simulated dialplan ({@code SimDialplan}), {@code Dial()} ({@code EndpointDialer}),
 *       Asterisk's fallback {@code Queue()} ({@code FallbackQueue}), Originate
 *       ({@code CallbackOriginator}), AGI command answers ({@code AgiCommandHandler});</li>
 *   <li>simulated people ({@code Population}, {@code CallerArrivals}, {@link org.crisisline.telephony.sim.KeypadScript},
 *       {@link org.crisisline.telephony.sim.Delay});</li>
 *   <li>{@link org.crisisline.telephony.sim.PbxSimulation}: all of the above, pure and deterministic
 *       (a {@link org.crisisline.telephony.sim.SimScheduler} and a seeded {@code Random});</li>
 *   <li>I/O on one Vert.x context: {@code AmiServer}/{@code AmiSession}/{@code AmiActions},
 *       {@code AgiClient}; the entry point {@link org.crisisline.telephony.sim.SimulatedPbx} with
 *       {@link org.crisisline.telephony.sim.SimulatedPbxOptions}.</li>
 * </ul>
 */
package org.crisisline.telephony.sim;
