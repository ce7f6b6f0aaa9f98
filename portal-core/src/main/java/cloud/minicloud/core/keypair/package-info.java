/**
 * SSH key pairs of a tenant (ECS's key pairs): an OpenSSH public key kept under a name, imported or
 * made here (the private key then shown once), and given to instances at launch by that name.
 */
package cloud.minicloud.core.keypair;
