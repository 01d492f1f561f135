/**
 * Text messages to callers: the {@link org.crisisline.server.text.TextMessageGateway} port (plain Java), the
 * message and its receipt, and {@link org.crisisline.server.text.SignpostTexts}, which texts a café's details
 * to the number a caller gave. A caller's number is used once to send and never stored, logged or audited:
 * only its pseudonym is. The adapters are in {@code text.gateway}.
 */
package org.crisisline.server.text;
