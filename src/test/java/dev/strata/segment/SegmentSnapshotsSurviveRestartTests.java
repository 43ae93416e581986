package dev.strata.segment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.strata.StrataApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot is stored, not remembered: on the file store it holds the same members after a restart, however many chunks. */
class SegmentSnapshotsSurviveRestartTests {

    @TempDir
    Path dataDir;

    @Test
    void aSnapshotKeepsItsMembersAcrossARestart() {
        String snapshotId;
        RoaringBitmap frozen;
        SegmentSnapshot chunked;
        RoaringBitmap wide = RoaringBitmap.bitmapOf();
        for (int seq = 0; seq < 300_000; seq += 3) {
            wide.add(seq);
        }
        try (ConfigurableApplicationContext first = start()) {
            HttpGraphQlTester marketer = tester(first, login(first, "marketer"));
            String segmentId = marketer.documentName("mobile/CreateSegment").variable("input", Map.of("name", "restart",
                    "rule", Map.of("tierIn", List.of("ORDINARY", "GOLD", "PLATINUM", "DIAMOND")))).execute()
                    .path("createSegment.segment.id").entity(String.class).get();
            var snapshot = marketer.documentName("mobile/SnapshotSegment").variable("input", Map.of("segmentId", segmentId))
                    .execute();
            snapshot.path("snapshotSegment.snapshot.count").entity(Integer.class).isEqualTo(60);
            snapshotId = snapshot.path("snapshotSegment.snapshot.id").entity(String.class).get();
            SegmentSnapshots snapshots = first.getBean(SegmentSnapshots.class);
            frozen = snapshots.members(snapshots.find(localId(snapshotId)).orElseThrow());
            chunked = snapshots.take(localId(segmentId), wide, "test", 1024);
        }
        try (ConfigurableApplicationContext second = start()) {
            SegmentSnapshots snapshots = second.getBean(SegmentSnapshots.class);
            RoaringBitmap reloaded = snapshots.members(snapshots.find(localId(snapshotId)).orElseThrow());
            assertThat(reloaded.equals(frozen)).as("members after the restart equal those before").isTrue();
            assertThat(reloaded.getCardinality()).isEqualTo(60);
            assertThat(chunked.chunks()).isGreaterThan(1);
            assertThat(snapshots.members(snapshots.find(chunked.id()).orElseThrow()).equals(wide)).isTrue();
            tester(second, login(second, "marketer")).document("query($id: ID!) { node(id: $id) { ... on SegmentSnapshot { count } } }")
                    .variable("id", snapshotId).execute().path("node.count").entity(Integer.class).isEqualTo(60);
        }
    }

    private static String localId(String globalId) {
        return dev.strata.graphql.GlobalId.decode(globalId).localId();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StrataApplication.class).run(
                "--server.port=0",
                "--strata.data-dir=" + dataDir,
                "--strata.embedded-mongo.store=file",
                "--strata.security.admin-password=restart-admin-pass",
                "--strata.security.jwt-secret=",
                "--strata.security.bcrypt-strength=4",
                "--strata.demo.customers=60",
                "--strata.warmup.duration=PT0S",
                "--strata.demo.password=restart-demo-pass");
    }

    private static String login(ConfigurableApplicationContext context, String username) {
        return tester(context, null).documentName("mobile/Login").variable("username", username)
                .variable("password", "restart-demo-pass").execute().path("login.token").entity(String.class).get();
    }

    private static HttpGraphQlTester tester(ConfigurableApplicationContext context, String token) {
        String port = context.getEnvironment().getProperty("local.server.port");
        WebTestClient.Builder client = WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port + "/graphql");
        if (token != null) {
            client.defaultHeader("Authorization", "Bearer " + token);
        }
        return HttpGraphQlTester.builder(client)
                .documentSource(new ResourceDocumentSource(List.of(new FileSystemResource("client-examples/")), List.of(".graphql")))
                .build();
    }
}
