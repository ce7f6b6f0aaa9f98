package cloud.minicloud.core.clienttoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.instance.InstanceFilter;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.quota.QuotaExceededException;
import cloud.minicloud.core.testing.TestCloud;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An order sent again with its client token makes nothing new; another order with the token is refused. */
class ClientTokensTest {

    private static final Caller ANN = TestCloud.member("ann", "acme");
    private static final Caller BOB = TestCloud.member("bob", "globex");

    private final TestCloud cloud = new TestCloud();

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    private String launch(Caller caller, String token, String flavor, int count) {
        return cloud.clientTokens.once(caller, token, flavor + " x" + count, () -> cloud.launch(caller, flavor, count).stream()
                .map(i -> i.id().toString()).collect(Collectors.joining(",")));
    }

    @Test
    void the_same_order_sent_again_with_its_token_answers_the_first_instances_and_launches_none() {
        cloud.addNode("n1");

        String first = launch(ANN, "retry-1", "entry", 2);
        String again = launch(ANN, "retry-1", "entry", 2);

        assertEquals(first, again);
        assertEquals(2, cloud.instances.count(ANN, null, null));
        assertEquals(2, launch(BOB, "retry-1", "entry", 2).split(",").length, "a token is its tenant's: bob's is another");
        assertEquals(4, cloud.instances.listAll(TestCloud.admin(), InstanceFilter.ALL, 0, 10).size());
    }

    @Test
    void another_order_with_a_used_token_is_refused_and_a_refused_order_leaves_its_token_free() {
        cloud.addNode("n1");
        launch(ANN, "t-1", "entry", 1);

        assertThrows(ClientTokenMismatchException.class, () -> launch(ANN, "t-1", "entry", 2));
        assertThrows(QuotaExceededException.class, () -> launch(ANN, "t-2", "standard", 6));
        List<InstanceView> before = cloud.instances.list(ANN, null, null, 0, 10);
        assertEquals(1, launch(ANN, "t-2", "entry", 1).split(",").length, "the refused order's token is free for the next");
        assertEquals(before.size() + 1, cloud.instances.count(ANN, null, null));
        assertThrows(InvalidRequestException.class, () -> launch(ANN, "x".repeat(65), "entry", 1));
        assertThrows(InvalidRequestException.class, () -> launch(ANN, "with space", "entry", 1));
    }
}
