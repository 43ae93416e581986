package dev.strata.customer;

import dev.strata.shared.Channel;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content hash decides that a feed row is unchanged and may be skipped, so it must notice a change to
 * any field of the row, including fields added to the row later (this test walks the record's components).
 */
class CustomerRowContentHashTests {

    /** Two different values of each component type; index 0 is the base row's. */
    private static final Map<Class<?>, Object[]> VALUES = Map.of(
            String.class, new Object[] {"a", "b"},
            LocalDate.class, new Object[] {LocalDate.of(1990, 3, 7), LocalDate.of(1990, 3, 8)},
            BigDecimal.class, new Object[] {new BigDecimal("100.00"), new BigDecimal("100.01")},
            Boolean.class, new Object[] {true, false},
            Instant.class, new Object[] {Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:01Z")});

    private static final Map<String, Object[]> LISTS = Map.of(
            "consents", new Object[] {List.of(new CustomerInput.ConsentInput("SMS", true)),
                List.of(new CustomerInput.ConsentInput("SMS", false))},
            "identities", new Object[] {List.of(new CustomerInput.IdentityInput(Channel.WECHAT, "wx-1")),
                List.of(new CustomerInput.IdentityInput(Channel.WECHAT, "wx-2"))},
            "products", new Object[] {List.of(new CustomerInput.HeldProductInput("DEP", LocalDate.of(2020, 1, 1), BigDecimal.ONE)),
                List.of(new CustomerInput.HeldProductInput("DEP", LocalDate.of(2020, 1, 1), BigDecimal.TEN))});

    @Test
    void theSameRowHasTheSameHash() throws Exception {
        assertThat(CustomerRows.contentHash(row(null, 0))).isEqualTo(CustomerRows.contentHash(row(null, 0)));
    }

    @Test
    void changingAnyFieldChangesTheHash() throws Exception {
        String base = CustomerRows.contentHash(row(null, 0));
        for (RecordComponent component : CustomerInput.class.getRecordComponents()) {
            assertThat(CustomerRows.contentHash(row(component.getName(), 1))).as("changed %s", component.getName())
                    .isNotEqualTo(base);
            assertThat(CustomerRows.contentHash(row(component.getName(), -1))).as("left out %s", component.getName())
                    .isNotEqualTo(base);
        }
    }

    @Test
    void aValueMovedToTheNextFieldChangesTheHash() {
        CustomerInput ab = new CustomerInput("R1", "ab", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        CustomerInput aThenB = new CustomerInput("R1", "a", "b", null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        assertThat(CustomerRows.contentHash(ab)).isNotEqualTo(CustomerRows.contentHash(aThenB));
    }

    /** The base row with {@code changed} set to its other value (1) or left out (-1). */
    private static CustomerInput row(String changed, int variant) throws Exception {
        RecordComponent[] components = CustomerInput.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Object[] choices = LISTS.containsKey(name) ? LISTS.get(name) : VALUES.get(components[i].getType());
            assertThat(choices).as("test values for %s", name).isNotNull();
            boolean isChanged = name.equals(changed);
            values[i] = isChanged && variant < 0 ? null : choices[isChanged ? variant : 0];
        }
        Constructor<CustomerInput> constructor = CustomerInput.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return constructor.newInstance(values);
    }
}
