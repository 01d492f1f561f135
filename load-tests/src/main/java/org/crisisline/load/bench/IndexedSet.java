package org.crisisline.load.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A set with constant-time add, remove and uniformly random pick: how the benchmark driver chooses a
 * random waiting caller or a random operative on a call without scanning. Not thread-safe.
 */
final class IndexedSet<T> {
    private final List<T> items = new ArrayList<>();
    private final Map<T, Integer> index = new HashMap<>();

    boolean add(T item) {
        if (index.containsKey(item)) {
            return false;
        }
        index.put(item, items.size());
        items.add(item);
        return true;
    }

    boolean remove(T item) {
        Integer at = index.remove(item);
        if (at == null) {
            return false;
        }
        T last = items.remove(items.size() - 1);
        if (at < items.size()) {
            items.set(at, last);
            index.put(last, at);
        }
        return true;
    }

    boolean contains(T item) {
        return index.containsKey(item);
    }

    int size() {
        return items.size();
    }

    T random(Random random) {
        if (items.isEmpty()) {
            throw new NoSuchElementException("empty");
        }
        return items.get(random.nextInt(items.size()));
    }
}
