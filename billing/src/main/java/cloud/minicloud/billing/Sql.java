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
