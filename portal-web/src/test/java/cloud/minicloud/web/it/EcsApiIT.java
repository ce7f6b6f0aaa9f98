package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.ecs20140526.Client;
import com.aliyun.ecs20140526.models.CreateKeyPairRequest;
import com.aliyun.ecs20140526.models.CreateKeyPairResponseBody;
import com.aliyun.ecs20140526.models.DeleteInstanceRequest;
import com.aliyun.ecs20140526.models.DeleteKeyPairsRequest;
import com.aliyun.ecs20140526.models.DescribeKeyPairsRequest;
import com.aliyun.ecs20140526.models.DescribeKeyPairsResponseBody;
import com.aliyun.ecs20140526.models.ImportKeyPairRequest;
import com.aliyun.ecs20140526.models.DescribeImagesRequest;
import com.aliyun.ecs20140526.models.DescribeInstanceTypesRequest;
import com.aliyun.ecs20140526.models.DescribeInstancesRequest;
import com.aliyun.ecs20140526.models.DescribeInstancesResponseBody.DescribeInstancesResponseBodyInstancesInstance;
import com.aliyun.ecs20140526.models.RunInstancesRequest;
import com.aliyun.ecs20140526.models.StopInstanceRequest;
import com.aliyun.ecs20140526.models.DescribeInstanceTypesResponseBody.DescribeInstanceTypesResponseBodyInstanceTypesInstanceType;
import com.aliyun.ecs20140526.models.DescribeRegionsRequest;
import com.aliyun.ecs20140526.models.DescribeRegionsResponseBody.DescribeRegionsResponseBodyRegionsRegion;
import com.aliyun.ecs20140526.models.DescribeZonesRequest;
import com.aliyun.ecs20140526.models.DescribeZonesResponseBody.DescribeZonesResponseBodyZonesZone;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ECS-compatible API driven by Alibaba Cloud's own Java SDKs with only the endpoint changed: the
 * current one (ACS3-HMAC-SHA256) and the old one (signature v1), with ann's AccessKey; and what it
 * refuses, in ECS's codes.
 */
class EcsApiIT {

    private static final String ENDPOINT = System.getProperty("ecs.endpoint", "127.0.0.1:9081");
    private static String keyId;
    private static String secret;

    @BeforeAll
    static void annMakesAKey() {
        JsonObject made = Api.post("/api/v1/access-keys", Api.tokenFor("ann"), "").object();
        keyId = made.getString("accessKeyId");
        secret = made.getString("accessKeySecret");
    }

    @AfterAll
    static void annDeletesIt() {
        Api.delete("/api/v1/access-keys/" + keyId, Api.tokenFor("ann"));
    }

    private static Client sdk(String id, String withSecret) throws Exception {
        return new Client(new Config().setAccessKeyId(id).setAccessKeySecret(withSecret).setEndpoint(ENDPOINT).setProtocol("http"));
    }

    @Test
    void the_current_sdk_lists_the_region_its_zone_and_the_flavors_as_instance_types() throws Exception {
        Client ecs = sdk(keyId, secret);

        DescribeRegionsResponseBodyRegionsRegion region = ecs.describeRegions(new DescribeRegionsRequest())
                .getBody().getRegions().getRegion().get(0);
        assertEquals("cn-minicloud", region.getRegionId());
        assertEquals(ENDPOINT, region.getRegionEndpoint());

        DescribeZonesResponseBodyZonesZone zone = ecs.describeZones(new DescribeZonesRequest().setRegionId("cn-minicloud"))
                .getBody().getZones().getZone().get(0);
        assertEquals("cn-minicloud-default", zone.getZoneId());
        assertTrue(zone.getAvailableInstanceTypes().getInstanceTypes().contains("entry"), zone.getAvailableInstanceTypes().toMap().toString());

        List<DescribeInstanceTypesResponseBodyInstanceTypesInstanceType> types = ecs.describeInstanceTypes(
                new DescribeInstanceTypesRequest().setInstanceTypes(List.of("entry", "general"))).getBody().getInstanceTypes().getInstanceType();
        assertEquals(List.of("entry:1:1.0", "general:2:4.0"), types.stream()
                .map(t -> t.getInstanceTypeId() + ":" + t.getCpuCoreCount() + ":" + t.getMemorySize()).sorted().toList());

        TeaException elsewhere = assertThrows(TeaException.class,
                () -> ecs.describeZones(new DescribeZonesRequest().setRegionId("cn-hangzhou")));
        assertEquals("InvalidRegionId.NotFound", elsewhere.getCode());
    }

    @Test
    void the_old_sdk_signs_with_signature_v1_and_gets_the_same_answer() throws Exception {
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-minicloud", keyId, secret));
        com.aliyuncs.ecs.model.v20140526.DescribeRegionsRequest request = new com.aliyuncs.ecs.model.v20140526.DescribeRegionsRequest();
        request.setSysEndpoint(ENDPOINT);
        request.setSysProtocol(ProtocolType.HTTP);

        assertEquals("cn-minicloud", client.getAcsResponse(request).getRegions().get(0).getRegionId());

        DefaultAcsClient wrong = new DefaultAcsClient(DefaultProfile.getProfile("cn-minicloud", keyId, secret + "x"));
        assertEquals("SignatureDoesNotMatch", assertThrows(ClientException.class, () -> wrong.getAcsResponse(request)).getErrCode());
    }

    @Test
    void a_wrong_secret_an_unknown_or_disabled_key_are_refused_in_ecs_codes_and_audited() throws Exception {
        Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);

        TeaException forged = assertThrows(TeaException.class, () -> sdk(keyId, "not-the-secret").describeRegions(new DescribeRegionsRequest()));
        assertEquals("SignatureDoesNotMatch", forged.getCode());
        assertEquals(400, forged.getStatusCode());
        TeaException unknown = assertThrows(TeaException.class, () -> sdk("MCAKnosuchkey0000000000", secret).describeRegions(new DescribeRegionsRequest()));
        assertEquals("InvalidAccessKeyId.NotFound", unknown.getCode());
        assertEquals(404, unknown.getStatusCode());

        String ann = Api.tokenFor("ann");
        JsonObject second = Api.post("/api/v1/access-keys", ann, "").object();
        Api.post("/api/v1/access-keys/" + second.getString("accessKeyId") + "/actions", ann, "{\"action\":\"disable\"}");
        try {
            assertEquals("InvalidAccessKeyId.Inactive", assertThrows(TeaException.class,
                    () -> sdk(second.getString("accessKeyId"), second.getString("accessKeySecret")).describeRegions(new DescribeRegionsRequest()))
                    .getCode(), "a disabled key signs nothing");
        } finally {
            Api.delete("/api/v1/access-keys/" + second.getString("accessKeyId"), ann);
        }

        JsonObject audit = Api.get("/api/v1/audit?user=ann&action=EcsApi.&outcome=REFUSED&target=" + keyId + "&from=" + before,
                Api.tokenFor("admin")).object();
        assertTrue(audit.toString().contains("\"reason\":\"SignatureDoesNotMatch"), audit.toString());
        JsonObject disabled = Api.get("/api/v1/audit?user=ann&action=EcsApi.&outcome=REFUSED&target=" + second.getString("accessKeyId")
                + "&from=" + before, Api.tokenFor("admin")).object();
        assertTrue(disabled.toString().contains("InvalidAccessKeyId.Inactive"), disabled.toString());
    }

    @Test
    void ann_runs_describes_stops_and_deletes_an_instance_through_the_sdk_and_bob_cannot_see_it() throws Exception {
        Client ecs = sdk(keyId, secret);
        String ann = Api.tokenFor("ann");
        String network = Api.post("/api/v1/networks", ann, "{\"name\":\"ecs-sdk-net\"}").object().getString("id");
        JsonObject bobs = Api.post("/api/v1/access-keys", Api.tokenFor("bob"), "").object();
        List<String> made = new java.util.ArrayList<>();
        try {
            String image = ecs.describeImages(new DescribeImagesRequest().setRegionId("cn-minicloud").setImageName("tiny-linux"))
                    .getBody().getImages().getImage().get(0).getImageId();
            String vSwitch = "vsw-" + network.replace("-", "");

            RunInstancesRequest order = new RunInstancesRequest().setRegionId("cn-minicloud").setImageId(image)
                    .setInstanceType("entry").setVSwitchId(vSwitch).setInstanceName("ecs-sdk-vm").setPassword("Sdk-pass-123")
                    .setSystemDisk(new RunInstancesRequest.RunInstancesRequestSystemDisk().setSize("1"))
                    .setClientToken("ecs-it-" + UUID.randomUUID());
            DescribeInstancesRequest onNetwork = new DescribeInstancesRequest().setRegionId("cn-minicloud").setVSwitchId(vSwitch);
            // DryRun: checked as the order would be, quota included, and nothing ordered
            assertEquals("DryRunOperation", assertThrows(TeaException.class, () -> ecs.runInstances(order.setDryRun(true))).getCode());
            assertEquals("QuotaExceed.ElasticQuota", assertThrows(TeaException.class,
                    () -> ecs.runInstances(order.setInstanceType("standard").setAmount(20))).getCode());
            order.setDryRun(null).setInstanceType("entry").setAmount(null);
            assertEquals(0, ecs.describeInstances(onNetwork).getBody().getTotalCount(), "a dry run orders nothing");

            List<String> ids = ecs.runInstances(order).getBody().getInstanceIdSets().getInstanceIdSet();
            assertEquals(1, ids.size());
            String id = ids.get(0);
            made.add(id.substring(2).replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
            assertEquals(ids, ecs.runInstances(order).getBody().getInstanceIdSets().getInstanceIdSet(),
                    "sent again with its ClientToken, the order answers its instance and makes no other");
            assertEquals("IdempotentParameterMismatch", assertThrows(TeaException.class,
                    () -> ecs.runInstances(order.setInstanceName("another-vm"))).getCode());
            assertEquals(1, ecs.describeInstances(onNetwork).getBody().getTotalCount());
            DescribeInstancesRequest mine = new DescribeInstancesRequest().setRegionId("cn-minicloud").setInstanceIds("[\"" + id + "\"]");
            awaitStatus(ecs, mine, "Running");
            DescribeInstancesResponseBodyInstancesInstance shown = ecs.describeInstances(mine).getBody().getInstances().getInstance().get(0);
            assertEquals("ecs-sdk-vm", shown.getInstanceName());
            assertEquals(vSwitch, shown.getVpcAttributes().getVSwitchId());
            assertEquals(1, shown.getVpcAttributes().getPrivateIpAddress().getIpAddress().size());
            assertEquals("cn-minicloud-default", shown.getZoneId());
            assertEquals(1, ecs.describeInstances(onNetwork.setZoneId("cn-minicloud-default").setVpcId("vpc-acme")).getBody().getTotalCount());
            assertEquals(0, ecs.describeInstances(onNetwork.setInstanceType("standard")).getBody().getTotalCount());
            assertEquals(0, ecs.describeInstances(onNetwork.setInstanceType(null).setVpcId("vpc-globex")).getBody().getTotalCount());
            assertEquals(0, ecs.describeInstances(mine.setInstanceType("standard")).getBody().getTotalCount());
            var secondPage = ecs.describeInstances(new DescribeInstancesRequest().setRegionId("cn-minicloud").setVSwitchId(vSwitch)
                    .setPageSize(1).setPageNumber(2)).getBody();
            assertEquals(1, secondPage.getTotalCount(), "paged: the count is the whole list's");
            assertEquals(List.of(), secondPage.getInstances().getInstance(), "and the second page of one is empty");
            assertEquals(2, secondPage.getPageNumber());
            mine.setInstanceType(null);

            Client bob = sdk(bobs.getString("accessKeyId"), bobs.getString("accessKeySecret"));
            assertEquals(0, bob.describeInstances(mine).getBody().getTotalCount(), "another tenant's instance is not there");
            assertEquals(0, bob.describeInstances(onNetwork.setVpcId(null)).getBody().getTotalCount(), "nor on another tenant's vSwitch");
            assertEquals("InvalidInstanceId.NotFound", assertThrows(TeaException.class,
                    () -> bob.stopInstance(new StopInstanceRequest().setInstanceId(id))).getCode());
            assertEquals("IncorrectInstanceStatus", assertThrows(TeaException.class,
                    () -> ecs.deleteInstance(new DeleteInstanceRequest().setInstanceId(id))).getCode(), "a running one needs Force");
            assertEquals("IncorrectInstanceStatus", assertThrows(TeaException.class,
                    () -> ecs.deleteInstance(new DeleteInstanceRequest().setInstanceId(id).setDryRun(true))).getCode());
            assertEquals("DryRunOperation", assertThrows(TeaException.class,
                    () -> ecs.deleteInstance(new DeleteInstanceRequest().setInstanceId(id).setForce(true).setDryRun(true))).getCode());
            assertEquals("DryRunOperation", assertThrows(TeaException.class,
                    () -> ecs.stopInstance(new StopInstanceRequest().setInstanceId(id).setDryRun(true))).getCode());
            assertEquals("Running", ecs.describeInstances(mine).getBody().getInstances().getInstance().get(0).getStatus(),
                    "dry runs do nothing");

            ecs.stopInstance(new StopInstanceRequest().setInstanceId(id));
            awaitStatus(ecs, mine, "Stopped");
            assertEquals("IncorrectInstanceStatus", assertThrows(TeaException.class,
                    () -> ecs.stopInstance(new StopInstanceRequest().setInstanceId(id))).getCode());
            ecs.deleteInstance(new DeleteInstanceRequest().setInstanceId(id));
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (ecs.describeInstances(mine).getBody().getTotalCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertEquals(0, ecs.describeInstances(mine).getBody().getTotalCount(), "released");
        } finally {
            Api.delete("/api/v1/access-keys/" + bobs.getString("accessKeyId"), Api.tokenFor("bob"));
            Instances.deleteAll(Api.tokenFor("ann"), made);
            Instances.deleteNetwork("ann", "ecs-sdk-net");
        }
    }

    private static void awaitStatus(Client ecs, DescribeInstancesRequest which, String status) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        String now = null;
        while (System.nanoTime() < deadline) {
            now = ecs.describeInstances(which).getBody().getInstances().getInstance().get(0).getStatus();
            if (status.equals(now)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the instance is " + now + ", not " + status);
    }

    @Test
    void ann_makes_imports_lists_and_deletes_key_pairs_and_orders_with_one_by_name_which_bob_cannot_use() throws Exception {
        Client ecs = sdk(keyId, secret);
        String ann = Api.tokenFor("ann");
        String network = Api.post("/api/v1/networks", ann, "{\"name\":\"ecs-kp-net\"}").object().getString("id");
        JsonObject bobs = Api.post("/api/v1/access-keys", Api.tokenFor("bob"), "").object();
        try {
            CreateKeyPairResponseBody made = ecs.createKeyPair(new CreateKeyPairRequest().setRegionId("cn-minicloud")
                    .setKeyPairName("ecs-it-made")).getBody();
            assertTrue(made.getPrivateKeyBody().startsWith("-----BEGIN PRIVATE KEY-----"), "the private key, this once");
            assertEquals(47, made.getKeyPairFingerPrint().length(), made.getKeyPairFingerPrint());
            // made with ssh-keygen -t ed25519; `ssh-keygen -l -E md5` prints this fingerprint
            String laptop = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGsQXlYFNeoacFBN73jvZyjCnrNtSlSm87vIq7cWOcNj ann@laptop";
            assertEquals("3e:9b:3a:4e:0b:04:84:48:84:77:37:5e:f7:02:85:7e", ecs.importKeyPair(new ImportKeyPairRequest()
                    .setRegionId("cn-minicloud").setKeyPairName("ecs-it-laptop").setPublicKeyBody(laptop)).getBody().getKeyPairFingerPrint());
            assertEquals("KeyPair.AlreadyExist", assertThrows(TeaException.class, () -> ecs.importKeyPair(new ImportKeyPairRequest()
                    .setRegionId("cn-minicloud").setKeyPairName("ecs-it-laptop").setPublicKeyBody(laptop))).getCode());
            DescribeKeyPairsResponseBody listed = ecs.describeKeyPairs(new DescribeKeyPairsRequest().setRegionId("cn-minicloud")
                    .setKeyPairName("ecs-it-*").setIncludePublicKey(true)).getBody();
            assertEquals(2, listed.getTotalCount());
            assertEquals(laptop, listed.getKeyPairs().getKeyPair().get(0).getPublicKey(), "by name: ecs-it-laptop first");

            String image = ecs.describeImages(new DescribeImagesRequest().setRegionId("cn-minicloud").setImageName("tiny-linux"))
                    .getBody().getImages().getImage().get(0).getImageId();
            RunInstancesRequest order = new RunInstancesRequest().setRegionId("cn-minicloud").setImageId(image).setInstanceType("entry")
                    .setVSwitchId("vsw-" + network.replace("-", "")).setKeyPairName("ecs-it-laptop").setDryRun(true);
            assertEquals("DryRunOperation", assertThrows(TeaException.class, () -> ecs.runInstances(order)).getCode(),
                    "an order with a key pair by its name, and no password, passes its checks");
            Client bob = sdk(bobs.getString("accessKeyId"), bobs.getString("accessKeySecret"));
            assertEquals(0, bob.describeKeyPairs(new DescribeKeyPairsRequest().setRegionId("cn-minicloud").setKeyPairName("ecs-it-*"))
                    .getBody().getTotalCount(), "another tenant's key pairs are not there");
            assertEquals("InvalidKeyPairName.NotFound", assertThrows(TeaException.class, () -> bob.deleteKeyPairs(new DeleteKeyPairsRequest()
                    .setRegionId("cn-minicloud").setKeyPairNames("[\"ecs-it-laptop\"]"))).getCode());
        } finally {
            ecs.deleteKeyPairs(new DeleteKeyPairsRequest().setRegionId("cn-minicloud").setKeyPairNames("[\"ecs-it-made\",\"ecs-it-laptop\"]"));
            Api.delete("/api/v1/access-keys/" + bobs.getString("accessKeyId"), Api.tokenFor("bob"));
            Instances.deleteNetwork("ann", "ecs-kp-net");
        }
        assertEquals(0, ecs.describeKeyPairs(new DescribeKeyPairsRequest().setRegionId("cn-minicloud").setKeyPairName("ecs-it-*"))
                .getBody().getTotalCount());
    }

    @Test
    void refused_calls_with_a_key_are_audited_up_to_a_burst_then_throttled_while_its_holder_still_gets_through() throws Exception {
        Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);
        String ann = Api.tokenFor("ann");
        JsonObject second = Api.post("/api/v1/access-keys", ann, "").object();
        String id = second.getString("accessKeyId");
        try {
            Client forger = sdk(id, "not-the-secret");
            List<String> codes = new java.util.ArrayList<>();
            for (int i = 0; i < 14; i++) {
                codes.add(assertThrows(TeaException.class, () -> forger.describeRegions(new DescribeRegionsRequest())).getCode());
            }
            assertEquals("SignatureDoesNotMatch", codes.get(0));
            assertEquals("Throttling.User", codes.get(13), codes.toString());

            assertEquals("cn-minicloud", sdk(id, second.getString("accessKeySecret")).describeRegions(new DescribeRegionsRequest())
                    .getBody().getRegions().getRegion().get(0).getRegionId(), "the key's holder is not locked out by a forger");
            long audited = Api.get("/api/v1/audit?user=ann&action=EcsApi.&outcome=REFUSED&target=" + id + "&from=" + before,
                    Api.tokenFor("admin")).object().getJsonNumber("total").longValue();
            assertTrue(audited >= 10 && audited <= 11, audited + " refusals audited of 14: " + codes);
        } finally {
            Api.delete("/api/v1/access-keys/" + id, ann);
        }
    }

    @Test
    void ann_finds_her_tenants_vpc_and_makes_a_vswitch_in_it_with_the_vpc_api() {
        JsonObject vpcs = vpcCall("DescribeVpcs", Map.of("RegionId", "cn-minicloud"));
        JsonObject vpc = vpcs.getJsonObject("Vpcs").getJsonArray("Vpc").getJsonObject(0);
        assertEquals("vpc-acme", vpc.getString("VpcId"));

        String made = vpcCall("CreateVSwitch", Map.of("RegionId", "cn-minicloud", "VpcId", "vpc-acme",
                "ZoneId", "cn-minicloud-default", "CidrBlock", "10.0.0.0/24", "VSwitchName", "ecs-vpc-net")).getString("VSwitchId");
        try {
            JsonObject listed = vpcCall("DescribeVSwitches", Map.of("RegionId", "cn-minicloud", "VSwitchId", made))
                    .getJsonObject("VSwitches").getJsonArray("VSwitch").getJsonObject(0);
            assertEquals("ecs-vpc-net", listed.getString("VSwitchName"));
            assertTrue(listed.getString("CidrBlock").startsWith("10."), listed.toString());
            assertTrue(Api.get("/api/v1/networks?limit=500", Api.tokenFor("ann")).body().contains("ecs-vpc-net"),
                    "a vSwitch is one of the tenant's networks");
            assertEquals("InvalidVpcId.NotFound", get(signedV1("CreateVSwitch", "2016-04-28", Map.of("RegionId", "cn-minicloud",
                    "VpcId", "vpc-globex", "ZoneId", "cn-minicloud-default", "CidrBlock", "10.0.1.0/24"), Instant.now(),
                    UUID.randomUUID().toString())).object().getString("Code"));
        } finally {
            Instances.deleteNetwork("ann", "ecs-vpc-net");
        }
    }

    private static JsonObject vpcCall(String action, Map<String, String> parameters) {
        Api.Reply reply = get(signedV1(action, "2016-04-28", parameters, Instant.now(), UUID.randomUUID().toString()));
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }

    @Test
    void a_key_loses_what_its_user_loses_in_keycloak_at_its_next_call() throws Exception {
        String dan = Api.tokenFor("dan");
        JsonObject made = Api.call("POST", "/api/v1/access-keys", dan, "acme", "").object();
        assertEquals("acme", made.getString("tenant"));
        String admin = Api.tokenFor("admin");
        Client ecs = sdk(made.getString("accessKeyId"), made.getString("accessKeySecret"));
        try {
            assertEquals("cn-minicloud", ecs.describeRegions(new DescribeRegionsRequest()).getBody().getRegions().getRegion().get(0).getRegionId());

            assertEquals(204, Api.delete("/api/v1/tenants/acme/members/dan", admin).status());
            TeaException refused = assertThrows(TeaException.class, () -> ecs.describeRegions(new DescribeRegionsRequest()));
            assertEquals("Forbidden", refused.getCode());
            assertEquals(403, refused.getStatusCode());
        } finally {
            Api.post("/api/v1/tenants/acme/members", admin, "{\"user\":\"dan\",\"role\":\"tenant-user\"}");
            Api.call("DELETE", "/api/v1/access-keys/" + made.getString("accessKeyId"), Api.tokenFor("dan"), "acme", null);
        }
    }

    @Test
    void a_replayed_or_stale_request_is_refused_though_its_signature_holds() {
        String signed = signedV1("DescribeRegions", Instant.now(), UUID.randomUUID().toString());
        assertEquals(200, get(signed).status());

        Api.Reply replayed = get(signed);
        assertEquals(400, replayed.status());
        assertEquals("SignatureNonceUsed", replayed.object().getString("Code"));

        Api.Reply stale = get(signedV1("DescribeRegions", Instant.now().minus(20, ChronoUnit.MINUTES), UUID.randomUUID().toString()));
        assertEquals("InvalidTimeStamp.Expired", stale.object().getString("Code"), stale.body());

        // Signature v1 signs the Action parameter, not the x-acs-action header the old SDKs also send: one that says otherwise is refused.
        Api.Reply redirected = Api.fetch(URI.create("http://" + ENDPOINT + "/?" + signedV1("DescribeRegions", Instant.now(),
                UUID.randomUUID().toString())), Map.of("x-acs-action", "DeleteInstance"));
        assertEquals(400, redirected.status());
        assertEquals("InvalidParameter", redirected.object().getString("Code"));
    }

    @Test
    void an_unknown_action_a_flood_of_parameters_and_an_oversized_query_are_refused_in_ecs_codes() {
        Api.Reply unknown = get(signedV1("DescribeNothing", Instant.now(), UUID.randomUUID().toString()));
        assertEquals(400, unknown.status());
        assertEquals("InvalidParameter", unknown.object().getString("Code"));
        assertTrue(unknown.object().getString("Message").contains("Action or Version"), unknown.body());

        StringBuilder flood = new StringBuilder(signedV1("DescribeRegions", Instant.now(), UUID.randomUUID().toString()));
        for (int i = 0; i < 10_000; i++) {
            flood.append("&P").append(i).append("=x");
        }
        assertEquals(400, get(flood.toString()).status(), "in the query, the HTTP layer refuses past 1,000 parameters");
        Api.Reply many = Api.postForm(URI.create("http://" + ENDPOINT + "/"), flood.toString());
        assertEquals(400, many.status());
        assertTrue(many.object().getString("Message").contains("more than 1000 parameters"), "in a form body, the door: " + many.body());

        Api.Reply large = get("Action=DescribeRegions&Version=2014-05-26&Pad=" + "x".repeat(1_100_000));
        assertEquals(400, large.status(), "a query past the server's limits is refused before anything reads it");
        assertEquals(200, get(signedV1("DescribeRegions", Instant.now(), UUID.randomUUID().toString())).status(),
                "and the door still answers");
    }

    @Test
    void the_portal_is_not_served_on_the_ecs_port_and_an_unsigned_call_is_told_what_is_missing() {
        Api.Reply portal = Api.fetch(URI.create("http://" + ENDPOINT + "/api/v1/me"));
        assertEquals(400, portal.status());
        assertTrue(portal.contentType().startsWith("application/json"), portal.contentType());
        assertEquals("InvalidParameter", portal.object().getString("Code"));
        assertEquals(ENDPOINT, portal.object().getString("HostId"));

        Api.Reply unsigned = Api.fetch(URI.create("http://" + ENDPOINT + "/?Action=DescribeRegions&Version=2014-05-26"));
        assertEquals("MissingParameter", unsigned.object().getString("Code"));
        assertTrue(unsigned.object().getString("Message").contains("AccessKeyId"), unsigned.body());
        assertTrue(unsigned.object().getString("RequestId").length() > 30);
    }

    private static Api.Reply get(String query) {
        return Api.fetch(URI.create("http://" + ENDPOINT + "/?" + query));
    }

    private static String signedV1(String action, Instant at, String nonce) {
        return signedV1(action, "2014-05-26", Map.of(), at, nonce);
    }

    /** A GET signed as the old SDKs sign it (ECS-API.md §3), written here independently of the server's code. */
    private static String signedV1(String action, String version, Map<String, String> more, Instant at, String nonce) {
        Map<String, String> parameters = new TreeMap<>(Map.of("Action", action, "Version", version, "Format", "JSON",
                "AccessKeyId", keyId, "SignatureMethod", "HMAC-SHA1", "SignatureVersion", "1.0", "SignatureNonce", nonce,
                "Timestamp", at.truncatedTo(ChronoUnit.SECONDS).toString()));
        parameters.putAll(more);
        String canonical = parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String signature = Base64.getEncoder().encodeToString(
                    mac.doFinal(("GET&%2F&" + encode(canonical)).getBytes(StandardCharsets.UTF_8)));
            return canonical + "&Signature=" + encode(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
