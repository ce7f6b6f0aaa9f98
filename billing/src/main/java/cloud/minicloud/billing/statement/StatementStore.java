package cloud.minicloud.billing.statement;

import cloud.minicloud.billing.Sql;
import cloud.minicloud.billing.cost.CostLine;
import cloud.minicloud.core.usage.UsageKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Closed statements in the database (JDBC on the portal's datasource, in the caller's transaction); written once. */
@ApplicationScoped
public class StatementStore {

    /** A closed statement as stored: the tenant's name and the currency as they were when it closed. */
    public record Stored(YearMonth month, String tenantName, String currency, List<CostLine> lines, BigDecimal total,
                         Instant closedAt) {
    }

    @Resource(lookup = "java:jboss/datasources/MinicloudDS")
    DataSource database;

    public Optional<Stored> find(long tenantId, YearMonth month) {
        try (Connection c = database.getConnection()) {
            long id;
            String tenantName;
            String currency;
            BigDecimal total;
            Instant closedAt;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, currency, total, closed_at, tenant_name FROM statement WHERE tenant_id = ? AND month = ?")) {
                s.setLong(1, tenantId);
                s.setString(2, month.toString());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    id = r.getLong(1);
                    currency = r.getString(2);
                    total = r.getBigDecimal(3);
                    closedAt = r.getTimestamp(4).toInstant();
                    tenantName = r.getString(5);
                }
            }
            List<CostLine> lines = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT kind, resource_id, resource_name, item, unit, quantity,"
                    + " unit_price, amount FROM statement_line WHERE statement_id = ? ORDER BY line_no")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        lines.add(new CostLine(UsageKind.valueOf(r.getString(1)), r.getString(2), r.getString(3),
                                r.getString(4), r.getString(5), r.getBigDecimal(6), r.getBigDecimal(7), r.getBigDecimal(8)));
                    }
                }
            }
            return Optional.of(new Stored(month, tenantName, currency, lines, total, closedAt));
        } catch (SQLException e) {
            throw Sql.failed(e);
        }
    }

    /** Stores a closed statement; false if one was closed meanwhile (the first stays). */
    public boolean add(long tenantId, Stored statement) {
        try (Connection c = database.getConnection()) {
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO statement (tenant_id, month, currency, total,"
                    + " closed_at, tenant_name) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, tenantId);
                s.setString(2, statement.month().toString());
                s.setString(3, statement.currency());
                s.setBigDecimal(4, statement.total());
                s.setTimestamp(5, Timestamp.from(statement.closedAt()));
                s.setString(6, statement.tenantName());
                if (s.executeUpdate() == 0) {
                    return false;
                }
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO statement_line (statement_id, line_no, kind,"
                    + " resource_id, resource_name, item, unit, quantity, unit_price, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int number = 0;
                for (CostLine line : statement.lines()) {
                    s.setLong(1, id);
                    s.setInt(2, ++number);
                    s.setString(3, line.kind().name());
                    s.setString(4, line.resourceId());
                    s.setString(5, line.resourceName());
                    s.setString(6, line.item());
                    s.setString(7, line.unit());
                    s.setBigDecimal(8, line.quantity());
                    s.setBigDecimal(9, line.unitPrice());
                    s.setBigDecimal(10, line.amount());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return true;
        } catch (SQLException e) {
            throw Sql.failed(e);
        }
    }
}
