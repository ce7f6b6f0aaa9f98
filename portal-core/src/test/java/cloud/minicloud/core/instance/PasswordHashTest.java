package cloud.minicloud.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Known answers from `openssl passwd -6 -salt …` and Drepper's specification, computed by Commons Codec. */
class PasswordHashTest {

    @Test
    void sha512_crypt_matches_openssl() {
        assertEquals("$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
                PasswordHash.sha512Crypt("Hello world!", "saltstring"));
        assertEquals("$6$abc/DEF.12$pKUeKxWNqqo.nPKcRZsue0x8O72l0l06Vok8C7JNIpRfhkCr7M0mAnoTxmL92Ap8OkJEnFTzg7sNsw4b.urQM0",
                PasswordHash.sha512Crypt("Tiny-pass-1", "abc/DEF.12"));
        assertEquals("$6$x$.rMSL67Pb9UoAdkGAfUxo/8n.f70HRe9a7zBnX24OsQ2UAHjtwC65CJfiNDOHqqNnMDHsrjZnTAE8YS9foPRC0",
                PasswordHash.sha512Crypt("a-much-longer-password-of-more-than-sixty-four-bytes-0123456789abcdefghij", "x"));
    }

    @Test
    void every_hash_gets_a_salt_of_its_own() {
        String first = PasswordHash.sha512Crypt("Tiny-pass-1");
        assertTrue(first.matches("\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}"), first);
        assertNotEquals(first, PasswordHash.sha512Crypt("Tiny-pass-1"));
    }
}
