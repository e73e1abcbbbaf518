package org.spineformer.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event queue's order (time, then scheduling order) and moving a pending event (NMODL's net_move). */
class EventQueueTest {
    /** The instances of the events delivered up to {@code until}, in delivery order. */
    private static List<Integer> deliver(EventQueue q, double until) {
        List<Integer> order = new ArrayList<>();
        q.deliverUntil(until, (t, target, instance, lane, weight, flag, connection) -> order.add(instance));
        return order;
    }

    @Test
    void earliestFirstThenInSchedulingOrder() {
        EventQueue q = new EventQueue();
        q.schedule(3, 0, 0, 0, 1, 0, -1);
        q.schedule(1, 0, 1, 0, 1, 0, -1);
        q.schedule(3, 0, 2, 0, 1, 0, -1);
        q.schedule(2, 0, 3, 0, 1, 0, -1);
        assertThat(deliver(q, 10)).containsExactly(1, 3, 0, 2);
    }

    @Test
    void aMovedEventIsDeliveredAtItsNewTime() {
        EventQueue q = new EventQueue();
        long first = q.schedule(1, 0, 0, 0, 1, 1, -1);
        for (int i = 1; i <= 20; i++) {
            q.schedule(i + 0.5, 0, i, 0, 1, 0, -1);
        }
        assertThat(q.move(first, 5.25)).isTrue();
        assertThat(deliver(q, 5.3)).containsExactly(1, 2, 3, 4, 0);
        assertThat(q.move(first, 9)).as("delivered: no longer pending").isFalse();
        long late = q.schedule(30, 0, 99, 0, 1, 1, -1);
        assertThat(q.move(late, 6.0)).isTrue();
        assertThat(deliver(q, 7)).containsExactly(5, 99, 6);
        assertThat(q.size()).isEqualTo(14);
    }

    @Test
    void aMovedEventKeepsItsPlaceAmongEqualTimesByItsHandle() {
        EventQueue q = new EventQueue();
        long early = q.schedule(1, 0, 0, 0, 1, 1, -1);
        q.schedule(4, 0, 1, 0, 1, 0, -1);
        assertThat(q.move(early, 4)).isTrue();
        assertThat(deliver(q, 4)).containsExactly(0, 1);
    }
}
