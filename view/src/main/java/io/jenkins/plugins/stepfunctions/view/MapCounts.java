package io.jenkins.plugins.stepfunctions.view;

/**
 * A Map state's iterations, counted rather than drawn: a Map over 10,000 items stays one box.
 *
 * @param items the items the Map was given (summed over its entries)
 */
public record MapCounts(long items, long started, long succeeded, long failed, long aborted) {
    public long running() {
        return Math.max(0, started - succeeded - failed - aborted);
    }
}
