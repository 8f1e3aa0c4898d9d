/** The event format of the contract (docs/contract.md) and its validation: what is not a valid order event is poison. */
package io.redline.events.event;
