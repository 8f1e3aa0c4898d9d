/** The event format of SPEC section 4 and its validation: what is not a valid order event is poison. */
package io.redline.events.event;
