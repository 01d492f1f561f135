package org.crisisline.telephony.sim;

import java.util.List;
import java.util.Random;

/**
 * The simulated people and how they behave, drawn from the options with the model's seeded
 * generator: which keypad script a caller follows, their number, patience and talk time, and how
 * operatives, fallback agents, called-back people and transfer targets pick up.
 *
 * <p>Not thread-safe: the model's thread only.
 */
final class Population {
    private final SimulatedPbxOptions options;
    private final Random random;
    private final double totalWeight;

    Population(SimulatedPbxOptions options, Random random) {
        this.options = options;
        this.random = random;
        this.totalWeight = options.keypadScripts().stream().mapToDouble(KeypadScript::weight).sum();
    }

    Random random() {
        return random;
    }

    KeypadScript pickScript() {
        double point = random.nextDouble() * totalWeight;
        List<KeypadScript> scripts = options.keypadScripts();
        for (KeypadScript script : scripts) {
            point -= script.weight();
            if (point < 0) {
                return script;
            }
        }
        return scripts.get(scripts.size() - 1);
    }

    /**
     * A number in Ofcom's drama range (07700 900000-900999), never a real person's; or, with the
     * withheld probability, no number at all (empty).
     */
    String callerNumber() {
        if (random.nextDouble() < options.withheldNumberProbability()) {
            return "";
        }
        return String.format("07700900%03d", random.nextInt(1000));
    }

    long patienceMillis() {
        return options.callerPatience().sampleMillis(random);
    }

    long talkMillis() {
        return Math.max(1000, options.talkTime().sampleMillis(random));
    }

    boolean isOperative(String endpoint) {
        return options.operativeEndpoints().contains(endpoint);
    }

    /** The endpoint named {@code busy} is always busy, as in ami-originate-failed.txt. */
    Pickup operative(String endpoint) {
        if (endpoint.equals("busy")) {
            return new Pickup.Busy();
        }
        if (!isOperative(endpoint)) {
            return new Pickup.NoSuchEndpoint();
        }
        if (random.nextDouble() < options.operativeNoAnswerProbability()) {
            return new Pickup.NeverAnswers();
        }
        return new Pickup.Answers(options.operativeRing().sampleMillis(random));
    }

    Pickup callee() {
        double draw = random.nextDouble();
        if (draw < options.calleeAnswerProbability()) {
            return new Pickup.Answers(options.calleeRing().sampleMillis(random));
        }
        if (draw < options.calleeAnswerProbability() + options.calleeBusyProbability()) {
            return new Pickup.Busy();
        }
        return new Pickup.NeverAnswers();
    }

    Pickup fallbackAgent() {
        return new Pickup.Answers(options.fallbackAgentRing().sampleMillis(random));
    }

    /** A transfer target or the emergency service: answers within a few seconds. */
    Pickup farEnd() {
        return new Pickup.Answers(1000 + random.nextInt(3000));
    }
}
