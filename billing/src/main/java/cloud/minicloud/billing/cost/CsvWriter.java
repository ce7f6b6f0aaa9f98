package cloud.minicloud.billing.cost;

import java.io.IOException;
import java.io.Writer;

/** What writes a CSV (a cost report, a statement, a chargeback) to where a download goes. */
@FunctionalInterface
public interface CsvWriter {
    void write(Writer out) throws IOException;
}
