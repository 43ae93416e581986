package dev.strata.architecture;

import dev.strata.StrataApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages talk only through each other's API, with no dependency cycles: checked, not hoped for. */
class ModuleBoundariesTests {

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        ApplicationModules.of(StrataApplication.class).verify();
    }
}
