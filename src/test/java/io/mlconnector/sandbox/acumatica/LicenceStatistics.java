package io.mlconnector.sandbox.acumatica;

/**
 * What the licence gate has done since the sandbox started (or since {@code reset()}), like the Statistics tab of
 * License Monitoring Console (SM604000), plus the current load.
 *
 * @param processed              requests that got an API processing core
 * @param delayed                requests held back by the per-minute rule before processing
 * @param declined               requests answered 429 because the queue was full or they waited too long
 * @param maxObservedConcurrency the most requests ever processed at the same time
 * @param running                requests being processed right now
 * @param queued                 requests waiting right now (for a core, or out their per-minute delay)
 */
public record LicenceStatistics(long processed, long delayed, long declined, int maxObservedConcurrency, int running,
                                int queued) {
}
