package dev.strata.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import dev.strata.campaign.Campaign;
import dev.strata.campaign.CampaignStatus;
import dev.strata.campaign.JourneyStep;
import dev.strata.campaign.JourneyStep.StepKind;
import dev.strata.campaign.PastCampaigns;
import dev.strata.customer.Customer;
import dev.strata.shared.Channel;
import dev.strata.shared.Scope;
import dev.strata.task.TaskService;
import dev.strata.touchpoint.TouchpointStatus;

/**
 * Demo campaigns so the dashboards have something to show: two finished and one running (with touchpoints along the
 * funnel, revenue and RM tasks), and one waiting at each maker-checker step for the client examples. Every campaign
 * draws from a random stream of its own, so its IDs and tokens do not depend on how many customers are seeded.
 */
final class DemoCampaigns {

    /** How many of the first demo customers the past campaigns reach. */
    static final int REACHED = 2_000;
    static final String MAKER = "marketer";
    static final String CHECKER = "admin";

    private final SplittableRandom root;
    private final DemoIds campaignIds;
    private final Instant now;

    DemoCampaigns(SplittableRandom random, Instant now) {
        this.root = random;
        this.campaignIds = new DemoIds(random.split());
        this.now = now;
    }

    /** A campaign with what it already did. */
    record Past(Campaign campaign, int audience, List<PastCampaigns.Enrolled> enrolled) {
    }

    /** What to store: campaigns with history, campaigns waiting for a maker-checker step, and open RM tasks. */
    record Plan(List<Past> past, List<Campaign> waiting, List<TaskService.NewTask> tasks) {
    }

    Plan plan(List<Customer> customers) {
        List<Customer> reached = customers.subList(0, Math.min(REACHED, customers.size()));
        List<Past> past = new ArrayList<>();
        past.add(history(campaign("春季定存推送 Spring time-deposit push", CampaignStatus.COMPLETED, 40, 20, List.of(
                send("offer", Channel.SMS, "{name}，一年期定期利率上调，详询{rmName}", List.of(
                        new JourneyStep.TemplateVariant("A", "{name}，一年期定存利率上调", 60),
                        new JourneyStep.TemplateVariant("B", "{name}，定存限时加息，点击预约", 40)), "DEP-TIME-1Y"))),
                reached, List.of(Channel.SMS), 0.04));
        past.add(history(campaign("微信理财周 WeChat wealth week", CampaignStatus.COMPLETED, 30, 16, List.of(
                send("wechat", Channel.WECHAT, "{name}，稳健理财周，{product}", null, "WM-STEADY-180"),
                send("push", Channel.APP_PUSH, "{name}，理财周最后一天", null, null))),
                reached, List.of(Channel.WECHAT, Channel.APP_PUSH), 0.03));
        Past running = history(campaign("信用卡激活提醒 Card activation reminder", CampaignStatus.RUNNING, 3, -11, List.of(
                send("push", Channel.APP_PUSH, "{name}，您的金卡尚未激活", null, null),
                new JourneyStep("call", StepKind.ASSIGN_TASK, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, "致电客户协助激活信用卡", Duration.ofDays(3), null))),
                reached, List.of(Channel.APP_PUSH), 0.02);
        past.add(running);
        List<Campaign> waiting = List.of(
                campaign("养老账户介绍 Pension account intro", CampaignStatus.DRAFT, 0, -30, sms("pension")),
                campaign("中秋礼遇 Mid-autumn gift", CampaignStatus.PENDING_APPROVAL, 0, -30, sms("gift")),
                campaign("代发工资迁移提醒 Payroll switch reminder", CampaignStatus.APPROVED, 0, -30, sms("payroll")),
                campaign("小程序签到礼 Mini-program sign-in gift", CampaignStatus.APPROVED, 0, -30, List.of(
                        send("miniapp", Channel.MINI_PROGRAM, "{name}，签到领积分", null, null))));
        return new Plan(past, waiting, tasks(running, reached));
    }

    /** One open follow-up per RM: their first reached customer in the running campaign. */
    private List<TaskService.NewTask> tasks(Past running, List<Customer> reached) {
        DemoIds taskIds = new DemoIds(root.split());
        Set<String> managers = new HashSet<>();
        List<TaskService.NewTask> tasks = new ArrayList<>();
        for (Customer customer : reached) {
            if (customer.managerCode() != null && managers.add(customer.managerCode())) {
                String campaignId = running.campaign().id();
                tasks.add(new TaskService.NewTask("demo|" + campaignId + "|" + customer.id(), customer.id(),
                        customer.managerCode(), "致电客户协助激活信用卡", campaignId, "call",
                        now.plus(Duration.ofDays(1 + tasks.size() % 3)), taskIds.next()));
            }
        }
        return tasks;
    }

    private Past history(Campaign campaign, List<Customer> reached, List<Channel> channels, double conversion) {
        SplittableRandom random = root.split();
        DemoIds touchpointIds = new DemoIds(random.split());
        List<PastCampaigns.Enrolled> enrolled = new ArrayList<>();
        for (Customer customer : reached) {
            boolean control = PastCampaigns.isControl(campaign.id(), customer.id(), campaign.controlGroupPercent());
            Instant at = campaign.launchedAt().plusSeconds(random.nextLong(3_600));
            List<PastCampaigns.Contact> contacts = new ArrayList<>();
            for (int step = 0; !control && step < channels.size(); step++) {
                Channel channel = channels.get(step);
                JourneyStep send = campaign.journey().get(step);
                String variant = send.variants() == null ? null : random.nextInt(100) < 60 ? "A" : "B";
                boolean consents = customer.consents().stream().anyMatch(c -> c.channel() == channel && c.granted());
                TouchpointStatus status = consents ? funnel(random, conversion) : TouchpointStatus.SUPPRESSED;
                BigDecimal revenue = status == TouchpointStatus.CONVERTED
                        ? BigDecimal.valueOf(1_000 + random.nextInt(4_900_000), 2) : null;
                contacts.add(new PastCampaigns.Contact(touchpointIds.next(), token(random), channel, send.key(), variant,
                        status, consents ? null : "NO_CONSENT no consent for [" + channel + "]", revenue,
                        at.plus(Duration.ofDays(2L * step))));
            }
            enrolled.add(new PastCampaigns.Enrolled(customer.id(), control, at, random.nextDouble() < conversion / 2,
                    contacts));
        }
        return new Past(campaign, reached.size(), enrolled);
    }

    private static TouchpointStatus funnel(SplittableRandom random, double conversion) {
        double draw = random.nextDouble();
        return draw < conversion ? TouchpointStatus.CONVERTED : draw < 0.12 ? TouchpointStatus.CLICKED
                : draw < 0.35 ? TouchpointStatus.OPENED : draw < 0.9 ? TouchpointStatus.DELIVERED : TouchpointStatus.SENT;
    }

    private static String token(SplittableRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code startedDaysAgo}/{@code endsDaysAgo} (negative: ends in the future); a DRAFT has neither launch nor approval. */
    private Campaign campaign(String name, CampaignStatus status, int startedDaysAgo, int endsDaysAgo, List<JourneyStep> journey) {
        boolean launched = status == CampaignStatus.RUNNING || status == CampaignStatus.COMPLETED;
        boolean approved = launched || status == CampaignStatus.APPROVED;
        Instant start = now.minus(Duration.ofDays(startedDaysAgo));
        Instant end = now.minus(Duration.ofDays(endsDaysAgo));
        return new Campaign(campaignIds.next(), name, "Demo: " + name, status, List.of(), null, List.of(),
                launched ? 10 : 0, launched ? start : null, end, new Campaign.Goal("PURCHASE", Duration.ofDays(14)),
                List.of(new Campaign.ChannelCost(Channel.SMS, new BigDecimal("0.05")),
                        new Campaign.ChannelCost(Channel.WECHAT, new BigDecimal("0.02")),
                        new Campaign.ChannelCost(Channel.APP_PUSH, new BigDecimal("0.01"))),
                journey, null, MAKER, Scope.Kind.ALL, null, approved ? CHECKER : null, null, launched ? start : null,
                status == CampaignStatus.COMPLETED ? end : null, new Campaign.EnrollmentJob(false, null, null),
                start.minus(Duration.ofDays(2)), launched ? start : now.minus(Duration.ofDays(1)), 0, null);
    }

    private static List<JourneyStep> sms(String key) {
        return List.of(send(key, Channel.SMS, "{name}，{rmName}为您准备了礼遇", null, null));
    }

    private static JourneyStep send(String key, Channel channel, String template, List<JourneyStep.TemplateVariant> variants,
            String product) {
        return new JourneyStep(key, StepKind.SEND, null, channel, null, null, template, variants, product, null, null, null,
                null, null, null, null, null, null, null, null);
    }
}
