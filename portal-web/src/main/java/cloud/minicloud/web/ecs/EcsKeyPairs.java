package cloud.minicloud.web.ecs;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.keypair.KeyPairImport;
import cloud.minicloud.core.keypair.KeyPairService;
import cloud.minicloud.core.keypair.KeyPairView;
import cloud.minicloud.core.keypair.NewKeyPair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECS's key pairs of the key's tenant, through {@link KeyPairService}: CreateKeyPair (the private
 * key answered once), ImportKeyPair, DescribeKeyPairs and DeleteKeyPairs; RunInstances takes one by
 * its KeyPairName. Another tenant's key pair is {@code InvalidKeyPairName.NotFound}.
 */
@ApplicationScoped
public class EcsKeyPairs {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    @Inject
    KeyPairService keyPairs;

    @Inject
    EcsCatalog catalog;

    Map<String, Object> create(AcsParameters parameters, Caller caller) {
        catalog.requireRegion(parameters);
        NewKeyPair made = named(() -> keyPairs.create(caller, parameters.required("KeyPairName")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("KeyPairName", made.keyPair().name());
        answer.put("KeyPairFingerPrint", made.keyPair().fingerprint());
        answer.put("PrivateKeyBody", made.privateKeyPem());
        return answer;
    }

    Map<String, Object> importKey(AcsParameters parameters, Caller caller) {
        catalog.requireRegion(parameters);
        KeyPairView imported = named(() -> keyPairs.importKey(caller,
                new KeyPairImport(parameters.required("KeyPairName"), parameters.required("PublicKeyBody"))));
        return Map.of("KeyPairName", imported.name(), "KeyPairFingerPrint", imported.fingerprint());
    }

    /** The tenant's key pairs, paged, narrowed by KeyPairName ('*' is dropped: the name contains what is left). */
    Map<String, Object> describe(AcsParameters parameters, Caller caller) {
        catalog.requireRegion(parameters);
        int pageNumber = parameters.page("PageNumber", 1, AcsParameters.MAX_PAGE);
        int pageSize = parameters.page("PageSize", 10, 50);
        String name = parameters.get("KeyPairName") == null ? null : parameters.get("KeyPairName").replace("*", "");
        boolean withPublicKey = "true".equalsIgnoreCase(parameters.get("IncludePublicKey"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("TotalCount", keyPairs.count(caller, name));
        answer.put("PageNumber", pageNumber);
        answer.put("PageSize", pageSize);
        answer.put("KeyPairs", Map.of("KeyPair", keyPairs.list(caller, name, (pageNumber - 1) * pageSize, pageSize).stream()
                .map(keyPair -> {
                    Map<String, Object> shape = new LinkedHashMap<>();
                    shape.put("KeyPairName", keyPair.name());
                    shape.put("KeyPairFingerPrint", keyPair.fingerprint());
                    shape.put("CreationTime", CREATED.format(keyPair.createdAt()));
                    if (withPublicKey) {
                        shape.put("PublicKey", keyPair.publicKey());
                    }
                    shape.put("Tags", Map.of("Tag", List.of()));
                    return shape;
                }).toList()));
        return answer;
    }

    /** KeyPairNames: a JSON array of names, all of them the tenant's, deleted together. */
    Map<String, Object> delete(AcsParameters parameters, Caller caller) {
        catalog.requireRegion(parameters);
        List<String> names = AcsParameters.jsonList(parameters.required("KeyPairNames"), "KeyPairNames", 100);
        named(() -> {
            keyPairs.delete(caller, names);
            return null;
        });
        return Map.of();
    }

    /** The public key of the tenant's key pair of that name, for RunInstances. */
    String publicKey(Caller caller, String name) {
        return named(() -> keyPairs.get(caller, name)).publicKey();
    }

    private static <T> T named(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (NotFoundException missing) {
            throw new EcsFault("InvalidKeyPairName.NotFound", 404, "The specified KeyPairName does not exist in our records.");
        } catch (ConflictException taken) {
            throw new EcsFault("KeyPair.AlreadyExist", 400, "The key pair already exists: " + taken.getMessage() + ".");
        }
    }
}
