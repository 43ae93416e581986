package dev.strata.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Records the commands the MongoDB driver sends outside background jobs, so tests can prove a request costs a fixed number of them. */
public class MongoCommandCounter implements CommandListener {

    private final List<String> commands = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (Thread.currentThread().getName().startsWith("scheduling-")) {
            return; // background jobs (index catch-up, RULE label upkeep) are not part of any request's cost
        }
        commands.add(event.getCommandName() + " " + event.getCommand().get(event.getCommandName()));
    }

    public void reset() {
        commands.clear();
    }

    /** The commands sent since the last reset, as "name collection". */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** Registers the counter with the application's Mongo client. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {

        @Bean
        MongoCommandCounter mongoCommandCounter() {
            return new MongoCommandCounter();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer commandCounting(MongoCommandCounter counter) {
            return settings -> settings.addCommandListener(counter);
        }
    }
}
