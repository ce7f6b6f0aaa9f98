package cloud.minicloud.web.ecs;

/** A request the ECS API refuses, with ECS's error code and HTTP status (ECS-API.md §5). */
public class EcsFault extends RuntimeException {

    private final String code;
    private final int status;

    public EcsFault(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    static EcsFault incompleteSignature(String why) {
        return new EcsFault("IncompleteSignature", 400, why);
    }

    static EcsFault signatureDoesNotMatch() {
        return new EcsFault("SignatureDoesNotMatch", 400, "Specified signature is not matched with our calculation.");
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
