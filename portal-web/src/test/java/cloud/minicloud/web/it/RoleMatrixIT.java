package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what, for which tenant: every demo identity against every kind of endpoint through
 * the REST API with real Keycloak tokens. Each call is one that changes nothing when allowed (an
 * unknown flavor, an empty name, an unknown id), so the answer tells authorisation apart from
 * validation: 403 refused, 400 or 404 let in and then turned down for the input.
 */
class RoleMatrixIT {

    private static final String NO_SUCH_INSTANCE = "/api/v1/instances/00000000-0000-4000-8000-000000000000";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** An identity: a demo user acting for a tenant (named in X-Minicloud-Tenant, or null). */
    record Who(String user, String tenant, String is) {
        @Override
        public String toString() {
            return user + (tenant == null ? "" : "@" + tenant) + " (" + is + ")";
        }
    }

    record Endpoint(String method, String path, String body, String means) {
        @Override
        public String toString() {
            return method + " " + path + " (" + means + ")";
        }
    }

    static final Who ALICE = new Who("alice", null, "tenant-admin of acme");
    static final Who ANN = new Who("ann", null, "tenant-user of acme");
    static final Who CARA = new Who("cara", null, "member of acme with no role");
    static final Who DAN_ACME = new Who("dan", "acme", "tenant-user of acme, acting for it");
    static final Who DAN_GLOBEX = new Who("dan", "globex", "tenant-admin of globex, acting for it");
    static final Who DAN_UNCHOSEN = new Who("dan", null, "member of two tenants, naming neither");
    static final Who BOB_IN_ACME = new Who("bob", "acme", "tenant-user of globex naming acme");
    static final Who ADMIN = new Who("admin", null, "cloud-admin in no tenant");

    static final Endpoint LIST_INSTANCES = new Endpoint("GET", "/api/v1/instances", null, "list instances");
    static final Endpoint LAUNCH = new Endpoint("POST", "/api/v1/instances",
            "{\"name\":\"matrix\",\"flavor\":\"no-such-flavor\",\"image\":\"tiny\",\"password\":\"Secret-123\"}", "launch");
    static final Endpoint STOP = new Endpoint("POST", NO_SUCH_INSTANCE + "/actions", "{\"action\":\"stop\"}", "stop an instance");
    static final Endpoint DELETE_INSTANCE = new Endpoint("DELETE", NO_SUCH_INSTANCE, null, "delete an instance");
    static final Endpoint CONSOLE_LOG = new Endpoint("GET", NO_SUCH_INSTANCE + "/console-log", null, "read a console");
    static final Endpoint LIST_NETWORKS = new Endpoint("GET", "/api/v1/networks", null, "list networks");
    static final Endpoint CREATE_NETWORK = new Endpoint("POST", "/api/v1/networks", "{\"name\":\"\"}", "create a network");
    static final Endpoint QUOTA = new Endpoint("GET", "/api/v1/quota", null, "read the quota");
    static final Endpoint LIST_IMAGES = new Endpoint("GET", "/api/v1/images", null, "list images");
    static final Endpoint CUSTOM_IMAGE = new Endpoint("POST", "/api/v1/images",
            "{\"name\":\"\",\"visibility\":\"private\"}", "register a custom image");
    static final Endpoint AUDIT = new Endpoint("GET", "/api/v1/audit", null, "read the audit log");
    static final Endpoint TENANTS = new Endpoint("GET", "/api/v1/admin/tenants", null, "list tenants");
    static final Endpoint NODES = new Endpoint("GET", "/api/v1/admin/nodes", null, "list nodes");
    static final Endpoint ACME_MEMBERS = new Endpoint("GET", "/api/v1/tenants/acme/members", null, "list acme's members");
    static final Endpoint ADD_ACME_MEMBER = new Endpoint("POST", "/api/v1/tenants/acme/members",
            "{\"user\":\"\",\"role\":\"tenant-user\"}", "add a member to acme");

    static final Endpoint COSTS = new Endpoint("GET", "/api/v1/costs", null, "read the tenant's costs");
    static final Endpoint PRICE_LISTS = new Endpoint("GET", "/api/v1/admin/price-lists", null, "list price lists");
    static final Endpoint CHARGEBACK = new Endpoint("GET", "/api/v1/admin/chargeback/2020-01", null, "read a chargeback");
    static final Endpoint BUDGET = new Endpoint("GET", "/api/v1/budget", null, "read the tenant's budget");
    static final Endpoint SET_BUDGET = new Endpoint("PUT", "/api/v1/admin/tenants/acme/budget", "{\"monthlyAmount\":-1}",
            "set acme's budget");

    static final Endpoint ADD_NODE = new Endpoint("POST", "/api/v1/admin/nodes", "{\"name\":\"\"}", "add a compute node");
    static final Endpoint REMOVE_NODE = new Endpoint("DELETE", "/api/v1/admin/nodes/no-such-node", null, "remove a compute node");

    static final List<Endpoint> ENDPOINTS = List.of(LIST_INSTANCES, LAUNCH, STOP, DELETE_INSTANCE, CONSOLE_LOG,
            LIST_NETWORKS, CREATE_NETWORK, QUOTA, LIST_IMAGES, CUSTOM_IMAGE, AUDIT, TENANTS, NODES, ACME_MEMBERS,
            ADD_ACME_MEMBER, COSTS, PRICE_LISTS, CHARGEBACK, BUDGET, SET_BUDGET, ADD_NODE, REMOVE_NODE);

    /** The answer each identity gets from each endpoint, in ENDPOINTS' order. */
    static final Map<Who, List<Integer>> EXPECTED = Map.of(
            ALICE, List.of(200, 400, 404, 404, 404, 200, 400, 200, 200, 400, 200, 403, 403, 200, 400, 200, 403, 403, 200, 403, 403, 403),
            ANN, List.of(200, 400, 404, 404, 404, 200, 400, 200, 200, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200, 403, 403, 403),
            CARA, List.of(403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403),
            DAN_ACME, List.of(200, 400, 404, 404, 404, 200, 400, 200, 200, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200, 403, 403, 403),
            DAN_GLOBEX, List.of(200, 400, 404, 404, 404, 200, 400, 200, 200, 400, 200, 403, 403, 404, 404, 200, 403, 403, 200, 403, 403, 403),
            DAN_UNCHOSEN, List.of(400, 400, 400, 400, 400, 400, 400, 400, 400, 403, 403, 403, 403, 400, 400, 400, 403, 403, 400, 403, 403, 403),
            BOB_IN_ACME, List.of(403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403),
            ADMIN, List.of(403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 200, 200, 200, 200, 400, 403, 200, 200, 403, 400, 400, 404));

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        EXPECTED.forEach((who, answers) -> {
            for (int i = 0; i < ENDPOINTS.size(); i++) {
                cells.add(Arguments.of(who, ENDPOINTS.get(i), answers.get(i)));
            }
        });
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("matrix")
    void each_identity_gets_what_its_role_in_the_tenant_it_acts_for_allows(Who who, Endpoint endpoint, int expected) {
        String token = TOKENS.computeIfAbsent(who.user(), Api::tokenFor);

        Api.Reply reply = Api.call(endpoint.method(), endpoint.path(), token, who.tenant(), endpoint.body());

        assertEquals(expected, reply.status(), who + " → " + endpoint + ": " + reply.body());
    }
}
