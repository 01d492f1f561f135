package org.crisisline.server.text;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.crisisline.server.audit.CallerPseudonym;
import org.crisisline.server.audit.PhoneNumber;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.cafe.CafeOffer;
import org.crisisline.server.pathway.cafe.SignpostTally;
import org.crisisline.server.pathway.cafe.SignpostText;

/**
 * Texts a café's details (DOMAIN.md: "the details can be read to the caller and sent as a text message") to
 * the number the caller gave the operative. The number is read once into a {@link TextRecipient} carrying its
 * pseudonym, handed to the gateway and dropped: nothing here keeps, logs or returns it. Thread-safe; never
 * blocks (the gateway's stage completes later).
 */
public final class SignpostTexts {
    private final TextMessageGateway gateway;
    private final CallerPseudonym pseudonyms;

    public SignpostTexts(TextMessageGateway gateway, CallerPseudonym pseudonyms) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    /** The recipient for a number as the caller said it (UK or E.164), or empty when it is not a phone number. */
    public Optional<TextRecipient> recipient(String rawNumber) {
        return PhoneNumber.parse(rawNumber).map(number -> new TextRecipient(number, pseudonyms.of(number)));
    }

    /** What is read and texted for {@code cafe} at {@code at}: its details and the session the caller would go to. */
    public static Optional<String> details(Cafe cafe, Instant at, SignpostTally tally) {
        return cafe.sessionToSignpost(at).map(session -> SignpostText.of(new CafeOffer(cafe, session,
                session.contains(at), tally.count(cafe.id(), session.serviceDate()))));
    }

    /** Sends {@code details} about {@code cafe}; fails with a {@link TextDeliveryException} when not sent. */
    public CompletionStage<TextReceipt> send(TextRecipient to, Cafe cafe, String details) {
        try {
            return gateway.send(new TextMessage(to, "cafe:" + cafe.id(), details));
        } catch (RuntimeException e) {
            return CompletableFuture.failedStage(new TextDeliveryException("the gateway failed: " + e.getMessage(), e));
        }
    }
}
