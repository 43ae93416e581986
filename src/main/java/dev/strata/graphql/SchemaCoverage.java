package dev.strata.graphql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.SchemaReport;

/** Inspects the schema against the controllers at start and keeps the report, so a test can demand full coverage. */
@Configuration(proxyBeanMethods = false)
public class SchemaCoverage {

    private static final Logger log = LoggerFactory.getLogger(SchemaCoverage.class);

    private volatile SchemaReport report;

    @Bean
    GraphQlSourceBuilderCustomizer schemaCoverageInspection() {
        return builder -> builder.inspectSchemaMappings(this::record);
    }

    private void record(SchemaReport report) {
        this.report = report;
        if (!isComplete(report)) {
            log.warn("{}", report);
        }
    }

    /** The last inspection's report: unmapped fields, arguments and skipped types. */
    public SchemaReport report() {
        return report;
    }

    public static boolean isComplete(SchemaReport report) {
        return report.unmappedFields().isEmpty() && report.unmappedArguments().isEmpty()
                && report.unmappedRegistrations().isEmpty() && report.skippedTypes().isEmpty();
    }
}
