package org.crisisline.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a contact in a caller's history")
class ContactTest {
    private static final Instant AT = Instant.parse("2026-11-27T19:00:00Z");

    @Test
    @DisplayName("without the caller's consent the contact is counted (date, tier, pathways) but no note is kept")
    void noConsentNoNote() {
        Contact contact = contact(false, Optional.of("lives with her sister"));

        assertThat(contact.note()).isEmpty();
        assertThat(contact.consented()).isFalse();
        assertThat(contact.tier()).isEqualTo(Tier.CRISIS);
        assertThat(contact.pathways()).containsExactly("cafe-signpost:leeds-haven");
    }

    @Test
    @DisplayName("with consent the note is kept, trimmed of blanks and cut to 280 characters")
    void consentKeepsAShortNote() {
        assertThat(contact(true, Optional.of("  prefers texts  ")).note()).contains("prefers texts");
        assertThat(contact(true, Optional.of("x".repeat(1000))).note()).get().asString()
                .hasSize(Contact.MAX_NOTE).endsWith("…");
        assertThat(contact(true, Optional.of("   ")).note()).isEmpty();
    }

    @Test
    @DisplayName("a note without consent cannot even be built directly")
    void noteWithoutConsentIsABug() {
        assertThatThrownBy(() -> new Contact(CallId.of("call-1"), AT, Line.CRISIS, Tier.CRISIS, List.of(), List.of(),
                false, Optional.of("note"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Contact contact(boolean consented, Optional<String> notes) {
        return Contact.of(CallId.of("call-1"), AT, Line.CRISIS, Tier.CRISIS, List.of("cafe-signpost:leeds-haven"),
                List.of(), consented, notes);
    }
}
