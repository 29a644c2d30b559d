package dev.vai.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The scopes a token carries: a set, always in name order, so that the same scopes read, compare and print alike.
 * Stored as their names separated by single spaces ({@link #toString()}, {@link #parse(String)}), the form of
 * RFC 7662's {@code scope}.
 */
public final class Scopes {

    public static final Scopes NONE = new Scopes(new TreeSet<>());

    private final SortedSet<Scope> scopes;

    private Scopes(SortedSet<Scope> scopes) {
        this.scopes = Collections.unmodifiableSortedSet(scopes);
    }

    public static Scopes of(Collection<Scope> scopes) {
        return scopes.isEmpty() ? NONE : new Scopes(new TreeSet<>(scopes));
    }

    public static Scopes of(Scope... scopes) {
        return of(List.of(scopes));
    }

    /** Names as {@link #toString()} writes them; an empty text is no scope at all. */
    public static Scopes parse(String names) {
        Objects.requireNonNull(names, "names");
        if (names.isEmpty()) {
            return NONE;
        }
        TreeSet<Scope> parsed = new TreeSet<>();
        for (String name : names.split(" ")) {
            parsed.add(new Scope(name));
        }
        return new Scopes(parsed);
    }

    public static Scopes ofNames(Collection<String> names) {
        TreeSet<Scope> parsed = new TreeSet<>();
        for (String name : names) {
            parsed.add(new Scope(name));
        }
        return parsed.isEmpty() ? NONE : new Scopes(parsed);
    }

    public boolean contains(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    /** Those of these scopes that {@code held} does not contain: what granting these would add. */
    public Scopes notIn(Scopes held) {
        return filter(scope -> !held.contains(scope));
    }

    public Scopes with(Scope scope) {
        if (scopes.contains(scope)) {
            return this;
        }
        TreeSet<Scope> more = new TreeSet<>(scopes);
        more.add(scope);
        return new Scopes(more);
    }

    public Scopes without(Scope scope) {
        return filter(each -> !each.equals(scope));
    }

    public Scopes filter(Predicate<Scope> keep) {
        TreeSet<Scope> kept = new TreeSet<>();
        for (Scope scope : scopes) {
            if (keep.test(scope)) {
                kept.add(scope);
            }
        }
        return kept.size() == scopes.size() ? this : of(kept);
    }

    public SortedSet<Scope> asSet() {
        return scopes;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(scopes.size());
        scopes.forEach(scope -> names.add(scope.name()));
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scopes other && scopes.equals(other.scopes);
    }

    @Override
    public int hashCode() {
        return scopes.hashCode();
    }

    /** The names in order, separated by single spaces; empty for no scope. */
    @Override
    public String toString() {
        return String.join(" ", names());
    }
}
