package cloud.minicloud.core.instance;

import cloud.minicloud.core.InvalidRequestException;

/** How the user logs in to a new instance: a password or an SSH public key, exactly one. */
record Login(String password, String sshKey) {

    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 64;

    static Login of(String password, String sshKey) {
        boolean hasPassword = password != null && !password.isEmpty();
        boolean hasKey = sshKey != null && !sshKey.isBlank();
        if (hasPassword == hasKey) {
            throw new InvalidRequestException("give either a password or an SSH public key (sshKey), not both and not neither");
        }
        if (hasPassword) {
            if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD
                    || password.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidRequestException("a password is " + MIN_PASSWORD + " to " + MAX_PASSWORD
                        + " characters on one line");
            }
            return new Login(password, null);
        }
        cloud.minicloud.core.keypair.SshPublicKey.parse(sshKey);
        return new Login(null, sshKey.strip());
    }
}
