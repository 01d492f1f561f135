package org.crisisline.server.routing;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;

/**
 * How the routing loop is set up. Immutable; a bad value fails construction with a message naming
 * its key.
 *
 * @param lines            the IVR's line names ({@code triage?line=crisis}) to queue lines; an unknown
 *                         name is taken as the crisis line (the safe default: it may be offered nothing less)
 * @param operatives       the operatives to log on at start, with their skills (the demo's simulated
 *                         staff; a real deployment's panel logs its operatives on)
 * @param endpoints        each operative's PBX endpoint (e.g. {@code op1}); an operative without one
 *                         cannot be rung
 * @param helplineNumber   the number an agent-first callback shows to the person called
 * @param announceEvery    how often waiting callers hear their place and wait; zero switches it off
 * @param readyAgainAfter  when present, an operative who did not answer is marked ready again after
 *                         this long (simulated staff only: a real operative says so on the panel)
 * @param pbxRetryAfter    after a PBX action failed (link down, timeout), how long before the
 *                         operative it was for is offered calls again (they did nothing wrong)
 * @param storeTimeout     the longest a queue store call may take
 * @param timeScale        how much faster than real time the queue's clock runs (1 in production)
 * @param transferNumbers  the numbers (other than CMHT duty lines) an operative may warm-transfer a
 *                         caller to, by their name for people ({@code routing.transfer-numbers}); the
 *                         panel offers only these, so nobody can send a caller to a number typed in
 */
public record RoutingOptions(Map<String, Line> lines, Map<OperativeId, Skills> operatives,
                             Map<OperativeId, String> endpoints, String helplineNumber, Duration announceEvery,
                             Optional<Duration> readyAgainAfter, Duration pbxRetryAfter, Duration storeTimeout,
                             double timeScale, Map<String, String> transferNumbers) {
    private static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9]{3,15}");

    public RoutingOptions {
        lines = Map.copyOf(Objects.requireNonNull(lines, "lines"));
        operatives = Map.copyOf(Objects.requireNonNull(operatives, "operatives"));
        endpoints = Map.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
        Objects.requireNonNull(helplineNumber, "helpline-number");
        if (helplineNumber.isBlank()) {
            throw new IllegalArgumentException("helpline-number: must not be blank");
        }
        Objects.requireNonNull(announceEvery, "announce-every");
        if (announceEvery.isNegative()) {
            throw new IllegalArgumentException("announce-every: must not be negative");
        }
        Objects.requireNonNull(readyAgainAfter, "ready-again-after");
        Objects.requireNonNull(pbxRetryAfter, "pbx-retry-after");
        if (pbxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("pbx-retry-after: must not be negative");
        }
        Objects.requireNonNull(storeTimeout, "store-timeout");
        if (storeTimeout.isZero() || storeTimeout.isNegative()) {
            throw new IllegalArgumentException("store-timeout: must be positive");
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time-scale: must be > 0");
        }
        transferNumbers = Map.copyOf(Objects.requireNonNull(transferNumbers, "transfer-numbers"));
        transferNumbers.forEach((name, number) -> {
            if (name.isBlank() || !DIALLABLE.matcher(number).matches()) {
                throw new IllegalArgumentException("transfer-numbers: '" + name + "' needs a name and a diallable "
                        + "number (digits, optional +), got '" + number + "'");
            }
        });
    }

    /** Without transfer numbers: only CMHT duty lines can be transferred to. */
    public RoutingOptions(Map<String, Line> lines, Map<OperativeId, Skills> operatives,
                          Map<OperativeId, String> endpoints, String helplineNumber, Duration announceEvery,
                          Optional<Duration> readyAgainAfter, Duration pbxRetryAfter, Duration storeTimeout,
                          double timeScale) {
        this(lines, operatives, endpoints, helplineNumber, announceEvery, readyAgainAfter, pbxRetryAfter,
                storeTimeout, timeScale, Map.of());
    }

    /** Whether {@code number} is one of the configured transfer numbers (spaces ignored). */
    public boolean isTransferNumber(String number) {
        String wanted = number.replace(" ", "");
        return transferNumbers.containsValue(wanted);
    }

    /** The queue line for the IVR's line name. */
    public Line lineOf(String ivrLine) {
        Line line = lines.get(ivrLine == null ? "" : ivrLine.toLowerCase(Locale.ROOT));
        return line == null ? Line.CRISIS : line;
    }

    /** The standard line names: crisis, professionals, support (and the demo's young-people, a support line). */
    public static Map<String, Line> standardLines() {
        return Map.of("crisis", Line.CRISIS, "professionals", Line.PROFESSIONALS, "support", Line.SUPPORT,
                "young-people", Line.SUPPORT);
    }

    public RoutingOptions withAnnounceEvery(Duration every) {
        return new RoutingOptions(lines, operatives, endpoints, helplineNumber, every, readyAgainAfter, pbxRetryAfter,
                storeTimeout, timeScale, transferNumbers);
    }

    public RoutingOptions withReadyAgainAfter(Optional<Duration> after) {
        return new RoutingOptions(lines, operatives, endpoints, helplineNumber, announceEvery, after, pbxRetryAfter,
                storeTimeout, timeScale, transferNumbers);
    }

    public RoutingOptions withTransferNumbers(Map<String, String> numbers) {
        return new RoutingOptions(lines, operatives, endpoints, helplineNumber, announceEvery, readyAgainAfter,
                pbxRetryAfter, storeTimeout, timeScale, numbers);
    }

    public RoutingOptions withOperatives(Map<OperativeId, Skills> staff) {
        return new RoutingOptions(lines, staff, endpoints, helplineNumber, announceEvery, readyAgainAfter,
                pbxRetryAfter, storeTimeout, timeScale, transferNumbers);
    }
}
