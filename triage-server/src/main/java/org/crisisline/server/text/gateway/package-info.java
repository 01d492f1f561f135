/**
 * The text-message gateways: {@link org.crisisline.server.text.gateway.LoggingTextGateway} (the default: logs
 * that a text would go, never the number or the text) and {@link org.crisisline.server.text.gateway.HttpTextGateway}
 * (POSTs JSON to an SMS provider with Vert.x's HTTP client), chosen by
 * {@link org.crisisline.server.text.gateway.TextGateways} from the {@code pathway.text.*} settings.
 */
package org.crisisline.server.text.gateway;
