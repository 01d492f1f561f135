/**
 * The JSON API over HTTP: {@link org.crisisline.server.http.HttpApi} builds the Vert.x Web router from its
 * dependencies ({@link org.crisisline.server.http.ApiDependencies}): security first, then role-scoped routes
 * per role in {@code operative/}, {@code lead/} and {@code admin/}, the operations routes ({@code /health},
 * {@code /ready}, {@code /metrics}) and the OpenAPI document. Every route is registered in a
 * {@link org.crisisline.server.http.RouteTable} with the roles it admits, which the contract test compares
 * with {@code openapi.yaml}. Handlers run on the event loop and never block; callers are only ever named by
 * their pseudonym.
 */
package org.crisisline.server.http;
