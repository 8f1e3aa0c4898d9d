package io.redline.events.consumer;

/** The names the contract (docs/contract.md) fixes. */
public final class GroupNames {

    /** The consumer group of the contract (docs/contract.md). */
    public static final String GROUP = "order-processors";

    private GroupNames() {
    }
}
