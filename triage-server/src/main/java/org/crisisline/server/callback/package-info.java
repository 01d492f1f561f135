/**
 * The raw callback numbers callers leave, kept from the booking until the call is over: the port
 * ({@link org.crisisline.server.callback.CallbackNumbers}), in memory, and in Redis encrypted
 * ({@code redis/}).
 */
package org.crisisline.server.callback;
