package cloud.minicloud.core.image;

/**
 * What an uploader says of an image before its file arrives (Glance's first step). Everything
 * but name, os and format may be left out.
 *
 * @param visibility     public (cloud admins) or private (a tenant admin's tenant); by default
 *                       private for a tenant's member and public for a cloud admin of no tenant
 * @param minDiskGib     the smallest system disk it boots from; raised to what its file needs
 * @param expectedSha256 of the file to be uploaded: a file with another checksum is rejected
 */
public record NewImage(String name, String os, String osVersion, String format, String architecture,
                       Integer minDiskGib, Integer minMemoryMib, String visibility, String expectedSha256) {
}
