package org.crisisline.queue.staff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;

/**
 * Every operative on the line, indexed for dispatch: the available ones kept sorted best candidate
 * first (lowest emotional load, then longest idle; or longest idle only), split by clinical
 * qualification, and the ones in recovery. Each change goes through {@link #put}, which keeps the
 * indexes in step with the values.
 *
 * <p>Not thread-safe: owned by one queue core (single writer).
 */
public final class Roster {
    private final Map<OperativeId, Operative> byId = new HashMap<>();
    private final NavigableSet<Operative> availableClinical;
    private final NavigableSet<Operative> availableOther;
    private final Map<OperativeId, Operative> recovering = new LinkedHashMap<>();
    private final Comparator<Operative> candidateOrder;

    /** @param byLoad best candidate = lowest load score first; otherwise longest idle first */
    public Roster(boolean byLoad) {
        Comparator<Operative> idle = Comparator.comparing(Operative::idleSince).thenComparing(Operative::id);
        this.candidateOrder = byLoad ? Comparator.comparingDouble(Operative::loadScore).thenComparing(idle) : idle;
        this.availableClinical = new TreeSet<>(candidateOrder);
        this.availableOther = new TreeSet<>(candidateOrder);
    }

    public Optional<Operative> find(OperativeId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Operative get(OperativeId id) {
        Operative op = byId.get(id);
        if (op == null) {
            throw new NoSuchElementException("unknown operative " + id);
        }
        return op;
    }

    /** Stores the new value of an operative and re-indexes them. */
    public void put(Operative op) {
        Operative old = byId.put(op.id(), op);
        if (old != null) {
            unindex(old);
        }
        index(op);
    }

    public void update(OperativeId id, UnaryOperator<Operative> change) {
        put(change.apply(get(id)));
    }

    public Collection<Operative> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public Iterable<Operative> available(boolean clinical) {
        return Collections.unmodifiableSet(clinical ? availableClinical : availableOther);
    }

    public Iterable<Operative> availableBestFirst() {
        return () -> new MergingIterator(availableClinical.iterator(), availableOther.iterator(), candidateOrder);
    }

    public int availableCount() {
        return availableClinical.size() + availableOther.size();
    }

    public Collection<Operative> recovering() {
        return Collections.unmodifiableCollection(recovering.values());
    }

    public int count(OperativeState state) {
        int n = 0;
        for (Operative op : byId.values()) {
            if (op.state() == state) {
                n++;
            }
        }
        return n;
    }

    /** Logged on and not on a break or in supervision: the people who can take calls soon. */
    public int staffed() {
        int n = 0;
        for (Operative op : byId.values()) {
            OperativeState s = op.state();
            if (s != OperativeState.OFFLINE && s != OperativeState.BREAK && s != OperativeState.SUPERVISION) {
                n++;
            }
        }
        return n;
    }

    /** Rewrites every operative (for a load-epoch rebase); indexes are rebuilt. */
    public void replaceAll(UnaryOperator<Operative> change) {
        List<Operative> changed = new ArrayList<>(byId.size());
        for (Operative op : byId.values()) {
            changed.add(change.apply(op));
        }
        byId.clear();
        availableClinical.clear();
        availableOther.clear();
        recovering.clear();
        changed.forEach(this::put);
    }

    private void index(Operative op) {
        if (op.state() == OperativeState.AVAILABLE) {
            (op.isClinical() ? availableClinical : availableOther).add(op);
        } else if (op.state() == OperativeState.RECOVERY) {
            recovering.put(op.id(), op);
        }
    }

    private void unindex(Operative op) {
        if (op.state() == OperativeState.AVAILABLE) {
            (op.isClinical() ? availableClinical : availableOther).remove(op);
        } else if (op.state() == OperativeState.RECOVERY) {
            recovering.remove(op.id());
        }
    }

    /** Walks two sorted sets as one. */
    private static final class MergingIterator implements Iterator<Operative> {
        private final Iterator<Operative> a;
        private final Iterator<Operative> b;
        private final Comparator<Operative> order;
        private Operative nextA;
        private Operative nextB;

        MergingIterator(Iterator<Operative> a, Iterator<Operative> b, Comparator<Operative> order) {
            this.a = a;
            this.b = b;
            this.order = order;
            this.nextA = a.hasNext() ? a.next() : null;
            this.nextB = b.hasNext() ? b.next() : null;
        }

        @Override
        public boolean hasNext() {
            return nextA != null || nextB != null;
        }

        @Override
        public Operative next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Operative result;
            if (nextB == null || (nextA != null && order.compare(nextA, nextB) <= 0)) {
                result = nextA;
                nextA = a.hasNext() ? a.next() : null;
            } else {
                result = nextB;
                nextB = b.hasNext() ? b.next() : null;
            }
            return result;
        }
    }
}
