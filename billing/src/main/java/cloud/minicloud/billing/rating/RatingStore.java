package cloud.minicloud.billing.rating;

import cloud.minicloud.billing.Sql;
import cloud.minicloud.core.usage.UsageKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Usage events, rated lines and each tenant's rating watermark in the database (JDBC on the
 * portal's datasource, in the caller's transaction).
 */
@ApplicationScoped
public class RatingStore {

    private static final String EVENT = "SELECT id, tenant_id, kind, resource_id, resource_name, flavor, size_gib, begins,"
            + " occurred_at, months FROM usage_event WHERE tenant_id = ?";

    @Resource(lookup = "java:jboss/datasources/MinicloudDS")
    DataSource database;

    /** Locks the tenant's watermark for this transaction (made if missing) and answers it: empty if never rated. */
    public Optional<Instant> lockWatermark(long tenantId) {
        Sql.update(database, "INSERT IGNORE INTO rating_watermark (tenant_id) VALUES (?)", tenantId);
        return instant("SELECT rated_until FROM rating_watermark WHERE tenant_id = ? FOR UPDATE", tenantId);
    }

    public void setWatermark(long tenantId, Instant ratedUntil) {
        Sql.update(database, "UPDATE rating_watermark SET rated_until = ? WHERE tenant_id = ?", Timestamp.from(ratedUntil),
                tenantId);
    }

    /** The end of the tenant's last closed month: rating leaves the hours before it as they are. */
    public Optional<Instant> closedUntil(long tenantId) {
        return instant("SELECT closed_until FROM rating_watermark WHERE tenant_id = ?", tenantId);
    }

    /** A month closed: its hours, and all before, are never rated again. */
    public void closeUntil(long tenantId, Instant end) {
        Sql.update(database, "UPDATE rating_watermark SET closed_until = GREATEST(COALESCE(closed_until, ?), ?)"
                + " WHERE tenant_id = ?", Timestamp.from(end), Timestamp.from(end), tenantId);
    }

    /** The first hour with a rated line at or after a moment. */
    public Optional<Instant> firstLineSince(long tenantId, Instant since) {
        return instant("SELECT MIN(hour_start) FROM rated_line WHERE tenant_id = ? AND hour_start >= ?", tenantId,
                Timestamp.from(since));
    }

    /** The tenant's events rating has not taken in yet. */
    public List<Usage> unrated(long tenantId) {
        return Sql.list(database, EVENT + " AND rated_at IS NULL", RatingStore::usage, tenantId);
    }

    /**
     * What rating the hours in [from, to) needs of the tenant's events, and no more (not its whole
     * history): those in the window, and each meter's last events before it (a meter that began
     * long ago and runs on is known by its last event, a begin).
     */
    public List<Usage> eventsFor(long tenantId, Instant from, Instant to) {
        return Sql.list(database, EVENT + " AND occurred_at >= ? AND occurred_at < ?"
                        + " UNION ALL SELECT e.id, e.tenant_id, e.kind, e.resource_id, e.resource_name, e.flavor, e.size_gib,"
                        + " e.begins, e.occurred_at, e.months FROM usage_event e JOIN (SELECT kind, resource_id, MAX(occurred_at) AS last"
                        + " FROM usage_event WHERE tenant_id = ? AND occurred_at < ? GROUP BY kind, resource_id) l"
                        + " ON e.kind = l.kind AND e.resource_id = l.resource_id AND e.occurred_at = l.last WHERE e.tenant_id = ?",
                RatingStore::usage, tenantId, Timestamp.from(from), Timestamp.from(to), tenantId, Timestamp.from(from), tenantId);
    }

    public void markRated(List<Usage> events, Instant at) {
        Sql.forIds(database, "UPDATE usage_event SET rated_at = ? WHERE id IN (%s)", events.stream().map(Usage::id).toList(),
                Timestamp.from(at));
    }

    /** Replaces the tenant's lines of the hours in [from, to) with these. */
    public void replace(long tenantId, Instant from, Instant to, List<RatedLine> lines) {
        Sql.update(database, "DELETE FROM rated_line WHERE tenant_id = ? AND hour_start >= ? AND hour_start < ?", tenantId,
                Timestamp.from(from), Timestamp.from(to));
        Sql.insertRows(database, "INSERT INTO rated_line (tenant_id, kind, resource_id, resource_name, item, hour_start,"
                + " price_list_id, quantity, unit_price, amount) VALUES ", lines.stream().map(line -> new Object[] {
                        line.tenantId(), line.kind().name(), line.resourceId(), line.resourceName(), line.item(),
                        Timestamp.from(line.hourStart()), line.priceListId(), line.quantity(), line.unitPrice(), line.amount()})
                .toList());
    }

    /** The tenant's stored lines of the hours in [from, to). */
    public List<RatedLine> lines(long tenantId, Instant from, Instant to) {
        return Sql.list(database, "SELECT kind, resource_id, resource_name, item, hour_start, price_list_id, quantity,"
                        + " unit_price, amount FROM rated_line WHERE tenant_id = ? AND hour_start >= ? AND hour_start < ?"
                        + " ORDER BY hour_start, resource_id, kind, item, price_list_id",
                r -> new RatedLine(tenantId, UsageKind.valueOf(r.getString(1)), r.getString(2), r.getString(3),
                        r.getString(4), r.getTimestamp(5).toInstant(), r.getLong(6), r.getBigDecimal(7),
                        r.getBigDecimal(8), r.getBigDecimal(9)),
                tenantId, Timestamp.from(from), Timestamp.from(to));
    }

    /** Each tenant's amounts per meter over the hours in [from, to). */
    public Map<Long, Map<UsageKind, BigDecimal>> totalsByTenant(Instant from, Instant to) {
        record Sum(long tenant, UsageKind kind, BigDecimal amount) {
        }
        Map<Long, Map<UsageKind, BigDecimal>> totals = new HashMap<>();
        Sql.list(database, "SELECT tenant_id, kind, SUM(amount) FROM rated_line WHERE hour_start >= ? AND hour_start < ?"
                        + " GROUP BY tenant_id, kind",
                r -> new Sum(r.getLong(1), UsageKind.valueOf(r.getString(2)), r.getBigDecimal(3)),
                Timestamp.from(from), Timestamp.from(to))
                .forEach(sum -> totals.computeIfAbsent(sum.tenant(), t -> new EnumMap<>(UsageKind.class))
                        .put(sum.kind(), sum.amount()));
        return totals;
    }

    /**
     * The tenants a rating up to {@code until} would change: those with events not rated yet, and
     * those rated to before {@code until}'s hour (a meter still running has hours to add). Rating
     * any other tenant would find nothing to do.
     */
    public List<Long> tenantsToRate(Instant until) {
        return Sql.list(database, "SELECT DISTINCT tenant_id FROM usage_event WHERE rated_at IS NULL UNION"
                        + " SELECT tenant_id FROM rating_watermark WHERE rated_until IS NULL OR rated_until < ?",
                r -> r.getLong(1), Timestamp.from(until.truncatedTo(java.time.temporal.ChronoUnit.HOURS)));
    }

    /** Every tenant that has usage. */
    public List<Long> tenantsWithUsage() {
        return Sql.list(database, "SELECT DISTINCT tenant_id FROM usage_event", r -> r.getLong(1));
    }

    private Optional<Instant> instant(String sql, Object... parameters) {
        return Optional.ofNullable(Sql.first(database, sql, r -> r.getTimestamp(1), parameters)).map(Timestamp::toInstant);
    }

    private static Usage usage(ResultSet r) throws SQLException {
        return new Usage(r.getLong(1), r.getLong(2), UsageKind.valueOf(r.getString(3)), r.getString(4), r.getString(5),
                r.getString(6), r.getInt(7), r.getBoolean(8), r.getTimestamp(9).toInstant(), r.getInt(10));
    }
}
