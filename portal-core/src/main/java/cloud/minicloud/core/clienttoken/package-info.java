/**
 * Client tokens: an order sent again with the token it was first sent with (a retry after a
 * timeout) is answered with what the first one made, not made twice (ECS's ClientToken).
 */
package cloud.minicloud.core.clienttoken;
