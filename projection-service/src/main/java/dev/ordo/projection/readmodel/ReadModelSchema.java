package dev.ordo.projection.readmodel;

import java.util.regex.Pattern;

/**
 * The PostgreSQL schema a set of read-model tables lives in: {@link #LIVE} for the tables the API
 * reads, {@link #REBUILD} for the fresh copy a rebuild fills before it takes their place. Both are
 * created by the same migrations, so the same code writes either.
 */
public record ReadModelSchema(String name) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public static final ReadModelSchema LIVE = new ReadModelSchema("readmodel");
    public static final ReadModelSchema REBUILD = new ReadModelSchema("readmodel_rebuild");

    public ReadModelSchema {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Expected a lower-case SQL identifier as schema name, but got " + name);
        }
    }

    /** {@code template} with every {@code {schema}} replaced by this schema's name. */
    public String sql(String template) {
        return template.replace("{schema}", name);
    }
}
