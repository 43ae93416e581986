package dev.strata.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts the store round trips a benchmark causes, per command and collection, so a profile says what a request costs.
 * Only with {@code -Dbench.commands=true}: any command listener makes the driver copy every command and reply for it,
 * which would add its own cost to the figures it prints beside.
 */
final class StoreCommandCounter implements CommandListener {

    static final boolean ON = Boolean.getBoolean("bench.commands");

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue target = event.getCommand().get(event.getCommandName());
        String collection = target != null && target.isString() ? target.asString().getValue() : "-";
        counts.computeIfAbsent(event.getCommandName() + " " + collection, k -> new LongAdder()).increment();
    }

    /** The counts since the last call, sorted by command, and starts counting afresh. */
    Map<String, Long> takeCounts() {
        Map<String, Long> taken = new TreeMap<>();
        counts.forEach((key, n) -> taken.put(key, n.sumThenReset()));
        taken.values().removeIf(n -> n == 0);
        return taken;
    }

    /** Listens to the application's store client, when counting is on. */
    void attachTo(ConfigurableApplicationContext context) {
        if (ON) {
            context.getBeanFactory().registerSingleton("benchCommandCounter",
                    (MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(this));
        }
    }

    /** The counts since the last call per {@code unit} ("visit"): the total, then each command's share. */
    String takePer(long units, String unit) {
        if (!ON) {
            return "store round trips not counted (-Dbench.commands=true counts them)";
        }
        Map<String, Long> taken = takeCounts();
        double per = Math.max(1, units);
        StringBuilder line = new StringBuilder(String.format("store round trips per %s %.2f:", unit,
                taken.values().stream().mapToLong(Long::longValue).sum() / per));
        taken.forEach((command, n) -> line.append(String.format(" %s %.3f;", command, n / per)));
        return line.toString();
    }
}
