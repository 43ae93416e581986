package dev.strata.customer;

import java.time.LocalDate;
import java.time.Period;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A masked value leaves at least 10,000 candidates, counted for real: every ID number that matches the mask,
 * the customer's age today and gender and (worst case) their exact county code, with a valid check digit;
 * every phone number that matches the phone mask.
 */
class MaskingTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static Stream<Arguments> idNumbers() {
        return Stream.of(Arguments.of("110101199003070011", "M"), Arguments.of("310101199003077764", "F"),
                Arguments.of("440305200002290017", "M"), Arguments.of("510104195012319987", "F"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idNumbers")
    void aMaskedIdNumberLeavesAtLeastTenThousandCandidatesEvenKnowingCountyAgeAndGender(String id, String gender) {
        String masked = Masking.maskIdNumber(id);
        assertThat(masked).hasSize(18).matches("[0-9]{2}\\*{15}[0-9X]");
        int age = Period.between(ChineseIds.birthDate(id), TODAY).getYears();
        String county = id.substring(0, 6);   // worst case: the branch gives the county away
        long candidates = 0;
        for (LocalDate day = TODAY.minusYears(age + 1); !day.isAfter(TODAY.minusYears(age)); day = day.plusDays(1)) {
            if (Period.between(day, TODAY).getYears() != age) {
                continue;
            }
            String prefix = county + day.toString().replace("-", "");
            for (int seq = 0; seq < 1000; seq++) {
                if ((seq % 2 == 1) != gender.equals("M")) {
                    continue;   // the 17th digit is odd for men, even for women
                }
                String first17 = prefix + String.format("%03d", seq);
                String candidate = first17 + ChineseIds.checkDigit(first17);
                if (matches(masked, candidate)) {
                    candidates++;
                }
            }
        }
        System.out.printf("%s → %s: %d candidates%n", id, masked, candidates);
        assertThat(candidates).isGreaterThanOrEqualTo(10_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phones")
    void aMaskedPhoneHidesAtLeastFourDigitsAndLeavesAtLeastTenThousandCandidates(String phone) {
        String masked = Masking.maskPhone(phone);
        assertThat(masked).hasSize(phone.length());
        long hidden = masked.chars().filter(c -> c == '*').count();
        assertThat(hidden).isGreaterThanOrEqualTo(4);
        long candidates = (long) Math.pow(10, hidden);   // any digit may stand behind each star
        assertThat(candidates).isGreaterThanOrEqualTo(10_000);
        assertThat(matches(masked, phone)).isTrue();
    }

    static Stream<String> phones() {
        return Stream.of("13812345678", "18600001111", "15999999999");
    }

    private static boolean matches(String masked, String candidate) {
        if (masked.length() != candidate.length()) {
            return false;
        }
        for (int i = 0; i < masked.length(); i++) {
            if (masked.charAt(i) != '*' && masked.charAt(i) != candidate.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
