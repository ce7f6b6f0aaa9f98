package cloud.minicloud.hypervisor;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A connection never carries as many calls as libvirtd serves per client, and slow calls leave room for short ones. */
class CallGateTest {

    private static final Duration NO_WAIT = Duration.ofMillis(50);

    @Test
    void with_libvirts_default_of_five_at_most_four_calls_are_in_flight_and_three_of_them_slow() {
        CallGate gate = new CallGate("node", 5);
        List<CallGate.Pass> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(gate.enter(NodeCall.CREATE, NO_WAIT));
        }

        assertThrows(NodeBusyException.class, () -> gate.enter(NodeCall.START, NO_WAIT), "a fourth slow call waits");
        held.add(gate.enter(NodeCall.POWER_STATE, NO_WAIT));
        assertThrows(NodeBusyException.class, () -> gate.enter(NodeCall.LIST, NO_WAIT), "a fifth call of any kind waits");

        held.remove(0).close();
        held.add(gate.enter(NodeCall.LIST, NO_WAIT));
        held.forEach(CallGate.Pass::close);
    }

    @Test
    void a_slow_call_that_finds_no_slot_gives_back_the_slow_lane_it_took() {
        CallGate gate = new CallGate("node", 3);
        CallGate.Pass shortCall = gate.enter(NodeCall.POWER_STATE, NO_WAIT);
        CallGate.Pass otherShortCall = gate.enter(NodeCall.POWER_STATE, NO_WAIT);

        assertThrows(NodeBusyException.class, () -> gate.enter(NodeCall.CREATE, NO_WAIT));

        shortCall.close();
        gate.enter(NodeCall.CREATE, NO_WAIT).close();
        otherShortCall.close();
    }
}
