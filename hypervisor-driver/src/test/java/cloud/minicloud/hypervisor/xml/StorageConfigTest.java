package cloud.minicloud.hypervisor.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StorageConfigTest {

    @Test
    void a_pool_survives_a_round_trip_through_xml() {
        PoolConfig pool = new PoolConfig("minicloud", "/var/lib/minicloud/images");

        assertEquals(pool, PoolConfig.parse(pool.toXml()));
    }

    @Test
    void a_linked_clone_survives_a_round_trip_with_its_backing_file() {
        VolumeConfig clone = VolumeConfig.qcow2("6f1c-system.qcow2", 20L << 30, "/pool/template-tiny.qcow2");

        assertEquals(clone, VolumeConfig.parse(clone.toXml()));
    }

    @Test
    void a_volume_of_its_own_has_no_backing_file() {
        VolumeConfig data = VolumeConfig.qcow2("6f1c-data1.qcow2", 1L << 30, null);

        assertNull(VolumeConfig.parse(data.toXml()).backingPath());
        assertEquals(data, VolumeConfig.parse(data.toXml()));
    }

    @Test
    void a_raw_seed_volume_survives_a_round_trip() {
        VolumeConfig seed = VolumeConfig.raw("6f1c-seed.iso", 374784);

        assertEquals(seed, VolumeConfig.parse(seed.toXml()));
    }

    @Test
    void capacity_in_the_units_libvirt_may_report_reads_back_in_bytes() {
        String xml = "<volume><name>v</name><capacity unit='G'>2</capacity><target><format type='qcow2'/></target></volume>";

        assertEquals(2L << 30, VolumeConfig.parse(xml).capacityBytes());
    }
}
