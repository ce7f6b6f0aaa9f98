package cloud.minicloud.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.minicloud.core.InvalidRequestException;
import org.junit.jupiter.api.Test;

class LoginTest {

    @Test
    void exactly_one_of_password_and_key_is_needed() {
        assertThrows(InvalidRequestException.class, () -> Login.of(null, null));
        assertThrows(InvalidRequestException.class, () -> Login.of("Secret-pass-1", "ssh-ed25519 AAAAC3Nz me"));
    }

    @Test
    void a_password_is_eight_to_sixty_four_characters_on_one_line() {
        assertThrows(InvalidRequestException.class, () -> Login.of("short", null));
        assertThrows(InvalidRequestException.class, () -> Login.of("long enough\nbut two lines", null));
        assertEquals("Secret <pass> 1", Login.of("Secret <pass> 1", null).password());
    }

    @Test
    void an_ssh_key_is_one_openssh_line() {
        Login login = Login.of(null, " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBcd me@laptop ");
        assertEquals("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBcd me@laptop", login.sshKey());
        assertNull(login.password());
        assertThrows(InvalidRequestException.class, () -> Login.of(null, "not a key"));
        assertThrows(InvalidRequestException.class, () -> Login.of(null, "ssh-rsa AAAA\nssh-rsa BBBB"));
    }
}
