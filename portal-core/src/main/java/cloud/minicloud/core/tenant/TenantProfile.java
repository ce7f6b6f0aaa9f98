package cloud.minicloud.core.tenant;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.audit.AuditTarget;
import cloud.minicloud.core.identity.Caller;

/**
 * What a cloud admin gives a new tenant: the alias members and the API know it by (it names the
 * Keycloak organization too), the name people read, and what it is for.
 */
public record TenantProfile(String alias, String displayName, String description) implements AuditTarget {

    public TenantProfile {
        if (!Caller.isTenantAlias(alias)) {
            throw new InvalidRequestException("alias is 1 to 63 lower-case letters, digits and '-', starting with a letter or digit"
                    + (alias == null ? "" : ", not '" + alias + "'"));
        }
        displayName = text("displayName", displayName == null || displayName.isBlank() ? alias : displayName, 100);
        description = description == null || description.isBlank() ? null : text("description", description, 500);
    }

    @Override
    public String auditTarget() {
        return alias;
    }

    private static String text(String field, String value, int max) {
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidRequestException(field + " is at most " + max + " characters");
        }
        if (!cloud.minicloud.core.PrintableText.isPrintable(stripped, true)) {
            throw new InvalidRequestException(field + " is printable text: no control or format characters");
        }
        return stripped;
    }
}
