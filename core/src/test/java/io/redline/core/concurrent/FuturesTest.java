package io.redline.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void theFailureOfADependentStageIsFoundUnderItsCompletionException() {
        IllegalStateException failure = new IllegalStateException("origin down");
        CompletableFuture<String> dependent = CompletableFuture.<String>failedFuture(failure).thenApply(s -> s + "!");
        CompletionException wrapped = assertThrows(CompletionException.class, dependent::join);
        assertSame(failure, Futures.unwrap(wrapped));
    }

    @Test
    void theFailureSeenThroughGetIsFoundUnderItsExecutionException() {
        IllegalStateException failure = new IllegalStateException("origin down");
        CompletableFuture<String> dependent = CompletableFuture.<String>failedFuture(failure).thenApply(s -> s + "!");
        ExecutionException wrapped = assertThrows(ExecutionException.class,
                () -> dependent.get(1, TimeUnit.SECONDS));
        assertSame(failure, Futures.unwrap(wrapped));
    }

    @Test
    void nestedWrappersAreAllRemoved() {
        IllegalArgumentException failure = new IllegalArgumentException("bad");
        Throwable nested = new ExecutionException(new CompletionException(new CompletionException(failure)));
        assertSame(failure, Futures.unwrap(nested));
    }

    @Test
    void aFailureThatIsNotAWrapperIsReturnedAsItIs() {
        IllegalStateException failure = new IllegalStateException("x", new CompletionException("inner", null));
        assertSame(failure, Futures.unwrap(failure), "a cause below another exception is that exception's business");
    }

    @Test
    void aWrapperWithoutCauseIsReturnedAsItIs() {
        CompletionException empty = new CompletionException("nothing inside", null);
        assertSame(empty, Futures.unwrap(empty));
        assertEquals("nothing inside", Futures.unwrap(empty).getMessage());
    }
}
