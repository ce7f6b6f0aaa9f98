package cloud.minicloud.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Billing's plain JDBC on the portal's datasource, in the caller's transaction: billing writes and
 * sums many rows at once, which JDBC batches and SQL aggregates do better than entities.
 */
public final class Sql {

    /** Reads one row into a value. */
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Rows per multi-row INSERT: 500 rows of 10 columns keep well inside MariaDB's 65,535 placeholders. */
    static final int ROWS = 500;
    static final int IDS = 1000;

    private Sql() {
    }

    public static int update(DataSource database, String sql, Object... parameters) {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public static <T> List<T> list(DataSource database, String sql, Row<T> row, Object... parameters) {
        List<T> rows = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row.read(r));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return rows;
    }

    /**
     * Inserts rows of values with as few statements as the placeholder limit allows ({@link #ROWS}
     * rows each): one statement per row costs a round trip and a parse on the server each, which is
     * most of what rating a tenant takes.
     *
     * @param head the statement up to its VALUES, e.g. {@code INSERT INTO t (a, b) VALUES }
     */
    public static void insertRows(DataSource database, String head, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
            String tuple = "(" + String.join(", ", java.util.Collections.nCopies(chunk.get(0).length, "?")) + ")";
            update(database, head + String.join(", ", java.util.Collections.nCopies(chunk.size(), tuple)),
                    chunk.stream().flatMap(java.util.Arrays::stream).toArray());
        }
    }

    /**
     * Runs a statement for ids a chunk at a time: {@code sql} has one {@code %s} where the list of
     * ids goes, after the {@code leading} parameters.
     */
    public static void forIds(DataSource database, String sql, List<Long> ids, Object... leading) {
        for (int from = 0; from < ids.size(); from += IDS) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS));
            Object[] parameters = java.util.stream.Stream.concat(java.util.Arrays.stream(leading), chunk.stream()).toArray();
            update(database, sql.formatted(String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))), parameters);
        }
    }

    /** The first row's value, or null where there is no row or its value is null. */
    public static <T> T first(DataSource database, String sql, Row<T> row, Object... parameters) {
        List<T> rows = list(database, sql, row, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    public static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("the billing tables could not be read or written: " + e.getMessage(), e);
    }
}
