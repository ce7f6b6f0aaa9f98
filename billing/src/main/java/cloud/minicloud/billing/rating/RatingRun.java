package cloud.minicloud.billing.rating;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Rates many tenants, {@link #PARALLEL} at a time, each in its own transaction: rating is mostly
 * the database writing lines, and two connections keep two of its cores busy where one kept one
 * (a million events: 107 s on one, see docs/benchmarks.md). Two runs never rate one tenant at once:
 * {@link Rating} locks the tenant's watermark.
 */
@ApplicationScoped
public class RatingRun {

    static final int PARALLEL = 2;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Rating rating;

    /**
     * Rates each tenant up to {@code until}, then hands it to {@code then} (in the same worker);
     * answers the tenants that failed with why. One failing does not hold up the others.
     */
    public Map<Long, RuntimeException> rate(List<Long> tenants, Instant until, LongConsumer then) {
        Queue<Long> left = new ConcurrentLinkedQueue<>(tenants);
        Map<Long, RuntimeException> failed = new ConcurrentHashMap<>();
        Runnable worker = () -> {
            for (Long tenant = left.poll(); tenant != null; tenant = left.poll()) {
                try {
                    rating.rate(tenant, until);
                    then.accept(tenant);
                } catch (RuntimeException e) {
                    failed.put(tenant, e);
                }
            }
        };
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(PARALLEL, tenants.size()); i++) {
            workers.add(executor.submit(worker));
        }
        for (Future<?> each : workers) {
            await(each);
        }
        return failed;
    }

    private static void await(Future<?> worker) {
        try {
            worker.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a rating worker failed", e.getCause());
        }
    }
}
