package io.mlconnector.soak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * How one seed's events reach the queue: every event at least once, some twice (Chargebee's "may be delivered multiple
 * times"), shuffled or in order; a few delivered again once everything has settled (a webhook retry or a poller
 * overlap arriving late); and whether the operator redrives the dead-letter queue at the end.
 *
 * @param firstWave  event ids in delivery order, duplicates included
 * @param lateWave   event ids delivered again after the first wave drained
 * @param batchSize  most messages per worker invocation (the event source mapping's batch size)
 */
public record DeliverySchedule(List<String> firstWave, List<String> lateWave, boolean shuffled, boolean redriveDlq,
                               int batchSize) {

    public DeliverySchedule {
        firstWave = List.copyOf(firstWave);
        lateWave = List.copyOf(lateWave);
    }

    public static DeliverySchedule draw(long seed, List<String> eventIds) {
        Random random = new Random(seed * 31 + 7);
        List<String> first = new ArrayList<>(eventIds);
        int duplicates = eventIds.isEmpty() ? 0 : 1 + random.nextInt(Math.max(1, eventIds.size() / 3));
        boolean shuffled = random.nextInt(10) < 8;
        for (int i = 0; i < duplicates; i++) {
            int at = random.nextInt(first.size());
            first.add(shuffled ? random.nextInt(first.size() + 1) : at + 1, first.get(at));
        }
        if (shuffled) {
            Collections.shuffle(first, random);
        }
        List<String> late = new ArrayList<>();
        int lateCount = random.nextInt(4);
        for (int i = 0; i < lateCount && !eventIds.isEmpty(); i++) {
            late.add(eventIds.get(random.nextInt(eventIds.size())));
        }
        return new DeliverySchedule(first, late, shuffled, random.nextInt(10) < 7, 1 + random.nextInt(10));
    }

    @Override
    public String toString() {
        return (shuffled ? "shuffled" : "in order") + ", " + firstWave.size() + " deliveries then " + lateWave.size()
                + " late, batches of " + batchSize + (redriveDlq ? ", DLQ redriven" : "");
    }
}
