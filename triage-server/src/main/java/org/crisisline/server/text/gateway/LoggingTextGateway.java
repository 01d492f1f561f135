package org.crisisline.server.text.gateway;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.crisisline.server.text.TextMessage;
import org.crisisline.server.text.TextMessageGateway;
import org.crisisline.server.text.TextReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default gateway, for a service with no SMS provider yet: sends nothing and logs that a text would go,
 * with what it is about, its length and the recipient's pseudonym; never the number or the text (which
 * names where the caller is going). Always succeeds. Thread-safe, never blocks.
 */
public final class LoggingTextGateway implements TextMessageGateway {
    private static final Logger log = LoggerFactory.getLogger(LoggingTextGateway.class);

    @Override
    public CompletionStage<TextReceipt> send(TextMessage message) {
        log.atInfo().setMessage("text-logged").addKeyValue("subject", message.subject())
                .addKeyValue("chars", message.text().length()).addKeyValue("to", message.to().pseudonym()).log();
        return CompletableFuture.completedFuture(new TextReceipt("logged"));
    }
}
