package dev.strata.warmup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up's view of the JIT: busy until a whole second has been measured, then judged by that second. */
class CompilerActivityTests {

    @Test
    void busyUntilTheFirstSecondIsMeasuredThenJudgedByItsShareOfCompiling() throws InterruptedException {
        CompilerActivity unreachable = new CompilerActivity(1000);   // no compiler spends 1000× the wall time
        assertThat(unreachable.busy()).isTrue();
        Thread.sleep(1100);
        assertThat(unreachable.busy()).isFalse();
        assertThat(unreachable.busy()).as("judged again only after another second").isFalse();
    }
}
