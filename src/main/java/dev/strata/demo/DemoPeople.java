package dev.strata.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import dev.strata.customer.ChineseIds;

/** Generates synthetic but well-formed Chinese people: names, mobile numbers, birth dates and GB 11643 resident IDs. */
final class DemoPeople {

    /** One generated person; the ID number encodes the birth date and, in its 17th digit, the gender. */
    record Person(String name, String gender, LocalDate birthDate, String phone, String idNumber) {
    }

    /** Common surnames, most frequent first (picked with a skew towards the front). */
    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
            + "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
            .split("");
    private static final String[] MALE = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林阳建国志文博晨轩睿哲子皓然天翔锋成东海峰毅诚"
            .split("");
    private static final String[] FEMALE = "芳娜敏静丽艳娟霞秀玲英萍红婷雪琳慧莉颖倩洁琴云燕晶欣怡雨佳梦思涵诗月悦蕾薇彤瑶婉嘉琪璐岚晓丹蓉"
            .split("");
    /** Number blocks of the three mainland carriers. */
    private static final int[] MOBILE_PREFIXES = {134, 135, 136, 137, 138, 139, 147, 150, 151, 152, 157, 158, 159, 178,
            182, 183, 187, 188, 198, 130, 131, 132, 155, 156, 166, 175, 176, 185, 186, 133, 153, 173, 177, 180, 181, 189, 199};
    /** Districts elsewhere in China, for customers born away from the branch's city. */
    static final List<String> ELSEWHERE = List.of("110101", "110105", "440106", "440305", "510104", "420102", "370102",
            "410105", "430102", "340104", "360102", "500103", "610113", "350203", "210102", "130102", "230103", "450103");
    private static final int HALF = 10_000;

    private final SplittableRandom random;
    private final long[] phoneKeys = new long[4];
    private final Set<Long> issuedIds = new HashSet<>();

    DemoPeople(SplittableRandom random) {
        this.random = random;
        for (int i = 0; i < phoneKeys.length; i++) {
            phoneKeys[i] = random.nextLong();
        }
    }

    /**
     * A person born in one of {@code homeRegions} (or, for about a third, elsewhere in China), aged
     * {@code minAge}..{@code maxAge} on {@code today}. Distinct {@code phoneIndex} values get distinct numbers.
     */
    Person person(long phoneIndex, LocalDate today, List<String> homeRegions, int minAge, int maxAge) {
        String gender = random.nextBoolean() ? "M" : "F";
        LocalDate birthDate = birthDate(today, minAge, maxAge);
        String region = random.nextDouble() < 0.65 ? pick(homeRegions) : pick(ELSEWHERE);
        return new Person(name(gender), gender, birthDate, phone(phoneIndex), idNumber(region, birthDate, gender));
    }

    /** Surname plus a one- or two-character given name typical for the gender. */
    String name(String gender) {
        String[] given = "M".equals(gender) ? MALE : FEMALE;
        double u = random.nextDouble();
        StringBuilder name = new StringBuilder(SURNAMES[(int) (SURNAMES.length * u * u)]);
        name.append(given[random.nextInt(given.length)]);
        if (random.nextDouble() < 0.7) {
            name.append(given[random.nextInt(given.length)]);
        }
        return name.toString();
    }

    /**
     * An 11-digit mobile number whose last eight digits are a keyed permutation (a Feistel network over two
     * four-digit halves) of {@code index} modulo 10^8: distinct indexes never share a number, yet look unrelated.
     */
    String phone(long index) {
        int prefix = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)];
        long value = Math.floorMod(index, (long) HALF * HALF);
        int left = (int) (value / HALF);
        int right = (int) (value % HALF);
        for (long key : phoneKeys) {
            int mixed = (int) Math.floorMod(mix(key ^ right), (long) HALF);
            int next = (left + mixed) % HALF;
            left = right;
            right = next;
        }
        return prefix + String.format("%04d%04d", left, right);
    }

    /** MurmurHash3's 64-bit finaliser: the round function of the phone permutation. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Ages cluster around the mid-forties, as in a retail bank's book. */
    LocalDate birthDate(LocalDate today, int minAge, int maxAge) {
        int age = (int) Math.round(45 + 14 * random.nextGaussian());
        age = Math.max(minAge, Math.min(maxAge, age));
        return today.minusYears(age).minusDays(random.nextInt(365));
    }

    /** Region, birth date, a sequence whose last digit is odd for men, and the check character; never issued twice. */
    String idNumber(String region, LocalDate birthDate, String gender) {
        String date = String.format("%04d%02d%02d", birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth());
        int parity = "M".equals(gender) ? 1 : 0;
        for (int attempt = 0;; attempt++) {
            String place = attempt < 50 ? region : pick(ELSEWHERE);
            int sequence = random.nextInt(100) * 10 + random.nextInt(5) * 2 + parity;
            String first17 = place + date + String.format("%03d", sequence);
            if (issuedIds.add(Long.parseLong(first17))) {
                return first17 + ChineseIds.checkDigit(first17);
            }
        }
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
