package org.crisisline.queue.model;

import java.util.Objects;
import java.util.Set;

/**
 * What an operative can do: clinical qualification, leading, languages (English is assumed for
 * everyone) and whether they can bring in an interpreter.
 */
public record Skills(boolean clinical, boolean clinicalLead, Set<Language> languages) {
    public Skills {
        Objects.requireNonNull(languages, "languages");
        languages = Set.copyOf(languages);
    }

    public static Skills trained() {
        return new Skills(false, false, Set.of());
    }

    public static Skills clinicallyQualified() {
        return new Skills(true, false, Set.of());
    }

    public Skills withLanguages(Language... more) {
        return new Skills(clinical, clinicalLead, Set.of(more));
    }

    public boolean speaks(Language language) {
        return language.isEnglish() || languages.contains(language);
    }
}
