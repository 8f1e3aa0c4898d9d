package io.redline.core.process;

import io.redline.core.lifecycle.Managed;
import java.util.List;

/** Builds a process's parts once Redis is connected; they are started in list order and stopped in reverse. */
@FunctionalInterface
public interface Wiring {

    List<Managed> wire(ProcessContext context) throws Exception;
}
