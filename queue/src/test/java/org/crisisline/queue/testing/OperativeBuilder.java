package org.crisisline.queue.testing;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;

/** Builds an operative for a test: {@code anOperative("op1").clinical().speaking("pl")}. Trained, English only, by default. */
public final class OperativeBuilder {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final String id;
    private boolean clinical;
    private boolean lead;
    private final Set<Language> languages = new HashSet<>();

    private OperativeBuilder(String id) {
        this.id = id;
    }

    public static OperativeBuilder anOperative() {
        return new OperativeBuilder("op-" + NEXT.incrementAndGet());
    }

    public static OperativeBuilder anOperative(String id) {
        return new OperativeBuilder(id);
    }

    public OperativeBuilder clinical() {
        this.clinical = true;
        return this;
    }

    /** A clinical lead who takes calls: clinically qualified too. */
    public OperativeBuilder clinicalLead() {
        this.clinical = true;
        this.lead = true;
        return this;
    }

    public OperativeBuilder speaking(String... codes) {
        for (String code : codes) {
            languages.add(Language.of(code));
        }
        return this;
    }

    public OperativeId id() {
        return OperativeId.of(id);
    }

    public Skills skills() {
        return new Skills(clinical, lead, languages);
    }
}
