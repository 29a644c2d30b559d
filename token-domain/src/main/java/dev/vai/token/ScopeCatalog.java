package dev.vai.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The scopes that exist: this service's own ({@code tokens:read}, {@code tokens:write}) and the platform's, which the
 * operator configures ({@code VAI_SCOPES}) and other services enforce after introspection. A stored scope that is no
 * longer in the catalog counts for nothing ({@link #effective(Scopes)}): removing a scope from the catalog takes it
 * from every token at once, and adding it back restores it, since stored scopes are never rewritten.
 */
public final class ScopeCatalog {

    private final Scopes all;

    private ScopeCatalog(Scopes all) {
        this.all = all;
    }

    /**
     * The catalog of {@code platformScopes} (names; blanks ignored) plus this service's own. Refuses a name that breaks
     * {@link Scope}'s rule or uses the reserved {@code tokens:} prefix, naming every such name.
     */
    public static ScopeCatalog of(Collection<String> platformScopes) {
        TreeSet<Scope> scopes = new TreeSet<>(List.of(Scope.TOKENS_READ, Scope.TOKENS_WRITE));
        List<String> problems = new ArrayList<>();
        for (String raw : platformScopes) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!Scope.isValidName(name)) {
                problems.add("'" + printable(name) + "' is not a valid scope name ([a-z][a-z0-9_.:-]{0,63})");
            } else if (name.startsWith(Scope.RESERVED_PREFIX)) {
                problems.add("'" + name + "' is reserved (names starting with '" + Scope.RESERVED_PREFIX
                        + "' are this service's own)");
            } else {
                scopes.add(new Scope(name));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScope("VAI_SCOPES: " + String.join("; ", problems));
        }
        return new ScopeCatalog(Scopes.of(scopes));
    }

    /** Every scope there is: what a session gets unless the login service asks for fewer. */
    public Scopes all() {
        return all;
    }

    public boolean contains(Scope scope) {
        return all.contains(scope);
    }

    /** The scope of this name, if the catalog has it; null otherwise (also for a name that is not valid). */
    public Scope find(String name) {
        if (!Scope.isValidName(name)) {
            return null;
        }
        Scope scope = new Scope(name);
        return all.contains(scope) ? scope : null;
    }

    /** What stored scopes are worth today: those the catalog still has. */
    public Scopes effective(Scopes stored) {
        return stored.filter(all::contains);
    }

    private static String printable(String name) {
        StringBuilder clean = new StringBuilder();
        name.codePoints().limit(80).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
