package dev.strata.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.strata.branch.Branch;
import dev.strata.manager.RelationshipManager;

/** The demo bank's five branches and twenty relationship managers (four a branch), generated from the seed. */
final class DemoOrganisation {

    static final int RMS_PER_BRANCH = 4;

    /** A branch with the districts of its city, the likeliest birthplaces of its customers. */
    record BranchSite(String code, String name, String city, List<String> districts) {
    }

    static final List<BranchSite> SITES = List.of(
            new BranchSite("BR01", "上海浦东支行", "上海", List.of("310115", "310104", "310101")),
            new BranchSite("BR02", "上海徐汇支行", "上海", List.of("310104", "310105", "310112")),
            new BranchSite("BR03", "杭州西湖支行", "杭州", List.of("330106", "330102", "330105")),
            new BranchSite("BR04", "南京鼓楼支行", "南京", List.of("320106", "320102", "320104")),
            new BranchSite("BR05", "苏州工业园区支行", "苏州", List.of("320508", "320505", "320506")));
    private static final String[] TITLES = {"客户经理", "高级客户经理", "理财经理", "财富顾问", "私人银行客户经理"};
    /** Phone indexes for RMs sit far above any customer index, so RM and customer numbers never clash. */
    private static final long RM_PHONE_INDEX = 99_000_000L;

    private final List<Branch> branches;
    private final List<RelationshipManager> managers;

    private DemoOrganisation(List<Branch> branches, List<RelationshipManager> managers) {
        this.branches = branches;
        this.managers = managers;
    }

    /** Branch names and cities are fixed; RM names, titles and phones come from the random stream. */
    static DemoOrganisation generate(DemoPeople people, SplittableRandom random, LocalDate today, Instant now) {
        List<Branch> branches = new ArrayList<>();
        List<RelationshipManager> managers = new ArrayList<>();
        for (BranchSite site : SITES) {
            branches.add(new Branch(site.code(), site.name(), site.city(), now));
            for (int i = 0; i < RMS_PER_BRANCH; i++) {
                int number = managers.size() + 1;
                DemoPeople.Person person = people.person(RM_PHONE_INDEX + number, today, site.districts(), 24, 58);
                String title = i == 0 ? "高级客户经理" : TITLES[random.nextInt(TITLES.length)];
                managers.add(new RelationshipManager(String.format("RM%03d", number), person.name(), site.code(), title,
                        person.phone(), now));
            }
        }
        return new DemoOrganisation(List.copyOf(branches), List.copyOf(managers));
    }

    List<Branch> branches() {
        return branches;
    }

    List<RelationshipManager> managers() {
        return managers;
    }

    static BranchSite site(String branchCode) {
        return SITES.stream().filter(s -> s.code().equals(branchCode)).findFirst().orElse(SITES.get(0));
    }
}
