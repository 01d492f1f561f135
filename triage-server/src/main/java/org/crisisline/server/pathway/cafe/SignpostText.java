package org.crisisline.server.pathway.cafe;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words an operative reads to a caller, and sends as a text message, for a café offer (DOMAIN.md:
 * "the details can be read to the caller and sent as a text message"): name, address, phone, and when
 * the session runs in local time. Plain text, no personal data of the caller. Stateless.
 */
public final class SignpostText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE", Locale.UK);

    private SignpostText() {
    }

    public static String of(CafeOffer offer) {
        Cafe cafe = offer.cafe();
        String when = offer.openNow()
                ? "open now until " + TIME.format(offer.session().end())
                : "opens " + DAY.format(offer.session().start()) + " at " + TIME.format(offer.session().start())
                        + " until " + TIME.format(offer.session().end());
        return cafe.name() + ", " + cafe.address() + ". " + capitalised(when) + ". Tel " + cafe.phone()
                + ". Walk in, no appointment needed.";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
