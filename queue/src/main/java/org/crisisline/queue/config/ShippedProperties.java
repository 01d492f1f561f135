package org.crisisline.queue.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** A defaults file shipped on the classpath, read once at start into trimmed key/value pairs. */
public final class ShippedProperties {
    private ShippedProperties() {
    }

    /**
     * Reads {@code resource} relative to {@code anchor}; a missing or unreadable file is a packaging
     * bug, so it fails loudly.
     */
    public static Map<String, String> load(Class<?> anchor, String resource) {
        Properties properties = new Properties();
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        Map<String, String> map = new HashMap<>();
        properties.forEach((key, value) -> map.put(key.toString(), value.toString().trim()));
        return Map.copyOf(map);
    }
}
