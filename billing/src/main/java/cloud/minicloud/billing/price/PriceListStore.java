package cloud.minicloud.billing.price;

import cloud.minicloud.billing.Sql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The price lists in the database (JDBC on the portal's datasource, in the caller's transaction). */
@ApplicationScoped
public class PriceListStore {

    @Resource(lookup = "java:jboss/datasources/MinicloudDS")
    DataSource database;

    /** Every version, oldest first. */
    public List<PriceList> all() {
        return read("");
    }

    /**
     * Every version as committed now, not as this transaction first saw them: for changes made
     * under {@link #lock()} (a read before the lock would miss a version committed meanwhile).
     */
    public List<PriceList> latest() {
        return read(" LOCK IN SHARE MODE");
    }

    private List<PriceList> read(String locking) {
        try (Connection c = database.getConnection()) {
            Map<Long, Map<String, BigDecimal>> flavors = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT price_list_id, flavor, hourly FROM price_list_flavor" + locking);
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    flavors.computeIfAbsent(r.getLong(1), id -> new HashMap<>()).put(r.getString(2), r.getBigDecimal(3));
                }
            }
            List<PriceList> lists = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, effective_from, disk_gib_hour, image_gib_hour,"
                    + " created_by, created_at, month_discount_pct, year_discount_pct, warning_days, grace_days FROM price_list ORDER BY effective_from" + locking);
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lists.add(new PriceList(r.getLong(1), r.getTimestamp(2).toInstant(),
                            flavors.getOrDefault(r.getLong(1), Map.of()), r.getBigDecimal(3), r.getBigDecimal(4),
                            new SubscriptionTerms(r.getBigDecimal(7), r.getBigDecimal(8), r.getInt(9), r.getInt(10)),
                            r.getString(5), r.getTimestamp(6).toInstant()));
                }
            }
            return lists;
        } catch (SQLException e) {
            throw Sql.failed(e);
        }
    }

    /** Stores a new version and answers its id. */
    public long add(PriceList list) {
        try (Connection c = database.getConnection()) {
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO price_list (effective_from, disk_gib_hour,"
                    + " image_gib_hour, created_by, created_at, month_discount_pct, year_discount_pct, warning_days, grace_days)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setTimestamp(1, Timestamp.from(list.effectiveFrom()));
                s.setBigDecimal(2, list.diskGibHour());
                s.setBigDecimal(3, list.imageGibHour());
                s.setString(4, list.createdBy());
                s.setTimestamp(5, Timestamp.from(list.createdAt()));
                s.setBigDecimal(6, list.subscription().monthDiscountPercent());
                s.setBigDecimal(7, list.subscription().yearDiscountPercent());
                s.setInt(8, list.subscription().warningDays());
                s.setInt(9, list.subscription().graceDays());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO price_list_flavor (price_list_id, flavor, hourly) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, BigDecimal> price : list.flavors().entrySet()) {
                    s.setLong(1, id);
                    s.setString(2, price.getKey());
                    s.setBigDecimal(3, price.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return id;
        } catch (SQLException e) {
            throw Sql.failed(e);
        }
    }

    /** Adds a flavor's price to a version that lacks it. */
    public void addFlavor(long list, String flavor, BigDecimal hourly) {
        Sql.update(database, "INSERT INTO price_list_flavor (price_list_id, flavor, hourly) VALUES (?, ?, ?)", list, flavor, hourly);
    }

    public void removeFlavor(long list, String flavor) {
        Sql.update(database, "DELETE FROM price_list_flavor WHERE price_list_id = ? AND flavor = ?", list, flavor);
    }

    public void remove(long list) {
        Sql.update(database, "DELETE FROM price_list WHERE id = ?", list);
    }

    /** Serialises changes to the price lists (two admins adding versions at once). */
    public void lock() {
        Sql.list(database, "SELECT id FROM price_list ORDER BY id LIMIT 1 FOR UPDATE", r -> r.getLong(1));
    }
}
